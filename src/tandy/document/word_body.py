"""The body of a .docx walked once per view: paragraphs, tables, notes and text boxes as blocks.

A view is the document with every tracked change accepted ("after", as proposed) or rejected
("before"). Walking the same XML twice, once per view, gives each view its own text, numbering
and pages, and each change its span in both (a span where its text stands, a point where it
does not). Everything that points into the text (page starts, changes, comment anchors) is
carried as an event at an offset of the block being built, and placed once the block is laid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from tandy.document.layout import Layout, normalize
from tandy.document.model import Document, Revision, Table
from tandy.document.word_numbering import Numbering
from tandy.document.word_pages import Section
from tandy.document.word_styles import BOLD, ITALIC, UNDERLINE, W, Styles, attr, run_properties, toggle

View = Literal["after", "before"]
# Qualified tag names, made once: comparing against an f-string would build it on every element.
_bdo = W + "bdo"
_br = W + "br"
_commentRangeEnd = W + "commentRangeEnd"
_commentRangeStart = W + "commentRangeStart"
_cr = W + "cr"
_customMarkFollows = W + "customMarkFollows"
_customXml = W + "customXml"
_del = W + "del"
_delText = W + "delText"
_dir = W + "dir"
_drawing = W + "drawing"
_endnoteRef = W + "endnoteRef"
_endnoteReference = W + "endnoteReference"
_fldSimple = W + "fldSimple"
_footnoteRef = W + "footnoteRef"
_footnoteReference = W + "footnoteReference"
_gridSpan = W + "gridSpan"
_hyperlink = W + "hyperlink"
_ilvl = W + "ilvl"
_ins = W + "ins"
_lastRenderedPageBreak = W + "lastRenderedPageBreak"
_moveFrom = W + "moveFrom"
_moveTo = W + "moveTo"
_noBreakHyphen = W + "noBreakHyphen"
_numId = W + "numId"
_sectPr = W + "sectPr"
_numPr = W + "numPr"
_object = W + "object"
_outlineLvl = W + "outlineLvl"
_p = W + "p"
_pPr = W + "pPr"
_pStyle = W + "pStyle"
_pageBreakBefore = W + "pageBreakBefore"
_pict = W + "pict"
_r = W + "r"
_rPr = W + "rPr"
_sdt = W + "sdt"
_sdtContent = W + "sdtContent"
_smartTag = W + "smartTag"
_sym = W + "sym"
_t = W + "t"
_tab = W + "tab"
_tbl = W + "tbl"
_tc = W + "tc"
_tcPr = W + "tcPr"
_tr = W + "tr"
_trPr = W + "trPr"
_txbxContent = W + "txbxContent"
_vMerge = W + "vMerge"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_INSERTS = {_ins, _moveTo}
_DELETES = {_del, _moveFrom}
_CONTAINERS = {_hyperlink, _smartTag, _fldSimple, _customXml, _bdo, _dir, _sdtContent}
_PREFIX_CELL = re.compile(r"^(?:\(?\d{1,3}[.)]?|\(?[a-zA-Z][.)]|[IVXivx]{1,4}[.)]|[•·\-–—*●■◦o])$")
_SYMBOLS = {"F0B7": "•", "F0A7": "▪", "F0D8": "➢", "F0FC": "✓", "F06F": "o", "F0A8": "□"}
HEADING_SHARE = 0.6
"""An emphasis counts for a block when it covers this share of its visible characters (as in HTML)."""


class Text:
    """One block's text as it is built, with its runs' emphasis and the events inside it."""

    __slots__ = ("parts", "flags", "length", "events")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.flags: list[int] = []
        self.length = 0
        self.events: list[tuple[int, tuple]] = []

    def add(self, text: str, flags: int = 0) -> None:
        if text:
            self.parts.append(text)
            self.flags.append(flags)
            self.length += len(text)

    def event(self, *event) -> None:
        self.events.append((self.length, event))

    def extend(self, other: "Text") -> None:
        self.events.extend((self.length + off, ev) for off, ev in other.events)
        self.parts.extend(other.parts)
        self.flags.extend(other.flags)
        self.length += other.length

    def prepend(self, text: str, flags: int) -> None:
        self.parts.insert(0, text)
        self.flags.insert(0, flags)
        self.length += len(text)
        self.events = [(off + len(text), ev) for off, ev in self.events]

    def string(self) -> str:
        return "".join(self.parts)

    def emphasis(self) -> tuple[bool, bool, bool]:
        flags = self.flags
        if flags and flags.count(flags[0]) == len(flags):  # most blocks: one emphasis throughout
            return bool(flags[0] & BOLD), bool(flags[0] & ITALIC), bool(flags[0] & UNDERLINE)
        counts = {0: 0, BOLD: 0, ITALIC: 0, UNDERLINE: 0}
        for text, flags in zip(self.parts, self.flags):
            visible = len(text) - text.count(" ") - text.count("\n") - text.count("\t")
            counts[0] += visible
            for bit in (BOLD, ITALIC, UNDERLINE):
                if flags & bit:
                    counts[bit] += visible
        total = max(1, counts[0])
        return tuple(counts[bit] / total >= HEADING_SHARE for bit in (BOLD, ITALIC, UNDERLINE))


@dataclass(slots=True)
class PageStart:
    pos: int
    section: int
    opens: bool


@dataclass(slots=True)
class RevisionMark:
    """A ``w:ins``/``w:del`` element as met: kind, who and when, and its span in each view."""

    kind: Literal["inserted", "deleted"]
    author: str | None
    date: str | None
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


class Walker:
    """Lays one view of the body out; :mod:`tandy.document.word` runs it per view."""

    def __init__(self, view: View, *, styles: Styles, numbering: Numbering, sections: list[Section],
                 notes: dict[str, dict[str, etree._Element]], recorded: bool, marks: dict, changes: dict) -> None:
        self.view, self.styles, self.numbering, self.sections = view, styles, numbering, sections
        self.notes, self.recorded, self.marks, self.changes = notes, recorded, marks, changes
        self.layout = Layout()
        self.pages = [PageStart(0, 0, True)]
        self.section = 0
        self._pending: tuple[int, bool] | None = None
        self._has_text = False
        self._note_refs: list[tuple[str, str, str]] = []
        self._endnotes: list[tuple[str, str, str]] = []
        self._note_count = 0
        self._note_label: str | None = None
        self._deferred: list[Text] = []
        self.anchors: dict[str, list[int]] = {}

    # --- the body ---------------------------------------------------------------------------

    def body(self, body: etree._Element) -> None:
        self._content(body)
        self._flush_notes()
        for kind, nid, label in self._endnotes:
            self._note(kind, nid, label)

    def _content(self, parent: etree._Element, table: int | None = None, sink: list | None = None) -> None:
        for child in parent:
            tag = child.tag
            if tag == _p:
                text, tagged = self.paragraph(child)
                if text is not None:
                    if sink is not None:
                        sink.append(text)
                    else:
                        self.emit(text, tagged=tagged)
                if sink is None:
                    self._emit_deferred()
                self._section_end(child)
            elif tag == _tbl:
                if sink is not None:
                    self._flatten_table(child, sink)
                else:
                    self.table(child)
                    self._emit_deferred()
            elif tag in (_sdt, _customXml):
                inner = child.find(_sdtContent) if tag == _sdt else child
                if inner is not None:
                    self._content(inner, table, sink)
            elif tag in _INSERTS | _DELETES:  # a block-level move or change around whole paragraphs
                if self._included(child):
                    self._content(child, table, sink)
            elif tag == f"{_MC}AlternateContent":
                choice = child.find(f"{_MC}Choice")
                if choice is not None:
                    self._content(choice, table, sink)

    def _section_end(self, para: etree._Element) -> None:
        """A paragraph holding a ``w:sectPr`` ends its section; the next may start a new page."""
        ppr = para[0] if len(para) and para[0].tag == _pPr else None
        if ppr is None or ppr.find(_sectPr) is None:
            return
        self.section = min(self.section + 1, len(self.sections) - 1)
        if self.sections[self.section].breaks_page:
            self.page_break(opens=True)

    # --- paragraphs -------------------------------------------------------------------------

    def paragraph(self, para: etree._Element) -> tuple[Text, bool]:
        """One paragraph's text in this view, and whether it is a heading by its style or outline.

        A paragraph this view does not have (its mark inserted, in "before") has no text and
        takes no number, but keeps the places of the changes in it."""
        props = _ParagraphProperties(para.find(_pPr), self.view)
        style = props.style or self.styles.default_paragraph
        numbered = props.numbered
        if numbered == (None, None):
            numbered = self.styles.numbering_of(style)
        elif numbered[0] is None:
            numbered = (self.styles.numbering_of(style)[0], numbered[1])
        tagged = props.outline or self.styles.is_heading(style)
        flags = self.styles.flags(style)
        text = Text()
        if props.page_break_before:
            text.event("page")
        mark_here = props.mark_here
        self._inline(para, text, flags, style)
        if not mark_here and not text.string().strip():
            empty = Text()  # not a paragraph of this view; its changes still have a place in it
            empty.events = [(0, e) for _, e in text.events if e[0] != "page"]
            return empty, False
        if numbered[0]:
            label = self.numbering.label(numbered[0], numbered[1] or 0)
            if label:
                text.prepend(label + " ", flags)
        return text, tagged

    def _included(self, node: etree._Element) -> bool:
        """Whether a change's content is in this view; its span is noted either way."""
        return (node.tag in _INSERTS) == (self.view == "after")

    def _inline(self, parent: etree._Element, text: Text, flags: int, style: str | None) -> None:
        for child in parent:
            tag = child.tag
            if tag == _r:
                self._run(child, text, flags)
            elif tag in _INSERTS or tag in _DELETES:
                key = self.changes.get(child, -1)
                self._mark(child, key)
                text.event("rev", key, 0)
                if self._included(child):
                    self._inline(child, text, flags, style)
                else:  # a balloon's anchor may start or end inside text this view leaves out
                    for edge in child.iter(_commentRangeStart, _commentRangeEnd):
                        text.event("balloon", attr(edge, "id"), int(edge.tag == _commentRangeEnd))
                text.event("rev", key, 1)
            elif tag in _CONTAINERS:
                self._inline(child, text, flags, style)
            elif tag == _sdt:
                inner = child.find(_sdtContent)
                if inner is not None:
                    self._inline(inner, text, flags, style)
            elif tag == _commentRangeStart:
                text.event("balloon", attr(child, "id"), 0)
            elif tag == _commentRangeEnd:
                text.event("balloon", attr(child, "id"), 1)
            elif tag == f"{_MC}AlternateContent":
                choice = child.find(f"{_MC}Choice")
                if choice is not None:
                    self._inline(choice, text, flags, style)

    def _mark(self, node: etree._Element, key: int) -> None:
        if key >= 0 and key not in self.marks:
            kind = "inserted" if node.tag in _INSERTS else "deleted"
            self.marks[key] = RevisionMark(kind, attr(node, "author"), attr(node, "date"))

    def _run(self, run: etree._Element, text: Text, flags: int) -> None:
        for child in run:
            tag = child.tag
            if tag == _rPr:
                set_bits, clear_bits, hidden, style = run_properties(child)
                if hidden:
                    return
                if style is not None:
                    flags |= self.styles.flags(style)
                flags = (flags & ~clear_bits) | set_bits
            elif tag == _t or tag == _delText:
                if child.text:
                    text.add(normalize(child.text), flags)
            elif tag == _tab:
                text.add("\t", flags)
            elif tag == _br:
                kind = attr(child, "type")
                if kind == "page":
                    text.event("page")
                elif kind != "column":
                    text.add("\n", flags)
            elif tag == _cr:
                text.add("\n", flags)
            elif tag == _lastRenderedPageBreak:
                if self.recorded:
                    text.event("page")
            elif tag == _noBreakHyphen:
                text.add("-", flags)
            elif tag == _sym:
                code = (attr(child, "char") or "").upper()
                text.add(_SYMBOLS.get(code) or _char(code), flags)
            elif tag in (_footnoteReference, _endnoteReference):
                self._reference(child, text, flags)
            elif tag in (_footnoteRef, _endnoteRef):
                if self._note_label:
                    text.add(self._note_label + " ", flags)
            elif tag in (_drawing, _pict, f"{_MC}AlternateContent", _object):
                self._text_boxes(child)

    def _reference(self, ref: etree._Element, text: Text, flags: int) -> None:
        """A note reference: its number in the text, its note queued for the page's foot (or the end)."""
        kind = "footnotes" if ref.tag == _footnoteReference else "endnotes"
        custom = toggle(ref.find(_customMarkFollows)) or (attr(ref, "customMarkFollows") in ("1", "true"))
        self._note_count += 1
        label = "" if custom else f"({self._note_count})"
        text.add(label, flags)
        queue = self._note_refs if kind == "footnotes" else self._endnotes
        queue.append((kind, attr(ref, "id") or "", label))

    def _text_boxes(self, node: etree._Element) -> None:
        """Text boxes anchored in a run: their paragraphs follow the paragraph they stand in.

        A shape saved twice (DrawingML and its VML fallback) is read once, from the first.
        """
        for box in node.iter(_txbxContent):
            if any(a.tag == f"{_MC}Fallback" or a.tag == _txbxContent for a in box.iterancestors()):
                continue
            self._content(box, sink=self._deferred)

    def _emit_deferred(self) -> None:
        boxes, self._deferred = self._deferred, []
        for text in boxes:
            self.emit(text)

    # --- notes ------------------------------------------------------------------------------

    def _flush_notes(self) -> None:
        refs, self._note_refs = self._note_refs, []
        for kind, nid, label in refs:
            self._note(kind, nid, label)

    def _note(self, kind: str, nid: str, label: str) -> None:
        note = self.notes.get(kind, {}).get(nid)
        if note is None:
            return
        self._note_label = label
        for para in note.iter(_p):
            text, _ = self.paragraph(para)
            if text is not None:
                self.emit(text)
        self._note_label = None

    # --- tables -----------------------------------------------------------------------------

    def table(self, tbl: etree._Element) -> None:
        """A table's rows laid out as the HTML reader lays them, and its cells as a grid."""
        index = len(self.layout.tables)
        grid: list[list[str]] = []
        first = None
        for tr in self._rows(tbl):
            row: list[str] = []
            cells: list[list[Text]] = []
            for tc in tr.iterfind(_tc):
                paras: list[Text] = []
                self._content(tc, sink=paras)
                span, merged = _spans(tc)
                cell = "" if merged else " ".join(" ".join(p.string().split()) for p in paras).strip()
                row.extend([cell] + [""] * (span - 1))
                cells.append([] if merged else [p for p in paras if p.string().strip()])
            grid.append(row)
            for text in _row_texts(cells):
                block = self.emit(text, table=index)
                first = first if first is not None or block is None else block
        rows = _rectangle(grid)
        if first is not None and rows:
            self.layout.tables.append(Table("html", first.start, self.layout.pos, rows))
        elif first is not None:
            for block in self.layout.blocks:
                if block.table == index:
                    block.table = None

    def _rows(self, tbl: etree._Element):
        """The table's rows in this view (a row inserted by a change is not in the "before" view)."""
        for tr in tbl.iterfind(_tr):
            trpr = tr.find(_trPr)
            dropped = _ins if self.view == "before" else _del
            if trpr is None or trpr.find(dropped) is None:
                yield tr

    def _flatten_table(self, tbl: etree._Element, sink: list) -> None:
        """A table nested in a cell or text box: its paragraphs, in reading order."""
        for tr in self._rows(tbl):
            for tc in tr.iterfind(_tc):
                self._content(tc, sink=sink)

    # --- laying blocks and pages out ---------------------------------------------------------

    def page_break(self, opens: bool = False) -> None:
        """The next block starts a page (and, with ``opens``, the current section)."""
        pending = self._pending
        self._pending = (self.section, opens or bool(pending and pending[1]))

    def emit(self, text: Text, *, tagged: bool = False, table: int | None = None):
        """Lay one block out and place the events inside it."""
        raw = text.string()
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if not body:
            for _, event in text.events:
                self._place(event, None)
            return None
        if self._pending is not None:
            self._flush_notes()
        bold, italic, underline = text.emphasis()
        block = self.layout.add_block(body, bold=bold, italic=italic, underline=underline, tagged_heading=tagged, table=table)
        if self._pending is not None:
            self._start_page(block.start, *self._pending)
            self._pending = None
        cursor = block.start
        for offset, event in text.events:
            pos = block.start + min(max(0, offset - lead), len(body))
            if event[0] == "page":
                if pos >= block.end:
                    self.page_break()
                    continue
                self._has_text = self._has_text or pos > cursor
                self._start_page(pos, self.section, False)
                cursor = pos
            else:
                self._place(event, pos)
        self._has_text = self._has_text or block.end > cursor
        return block

    def _place(self, event: tuple, pos: int | None) -> None:
        """Place an event at a text position (None: between blocks, where the next one starts)."""
        at = self.layout.pos if pos is None else pos
        kind = event[0]
        if kind == "page":
            self.page_break()
        elif kind == "rev":
            mark = self.marks.get(event[1])
            if mark is not None:
                start, _ = mark.spans.get(self.view, (at, at))
                mark.spans[self.view] = (at, at) if event[2] == 0 else (start, at)
        elif kind == "balloon" and self.view == "after":
            span = self.anchors.setdefault(event[1] or "", [at, at])
            span[event[2]] = at

    def _start_page(self, pos: int, section: int, opens: bool) -> None:
        """A page starts at ``pos``; a page that has no text yet takes the start instead (breaks
        in a row, or Word's recorded break right after an explicit one, count once)."""
        last = self.pages[-1]
        if not self._has_text:
            last.opens = last.opens or opens
            if opens:
                last.section = section
            return
        self.pages.append(PageStart(pos, section, opens))
        self._has_text = False


