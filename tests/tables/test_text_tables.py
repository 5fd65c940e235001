"""Small synthetic fixed-width tables, one edge each."""

from __future__ import annotations

from tandy.tables import TableSettings, debug_view, read_text_tables

OFFICERS = """                            Term of
                            Office and
              Position(s)   Length of
Name          Held          Time Served   Principal Occupation
----------    ----------    -----------   --------------------
Jane Roe      President     From 2002     Since 2006, Vice President,
(37)                        to present.   Acme Corp.; since 2001,
                                          Director of Acme Ltd.

John Doe      Vice          From 1999 to  Since 1998, Counsel of Acme
(52)          President                   present. Corp.; before, partner.
"""


def read(text, **kw):
    return read_text_tables(text, 0, len(text), **kw)


def test_stacked_header_assembled_per_column():
    (table,) = read(OFFICERS)
    assert table.header == ["Name", "Position(s) Held", "Term of Office and Length of Time Served", "Principal Occupation"]


def test_records_split_at_a_name_and_wrapped_lines_joined():
    (table,) = read(OFFICERS)
    assert [r.cells[0] for r in table.records] == ["Jane Roe (37)", "John Doe (52)"]
    assert table.records[0].cells[3] == "Since 2006, Vice President, Acme Corp.; since 2001, Director of Acme Ltd."


def test_overflowing_word_returns_to_its_dangling_cell():
    (table,) = read(OFFICERS)
    doe = table.records[1]
    assert doe.cells[2] == "From 1999 to present."
    assert doe.cells[3] == "Since 1998, Counsel of Acme Corp.; before, partner."


def test_tagged_columns_start_at_s_and_c_marks():
    text = """<TABLE>
<CAPTION>
Name                      Age Position
----                      --- --------
<S>                       <C> <C>
William C. Ballard, Jr.    54 Director
Richard T. Burke           51 Chairman, President and Chief Executive
                              Officer
</TABLE>
"""
    (table,) = read(text)
    assert table.tagged
    assert table.rows == [["William C. Ballard, Jr.", "54", "Director"], ["Richard T. Burke", "51", "Chairman, President and Chief Executive Officer"]]


def test_captions_split_a_tagged_region_into_tables():
    text = """<TABLE>
<CAPTION>
NAME                 POSITION
-------------------- ---------
<S>                  <C>
Jane Roe (63)        Trustee
<CAPTION>
NAME                 OVERSEEN
-------------------- ---------
<S>                  <C>
Jane Roe (63)        208
</TABLE>
"""
    first, second = read(text)
    assert first.header == ["NAME", "POSITION"] and second.header == ["NAME", "OVERSEEN"]
    assert second.rows == [["Jane Roe (63)", "208"]]


def test_footnotes_below_are_keyed_by_marker():
    text = OFFICERS.replace("Jane Roe   ", "Jane Roe*  ") + "\n\n*   Ms. Roe is an \"interested person\" because\n    of her affiliation.\n"
    (table,) = read_text_tables(text, 0, len(OFFICERS))
    assert table.footnotes == {"*": 'Ms. Roe is an "interested person" because of her affiliation.'}


def test_debug_view_marks_columns_and_record_starts():
    (table,) = read(OFFICERS)
    view = debug_view(table)
    ruler = view.splitlines()[0]
    assert ruler[4 + table.columns[1].left] == "|"
    assert sum(1 for line in view.splitlines() if line.startswith(" >")) == 2
    assert "column 2 at" in view


def test_settings_change_what_separates_cells():
    text = "Name  Age\n----  ---\nAnn B  40\nCal D  51\nEve F  62\n"
    (default,) = read(text)
    assert default.rows[0] == ["Ann B", "40"]
    (strict,) = read(text, settings=TableSettings(min_gap=3))
    assert len(strict.columns) == 2


GROUPED = """    Name           Position     Term of Office
    ----------     ---------    --------------
      Jane Roe     President    Since 2002.
      (37)
Independent Trustees:

      John Doe     Trustee      Since 1999.
      (52)

      Ann Poe      Trustee      Since 2004.
      (61)
"""


def test_group_row_set_out_to_the_margin_does_not_hide_the_records():
    """Records begin at their own indent even when a group row starts left of them."""
    (table,) = read(GROUPED)
    assert [r.cells[0] for r in table.records] == ["Jane Roe (37)", "John Doe (52)", "Ann Poe (61)"]
    assert [r.group for r in table.records] == [None, "Independent Trustees:", "Independent Trustees:"]
