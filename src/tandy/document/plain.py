"""Plain-text documents: EDGAR's ``<PAGE>`` pages, paragraphs, and fixed-width table regions.

Text filings (all of EDGAR before 2001, and many letters after) are laid out in a monospaced
font: pages end at ``<PAGE>`` (or a form feed), paragraphs at blank lines, and tables are columns
of text aligned by spaces, sometimes wrapped in ``<TABLE>``/``<S>``/``<C>`` tags. The text is kept
exactly as printed, alignment included, so that the table stage can find the columns.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from tandy.document.layout import is_heading, normalize
from tandy.document.model import Block, Page, Table

_PAGE_MARK = re.compile(r"^[ \t]*(?:<PAGE>[^\n]*|\f[ \t]*)$", re.M | re.I)
_TABLE_OPEN = re.compile(r"^[ \t]*<TABLE>", re.M | re.I)
_TABLE_CLOSE = re.compile(r"^[ \t]*</TABLE>[^\n]*$", re.M | re.I)
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
_GAP = re.compile(r"\S( {3,}|\t+)(?=\S)")
_RULE = re.compile(r"^[\s\-=_]{6,}$")
_LIST_MARK = re.compile(r"^[ \t]*(?:[*+#\u2020\u2021]+|\(?[0-9a-zA-Z]{1,3}[.)]|o)(?= {2,}| *\t)")

MIN_TABLE_LINES = 3
"""A fixed-width region needs at least this many lines with aligned column gaps."""

MAX_TABLE_BREAK = 3
"""Lines without a column gap (wrapped text, blank lines) that may sit inside one table region."""

MIN_CONTINUATION_INDENT = 8
"""A wrapped cell line is indented at least this far; less is a paragraph or list indent."""


def read_text(source_text: str) -> tuple[str, list[Page], list[Block], list[Table]]:
    """The normalised text with its pages, paragraphs and table regions."""
    text = normalize(source_text).replace("\f", "\n\f")
    pages, markers = _pages(text)
    blocks = _blocks(text, markers)
    tables = _tagged_tables(text)
    tables = sorted(tables + _aligned_regions(text, tables), key=lambda t: t.start)
    _mark_table_blocks(blocks, tables)
    return text, pages, blocks, tables


def _tagged_tables(text: str) -> list[Table]:
    """``<TABLE>`` ... ``</TABLE>`` regions, each open tag paired with the next close tag.

    Scanned tag by tag: one lazy pattern from each open tag to its close is quadratic when the
    close tags are missing (every open tag scans on to the end of the text).
    """
    tables, pos = [], 0
    while opening := _TABLE_OPEN.search(text, pos):
        closing = _TABLE_CLOSE.search(text, opening.end())
        if closing is None:
            break
        tables.append(Table("text", opening.start(), closing.end(), tagged=True))
        pos = closing.end()
    return tables


def _mark_table_blocks(blocks: list[Block], tables: list[Table]) -> None:
    """Blocks that lie inside a table belong to it: found by bisection in the (ordered) blocks."""
    starts = [block.start for block in blocks]
    for i, table in enumerate(tables):
        for block in blocks[bisect_left(starts, table.start) :]:
            if block.start >= table.end:
                break
            if block.end <= table.end:
                block.table, block.kind = i, "paragraph"


def _pages(text: str) -> tuple[list[Page], list[tuple[int, int]]]:
    starts, markers = [0], []
    for m in _PAGE_MARK.finditer(text):
        markers.append((m.start(), m.end()))
        if m.start() > starts[-1] and text[starts[-1] : m.start()].strip():
            starts.append(m.start())
        else:
            starts[-1] = m.start() if len(starts) > 1 else 0
    ends = starts[1:] + [len(text)]
    return [Page(i, s, e) for i, (s, e) in enumerate(zip(starts, ends))], markers


def _blocks(text: str, markers: list[tuple[int, int]]) -> list[Block]:
    marker_starts = {s for s, _ in markers}
    blocks = []
    for m in _PARAGRAPH.finditer(text):
        start, end = m.start(), m.end()
        for line_start, line_end in _split_markers(text, start, end, marker_starts):
            chunk = text[line_start:line_end]
            if not chunk.strip():
                continue
            if line_start in marker_starts or _PAGE_MARK.fullmatch(chunk):
                blocks.append(Block(line_start, line_end, furniture="marker"))
            else:
                kind = "heading" if is_heading(chunk, underline=_underlined(text, line_end)) else "paragraph"
                blocks.append(Block(line_start, line_end, kind, underline=kind == "heading" and _underlined(text, line_end)))
    return blocks


def _split_markers(text: str, start: int, end: int, marker_starts: set[int]):
    """Split a paragraph so that a ``<PAGE>`` line is a block of its own."""
    pos = start
    for line in re.finditer(r"[^\n]+", text[start:end]):
        s, e = start + line.start(), start + line.end()
        if s in marker_starts:
            if s > pos:
                yield pos, s - 1
            yield s, e
            pos = e + 1
    if pos < end:
        yield pos, end


def _underlined(text: str, end: int) -> bool:
    """A heading underlined with a row of dashes on the next line, as typewriters did."""
    nxt = text.find("\n", end + 1)
    line = text[end + 1 : nxt if nxt != -1 else len(text)]
    return bool(line.strip()) and set(line.strip()) <= {"-", "="} and len(line.strip()) >= 3


def _aligned_regions(text: str, tagged: list[Table]) -> list[Table]:
    """Fixed-width tables without tags: runs of lines that share column gaps.

    A line is columnar when it has a gap of three or more spaces between words (or is a rule of
    dashes). A line indented to where a column of the run begins is columnar too: it is a wrapped
    cell ("MetLife, Inc." under an occupation), and so are such lines stacked right above the run
    (header words: "Term of" / "Office and"). A region is at least :data:`MIN_TABLE_LINES`
    columnar lines with at most :data:`MAX_TABLE_BREAK` other lines between them, outside any
    tagged table.
    """
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    regions, run, breaks, columns = [], [], 0, set()
    tagged = sorted(tagged, key=lambda t: t.start)
    next_tagged = 0
    for i, (start, end, line) in enumerate(lines):
        while next_tagged < len(tagged) and tagged[next_tagged].end <= start:
            next_tagged += 1  # lines and tables both in order: one pass, not every table per line
        if next_tagged < len(tagged) and tagged[next_tagged].start <= start:
            run, breaks, columns = _close(regions, run), 0, set()
            continue
        gapped = _gapped(line)
        if gapped and not run:
            run = _stacked_above(lines, i, _column_starts(line))
        if gapped or (_RULE.match(line) and "-" in line and run) or (run and _indent(line) in columns):
            run.append((start, end))
            columns |= _column_starts(line) if gapped else set()
            breaks = 0
        elif run:
            breaks += 1
            if breaks > MAX_TABLE_BREAK:
                run, breaks, columns = _close(regions, run), 0, set()
    _close(regions, run)
    return [Table("text", s, e) for s, e in regions]


def _gapped(line: str) -> bool:
    """A gap between words, not counting the one after a footnote or list marker ("*   Ms. X")."""
    return bool(_GAP.search(_LIST_MARK.sub("", line, count=1).strip()))


def _indent(line: str) -> int | None:
    """Where a deeply indented line's text begins (None for blank or shallow lines)."""
    stripped = line.lstrip(" ")
    indent = len(line) - len(stripped)
    return indent if stripped and indent >= MIN_CONTINUATION_INDENT else None


def _column_starts(line: str) -> set[int]:
    """Positions where a columnar line's cells after the first begin (give or take one)."""
    starts = {m.end() for m in re.finditer(r"(?<=\S) {3,}(?=\S)", line)}
    return {p + d for p in starts for d in (-1, 0, 1)}


def _stacked_above(lines: list, i: int, columns: set[int]) -> list:
    """Header words stacked right above a run's first line, each at one of its column starts."""
    above = []
    j = i - 1
    while j >= 0 and _indent(lines[j][2]) in columns and not _gapped(lines[j][2]):
        above.insert(0, lines[j][:2])
        j -= 1
    return above


def _close(regions: list, run: list) -> list:
    if len(run) >= MIN_TABLE_LINES:
        regions.append((run[0][0], run[-1][1]))
    return []
