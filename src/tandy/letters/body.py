"""A letter's paragraphs as its author wrote them, with the page furniture of letters taken out.

The document stage marks running headers and page numbers it can recognise on any document.
Letters add their own kind: the continuation header on page 2 onwards, which repeats the
addressee, the company, the date and "Page 2" (staff PDFs since 2018 also carry template
leftovers such as "FirstName LastName" and "Comapany Name" in their text layer). None of it is
part of a comment or a response, so it is dropped here, before the letter is split into items.
Label lines ("COMMENT:", "Caterpillar Response:") that repeat on many pages can be marked as
running furniture by the document stage; they carry meaning in a letter, so they are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tandy.document import Block, Document

#: A continuation header is only looked for among this many paragraphs at the top of a page.
CONTINUATION_TOP_PARAGRAPHS = 8
#: Lines longer than this are prose, never part of a continuation header.
HEADER_LINE_CHARS = 100
#: A line this short above a numbered line is a caption, not a sentence wrapping onto "1. ...".
CAPTION_LINE_CHARS = 60
#: A paragraph cut mid-sentence has at least this many words (shorter ones are captions, labels).
MIN_CUT_SENTENCE_WORDS = 6
_SENTENCE_ENDS = (".", ":", ";", "?", "!", ")", '"', "”", "'")
#: A footer naming this many offices or more, all capitalised, is letterhead (see ``_office_list_footer``).
OFFICE_LIST_WORDS = 8

_SPACE = re.compile(r"\s+")
_PAGE_MARK = re.compile(r"^(?:page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|-\s*\d{1,3}\s*-)$", re.I)
_TEMPLATE_JUNK = re.compile(r"^(?:FirstName\s*LastName|Comapany\s*Name|Company\s*Name)(?=[A-Z]|\s|$)")
_DATE_LINE = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4}$"
)
_NUMBERED_LINE = re.compile(r"^\d{1,2}\.\s+[A-Z\"“]")
_WRAPS_INTO_NUMBER = re.compile(r"\b(?:note|item|items|section|rule|page|pages|form|no|part|article|and|or|of|to|in|see)$", re.I)
_PAGE_CAPTION = re.compile(r"^[A-Z][^.]{0,150}(?:,|\s)\s*pages?\s*[A-Z]{0,2}-?\d{1,3}(?:\s*-\s*\d{1,3})?$")
_LABEL = re.compile(r"^[\w'’ ]{0,40}\b(?:comments?|responses?)\s*(?:no\.?\s*|#\s*)?\d*\s*[:.]?$", re.I)


@dataclass(slots=True)
class Paragraph:
    """One paragraph of the letter: where it is, its text on one line, and how it is set."""

    start: int
    end: int
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    heading: bool = False
    page: int = 0
    lines: tuple[str, ...] = ()

    @property
    def emphasis(self) -> bool:
        """Set off from plain text: how letters mark a restated comment."""
        return self.bold or self.italic or self.underline


_WHITESPACE = {c: " " for c in range(0x3001) if chr(c).isspace()}
"""Every whitespace character (``str.isspace``, what a regex whitespace class matches) as a
space; none lies above U+3000."""


def flatten(text: str) -> str:
    """One line of text: PDF soft-hyphen artifacts mended, runs of whitespace made one space.

    Done by whole-string copies, not ``re.sub``, which builds a list of every piece between the
    runs: ten times the text for a letter that is one 50 MB paragraph.
    """
    text = text.replace("\ufffe", "-").replace("\u00ad", "").translate(_WHITESPACE)
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip()


def paragraphs(document: Document) -> list[Paragraph]:
    """The letter's paragraphs in order, running headers, footers and continuation headers left out."""
    out = [
        _paragraph(document, block, start, end)
        for block in document.blocks
        if _authored(document, block)
        for start, end in _numbered_lines(document.text, block)
    ]
    out = [p for p in out if p.text and not _TEMPLATE_JUNK.match(p.text)]
    first_page = _header_lines(out)
    out = _without_continuation_headers(out, first_page)
    out = [_without_leading_header(document.text, p, first_page) for p in out]
    out = [p for i, p in enumerate(out) if not _office_list_footer(p, out[i + 1] if i + 1 < len(out) else None)]
    return _rejoined(out)