class _ParagraphProperties:
    """A paragraph's ``w:pPr`` read in one pass: style, list and level, outline level, page break
    before, and whether its paragraph mark exists in this view."""

    __slots__ = ("style", "numbered", "outline", "page_break_before", "mark_here")

    def __init__(self, ppr: etree._Element | None, view: View) -> None:
        self.style: str | None = None
        self.numbered: tuple[str | None, int | None] = (None, None)
        self.outline = self.page_break_before = False
        self.mark_here = True
        for child in ppr if ppr is not None else ():
            tag = child.tag
            if tag == _pStyle:
                self.style = attr(child, "val")
            elif tag == _numPr:
                num, ilvl = child.find(_numId), child.find(_ilvl)
                level = attr(ilvl, "val") if ilvl is not None else None
                self.numbered = (attr(num, "val") if num is not None else None), int(level) if level and level.isdigit() else None
            elif tag == _outlineLvl:
                self.outline = (attr(child, "val") or "9") < "9"
            elif tag == _pageBreakBefore:
                self.page_break_before = bool(toggle(child))
            elif tag == _rPr:
                self.mark_here = child.find(_ins if view == "before" else _del) is None


def _char(code: str) -> str:
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    return "•" if 0xF000 <= value <= 0xF0FF else chr(value)


