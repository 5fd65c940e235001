"""HTML layout on small synthetic cases: the edges that real filings hit one at a time."""

from __future__ import annotations

from tandy.document import read_document
from tandy.source import Part


def doc(html: str):
    return read_document("test.htm", Part("html", html))


def test_financial_table_cells_are_merged_and_spacers_dropped():
    d = doc(
        "<table><tr><td colspan=3>Fees</td><td></td><td>2007</td></tr>"
        "<tr><td>Audit</td><td></td><td>$</td><td>1,200</td><td>(3</td><td>)%</td></tr></table>"
    )
    assert d.tables[0].rows == [["Fees", "", "2007"], ["Audit", "$1,200", "(3)%"]]


def test_rowspan_keeps_columns_aligned():
    d = doc("<table><tr><td rowspan=2>Name</td><td>a</td></tr><tr><td>b</td></tr></table>")
    assert d.tables[0].rows == [["Name", "a"], ["", "b"]]


def test_numbered_comment_in_two_cells_reads_as_one_paragraph():
    d = doc("<p>Intro.</p><table><tr><td>1.</td><td><i>We note your disclosure.</i></td></tr></table>")
    block = [b for b in d.blocks if "We note" in d.text[b.start : b.end]][0]
    assert d.text[block.start : block.end] == "1. We note your disclosure."
    assert block.italic and not block.bold


def test_bold_by_style_and_by_tag():
    d = doc('<p><font style="font-weight:700">Comment 1</font></p><p><b>Heading</b></p><p>plain text here.</p>')
    assert [b.bold for b in d.blocks] == [True, True, False]
    assert d.blocks[1].kind == "heading"


def test_page_break_styles_make_pages_and_footers_number_them():
    d = doc(
        "<p>First page text.</p><p style='text-align:center'>1</p>"
        "<hr style='page-break-after:always'/><p>Second page text.</p><p>- 2 -</p>"
    )
    assert d.page_numbers() == ["1", "2"]
    assert d.location(d.text.index("Second")).page == "2"


def test_plain_hr_separates_pages_when_no_break_style_is_used():
    d = doc("<p>One.</p><p>i</p><hr><p>Two.</p><p>ii</p>")
    assert d.page_numbers() == ["i", "ii"]


def test_hidden_inline_xbrl_header_is_not_text():
    d = doc('<div style="display:none"><ix:header>dei:EntityName</ix:header></div><p>Visible.</p>')
    assert d.text == "Visible."


def test_entities_and_typographic_characters_are_normalised():
    d = doc("<p>The Trust&#8217;s &#8220;portfolios&#8221;&nbsp;and non&shy;GAAP.</p>")
    assert d.text == "The Trust's \"portfolios\" and nonGAAP."
