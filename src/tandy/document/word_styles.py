"""Word styles: what a paragraph's or run's named style makes it (heading, bold, numbered).

A Word heading is usually "Heading 2" from ``styles.xml``, not bold runs; a numbered comment is
often numbered by its style ("List Number"). Styles inherit through ``basedOn``, so each
question is answered along that chain, once per style.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{NS}}}"
BOLD, ITALIC, UNDERLINE = 1, 2, 4
_HEADING_NAME = re.compile(r"^(?:heading\s*\d|title|subtitle)$", re.I)
_OFF = {"0", "false", "off", "none"}


def attr(node: etree._Element | None, name: str) -> str | None:
    """A ``w:`` attribute of an element."""
    return None if node is None else node.get(f"{W}{name}")


def toggle(node: etree._Element | None) -> bool | None:
    """An on/off property (``<w:b/>``, ``<w:b w:val="0"/>``): True, False, or None when absent."""
    if node is None:
        return None
    return (attr(node, "val") or "true") not in _OFF


_TOGGLES = {W + "b": BOLD, W + "i": ITALIC, W + "u": UNDERLINE}
_VANISH, _RSTYLE, _VAL = W + "vanish", W + "rStyle", W + "val"


def emphasis(rpr: etree._Element | None) -> tuple[int, int]:
    """The emphasis bits a run-properties element sets and those it clears."""
    set_bits, clear_bits, _, _ = run_properties(rpr)
    return set_bits, clear_bits


def run_properties(rpr: etree._Element | None) -> tuple[int, int, bool, str | None]:
    """What a run's properties say, in one pass over them (a run is the commonest element, and
    one ``find`` per property costs more than the walk): emphasis set and cleared, hidden, style."""
    set_bits = clear_bits = 0
    hidden, style = False, None
    for child in rpr if rpr is not None else ():
        tag = child.tag
        bit = _TOGGLES.get(tag)
        if bit is not None:
            value = child.get(_VAL)
            off = value in _OFF if bit != UNDERLINE else (value or "single") in _OFF
            if off:
                clear_bits |= bit
            else:
                set_bits |= bit
        elif tag == _VANISH:
            hidden = child.get(_VAL) not in _OFF
        elif tag == _RSTYLE:
            style = child.get(_VAL)
    return set_bits, clear_bits, hidden, style


class Styles:
    """The document's styles, asked by id; answers follow ``basedOn`` and are kept."""

    def __init__(self, root: etree._Element | None) -> None:
        self._nodes: dict[str, etree._Element] = {}
        self.default_paragraph: str | None = None
        for node in root.iterfind(f"{W}style") if root is not None else ():
            sid = attr(node, "styleId") or ""
            self._nodes[sid] = node
            if attr(node, "type") == "paragraph" and attr(node, "default") in ("1", "true"):
                self.default_paragraph = sid
        # Asked once per paragraph or run, answered once per style.
        self.flags = lru_cache(maxsize=None)(self._flags)
        self.is_heading = lru_cache(maxsize=None)(self._is_heading)
        self.numbering_of = lru_cache(maxsize=None)(self._numbering_of)

    def _chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self._nodes and style_id not in seen:
            seen.add(style_id)
            node = self._nodes[style_id]
            yield node
            based = node.find(f"{W}basedOn")
            style_id = attr(based, "val") if based is not None else None

    def _flags(self, style_id: str | None) -> int:
        """Emphasis a style gives its text: the nearest style in the chain that says, says."""
        flags = decided = 0
        for node in self._chain(style_id):
            set_bits, clear_bits = emphasis(node.find(f"{W}rPr"))
            for bit in (BOLD, ITALIC, UNDERLINE):
                if not decided & bit and (set_bits | clear_bits) & bit:
                    decided |= bit
                    flags |= set_bits & bit
        return flags

    def _is_heading(self, style_id: str | None) -> bool:
        """A heading style by name (Heading 1-9, Title) or by an outline level it gives."""
        for node in self._chain(style_id):
            name = node.find(f"{W}name")
            if name is not None and _HEADING_NAME.match(attr(name, "val") or ""):
                return True
            outline = node.find(f"{W}pPr/{W}outlineLvl")
            if outline is not None and (attr(outline, "val") or "9") < "9":
                return True
        return False

    def _numbering_of(self, style_id: str | None) -> tuple[str | None, int | None]:
        """The list (numId) and level a paragraph style numbers its paragraphs with, if any."""
        for node in self._chain(style_id):
            numpr = node.find(f"{W}pPr/{W}numPr")
            if numpr is not None:
                num = numpr.find(f"{W}numId")
                ilvl = numpr.find(f"{W}ilvl")
                level = attr(ilvl, "val") if ilvl is not None else None
                return (attr(num, "val") if num is not None else None), int(level) if level and level.isdigit() else None
        return None, None
