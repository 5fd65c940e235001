"""Marked copies: revised pages that show their own changes, read into "before" and "after".

Counsel send staff the revised pages "marked to show changes". In a .docx the marks are tracked
changes, which :mod:`tandy.document.word` reads. On EDGAR they are HTML typesetting: inserted
text underlined (``<u>``, ``<ins>``, ``text-decoration: underline``), deleted text struck
through (``<s>``, ``<strike>``, ``<del>``, ``line-through``). Either way the two versions and
each change between them come from the marks alone, with no second file to diff against.

For HTML, the marked elements are replaced in each view by the text that view shows, fenced by
two private-use characters, and the page read by the ordinary HTML reader (so paragraphs,
tables and page breaks come out as they do for any filing); the fences then give each change's
span and are taken out of the text, every offset moved to match.
"""

from __future__ import annotations

import bisect
import re

from lxml import etree

from tandy.document import furniture
from tandy.document.html import read_html
from tandy.document.model import Block, Document, Page, Submission, Table
from tandy.document.reader import parse
from tandy.document.word_body import RevisionMark, revisions
from tandy.errors import InputError

OPEN, CLOSE = 0xF0000, 0x100000
"""Mark ``i`` is fenced by ``chr(OPEN + i)`` and ``chr(CLOSE + i)`` (Unicode's private-use planes,
which no filing uses), so that a mark the reader skips (hidden text) leaves the others in place."""
_FENCES = re.compile("[\U000F0000-\U0010FFFD]")
_INSERT_TAGS = {"ins", "u"}
_DELETE_TAGS = {"del", "s", "strike"}
_DECORATION = re.compile(r"text-decoration(?:-line)?\s*:\s*([^;]+)", re.I)
_PARSER = etree.HTMLParser(encoding="utf-8")


def read_marked(path: str, *, max_bytes: int | None = None) -> Submission:
    """The marked copy as proposed (its main document), with ``before`` and ``revisions`` read
    from its marks.

    A file without any mark is an input error: there would be nothing to verify against.
    """
    submission = parse(path, max_bytes=max_bytes)
    document = submission.main
    if document.format == "docx":
        if not document.revisions:
            raise InputError(path, "Word document holds no tracked changes: not a marked copy")
        return submission
    part = next((p for p in submission.source.parts if p.format == "html"), None)
    if part is None:
        raise InputError(path, "a marked copy must be a .docx with tracked changes or HTML with its changes marked")
    marked = read_marked_html(part.content)
    if marked is None:
        raise InputError(path, "HTML holds no marked changes (underlined or <ins> insertions, struck or <del> deletions)")
    return Submission(submission.source, [marked])


def read_marked_html(html: str) -> Document | None:
    """Both views of a marked HTML page, or None when nothing in it is marked."""
    root = etree.fromstring(html.encode("utf-8"), _PARSER) if html.strip() else None
    if root is None:
        return None
    marked = [(el, kind) for el in root.iter() if (kind := _mark_kind(el)) and not _inside_mark(el)]
    if not marked:
        return None
    marks = {i: RevisionMark(kind, el.get("data-username") or el.get("cite"), el.get("datetime")) for i, (el, kind) in enumerate(marked)}
    after = _view(root, marked, marks, "after")
    before = _view(root, marked, marks, "before")
    after.before = before
    after.revisions = revisions(marks, after, before)
    return after


def _mark_kind(el) -> str | None:
    if not isinstance(el.tag, str):
        return None
    tag = el.tag.lower()
    if tag in _INSERT_TAGS:
        return "inserted"
    if tag in _DELETE_TAGS:
        return "deleted"
    style = el.get("style")
    if style and "decoration" in style.lower():
        value = " ".join(m.group(1).lower() for m in _DECORATION.finditer(style))
        if "line-through" in value:
            return "deleted"
        if "underline" in value:
            return "inserted"
    return None


def _inside_mark(el) -> bool:
    return any(_mark_kind(a) for a in el.iterancestors())


def _view(root, marked: list, marks: dict[int, RevisionMark], view: str) -> Document:
    """One view's document: each mark's text kept or dropped between fences, then read."""
    saved = []
    for i, (el, kind) in enumerate(marked):
        keep = (kind == "inserted") == (view == "after")
        saved.append((el, el.text, list(el), el.tail))
        if keep:
            el.text = chr(OPEN + i) + (el.text or "")
            closing = etree.SubElement(el, "span")
            closing.text = chr(CLOSE + i)
        else:
            for child in list(el):
                el.remove(child)
            el.text = chr(OPEN + i) + chr(CLOSE + i)
    html = etree.tostring(root, encoding="unicode", method="html")
    for el, text, children, tail in saved:
        for child in list(el):
            el.remove(child)
        el.text = text
        el.extend(children)
        el.tail = tail
    return _unfenced(html, marks, view)


def _unfenced(html: str, marks: dict[int, RevisionMark], view: str) -> Document:
    """Read the fenced page, note each fence pair's span, take the fences out of every offset."""
    layout = read_html(html)
    raw = layout.text()
    cuts = [m.start() for m in _FENCES.finditer(raw)]
    empty = [b for b in layout.blocks if not _FENCES.sub("", raw[b.start : b.end]).strip()]
    for block in empty:  # a block that held only a removed change: gone, with its separator
        cuts.extend(range(max(0, block.start - 2), block.start))
        cuts.extend(i for i in range(block.start, block.end) if not _FENCES.match(raw[i]))
    cut = sorted(set(cuts))

    def moved(offset: int) -> int:
        return offset - bisect.bisect_left(cut, offset)

    opened: dict[int, int] = {}
    for fence in _FENCES.finditer(raw):
        code = ord(fence.group())
        if code < CLOSE:
            opened[code - OPEN] = moved(fence.start())
        elif code - CLOSE in opened:
            marks[code - CLOSE].spans[view] = (opened[code - CLOSE], moved(fence.start()))
    dropped = set(cut)
    text = "".join(c for i, c in enumerate(raw) if i not in dropped)
    gone = {id(b) for b in empty}
    blocks = [_moved_block(b, moved) for b in layout.blocks if id(b) not in gone]
    pages = [Page(p.index, moved(p.start), moved(p.end)) for p in layout.pages()]
    tables = [Table(t.kind, moved(t.start), moved(t.end), [[_FENCES.sub("", c) for c in row] for row in t.rows], t.tagged) for t in layout.tables]
    blocks = furniture.mark(text, pages, blocks)
    return Document(text=text, format="html", pages=pages, blocks=blocks, tables=tables)


def _moved_block(block: Block, moved) -> Block:
    return Block(moved(block.start), moved(block.end), block.kind, block.bold, block.italic, False, block.furniture, block.table)
