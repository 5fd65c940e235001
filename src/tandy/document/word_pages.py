"""Which number Word prints on each page: sections, their page numbering, their footers' PAGE field.

A .docx stores no pages. It stores the breaks an author made (page breaks, section breaks) and,
when Word saved it, the breaks its layout found (``w:lastRenderedPageBreak``). The printed
number comes from a ``PAGE`` field in the section's footer (or header): the section says where
numbering starts (``w:pgNumType w:start``) and in what format, the field's ``\\*`` switch may
override the format, and text beside it ("A-") is part of the number. A page whose header and
footer hold no PAGE field prints no number; a document whose layout Word never recorded has no
known page numbers at all, and saying so beats guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from tandy.document.word_numbering import format_number
from tandy.document.word_styles import W, attr
from tandy.source.docx import Package

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PAGE_FIELD = re.compile(r"(?<![A-Z])PAGE(?![A-Z])(?:[^\\]*\\\*\s*(\w+))?", re.I)
_PREFIX = re.compile(r"([A-Z]{1,2}-)\s*#")


@dataclass(slots=True)
class Section:
    """A section's page setup: how it starts, where its numbering starts, its header/footer ids."""

    start: str = "nextPage"
    number_start: int | None = None
    number_format: str | None = None
    title_page: bool = False
    references: dict[str, list[str]] = field(default_factory=dict)

    @property
    def breaks_page(self) -> bool:
        return self.start not in ("continuous", "nextColumn")


def read_section(sectpr: etree._Element | None) -> Section:
    section = Section()
    if sectpr is None:
        return section
    kind = sectpr.find(f"{W}type")
    if kind is not None and attr(kind, "val"):
        section.start = attr(kind, "val")
    numbering = sectpr.find(f"{W}pgNumType")
    if numbering is not None:
        start = attr(numbering, "start")
        section.number_start = int(start) if start and start.isdigit() else None
        section.number_format = attr(numbering, "fmt")
    section.title_page = sectpr.find(f"{W}titlePg") is not None and (attr(sectpr.find(f"{W}titlePg"), "val") or "1") not in ("0", "false")
    for tag in ("footerReference", "headerReference"):
        for ref in sectpr.iterfind(f"{W}{tag}"):
            section.references.setdefault(attr(ref, "type") or "default", []).append(ref.get(f"{_R}id") or "")
    return section


@dataclass(slots=True)
class PageField:
    """How a header or footer prints the page number: the format switch and any prefix."""

    switch: str | None
    prefix: str = ""


def page_field(root: etree._Element | None) -> PageField | None:
    """The PAGE field of a header or footer part, if it has one."""
    if root is None:
        return None
    for para in root.iter(f"{W}p"):
        found = _field_in(para)
        if found:
            return found
    return None


def _field_in(para: etree._Element) -> PageField | None:
    """Read a paragraph as printed with the PAGE field's result as ``#``; the prefix sits before it."""
    pieces: list[str] = []
    switch = None
    found = False
    instr: list[str] = []
    state = "text"
    for node in para.iter(f"{W}t", f"{W}fldSimple", f"{W}fldChar", f"{W}instrText"):
        tag = node.tag
        if tag == f"{W}fldSimple":
            match = _PAGE_FIELD.search(attr(node, "instr") or "")
            if match:
                found, switch = True, match.group(1)
                pieces.append("#")
        elif tag == f"{W}fldChar":
            kind = attr(node, "fldCharType")
            if kind == "begin":
                state, instr = "code", []
            elif kind == "separate":
                state = "result"
            elif kind == "end":
                match = _PAGE_FIELD.search("".join(instr))
                if match and not re.search(r"NUM|SECTION", "".join(instr), re.I):
                    found, switch = True, match.group(1)
                    pieces.append("#")
                state = "text"
        elif tag == f"{W}instrText":
            instr.append(node.text or "")
        elif state == "text" and not _inside_simple_field(node):
            pieces.append(node.text or "")
    if not found:
        return None
    prefix = _PREFIX.search("".join(pieces))
    return PageField(switch, prefix.group(1) if prefix else "")


def _inside_simple_field(node: etree._Element) -> bool:
    parent = node.getparent()
    while parent is not None and parent.tag != f"{W}p":
        if parent.tag == f"{W}fldSimple":
            return True
        parent = parent.getparent()
    return False


def printed_numbers(package: Package, sections: list[Section], starts: list[tuple[int, bool]]) -> list[str | None]:
    """The number printed on each page, given each page's section and whether it opens it."""
    fields: dict[str, PageField | None] = {}
    out: list[str | None] = []
    counter = 0
    effective: list[dict[str, list[str]]] = []
    for section in sections:
        inherited = dict(effective[-1]) if effective else {}
        inherited.update(section.references)
        effective.append(inherited)
    for index, (s, opens) in enumerate(starts):
        section = sections[s]
        if index == 0 or (opens and section.number_start is not None):
            counter = section.number_start if section.number_start is not None else 1
        else:
            counter += 1
        kind = "first" if opens and section.title_page else "default"
        ids = effective[s].get(kind, []) if kind == "first" else effective[s].get("default", [])
        found = None
        for rid in ids:
            name = package.related.get(rid)
            if name not in fields:
                fields[name] = page_field(package.xml(name))
            found = found or fields[name]
        if found is None:
            out.append(None)
            continue
        fmt = found.switch if found.switch and found.switch.lower() != "mergeformat" else section.number_format
        out.append(found.prefix + format_number(counter, "decimal" if fmt and fmt.lower() == "arabic" else fmt))
    return out
