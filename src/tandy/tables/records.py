"""Records of a fixed-width table: which lines start a row, and which cell each word is in.

A record starts where its first column begins a new entry at the column's left edge (the caller
says what an entry looks like: for people, a name). Tables that leave a blank line between
records are held to that, so an address line under a name ("Frankel LLP") is no new record.
Words are placed by where they start; a cell that overflows into the next column on one line
(the seed's "present." printed under the occupation) is put back by continuity.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from tandy.tables.columns import column_of
from tandy.tables.model import Column, Line, Record
from tandy.tables.settings import TableSettings

RecordStart = Callable[[str], bool]
"""Does this text, at the left edge of the first column, begin a new record?"""

_WORD = re.compile(r"\S+")
_LEADER = re.compile(r"\s*\.{3,}\s*$")
_DANGLING = re.compile(r"(?:\b(?:to|and|of|the|from|since|through|until|in|at|for)|[,&-])$", re.I)
_ENDS_CLAUSE = re.compile(r"[.;]$")

Fragments = dict[int, str]


def split_line(line: Line, columns: list[Column], settings: TableSettings) -> Fragments:
    """The text of each column on one line.

    Words a single space apart stay in one cell unless a word starts right at a later column's
    left edge; a run of two or more spaces starts a new cell wherever it lands.
    """
    cells: dict[int, list[str]] = {}
    col, prev_end = None, -10
    for m in _WORD.finditer(line.text):
        s, e = m.start(), m.end()
        if col is None or s - prev_end >= settings.min_gap:
            col = column_of(s, e, columns)
        else:
            for j in range(col + 1, len(columns)):
                if abs(columns[j].left - s) <= settings.edge_tolerance:
                    col = j
        cells.setdefault(col, []).append(m.group())
        prev_end = e
    return {c: _LEADER.sub("", " ".join(words)) for c, words in cells.items()}


def first_at_edge(line: Line, columns: list[Column], settings: TableSettings, edge: int | None = None) -> str | None:
    """The first column's text when it begins at the records' left edge (a possible new record).

    ``edge`` is where records begin; by default the first column's left edge.
    """
    stripped = line.text.lstrip()
    indent = len(line.text) - len(stripped)
    if not stripped or abs(indent - (columns[0].left if edge is None else edge)) > settings.edge_tolerance:
        return None
    if len(columns) > 1 and indent >= columns[1].left:
        return None
    return split_line(line, columns, settings).get(0)


def is_group_row(line: Line, columns: list[Column], settings: TableSettings, edge: int | None = None) -> bool:
    """A heading inside the table ("Directors Whose Terms Expire in 1997", "Independent Trustees:"):
    one run of words from the records' edge (or left of it: group rows are often set out) that
    reaches across the next column or ends in a colon."""
    stripped = line.text.lstrip()
    indent = len(line.text) - len(stripped)
    edge = columns[0].left if edge is None else edge
    if len(columns) < 2 or not stripped or indent > edge + settings.edge_tolerance or indent >= columns[1].left:
        return False
    text = line.text.rstrip()
    spans = len(text) > columns[1].left + 2 or text.endswith(":")
    return spans and not re.search(r"\S {%d,}\S" % settings.min_gap, text.strip())


def mark_record_starts(body: list[Line], columns: list[Column], settings: TableSettings, starts_record: RecordStart | None) -> None:
    """Set ``record_start`` on the body lines that begin a record (and ``group`` roles)."""
    starts_record = starts_record or (lambda text: text[:1].isalpha())
    edge = record_edge(body, columns)
    candidates = []
    for i, line in enumerate(body):
        if line.blank:
            line.role = "blank"
            continue
        label = line.text.strip()
        if is_group_row(line, columns, settings, edge) and (label.endswith(":") or not starts_record(label)):
            line.role = "group"
            continue
        first = first_at_edge(line, columns, settings, edge)
        if first and starts_record(first):
            after_blank = i == 0 or body[i - 1].role in ("blank", "group")
            candidates.append((line, after_blank))
    blank_separated = len(candidates) > 1 and sum(a for _, a in candidates) * 2 > len(candidates)
    for line, after_blank in candidates:
        line.record_start = after_blank or not blank_separated


def record_edge(body: list[Line], columns: list[Column]) -> int:
    """Where records begin: the commonest indent of lines that start in the first column.

    The first column's left edge can sit further left than its records when a group row ("Nominees
    for Independent Trustees:") is set out to the margin.
    """
    limit = columns[1].left if len(columns) > 1 else None
    indents = Counter(
        len(line.text) - len(line.text.lstrip())
        for line in body
        if not line.blank and (limit is None or len(line.text) - len(line.text.lstrip()) < limit)
    )
    return indents.most_common(1)[0][0] if indents else columns[0].left


def read_records(body: list[Line], columns: list[Column], settings: TableSettings) -> list[Record]:
    """Records from marked body lines: each record's lines split into cells, then joined."""
    records: list[Record] = []
    group, rows, first, last, record_group = None, [], None, None, None
    for line in body:
        if line.role == "group":
            group = line.text.strip()
            continue
        if line.role == "blank":
            continue
        if line.record_start and rows:
            records.append(_record(rows, columns, first, last, record_group))
            rows = []
        if not rows and not line.record_start:
            continue
        if not rows:
            first, record_group = line.start, group
        rows.append(split_line(line, columns, settings))
        last = line.end
    if rows:
        records.append(_record(rows, columns, first, last, record_group))
    return records


def _record(rows: list[Fragments], columns: list[Column], start: int, end: int, group: str | None) -> Record:
    _restore_overflow(rows, columns)
    cell_lines = [[row[c] for row in rows if c in row] for c in range(len(columns))]
    return Record(start, end, [join_lines(lines) for lines in cell_lines], cell_lines, group)


def _restore_overflow(rows: list[Fragments], columns: list[Column]) -> None:
    """Move a word back into a cell it belongs to: the cell is empty on this line, its text so far
    dangles ("2000 to"), and the next column's line begins with a word that ends a clause
    ("present.") and would fit."""
    for k in range(1, len(rows)):
        for c in range(1, len(columns) - 1):
            row = rows[k]
            if c in row or c + 1 not in row:
                continue
            before = [r[c] for r in rows[:k] if c in r]
            word, _, rest = row[c + 1].partition(" ")
            width = columns[c + 1].left - columns[c].left
            if before and _DANGLING.search(before[-1]) and _ENDS_CLAUSE.search(word) and len(word) < width and rest:
                row[c], row[c + 1] = word, rest


def join_lines(lines: list[str]) -> str:
    """A wrapped cell as one string: a line ending in a hyphen joins the next without a space."""
    text = ""
    for line in lines:
        if text.endswith("-") and not text.endswith(" -") and line[:1].isalnum():
            text += line
        else:
            text = f"{text} {line}" if text else line
    return text