def _rejoined(paras: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs the layout cut mid-sentence joined again.

    A PDF sets a wider gap (or a page break, with its header) inside a sentence now and then;
    where a paragraph stops without closing its sentence and the next goes on in lower case, in
    the same type, they are one paragraph ("1. You state ... and that" / "your climate-related
    program costs ...").
    """
    out: list[Paragraph] = []
    for paragraph in paras:
        previous = out[-1] if out else None
        if previous is not None and _continues(previous, paragraph):
            out[-1] = Paragraph(
                previous.start,
                paragraph.end,
                f"{previous.text} {paragraph.text}",
                previous.bold,
                previous.italic,
                previous.underline,
                False,
                previous.page,
                previous.lines + paragraph.lines,
            )
        else:
            out.append(paragraph)
    return out


def _continues(previous: Paragraph, paragraph: Paragraph) -> bool:
    return (
        paragraph.text[:1].islower()
        and not previous.text.endswith(_SENTENCE_ENDS)
        and previous.emphasis == paragraph.emphasis
        and not paragraph.heading
        and len(previous.text.split(None, MIN_CUT_SENTENCE_WORDS)) >= MIN_CUT_SENTENCE_WORDS
    )


def _numbered_lines(text: str, block: Block) -> list[tuple[int, int]]:
    """A block cut before each line that opens a numbered comment or a page caption.

    PDF text layers set consecutive comments, and the caption above the next one, with no extra
    space between them ("... not necessary." / "Risk Factors, page 12" / "2. We note ..."), so
    the layout reads them as one paragraph.
    """
    cuts, previous, pos = [block.start], "", block.start
    for line in text[block.start : block.end].split("\n"):
        stripped = line.strip()
        after_sentence = previous.endswith((".", ":", ";", "?", "!", ")", '"', "”"))
        caption_above = bool(_PAGE_CAPTION.match(previous)) or _short_caption(previous)
        opens = _NUMBERED_LINE.match(stripped) and (after_sentence or caption_above)
        if pos > block.start and (opens or (_PAGE_CAPTION.match(stripped) and after_sentence)):
            cuts.append(pos)
        previous, pos = stripped, pos + len(line) + 1
    cuts.append(block.end)
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


def _short_caption(line: str) -> bool:
    """A short line that is not a sentence cut by wrapping ("Exhibit 99.3" above "1. We note")."""
    return 0 < len(line) <= CAPTION_LINE_CHARS and not _WRAPS_INTO_NUMBER.search(line)


def _office_list_footer(paragraph: Paragraph, following: Paragraph | None) -> bool:
    """A law firm's list of offices at the foot of its first page ("Beijing Boston Chicago ...")."""
    if following is not None and following.page == paragraph.page:
        return False
    if re.search(r"\d", paragraph.text):
        return False
    # Word by word, not ``split()``: a list of every word of a 50 MB one-paragraph letter is 10x its size.
    words = 0
    for word in re.finditer(r"\S+", paragraph.text):
        if not (word.group()[:1].isupper() or word.group() == "&"):
            return False
        words += 1
    return words >= OFFICE_LIST_WORDS


def _authored(document: Document, block: Block) -> bool:
    if block.furniture is None:
        return True
    return block.furniture in ("header", "footer") and bool(_LABEL.match(flatten(document.text[block.start : block.end])))


def _paragraph(document: Document, block: Block, start: int, end: int) -> Paragraph:
    page = document.page_at(start)
    raw = document.text[start:end]
    lead = len(raw) - len(raw.lstrip())
    return Paragraph(
        start + lead,
        end,
        flatten(raw),
        block.bold,
        block.italic,
        block.underline,
        block.kind == "heading",
        page.index if page else 0,
        tuple(flatten(line) for line in re.split(r"[\n\t]", raw) if line.strip()),
    )


def _header_lines(paras: list[Paragraph]) -> set[str]:
    """Short lines of the first page: what a continuation header repeats."""
    return {line.lower() for p in paras if p.page == 0 for line in p.lines if len(line) <= HEADER_LINE_CHARS}


def _without_continuation_headers(paras: list[Paragraph], first_page: set[str]) -> list[Paragraph]:
    drop: set[int] = set()
    by_page: dict[int, list[int]] = {}
    for i, p in enumerate(paras):
        by_page.setdefault(p.page, []).append(i)
    for i, p in enumerate(paras):
        if _is_page_mark(p):
            drop.add(i)
            _spread(paras, i, first_page, drop)
    for page, indexes in by_page.items():
        if page == 0:
            continue
        for i in indexes[:CONTINUATION_TOP_PARAGRAPHS]:
            if _is_page_mark(paras[i]):
                drop.update(j for j in indexes if j < i)
        for i in indexes[:CONTINUATION_TOP_PARAGRAPHS]:  # a header with no "Page 2" (2016-2018 staff PDFs)
            if i in drop:
                continue
            if not (_repeats_header(paras[i], first_page) and any(_DATE_LINE.match(line) for line in paras[i].lines)):
                break
            drop.add(i)
    return [p for i, p in enumerate(paras) if i not in drop]


def _without_leading_header(text: str, paragraph: Paragraph, first_page: set[str]) -> Paragraph:
    """A paragraph that opens with a continuation header ("Mark Hamburg / Berkshire Hathaway Inc. /
    September 2, 2022 / Page 2") and runs on into a comment's bullets, without the header.

    Staff PDFs since 2019 set the header and the first lines of page 2 as one block; the header
    lines repeat the first page or are the date and the page mark, and at least the page mark
    must be among them.
    """
    lines = paragraph.lines
    if paragraph.page == 0 or not lines:
        return paragraph
    k = 0
    while k < len(lines) and (lines[k].lower() in first_page or _DATE_LINE.match(lines[k]) or _PAGE_MARK.match(lines[k]) or _TEMPLATE_JUNK.match(lines[k])):
        k += 1
    if k == 0 or k == len(lines) or not any(_PAGE_MARK.match(line) for line in lines[:k]):
        return paragraph
    rest = lines[k:]
    words = rest[0].split()[:3]
    found = re.compile(r"\s+".join(map(re.escape, words))).search(text, paragraph.start, paragraph.end) if words else None
    return Paragraph(
        found.start() if found else paragraph.start,
        paragraph.end,
        " ".join(rest),
        paragraph.bold,
        paragraph.italic,
        paragraph.underline,
        paragraph.heading,
        paragraph.page,
        rest,
    )


def _is_page_mark(paragraph: Paragraph) -> bool:
    """A short paragraph one of whose lines or cells is a bare "Page 2" or "- 2 -"."""
    if len(paragraph.text) > 4 * HEADER_LINE_CHARS:
        return False
    return any(_PAGE_MARK.match(line) for line in paragraph.lines)


def _spread(paras: list[Paragraph], i: int, first_page: set[str], drop: set[int]) -> None:
    """Drop the lines around a page mark that repeat the first page's header (addressee, date)."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(paras) and paras[j].page == paras[i].page and _repeats_header(paras[j], first_page):
            drop.add(j)
            j += step


def _repeats_header(paragraph: Paragraph, first_page: set[str]) -> bool:
    if len(paragraph.text) > HEADER_LINE_CHARS or paragraph.page == 0:
        return False
    return all(line.lower() in first_page or _DATE_LINE.match(line) for line in paragraph.lines)


_SALUTATION = re.compile(
    r"^(?:dear\s[^:]{1,80}[:,]|ladies\s+(?:and|&)\s+gentlemen\s*[:,]?|gentlemen\s*[:,]|to\s+the\s+staff\s*[:,]"
    r"|to\s+(?:the\s+)?(?:division|office)\s+of\s+[^:]{3,60}:\s*$"
    r"|dear\s+sirs?(?:\s+or\s+madam)?\s*[:,]?)",
    re.I,
)
_CLOSE = re.compile(
    r"^(?:sincerely(?:\s+yours)?|very\s+truly\s+yours|yours\s+(?:very\s+)?truly|truly\s+yours|respectfully(?:\s+submitted|\s+yours)?"
    r"|(?:best|kind|warm)?\s*regards|cordially|yours\s+sincerely|yours\s+faithfully)\s*(?:,|$)",
    re.I,
)


def salutation(paras: list[Paragraph]) -> int | None:
    """Index of "Dear Ms. Dang:" or "Ladies and Gentlemen:", where the letter's body begins."""
    return next((i for i, p in enumerate(paras) if _SALUTATION.match(p.text)), None)


def complimentary_close(paras: list[Paragraph], after: int) -> int | None:
    """Index of "Sincerely," or "Very truly yours,", where the body ends and the signature begins."""
    return next((i for i in range(after, len(paras)) if _CLOSE.match(paras[i].text)), None)
