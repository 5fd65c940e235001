"""Page furniture: the number printed on each page, and the running headers and footers.

A finding that says "page 12" must mean the page a reader sees labelled 12, not the twelfth
sheet. Printed numbers sit in the last lines of a page (``12``, ``- 12 -``, ``A-1``, ``ii``,
``Page 3 of 5``) or, in letters, at the top under a continuation header (company, date,
``Page 2``). Lines that repeat at the top or bottom of many pages are running headers and
footers. All of these are marked so that later stages leave them out of what they quote.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tandy.document.layout import is_heading
from tandy.document.model import Block, Page

_NUMBER = r"(?:[A-Z]{1,2}-\s?\d{1,3}|\d{1,4}|[ivxlc]{1,7}|[IVXL]{1,6})"
_BARE = re.compile(rf"^[-–—(\[ ]*({_NUMBER})[-–—)\] ]*$")
_PAGE_WORD = re.compile(rf"^(?:-\s*)?page\s+({_NUMBER})(?:\s+of\s+\d+)?\s*(?:-)?$", re.I)
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
    page_lines = [_lines(text, page, blocks) for page in pages]
    for page, lines in zip(pages, page_lines):
        page.number = _printed_number(lines, spans)
    _running_lines(page_lines, spans)
    return _split(text, blocks, spans)


def _lines(text: str, page: Page, blocks: list[Block]) -> list[_Line]:
    markers = [(b.start, b.end) for b in blocks if b.furniture == "marker" and page.start <= b.start < page.end]
    out, pos = [], page.start
    for line in text[page.start : page.end].split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if line.strip() and not any(s <= start < e for s, e in markers):
            out.append(_Line(start, end, line.strip()))
    return out


def _printed_number(lines: list[_Line], spans: dict) -> str | None:
    """The page's printed number: the last lines first, then a ``Page N`` or number at the top."""
    for line in reversed(lines[-BOTTOM_LINES:]):
        number = _match_number(line.text)
        if number:
            spans[line.start] = (line.end, "page_number")
            return number
    top = lines[:TOP_LINES]
    for i, line in enumerate(top):
        match = _PAGE_WORD.match(line.text)
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


def _running_lines(page_lines: list[list[_Line]], spans: dict) -> None:
    """Mark lines that repeat at the top or bottom of many pages, digits ignored."""
    if len(page_lines) < 3:
        return
    keyed = []
    for lines in page_lines:
        edge = [(l, "header") for l in lines[:TOP_LINES]] + [(l, "footer") for l in lines[-BOTTOM_LINES:]]
        keyed.append({(_DIGITS.sub("#", l.text.lower()), kind): l for l, kind in edge})
    counts = Counter(key for page in keyed for key in page)
    needed = max(3, int(len(page_lines) * REPEAT_SHARE))
    for page in keyed:
        for key, line in page.items():
            if counts[key] >= needed and len(line.text) <= 120:
                spans.setdefault(line.start, (line.end, key[1]))


def _split(text: str, blocks: list[Block], spans: dict[int, tuple[int, str]]) -> list[Block]:
    """Blocks with every furniture line as a block of its own."""
    if not spans:
        return blocks
    starts = sorted(spans)
    out = []
    for block in blocks:
        inside = [s for s in starts if block.start <= s < block.end]
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
