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

from tandy.document.model import Balloon, Document, Page
from tandy.document.word_body import RevisionMark, Walker, revisions
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
        document.revisions = revisions(marks, document, document.before)
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
        # Every change element by its place in the document, the same key in both walks. (Holding
        # the elements keeps lxml from making new proxies for them, so they can be looked up.)
        trees = [body] + [note for notes in self.notes.values() for note in notes.values()]
        tags = [f"{W}{tag}" for tag in ("ins", "del", "moveTo", "moveFrom")]
        self.changes = {el: i for i, el in enumerate(el for tree in trees for el in tree.iter(*tags))}

    def walk(self, view, marks: dict) -> Walker:
        walker = Walker(
            view,
            styles=self.styles,
            numbering=Numbering(self.numbering_root, self.styles),
            sections=self.sections,
            notes=self.notes,
            recorded=self.recorded,
            marks=marks,
            changes=self.changes,
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
