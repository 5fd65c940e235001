"""Stage 3 for letters: ``read_letter(path)`` turns a staff letter or a response into a :class:`Letter`.

The document stage has already laid the file out; this reads it as a letter does: the frame (date,
sender, addressee, Re: block, signature, cc), then the body between the salutation and the
complimentary close, split into numbered items. What each item cites and what its answer did
are asked of :mod:`tandy.letters.citations` and :mod:`tandy.letters.disposition`.
"""

from __future__ import annotations

from dataclasses import dataclass

from tandy.document import Document, Submission, parse
from tandy.letters import header as frame
from tandy.letters.acknowledgments import find_acknowledgments
from tandy.letters.body import Paragraph, complimentary_close, paragraphs, salutation
from tandy.letters.citations import find_citations, find_pages
from tandy.letters.commitments import find_commitments
from tandy.letters.disposition import classify_disposition
from tandy.letters.items import ItemSpan, find_items, heading_text, refers_to
from tandy.letters.kind import from_staff, letter_kind
from tandy.letters.model import Citation, Item, Letter, LetterKind


def read_letter(path: str, *, max_bytes: int | None = None) -> Letter:
    """Read one letter file (EDGAR submission, HTML, text or PDF) into a :class:`Letter`."""
    return letter_from_submission(parse(path, max_bytes=max_bytes))


@dataclass(slots=True)
class Layout:
    """How a letter's paragraphs fall: the salutation, the body, the items in it, the sign-off.

    The reader builds the :class:`Letter` from this; :mod:`tandy.letters.selfcheck` asks it
    whether every body paragraph landed in an item.
    """

    paragraphs: list[Paragraph]
    opening: int | None
    close: int | None
    body: list[Paragraph]
    spans: list[ItemSpan]
    staff: bool
    kind: LetterKind


def layout(submission: Submission) -> Layout:
    """The letter's paragraphs, body and items, and its kind, from a file the document stage read."""
    document, filing = submission.main, submission.source.filing
    paras = paragraphs(document)
    opening = salutation(paras)
    body_start = opening + 1 if opening is not None else 0
    close = complimentary_close(paras, body_start)
    body = paras[body_start:close]
    staff = from_staff(document.text, filing.form if filing else document.type)
    is_letter = opening is not None or close is not None  # no salutation, no sign-off: a page, not a letter
    spans = find_items(body, responses=not staff) if is_letter else []
    kind = letter_kind(document.text, staff=staff, items=len(spans))
    if kind not in ("staff_comment", "response"):
        spans = []
    return Layout(paras, opening, close, body, spans, staff, kind)


def letter_from_submission(submission: Submission, laid: Layout | None = None) -> Letter:
    """A :class:`Letter` from a file the document stage has read (its main document)."""
    document, source, filing = submission.main, submission.source, submission.source.filing
    laid = laid or layout(submission)
    paras, opening, close, staff = laid.paragraphs, laid.opening, laid.close, laid.staff
    letter = Letter(path=source.path, sha256=source.sha256, kind=laid.kind, document=document)
    letter.items = [_item(document, span) for span in laid.spans]
    _fill_frame(letter, paras, opening, close, staff=staff)
    if filing and not letter.subject_filing.cik:
        letter.subject_filing.cik = next((f.cik for f in filing.filers if f.cik), None)
    letter.acknowledgments = find_acknowledgments(document.body_text())
    letter.commitments = find_commitments(document, undated=letter.kind == "response" and not letter.items)
    return letter


def _fill_frame(letter: Letter, paras: list[Paragraph], opening: int | None, close: int | None, *, staff: bool) -> None:
    re_lines = frame.re_block(paras, opening)
    first_body = paras[opening + 1].text if opening is not None and opening + 1 < len(paras) else ""
    letter.registrant, letter.subject_filing = frame.subject_filing(re_lines, first_body)
    letter.subject_filing.lines = list(re_lines)
    letter.date = frame.letter_date(letter.document.text)
    date_index = _date_paragraph(paras, opening)
    re_index = _re_paragraph(paras, opening)
    company = None if staff else letter.registrant  # a company writing for itself, on its own letterhead
    letter.sender = frame.sender(paras, staff=staff, date_index=date_index, close=close) or company
    letter.addressee = frame.addressee(paras, date_index + 1 if date_index < re_index else 0, re_index)  # a date below the Re: block
    letter.signatories = frame.signatories(paras, close)
    letter.cc = frame.cc_list(paras, close)


def _date_paragraph(paras: list[Paragraph], opening: int | None) -> int:
    """Index of the paragraph holding the letter's date (0 when none is found above the salutation)."""
    stop = opening if opening is not None else min(len(paras), 15)
    for i in range(stop):
        if any(frame.iso_date(line) and len(line) < 40 for line in paras[i].lines):
            return i
    return 0


def _re_paragraph(paras: list[Paragraph], opening: int | None) -> int:
    stop = opening if opening is not None else min(len(paras), 15)
    for i in range(stop):
        if paras[i].lines and paras[i].lines[0].lower().startswith(("re:", "re ", "subject:")):
            return i
    return stop


def _item(document: Document, span: ItemSpan) -> Item:
    heading = heading_text(span.heading) if span.heading else None
    about = "\n".join(t for t in (heading, span.comment_text) if t)
    item = Item(
        number=span.number,
        comment=span.comment_text,
        response=span.response_text,
        heading=heading,
        pages=find_pages(about),
        citations=_distinct(find_citations("\n".join(t for t in (span.comment_text, span.response_text) if t))),
        refers_to=refers_to(span.comment_text),
    )
    item.response_pages = find_pages(span.response_text) if span.response_text else []
    if span.response_text is not None:
        item.disposition = classify_disposition(span.comment_text, span.response_text)
    if span.comment:
        item.location = document.location(span.comment[0].start, span.comment[-1].end)
    if span.response:
        item.response_location = document.location(span.response[0].start, span.response[-1].end)
    return item


def _distinct(citations: list[Citation]) -> list[Citation]:
    """Each authority once per item: an answer usually repeats what the comment cited."""
    seen, out = set(), []
    for citation in citations:
        key = (citation.kind, citation.regulation, citation.item, citation.rule, citation.section, citation.form, citation.topic, citation.paragraph)
        if key not in seen:
            seen.add(key)
            out.append(citation)
    return out