def _spans(tc: etree._Element) -> tuple[int, bool]:
    """A cell's column span and whether it continues a vertical merge (its text is the cell above's)."""
    tcpr = tc.find(_tcPr)
    if tcpr is None:
        return 1, False
    span = tcpr.find(_gridSpan)
    value = attr(span, "val") if span is not None else None
    columns = max(1, min(int(value), 200)) if value and value.isdigit() else 1
    vmerge = tcpr.find(_vMerge)
    return columns, vmerge is not None and (attr(vmerge, "val") or "continue") == "continue"


def _row_texts(cells: list[list[Text]]) -> list[Text]:
    """One row's blocks in reading order, as :func:`tandy.document.html._row_blocks` lays them:
    a row of one-line cells is one line with tabs between cells, a short marker cell ("1.", "(a)")
    joins the cell after it, and cells of several paragraphs keep them."""
    filled = [paras for paras in cells if paras]
    if not filled:
        return []
    if all(len(p) == 1 and "\n" not in p[0].string().strip() for p in filled):
        line = Text()
        for i, paras in enumerate(filled):
            if i:
                marker = len(filled) == 2 and _PREFIX_CELL.match(filled[0][0].string().strip())
                line.add(" " if marker else "\t")
            line.extend(paras[0])
        return [line]
    out: list[Text] = []
    prefix: Text | None = None
    for paras in filled:
        if len(paras) == 1 and _PREFIX_CELL.match(paras[0].string().strip()):
            if prefix is None:
                prefix = Text()
            else:
                prefix.add(" ")
            prefix.extend(paras[0])
            continue
        for i, para in enumerate(paras):
            if i == 0 and prefix is not None:
                prefix.add(" ")
                prefix.extend(para)
                para, prefix = prefix, None
            out.append(para)
    if prefix is not None:
        out.append(prefix)
    return out


