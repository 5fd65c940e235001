"""Fixed-width text tables: columns from alignment across many lines, multi-line headers and
records, footnotes below. Tunable through :class:`TableSettings`; :func:`debug_view` shows why a
table came out as it did."""

from tandy.tables.debug import debug_view
from tandy.tables.model import Column, Line, Record, TextTable
from tandy.tables.reader import read_text_tables
from tandy.tables.settings import TableSettings

__all__ = ["Column", "Line", "Record", "TableSettings", "TextTable", "debug_view", "read_text_tables"]
