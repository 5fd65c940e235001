"""Fixed-width regions keep wrapped cell lines and stacked header words (plain.py)."""

from __future__ import annotations

from tandy.document.plain import read_text

TABLE = """Officers of the Trust

                            Term of
                            Office and
              Position(s)   Length of
Name          Held          Time Served   Principal Occupation
----------    ----------    -----------   --------------------
Jane Roe      President     From 2002     Since 2006, Vice President,
(37)                        to present.   Acme Corp.; since 2001,
                                          Director of Acme Ltd.
                                          and of Acme Holdings.

Board Committees

*   Ms. Roe is an "interested person" of the Trust because of her
    affiliation with the Manager.
"""


def test_region_keeps_wrapped_cells_and_stacked_header():
    text, _, _, tables = read_text(TABLE)
    region = text[tables[0].start : tables[0].end]
    assert region.splitlines()[0].strip() == "Term of"
    assert region.rstrip().endswith("and of Acme Holdings.")
    assert "Board Committees" not in region


def test_footnote_with_hanging_indent_is_no_table():
    text, _, _, tables = read_text(TABLE)
    assert all("interested person" not in text[t.start : t.end] for t in tables)