def _rectangle(grid: list[list[str]]) -> list[list[str]]:
    """Rows padded to the widest, columns and rows without any text left out."""
    width = max((len(row) for row in grid), default=0)
    rows = [row + [""] * (width - len(row)) for row in grid]
    keep = [c for c, column in enumerate(zip(*rows)) if any(column)]
    rows = [[row[c] for c in keep] for row in rows]
    return [row for row in rows if any(row)]


def revisions(marks: dict[int, RevisionMark], after: Document, before: Document) -> list[Revision]:
    """The changes as a reader sees them: adjacent pieces of one kind joined, a deletion beside an
    insertion taken as one replacement."""
    groups: list[list[RevisionMark]] = []
    for mark in marks.values():
        if "after" not in mark.spans or "before" not in mark.spans:
            continue
        if groups and _adjacent(groups[-1][-1], mark, after, before):
            groups[-1].append(mark)
        else:
            groups.append([mark])
    out = []
    for group in groups:
        a_start, a_end = min(m.spans["after"][0] for m in group), max(m.spans["after"][1] for m in group)
        b_start, b_end = min(m.spans["before"][0] for m in group), max(m.spans["before"][1] for m in group)
        kinds = {m.kind for m in group}
        kind = "replaced" if len(kinds) == 2 else kinds.pop()
        first = group[0]
        out.append(
            Revision(
                kind,
                before.text[b_start:b_end],
                after.text[a_start:a_end],
                after.location(a_start, a_end),
                before.location(b_start, b_end),
                first.author,
                first.date,
            )
        )
    return [r for r in out if r.before.strip() or r.after.strip()]


def _adjacent(previous: RevisionMark, mark: RevisionMark, after: Document, before: Document) -> bool:
    """Two pieces with nothing but spaces between them, in both texts, are one change."""
    gap_after = after.text[previous.spans["after"][1] : mark.spans["after"][0]]
    gap_before = before.text[previous.spans["before"][1] : mark.spans["before"][0]]
    ordered = previous.spans["after"][1] <= mark.spans["after"][0] and previous.spans["before"][1] <= mark.spans["before"][0]
    return ordered and not gap_after.strip(" ") and not gap_before.strip(" ") and "\n" not in gap_after + gap_before
