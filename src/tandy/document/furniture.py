"""Page furniture: the number printed on each page, and the running headers and footers.

A finding that says "page 12" must mean the page a reader sees labelled 12, not the twelfth
sheet. Printed numbers sit in the last lines of a page (``12``, ``- 12 -``, ``A-1``, ``ii``,
``Page 3 of 5``) or, in letters, at the top under a continuation header (company, date,
``Page 2``). Lines that repeat at the top or bottom of many pages are running headers and
footers. All of these are marked so that later stages leave them out of what they quote.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from tandy.document.layout import is_heading
from tandy.document.model import Block, Page

_NUMBER = r"(?:[A-Z]{1,2}-\s?\d{1,3}|\d{1,4}|[ivxlc]{1,7}|[IVXL]{1,6})"
_BARE = re.compile(rf"^[-–— ]*({_NUMBER})[-–— ]*$")
_PAGE_WORD = re.compile(rf"(?:^|\s)(?:-\s*)?page\s+({_NUMBER})(?:\s+of\s+\d+)?\s*(?:-)?$", re.I)
_NUMBER_FIRST = re.compile(r"^(\d{1,4})\s+(\S.{2,80})$")
_NUMBER_LAST = re.compile(r"^(\S.{2,80}?)\s+(\d{1,4})$")
_PAGE_MARK_NUMBER = re.compile(r"<PAGE>\s*(\d{1,4})\s*$", re.I)
_DIGITS = re.compile(r"\d+")

TOP_LINES = 5
BOTTOM_LINES = 4
REPEAT_SHARE = 0.5
"""A line is a running header or footer when it repeats on at least this share of pages (and 3)."""


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str


def mark(text: str, pages: list[Page], blocks: list[Block]) -> list[Block]:
    """Set each page's printed number and return the blocks with furniture lines split out."""
    spans: dict[int, tuple[int, str]] = {}
    marker_spans = [(b.start, b.end) for b in blocks if b.furniture == "marker"]
    page_lines = [_lines(text, page, marker_spans) for page in pages]
    running = _running_keys(page_lines)
    for page, lines in zip(pages, page_lines):
        page.number = _printed_number(lines, spans, running)
    if len(pages) > 1 and not any(p.number for p in pages):
        _numbers_from_page_marks(text, pages, blocks)
    _mark_running_lines(page_lines, spans, running)
    return _split(text, blocks, spans)


def _numbers_from_page_marks(text: str, pages: list[Page], blocks: list[Block]) -> None:
    """Fall back on EDGAR's ``<PAGE> 2`` tags when no page prints a number of its own.

    Typesetters of 1990s text filings numbered the ``<PAGE>`` tags with the page numbers of the
    printed proxy; where the text itself carries no footer, that number is the best there is.
    """
    for block in blocks:
        if block.furniture == "marker":
            match = _PAGE_MARK_NUMBER.search(text[block.start : block.end])
            page = next((p for p in pages if p.start <= block.start < p.end), None)
            if match and page and page.number is None and int(match.group(1)) > 0:
                page.number = match.group(1)


def _lines(text: str, page: Page, marker_spans: list[tuple[int, int]]) -> list[_Line]:
    """The page's non-blank lines, ``<PAGE>`` marker lines left out."""
    lo = bisect.bisect_left(marker_spans, (page.start, -1))
    hi = bisect.bisect_left(marker_spans, (page.end, -1))
    markers = marker_spans[lo:hi]
    out, pos = [], page.start
    for line in text[page.start : page.end].split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if line.strip() and not any(s <= start < e for s, e in markers):
            out.append(_Line(start, end, line.strip()))
    return out


