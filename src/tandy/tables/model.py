"""A fixed-width table as read: its lines, the columns found, the header and the records.

Everything keeps character offsets into the document's text, so a cell or a record can be
located, and the debug view can show exactly which lines made which record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

LineRole = Literal["header", "rule", "body", "group", "blank", "trailing"]


@dataclass(slots=True)
class Line:
    """One line of a table region (tags such as ``<S>`` and ``<CAPTION>`` already taken out)."""

    start: int
    text: str
    role: LineRole = "body"
    record_start: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(slots=True)
class Column:
    """A column: where its cells begin on the line, where they may run to, and its header."""

    left: int
    right: int
    header: str = ""
    guide: tuple[int, int] | None = None
    """The dash group (or ``<S>``/``<C>`` span) over the column, which header words align with."""


@dataclass(slots=True)
class Record:
    """One row of the table as the reader sees it: every line of a multi-line row joined.

    ``cells`` holds each column's text with wrapped lines joined by a space; ``cell_lines`` keeps
    the lines apart (a name column holds the name, then an address, then an age).
    """

    start: int
    end: int
    cells: list[str]
    cell_lines: list[list[str]]
    group: str | None = None


@dataclass(slots=True)
class TextTable:
    """A fixed-width table: columns with assembled headers, records, footnotes below it."""

    start: int
    end: int
    columns: list[Column]
    records: list[Record]
    lines: list[Line]
    caption: str | None = None
    tagged: bool = False
    footnotes: dict[str, str] = field(default_factory=dict)

    @property
    def header(self) -> list[str]:
        return [c.header for c in self.columns]

    @property
    def rows(self) -> list[list[str]]:
        return [r.cells for r in self.records]
