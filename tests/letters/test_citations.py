"""Citations and page references, as a securities lawyer would read them in a comment or response."""

from __future__ import annotations

import pytest

import tandy
from conftest import SEED_LETTER, corpus
from tandy.letters.citations import act_of_rule, find_citations, find_pages


def only(text: str):
    (citation,) = find_citations(text)
    return citation


@pytest.mark.parametrize(
    "text, regulation, item, paragraph",
    [
        ("Item 407(c)(2)(vii) of Regulation S-K", "S-K", "407", "(c)(2)(vii)"),
        ("Section 407(b)(1) of Reg. S-K", "S-K", "407", "(b)(1)"),
        ("Section  407(b)(1) of Reg.\nS-K", "S-K", "407", "(b)(1)"),
        ("Item 303(a) of Regulation S-K", "S-K", "303", "(a)"),
        ("Item 10(e) of Regulation S-K", "S-K", "10", "(e)"),
        ("Regulation S-K Item 402(v)(5)", "S-K", "402", "(v)(5)"),
    ],
)
def test_regulation_items_are_split_into_parts(text, regulation, item, paragraph):
    citation = only(text)
    assert (citation.kind, citation.regulation, citation.item, citation.paragraph) == ("item", regulation, item, paragraph)
    assert citation.text == text


def test_form_and_schedule_items():
    form_item = only("Item 1.01 of Form 8-K")
    assert (form_item.kind, form_item.form, form_item.item) == ("item", "Form 8-K", "1.01")
    schedule_item = only("Item 22(b)(1) of Schedule 14A")
    assert (schedule_item.kind, schedule_item.form, schedule_item.item, schedule_item.paragraph) == (
        "schedule_item", "Schedule 14A", "22", "(b)(1)")


@pytest.mark.parametrize(
    "text, rule, paragraph, act",
    [
        ("Rule 14a-6(a)", "14a-6", "(a)", "1934"),
        ("Rule 461", "461", None, "1933"),
        ("Rule 430A", "430A", None, "1933"),
        ("Securities Act Rule 405", "405", None, "1933"),
        ("Exchange Act Rule 14a-9", "14a-9", None, "1934"),
        ("Rule 14a-8(i)(7)", "14a-8", "(i)(7)", "1934"),
        ("Rule 12b-25", "12b-25", None, "1934"),
        ("Rule 22c-1", "22c-1", None, "1940"),
        ("Rule 461 under the Securities Act of 1933", "461", None, "1933"),
    ],
)
def test_rules_carry_the_act_their_number_implies(text, rule, paragraph, act):
    citation = only(text)
    assert (citation.kind, citation.rule, citation.paragraph, citation.act) == ("rule", rule, paragraph, act)


def test_shared_rule_families_follow_the_letter_subject():
    assert act_of_rule("12b-1") == "1934"
    assert act_of_rule("12b-1", investment_company=True) == "1940"
    fund_letter = "The Fund's Rule 12b-1 plan and Rule 15a-4 under the 1940 Act."
    assert [c.act for c in find_citations(fund_letter) if c.kind == "rule"] == ["1940", "1940"]


def test_regulation_sx_rules_and_bare_regulations():
    sx = only("Rule 3-05 of Regulation S-X")
    assert (sx.regulation, sx.rule, sx.act) == ("S-X", "3-05", None)
    g = only("Regulation G")
    assert (g.kind, g.regulation) == ("regulation", "G")


def test_sections_of_the_acts():
    cited = find_citations("Section 13(a) of the Exchange Act, Section 15(c) of the 1940 Act and Section 2(a)(19).")
    assert [(c.section, c.paragraph, c.act) for c in cited] == [("13", "(a)", "1934"), ("15", "(c)", "1940"), ("2", "(a)(19)", "1940")]


def test_contract_sections_and_fda_forms_are_not_citations():
    assert find_citations("Section 3.13 of the Merger Agreement and the Form 483 observations") == []