def _printed_number(lines: list[_Line], spans: dict, running: set) -> str | None:
    """The page's printed number: the last lines first, then a ``Page N`` or number at the top.

    A number beside a running title ("12 2026 Proxy Statement", "December 29, 2021  2") counts
    when the title repeats on other pages, which is what makes it a footer.
    """
    for line in reversed(lines[-BOTTOM_LINES:]):
        number = _match_number(line.text) or _beside_running_title(line.text, running)
        if number:
            spans[line.start] = (line.end, "page_number")
            return number
    top = lines[:TOP_LINES]
    for i, line in enumerate(top):
        match = _PAGE_WORD.search(line.text)
        if match:
            spans[line.start] = (line.end, "page_number")
            for above in top[:i]:
                if len(above.text) <= 80:
                    spans.setdefault(above.start, (above.end, "header"))
            return match.group(1).replace(" ", "")
    if top and _BARE.match(top[0].text) and len(lines) > 1:
        spans[top[0].start] = (top[0].end, "page_number")
        return _BARE.match(top[0].text).group(1)
    return None


def _match_number(line: str) -> str | None:
    match = _PAGE_WORD.match(line) or _BARE.match(line)
    if not match:
        return None
    number = match.group(1).replace(" ", "")
    if number.isdigit() and (int(number) == 0 or len(number) == 4 and int(number) > 1900):
        return None
    return number


def _beside_running_title(line: str, running: set) -> str | None:
    for number, title in _number_and_title(line):
        if (_key(title), "footer") in running and int(number) > 0:
            return number
    return None


def _number_and_title(line: str) -> list[tuple[str, str]]:
    """Both readings of a footer line: "12 2026 Proxy Statement" and "2026 Proxy Statement 13"."""
    first, last = _NUMBER_FIRST.match(line), _NUMBER_LAST.match(line)
    return ([first.groups()] if first else []) + ([last.groups()[::-1]] if last else [])


def _key(line: str) -> str:
    return " ".join(_DIGITS.sub("#", line.lower()).split())


def _edges(lines: list[_Line]) -> dict[tuple[str, str], _Line]:
    edge = [(l, "header") for l in lines[:TOP_LINES]] + [(l, "footer") for l in lines[-BOTTOM_LINES:]]
    keyed = {(_key(l.text), kind): l for l, kind in edge}
    for l in lines[-BOTTOM_LINES:]:
        for _, title in _number_and_title(l.text):
            keyed.setdefault((_key(title), "footer"), l)
    return keyed


def _running_keys(page_lines: list[list[_Line]]) -> set[tuple[str, str]]:
    """Lines (digits ignored) that repeat at the top or bottom of many pages."""
    if len(page_lines) < 3:
        return set()
    counts = Counter(key for lines in page_lines for key in _edges(lines))
    needed = max(3, int(len(page_lines) * REPEAT_SHARE))
    return {key for key, n in counts.items() if n >= needed}


def _mark_running_lines(page_lines: list[list[_Line]], spans: dict, running: set) -> None:
    if not running:
        return
    for lines in page_lines:
        for key, line in _edges(lines).items():
            if key in running and len(line.text) <= 120:
                spans.setdefault(line.start, (line.end, key[1]))


def _split(text: str, blocks: list[Block], spans: dict[int, tuple[int, str]]) -> list[Block]:
    """Blocks with every furniture line as a block of its own."""
    if not spans:
        return blocks
    starts = sorted(spans)
    out = []
    for block in blocks:
        inside = starts[bisect.bisect_left(starts, block.start) : bisect.bisect_left(starts, block.end)]
        if not inside or block.furniture:
            out.append(block)
            continue
        pos = block.start
        for s in inside:
            e, kind = spans[s]
            if text[pos:s].strip():
                out.append(_piece(text, block, pos, s))
            out.append(Block(s, e, "paragraph", block.bold, block.italic, block.underline, kind, block.table))
            pos = e
        if pos < block.end and text[pos : block.end].strip():
            out.append(_piece(text, block, pos, block.end))
    return out


def _piece(text: str, block: Block, start: int, end: int) -> Block:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    start, end = start + lead, end - trail
    kind = "heading" if is_heading(text[start:end], bold=block.bold, underline=block.underline) else block.kind
    return Block(start, end, kind, block.bold, block.italic, block.underline, None, block.table)
