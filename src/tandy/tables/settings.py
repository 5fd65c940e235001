"""How the fixed-width table parser decides; every threshold it uses, named, in one place.

Like pdfplumber's ``TableSettings``: when a table comes out wrong, ``tandy proxy FILE --table N
--debug`` shows the columns and record starts found, and the fix is usually one setting here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TableSettings:
    """Settings of :func:`tandy.tables.parse_text_table`."""

    min_gap: int = 2
    """Spaces that separate two cells on a line; a single space separates words of one cell."""

    gap_tolerance: float = 0.1
    """Share of body lines that may cross a column gap (text overflowing a column) without
    closing it."""

    edge_tolerance: int = 1
    """How far a word may start from a column's left edge and still begin that column."""

    min_rule_dashes: int = 3
    """A header rule is made of dash groups at least this long."""

    max_trailing_lines: int = 4
    """Lines below the located region that may still belong to the last record (an address or
    an age printed under the name)."""

    max_trailing_blanks: int = 1
    """Blank lines allowed between such trailing lines; more and the table has ended."""

    max_footnote_gap: int = 4
    """Blank lines between the table (or one footnote) and the next footnote."""

    max_footnotes: int = 12
    """Footnotes read below one table."""
