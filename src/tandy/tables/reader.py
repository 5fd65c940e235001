"""Read a located fixed-width region into :class:`TextTable` objects.

The document stage finds where a text table is; this module decides its structure: EDGAR tags
first (``<CAPTION>`` splits one tagged region into several tables, ``<S>``/``<C>`` give column
starts, ``<FN>`` opens the notes), else the header's dash rule, else alignment alone. The header is
everything above the rule (or above the first record), its stacked words joined per column.
"""

from __future__ import annotations

import re

from tandy.tables.columns import find_columns, header_column_of, rule_groups, tag_columns
from tandy.tables.footnotes import footnotes_below
from tandy.tables.model import Column, Line, TextTable
from tandy.tables.records import RecordStart, first_at_edge, mark_record_starts, read_records
from tandy.tables.settings import TableSettings

_TAG_LINE = re.compile(r"^\s*</?(TABLE|CAPTION|FN|PAGE)>.*$", re.I)
_TAG = re.compile(r"</?(?:TABLE|CAPTION|FN)>", re.I)
_WORD = re.compile(r"\S+")


def read_text_tables(
    text: str,
    start: int,
    end: int,
    *,
    settings: TableSettings | None = None,
    starts_record: RecordStart | None = None,
) -> list[TextTable]:
    """The tables in ``text[start:end]`` (one, or one per ``<CAPTION>`` of a tagged region)."""
    settings = settings or TableSettings()
    lines = _lines(text, start, end)
    parts = _tagged_parts(lines) if any(re.search(r"<[SC]>", l.text, re.I) for l in lines) else None
    if not parts:
        return [t for t in [_read_part(text, lines, None, settings, starts_record, end)] if t]
    tables = []
    for header, tags, body, notes_at in parts:
        table = _read_tagged(text, header, tags, body, settings, starts_record)
        if table:
            table.footnotes = footnotes_below(text, notes_at, settings) if notes_at is not None else {}
            tables.append(table)
    return tables


def _lines(text: str, start: int, end: int) -> list[Line]:
    out, pos = [], start
    for raw in text[start:end].split("\n"):
        out.append(Line(pos, raw))
        pos += len(raw) + 1
    return out


def _tagged_parts(lines: list[Line]):
    """(header lines, the <S>/<C> line, body lines, where notes start) per caption."""
    parts, header, tags, body, notes_at = [], [], None, [], None
    for line in lines:
        upper = line.text.strip().upper()
        if upper.startswith("<CAPTION>") or (upper.startswith("<TABLE>") and header + body):
            if tags:
                parts.append((header, tags, body, notes_at))
            header, tags, body, notes_at = [], None, [], None
            continue
        if upper.startswith("<FN>"):
            notes_at = line.end
            tags = tags or None
            if tags:
                parts.append((header, tags, body, notes_at))
            header, tags, body, notes_at = [], None, [], None
            continue
        if re.search(r"<[SC]>", line.text, re.I) and tags is None:
            tags = line
        elif _TAG_LINE.match(line.text) and "<PAGE>" not in upper:
            continue
        elif tags is None:
            header.append(line)
        else:
            body.append(line)
    if tags:
        parts.append((header, tags, body, notes_at if notes_at is not None else (body[-1].end if body else tags.end)))
    return parts


def _read_tagged(text, header, tags, body, settings, starts_record) -> TextTable | None:
    body = [l for l in body if not _TAG_LINE.match(l.text)]
    columns = find_columns(body, tag_columns(tags.text), settings, tagged=True)
    for line in header:
        line.role = "rule" if rule_groups(line.text, settings) else "header"
    rules = [i for i, l in enumerate(header) if l.role == "rule"]
    if rules:
        header, body = header[: rules[-1] + 1], header[rules[-1] + 1 :] + body
    return _finish(text, header, body, columns, settings, starts_record, tagged=True)


def _read_part(text, lines, _tags, settings, starts_record, end) -> TextTable | None:
    lines = [l for l in lines if not _TAG_LINE.match(l.text)]
    rule_at = next((i for i, l in enumerate(lines) if rule_groups(l.text, settings)), None)
    if rule_at is not None:
        header, body = lines[:rule_at + 1], lines[rule_at + 1 :]
        lines[rule_at].role = "rule"
        columns = find_columns(body, rule_groups(lines[rule_at].text, settings), settings)
    else:
        columns = find_columns(lines, None, settings)
        cut = next((i for i, l in enumerate(lines) if (f := first_at_edge(l, columns, settings)) and (not starts_record or starts_record(f))), 0)
        header, body = lines[:cut], lines[cut:]
        if header:
            columns = find_columns(body, None, settings)
    body += _trailing(text, end, columns, settings, starts_record)
    table = _finish(text, header, body, columns, settings, starts_record, tagged=False)
    if table:
        table.footnotes = footnotes_below(text, table.end, settings)
    return table


def _finish(text, header, body, columns, settings, starts_record, *, tagged) -> TextTable | None:
    if not columns or not any(not l.blank for l in body):
        return None
    for line in header:
        if line.role != "rule":
            line.role = "header"
    _assemble_header(header, columns)
    if not tagged and any(c.header for c in columns):
        columns = _merge_headless(columns)
    mark_record_starts(body, columns, settings, starts_record)
    records = read_records(body, columns, settings)
    all_lines = header + body
    end = max((r.end for r in records), default=body[-1].end)
    caption = None
    return TextTable(all_lines[0].start, end, columns, records, all_lines, caption, tagged)


def _assemble_header(header: list[Line], columns: list[Column]) -> None:
    """Stacked header words joined per column, top to bottom ("Term of / Office and / ...")."""
    parts: list[list[str]] = [[] for _ in columns]
    for line in header:
        if line.role != "header":
            continue
        clean = _TAG.sub(lambda m: " " * len(m.group()), line.text)
        for m in _WORD.finditer(clean):
            parts[header_column_of(m.start(), m.end(), columns)].append(m.group())
    for col, words in zip(columns, parts):
        col.header = " ".join(words)


def _merge_headless(columns: list[Column]) -> list[Column]:
    """A data column with no header words over it is part of its left neighbour."""
    merged = [columns[0]]
    for col in columns[1:]:
        if col.header:
            merged.append(col)
        else:
            merged[-1].right = col.right
    return merged


def _trailing(text: str, end: int, columns: list[Column], settings: TableSettings, starts_record) -> list[Line]:
    """Lines just below the region that only the first column prints on (an address or an age
    under the last name), with at most ``max_trailing_blanks`` blank lines between them."""
    if len(columns) < 2:
        return []
    found, pending, blanks, pos = [], [], 0, end + 1
    while pos < len(text) and len(found) < settings.max_trailing_lines:
        nl = text.find("\n", pos)
        nl = len(text) if nl == -1 else nl
        line = Line(pos, text[pos:nl])
        pos = nl + 1
        if line.blank:
            blanks += 1
            pending.append(line)
            if blanks > settings.max_trailing_blanks:
                break
            continue
        fits = len(line.text.rstrip()) < columns[1].left and _TAG_LINE.match(line.text) is None
        first = first_at_edge(line, columns, settings) if fits else None
        if not fits or (first and starts_record and starts_record(first)):
            break
        found += pending + [line]
        pending, blanks = [], 0
    for line in found:
        line.role = "trailing"
    return found
