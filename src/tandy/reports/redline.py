"""The redline counsel send with the response: the revised pages, each change marked and accounted for.

From a :class:`~tandy.rules.verify.Verification` of a marked copy (or of two versions), the
revised text is written with each change marked where it stands — what was put in underlined
(``<ins>``), what was taken out struck through (``<del>``) — and tied to the response: a change
that bears out a claim carries the number of the comment it answers; a change no claim accounts
for is flagged, for counsel to explain or undo before staff find it. Two forms: one HTML page
(self-contained, everything from the documents escaped), and a .docx whose changes are Word
tracked changes with a balloon on each, which counsel can open, accept or annotate in Word.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from tandy import __version__
from tandy.files import write_atomically
from tandy.rules.changes import Change
from tandy.rules.verify import Verification

AUTHOR = "tandy"

STYLE = """
body { font-family: Georgia, serif; margin: 2rem auto; max-width: 50rem; color: #222; line-height: 1.45; }
h1 { font: bold 1.3rem system-ui, sans-serif; } .summary { font: .9rem system-ui, sans-serif; }
ins { color: #05529b; text-decoration: underline; } del { color: #a00; text-decoration: line-through; }
.unclaimed { background: #ffe2a8; outline: 2px solid #d98b00; }
.tag { font: bold .7rem system-ui, sans-serif; vertical-align: super; color: #05529b; }
.unclaimed + .tag, .tag.flag { color: #b35c00; }
.page { font: .8rem system-ui, sans-serif; color: #777; border-top: 1px dashed #bbb; margin-top: 1.5rem; padding-top: .3rem; }
"""


@dataclass(slots=True)
class Mark:
    """One change as the redline shows it: where it stands in the revised text and whose it is."""

    start: int
    end: int
    removed: str
    added: str
    comment: int | None
    claimed: bool

    @property
    def label(self) -> str:
        if not self.claimed:
            return "not claimed by the response"
        return f"comment {self.comment}" if self.comment is not None else "claimed"


def marks(result: Verification) -> list[Mark]:
    """Every change of the verification, in the order of the revised text."""
    out = []
    for item in result.items:
        out.extend(_mark(change, item.number, True) for change in item.evidence)
    out.extend(_mark(change, None, False) for change in result.unclaimed)
    return sorted(out, key=lambda m: (m.start, m.end))


def _mark(change: Change, comment: int | None, claimed: bool) -> Mark:
    location = change.location
    start, end = (location.start, location.end) if location else (0, 0)
    return Mark(start, end, change.removed_text if change.removed is not None else "", change.added_text, comment, claimed)


# --- HTML -----------------------------------------------------------------------------------------


def render_html(result: Verification) -> str:
    """One self-contained page: the revised text with every change marked and labelled."""
    document = result.after.document
    found = marks(result)
    claimed = sum(m.claimed for m in found)
    title = f"Redline of {result.after.path}"
    summary = (
        f"{len(found)} marked changes: {claimed} bear out the response ({result.response.path}), "
        f"{len(found) - claimed} not claimed by it."
    )
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{escape(title)}</title>\n<meta name=\"generator\" content=\"tandy {__version__}\">\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n<h1>{escape(title)}</h1>\n"
        f"<p class=\"summary\">{escape(summary)}</p>\n{_html_body(document, found)}\n</body>\n</html>\n"
    )


def _html_body(document, found: list[Mark]) -> str:
    text = document.text
    pages = {p.start: p for p in document.pages}
    points = sorted(set(pages) | {m.start for m in found} | {m.end for m in found} | {0, len(text)})
    out, pos = ["<p>"], 0
    queue = list(found)
    for point in points:
        if point < pos:
            continue
        out.append(_html_text(text[pos:point]))
        pos = point
        if point in pages and pages[point].number and (point or len(pages) > 1):
            out.append(f"</p>\n<div class=\"page\">page {escape(pages[point].number)}</div>\n<p>")
        while queue and queue[0].start == point:
            mark = queue.pop(0)
            out.append(_html_mark(mark))
            pos = max(pos, mark.end)
    out.append(_html_text(text[pos:]) + "</p>")
    return "".join(out)


def _html_text(text: str) -> str:
    return escape(text).replace("\n\n", "</p>\n<p>").replace("\n", "<br>")


def _html_mark(mark: Mark) -> str:
    css = "" if mark.claimed else " class=\"unclaimed\""
    title = f" title=\"{escape(mark.label)}\""
    pieces = []
    if mark.removed:
        pieces.append(f"<del{css}{title}>{_html_text(mark.removed)}</del>")
    if mark.added:
        pieces.append(f"<ins{css}{title}>{_html_text(mark.added)}</ins>")
    tag = f"[{mark.comment}]" if mark.claimed and mark.comment is not None else "[not claimed]"
    flag = "" if mark.claimed else " flag"
    return "".join(pieces) + f"<span class=\"tag{flag}\">{escape(tag)}</span>"


# --- Word -----------------------------------------------------------------------------------------


def write_docx(result: Verification, path: str | Path, force: bool = False) -> Path:
    """The revised pages as a .docx: each change a tracked change with a balloon saying whose it is."""
    from docx import Document as WordDocument

    document = result.after.document
    word = WordDocument()
    text = document.text
    pages = {p.start: p for p in document.pages if p.number}
    queue = marks(result)
    points = sorted(set(pages) | {m.start for m in queue} | {len(text)})
    paragraph = None
    pos = 0
    for point in sorted(set(points) | {0}):
        if point < pos:
            continue
        paragraph = _plain(word, paragraph, text[pos:point])
        pos = point
        if point in pages:
            paragraph = _page(word, pages[point].number, first=paragraph is None)
        paragraph = paragraph or word.add_paragraph()
        while queue and queue[0].start == point:
            mark = queue.pop(0)
            _tracked(word, paragraph, mark)
            pos = max(pos, mark.end)
    return write_atomically(path, force, lambda temporary: word.save(str(temporary)))


def _page(word, number: str, *, first: bool):
    """A new page, headed with the number printed on it in the filing; the paragraph after it."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

    heading = word.add_paragraph()
    if not first:
        heading.add_run().add_break(WD_BREAK.PAGE)
    heading.add_run(f"page {number}").italic = True
    heading.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return word.add_paragraph()


def _plain(word, paragraph, text: str):
    """Unchanged text, a new Word paragraph at each blank line; the paragraph it ends in."""
    pieces = text.split("\n\n")
    for i, piece in enumerate(pieces):
        if i:
            paragraph = word.add_paragraph()
        if piece:
            paragraph.add_run(piece.replace("\n", " "))
    return paragraph


def _tracked(word, paragraph, mark: Mark) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.text.run import Run

    runs = []
    for tag, value in (("w:del", mark.removed), ("w:ins", mark.added)):
        if not value:
            continue
        change = OxmlElement(tag)
        change.set(qn("w:id"), str(len(paragraph._p.xpath("//w:ins | //w:del")) + 1000))
        change.set(qn("w:author"), AUTHOR)
        run = OxmlElement("w:r")
        piece = OxmlElement("w:delText" if tag == "w:del" else "w:t")
        piece.set(qn("xml:space"), "preserve")
        piece.text = " ".join(value.split())
        run.append(piece)
        change.append(run)
        paragraph._p.append(change)
        runs.append(Run(run, paragraph))
    if runs:
        word.add_comment(runs, text=mark.label, author=AUTHOR, initials="T")
