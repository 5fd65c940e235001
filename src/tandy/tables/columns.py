"""Column boundaries of a fixed-width table, from how its lines line up.

Columns come from the body, not from one line: a column gap is a run of character positions that
no body line prints on (a cell spilling across a gap on one line closes it, which is why the
header's dash rule or EDGAR's ``<S>``/``<C>`` marks, where present, guide which data columns go
together). Data columns with no header over them belong to their left neighbour: that is where
"(41)" after a name or a wrapped word lands.
"""

from __future__ import annotations

import re

from tandy.tables.model import Column, Line
from tandy.tables.settings import TableSettings

_WORD = re.compile(r"\S+")
_DASHES = re.compile(r"[-=_]+")


def rule_groups(line: str, settings: TableSettings) -> list[tuple[int, int]]:
    """The dash groups of a header rule line ("-----   ------"), or [] if it is no rule."""
    stripped = line.strip()
    if not stripped or set(stripped) - set("-=_ "):
        return []
    groups = [(m.start(), m.end()) for m in _DASHES.finditer(line) if m.end() - m.start() >= settings.min_rule_dashes]
    return groups if len(groups) >= 2 else []


def tag_columns(line: str) -> list[tuple[int, int]]:
    """Column starts from EDGAR's ``<S>``/``<C>`` line: each column runs to the next mark."""
    starts = [m.start() for m in re.finditer(r"<[SC]>", line, re.I)]
    return [(s, e) for s, e in zip(starts, starts[1:] + [10_000])]


def find_columns(
    body: list[Line], guides: list[tuple[int, int]] | None, settings: TableSettings, *, tagged: bool = False
) -> list[Column]:
    """Columns of the body lines; ``guides`` are the rule's dash groups or the ``<S>/<C>`` spans."""
    if tagged and guides:
        return [Column(s, e, guide=(s, e)) for s, e in guides]
    spans = occupied_spans([l.text for l in body if not l.blank], settings)
    if not guides:
        return [Column(s, e) for s, e in spans]
    return _fit_to_guides(spans, guides)


def occupied_spans(lines: list[str], settings: TableSettings) -> list[tuple[int, int]]:
    """Runs of positions some line prints on, split at gaps blank in every line.

    A gap one space wide counts only where lines separate cells there (two or more spaces on at
    least two lines); otherwise it is the space between two words of a cell.
    """
    width = max((len(l) for l in lines), default=0)
    used = [0] * width
    support = [0] * width
    for line in lines:
        for m in _WORD.finditer(line):
            for p in range(m.start(), m.end()):
                used[p] += 1
        for m in re.finditer(" {%d,}" % settings.min_gap, line.rstrip()):
            for p in range(m.start(), m.end()):
                support[p] += 1
    spans, start, p = [], None, 0
    while p < width:
        if used[p]:
            start = p if start is None else start
            p += 1
            continue
        q = p
        while q < width and not used[q]:
            q += 1
        if start is not None and (q - p >= settings.min_gap or max(support[p:q]) >= 2 or q == width):
            spans.append((start, p))
            start = None
        p = q
    if start is not None:
        spans.append((start, width))
    return spans


def _fit_to_guides(spans: list[tuple[int, int]], guides: list[tuple[int, int]]) -> list[Column]:
    """Data columns merged under the guide (rule group) they overlap most; unmatched ones go left."""
    owner: list[int] = []
    for s, e in spans:
        overlaps = [max(0, min(e, ge) - max(s, gs)) for gs, ge in guides]
        best = max(range(len(guides)), key=lambda i: overlaps[i])
        owner.append(best if overlaps[best] else (owner[-1] if owner else _nearest(s, guides)))
    columns = []
    for g, (gs, ge) in enumerate(guides):
        mine = [span for span, o in zip(spans, owner) if o == g]
        left = min([s for s, _ in mine] + [gs]) if not mine else min(s for s, _ in mine)
        right = max([e for _, e in mine] + [ge])
        columns.append(Column(left, right, guide=(gs, ge)))
    for a, b in zip(columns, columns[1:]):
        b.left = max(b.left, a.left + 1)
    return columns


def _nearest(pos: int, guides: list[tuple[int, int]]) -> int:
    return min(range(len(guides)), key=lambda i: abs(guides[i][0] - pos))


def header_column_of(start: int, end: int, columns: list[Column]) -> int:
    """The column a header word sits over: the guide it overlaps most, else as for data."""
    if all(c.guide for c in columns):
        overlaps = [max(0, min(end, c.guide[1]) - max(start, c.guide[0])) for c in columns]
        best = max(range(len(columns)), key=lambda i: overlaps[i])
        if overlaps[best]:
            return best
    return column_of(start, end, columns)


def column_of(start: int, end: int, columns: list[Column]) -> int:
    """The column a word at ``start:end`` belongs to: where it starts, or most of it lies."""
    index = 0
    for i, col in enumerate(columns):
        if col.left <= start:
            index = i
    if index + 1 < len(columns):
        nxt = columns[index + 1].left
        if end > nxt and (end - nxt) > (nxt - start):
            return index + 1
    return index