def test_forms():
    assert [c.form for c in find_citations("Form N-1A, Form S-1 and Form 10-K")] == ["Form N-1A", "Form S-1", "Form 10-K"]


def test_accounting_standards_and_staff_bulletins():
    asc, full, sab_topic, sab = find_citations("ASC 606; ASC 280-10-50-1; SAB Topic 5.M; SAB 99")
    assert (asc.kind, asc.topic, asc.paragraph) == ("asc", "606", None)
    assert (full.topic, full.paragraph) == ("280", "10-50-1")
    assert (sab_topic.kind, sab_topic.topic) == ("sab", "5.M")
    assert (sab.kind, sab.item) == ("sab", "99")


def test_short_forms_take_the_full_form_used_earlier():
    items = find_citations("Item 407(b)(1) of Regulation S-K ... and Item 407(c)(2)(vii)")
    assert [(c.regulation, c.paragraph) for c in items] == [("S-K", "(b)(1)"), ("S-K", "(c)(2)(vii)")]
    rules = find_citations("Exchange Act Rule 14a-6 and then Rule 14a-9")
    assert [c.act for c in rules] == ["1934", "1934"]


def test_short_form_is_not_lent_to_an_item_that_cannot_belong():
    # Item 7 of Regulation S-K does not exist: the "Item 7" of a 10-K heading stays unqualified.
    cited = find_citations("Item 303 of Regulation S-K. Item 7. Management's Discussion")
    assert cited[1].item == "7" and cited[1].regulation is None


def test_lists_give_one_citation_each_with_offsets():
    text = "Please refer to Rules 460 and 461 regarding requests for acceleration."
    first, second = find_citations(text)
    assert (first.rule, second.rule) == ("460", "461")
    assert text[first.start : first.end] == "Rules 460" and text[second.start : second.end] == "461"


def test_seed_letter_cites_item_407_paragraphs():
    text = tandy.parse(str(SEED_LETTER)).main.text if SEED_LETTER.exists() else pytest.skip("seed absent")
    items = [(c.item, c.paragraph) for c in find_citations(text) if c.regulation == "S-K"]
    assert items == [("407", "(b)(1)"), ("407", "(b)(1)"), ("407", "(c)(2)(vii)")]


def test_corpus_staff_letter_citations_point_into_the_text():
    text = tandy.parse(str(corpus("letters", "cci_upload_2024-05-03_0000000000-24-005098.pdf"))).main.text
    cited = find_citations(text)
    assert any(c.rule == "14a-9" and c.act == "1934" for c in cited)
    assert all(text[c.start : c.end] == c.text for c in cited)


@pytest.mark.parametrize(
    "text, pages",
    [
        ("See page 12.", ["12"]),
        ("on pages 14-15", ["14-15"]),
        ("on pages 14 and 15", ["14", "15"]),
        ("p. 3 and pp. 7-8", ["3", "7-8"]),
        ("page A-1 and page F-1", ["A-1", "F-1"]),
        ("Note 17. Subsequent Event, page31", ["31"]),
        ("pages 25, 26 and 27, then page 25 again", ["25", "26", "27"]),
        ("slide 12, Exhibit 99.1, Section 3.13 and Notes 8 and 11", []),
        ("page 12 shows 44% of", ["12"]),
    ],
)
def test_pages_as_printed_in_order_without_duplicates(text, pages):
    assert find_pages(text) == pages


def test_running_header_page_number_is_not_a_reference():
    assert find_pages("Mr. Smith\nMay 4, 2016\nPage 2\n\nSee page 36 of the 10-K.") == ["36"]


def test_running_header_joined_onto_a_comment_is_not_a_reference():
    comment = "the immediacy of the risk assessed; Mark Hamburg Berkshire Hathaway Inc. September 2, 2022 Page 2 • whether you"
    assert find_pages(comment) == []
    assert find_pages("as filed on September 2, 2022. See page 2 of the proxy.") == ["2"]
