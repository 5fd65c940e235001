"""Word's automatic numbering, rendered as printed: the "1." and "(a)" that are not in the text.

In a Word letter the number before each comment is list numbering: the paragraph says only
``numId 3, level 0``, and ``numbering.xml`` says how to count (start value, format, the
``lvlText`` pattern such as ``%1.`` or ``(%2)``, restarts). A reader that takes the text alone
finds no numbered items, so the numbers are computed here as Word does while it lays the
document out: one counter per level of each list, deeper levels starting again after a
shallower one moves, and a list instance with a ``startOverride`` starting again where it is
first used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from tandy.document.word_styles import W, Styles, attr

_BULLET = "\u2022"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd"}
LEVELS = 9


def format_number(value: int, fmt: str | None) -> str:
    """A counter in one of Word's number formats (``decimal``, ``lowerRoman``, ``upperLetter``...).

    Also the page-field switches (``roman``, ``ALPHABETIC``, ``Arabic``), which name the same
    formats. Unknown formats print as decimal, which is what Word falls back on.
    """
    fmt = fmt or "decimal"
    if fmt in ("lowerRoman", "upperRoman", "roman", "ROMAN"):
        text = _roman(value)
        return text.upper() if fmt in ("upperRoman", "ROMAN") else text
    if fmt in ("lowerLetter", "upperLetter", "alphabetic", "ALPHABETIC"):
        text = _letters(value)
        return text.upper() if fmt in ("upperLetter", "ALPHABETIC") else text
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "ordinal":
        suffix = "th" if 10 <= value % 100 <= 20 else _ORDINAL_SUFFIX.get(value % 10, "th")
        return f"{value}{suffix}"
    if fmt == "none":
        return ""
    return str(value)


def _roman(value: int) -> str:
    if value <= 0:
        return str(value)
    out = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def _letters(value: int) -> str:
    """Word's letter numbering: a..z, then aa..zz, then aaa..."""
    if value <= 0:
        return str(value)
    letter = chr(ord("a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None
    legal: bool = False
    suffix: str = "tab"


@dataclass(slots=True)
class _Instance:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


class Numbering:
    """The numbering definitions of one document and the counters of one pass over it.

    Each view of a document with tracked changes (as proposed, as before) counts afresh: a
    paragraph inserted by a change is numbered in one view and not in the other.
    """

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.instances: dict[str, _Instance] = {}
        self.styles = styles
        self._links: dict[str, str] = {}
        if root is not None:
            self._read(root)
        self.reset()

    def reset(self) -> None:
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()

    def _read(self, root: etree._Element) -> None:
        for node in root.iterfind(f"{W}abstractNum"):
            aid = attr(node, "abstractNumId") or ""
            self.abstract[aid] = {int(attr(lvl, "ilvl") or 0): _level(lvl) for lvl in node.iterfind(f"{W}lvl")}
            link = node.find(f"{W}numStyleLink")
            if link is not None and attr(link, "val"):
                self._links[aid] = attr(link, "val")
        for node in root.iterfind(f"{W}num"):
            ref = node.find(f"{W}abstractNumId")
            instance = _Instance(attr(ref, "val") or "" if ref is not None else "")
            for override in node.iterfind(f"{W}lvlOverride"):
                ilvl = int(attr(override, "ilvl") or 0)
                start = override.find(f"{W}startOverride")
                if start is not None and (attr(start, "val") or "").lstrip("-").isdigit():
                    instance.overrides[ilvl] = int(attr(start, "val"))
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    instance.levels[ilvl] = _level(lvl)
            self.instances[attr(node, "numId") or ""] = instance

    def label(self, num_id: str | None, ilvl: int) -> str | None:
        """The number printed before the next paragraph of this list and level, counting it."""
        instance = self.instances.get(num_id or "")
        if instance is None or num_id == "0":
            return None
        abstract_id = self._resolve(instance.abstract)
        levels = self.abstract.get(abstract_id, {})
        ilvl = max(0, min(ilvl, LEVELS - 1))
        level = instance.levels.get(ilvl) or levels.get(ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(abstract_id, [None] * LEVELS)
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl, start in instance.overrides.items():
                if 0 <= lvl < LEVELS:
                    counters[lvl] = start - 1
                    for deeper in range(lvl + 1, LEVELS):
                        counters[deeper] = None
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            restart = self._level(instance, levels, deeper)
            if restart is None or restart.restart != 0:
                counters[deeper] = None
        return self._render(level, instance, levels, counters)

    def _resolve(self, abstract_id: str) -> str:
        """An abstract list that only links to a numbering style is that style's list."""
        seen = set()
        while abstract_id in self._links and abstract_id not in seen:
            seen.add(abstract_id)
            num_id = self.styles.numbering_of(self._links[abstract_id])[0]
            instance = self.instances.get(num_id or "")
            if instance is None:
                break
            abstract_id = instance.abstract
        return abstract_id

    @staticmethod
    def _level(instance: _Instance, levels: dict[int, Level], ilvl: int) -> Level | None:
        return instance.levels.get(ilvl) or levels.get(ilvl)

    def _render(self, level: Level, instance: _Instance, levels: dict[int, Level], counters: list) -> str:
        if level.fmt == "bullet":
            return _bullet(level.text)
        text = level.text
        for k in range(LEVELS, 0, -1):
            token = f"%{k}"
            if token not in text:
                continue
            other = self._level(instance, levels, k - 1) or Level()
            value = counters[k - 1] if counters[k - 1] is not None else other.start
            fmt = "decimal" if level.legal and other.fmt != "none" else other.fmt
            text = text.replace(token, format_number(value, fmt))
        return text


def _level(node: etree._Element) -> Level:
    level = Level()
    for tag, name in (("start", "start"), ("numFmt", "fmt"), ("lvlText", "text"), ("lvlRestart", "restart"), ("suff", "suffix")):
        child = node.find(f"{W}{tag}")
        value = attr(child, "val") if child is not None else None
        if value is None:
            continue
        if name in ("start", "restart"):
            if value.lstrip("-").isdigit():
                setattr(level, name, int(value))
        else:
            setattr(level, name, value)
    level.legal = node.find(f"{W}isLgl") is not None
    return level


def _bullet(text: str) -> str:
    """A bullet as printed: symbol-font characters (private use, U+F0xx) are shown as a dot."""
    if not text or any("\uf000" <= c <= "\uf0ff" for c in text):
        return _BULLET
    return text
