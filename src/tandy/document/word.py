"""A .docx as a :class:`Document`: the text as proposed, and with tracked changes the text before.

python-docx opens the package and gives paragraphs, runs and tables, but not what a reader of
a filing needs most: list numbers (computed from ``numbering.xml``), tracked changes (``w:ins``
and ``w:del`` it leaves in the XML), notes, text boxes, or pages. So the parts are read with
lxml straight from the package :mod:`tandy.source.docx` unpacked, in one walk per view
(:mod:`tandy.document.word_body`):

- "after", every change accepted: the document as proposed, which the rules review;
- "before", every change rejected, walked only when there are changes.

Each change is then one :class:`~tandy.document.model.Revision` with its span in both texts,
its author and date; a deletion next to an insertion is one replacement, as a reader sees it.
Comment balloons are listed as :class:`~tandy.document.model.Balloon`, outside the text.
"""

from __future__ import annotations

from lxml import etree

from tandy.document.model import Balloon, Document, Page, Revision
from tandy.document.word_body import RevisionMark, Walker
from tandy.document.word_numbering import Numbering
from tandy.document.word_pages import printed_numbers, read_section
from tandy.document.word_styles import W, Styles, attr
from tandy.errors import InputError
from tandy.source.docx import Package

UNKNOWN_PAGES = "Word recorded no page layout: pages split at page and section breaks only; printed numbers unknown"
RECORDED_PAGES = "pages as Word last laid them out (lastRenderedPageBreak), numbers from the page field"
NO_PAGE_FIELD = "pages as Word last laid them out; no page field in the headers or footers: numbers not printed"


def read_docx(path: str, package: Package) -> Document:
    """The document as proposed, with its revisions, balloons and (if changed) its text before."""
    root = package.xml(package.main, path)
    body = root.find(f"{W}body") if root is not None else None
    if body is None:
        raise InputError(path, "damaged Word document: its main part has no body")
    context = _Context(path, package, body)
    marks: dict[int, RevisionMark] = {}
    after = context.walk("after", marks)
    document = context.document(after)
    if marks:
        before = context.walk("before", marks)
        document.before = context.document(before)
        document.revisions = _revisions(marks, document, document.before)
    document.balloons = _balloons(package, after.anchors, document)
    return document


class _Context:
    """What both views share: styles, numbering definitions, sections, notes, and the page rule."""

    def __init__(self, path: str, package: Package, body: etree._Element) -> None:
        self.path, self.package, self.body = path, package, body
        self.styles = Styles(package.part("styles"))
        self.numbering_root = package.part("numbering")
        self.sections = [read_section(s) for s in body.iter(f"{W}sectPr")]
        self.sections = self.sections or [read_section(None)]
        self.notes = {kind: _notes(package.part(kind), kind[:-1]) for kind in ("footnotes", "endnotes")}
        self.recorded = b"lastRenderedPageBreak" in package.parts[package.main]

    def walk(self, view, marks: dict) -> Walker:
        walker = Walker(
            view,
            styles=self.styles,
            numbering=Numbering(self.numbering_root, self.styles),
            sections=self.sections,
            notes=self.notes,
            recorded=self.recorded,
            marks=marks,
        )
        walker.body(self.body)
        return walker

    def document(self, walker: Walker) -> Document:
        layout = walker.layout
        starts = [p.pos for p in walker.pages]
        ends = starts[1:] + [layout.pos]
        pages = [Page(i, s, e) for i, (s, e) in enumerate(zip(starts, ends))]
        if self.recorded:
            numbers = printed_numbers(self.package, self.sections, [(p.section, p.opens) for p in walker.pages])
            for page, number in zip(pages, numbers):
                page.number = number
            pagination = RECORDED_PAGES if any(numbers) else NO_PAGE_FIELD
        else:
            pagination = UNKNOWN_PAGES
        return Document(
            text=layout.text(),
            format="docx",
            pages=pages,
            blocks=layout.blocks,
            tables=layout.tables,
            pagination=pagination,
        )


def _notes(root: etree._Element | None, tag: str) -> dict[str, etree._Element]:
    """Footnotes or endnotes by id, without Word's separator pseudo-notes."""
    if root is None:
        return {}
    return {attr(n, "id") or "": n for n in root.iterfind(f"{W}{tag}") if attr(n, "type") in (None, "normal")}


def _revisions(marks: dict[int, RevisionMark], after: Document, before: Document) -> list[Revision]:
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


def _balloons(package: Package, anchors: dict[str, list[int]], document: Document) -> list[Balloon]:
    root = package.part("comments")
    if root is None:
        return []
    out = []
    for node in root.iterfind(f"{W}comment"):
        text = "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in node.iter(f"{W}p")).strip()
        span = anchors.get(attr(node, "id") or "")
        location = document.location(span[0], span[1]) if span else None
        anchor = document.text[span[0] : span[1]] if span else ""
        out.append(Balloon(attr(node, "author"), attr(node, "date"), text, anchor, location))
    return out
