"""The seed letter, read the way a securities lawyer would check it."""

from __future__ import annotations

import pytest

from conftest import SEED_LETTER, needs_shared
from tandy import read_letter

pytestmark = needs_shared


@pytest.fixture(scope="module")
def letter():
    return read_letter(str(SEED_LETTER))


def test_it_is_counsels_response_dated_january_3_2008(letter):
    assert letter.kind == "response"
    assert letter.date == "2008-01-03"
    assert letter.sender == "Sullivan & Worcester LLP"


def test_re_block_names_the_trust_and_its_preliminary_proxy(letter):
    assert letter.registrant == "Met Investors Series Trust"
    assert letter.subject_filing.form == "PRE 14A"
    assert letter.subject_filing.filed == "2007-12-28"
    assert letter.subject_filing.cik == "0001126087"
    assert letter.subject_filing.file_numbers == ["811-10183"]


def test_four_comments_numbered_one_to_four_each_answered(letter):
    assert [item.number for item in letter.items] == [1, 2, 3, 4]
    assert all(item.response for item in letter.items)


def test_labels_and_numbers_are_not_part_of_the_text(letter):
    first = letter.items[0]
    assert first.comment.startswith("The number of portfolios of the Trust")
    assert first.comment.endswith("Please reconcile.")
    assert first.response == "The footnote on page 12 has been corrected."
    assert not any(i.comment.startswith(("Comment", "1.")) or i.response.startswith("Response") for i in letter.items)


def test_the_unnumbered_tandy_comment_takes_its_number_from_the_response(letter):
    fourth = letter.items[3]
    assert fourth.number == 4
    assert fourth.comment == "Include Tandy language in your response letter."
    assert fourth.response == "The reported language is included in this letter."


def test_pages_12_and_14_are_cited_by_the_responses_to_items_1_and_3(letter):
    assert letter.items[0].response_pages == ["12"]
    assert letter.items[2].response_pages == ["14"]
    assert letter.pages_cited == ["12", "14"]
    assert all(item.pages == [] for item in letter.items)  # the comments themselves name no page


def test_regulation_s_k_items_are_cited(letter):
    cited = {(c.regulation, c.item, c.paragraph) for item in letter.items for c in item.citations}
    assert ("S-K", "407", "(b)(1)") in cited
    assert ("S-K", "407", "(c)(2)(vii)") in cited


def test_signed_by_robert_hickey_with_three_copies(letter):
    assert letter.signatories == ["Robert N. Hickey"]
    assert letter.cc == ["Elizabeth M. Forget", "Jack Huntington", "Bryan Anderson"]


def test_items_point_back_into_the_letter(letter):
    text = letter.document.text
    for item in letter.items:
        quoted = " ".join(text[item.location.start : item.location.end].split())
        assert item.comment[:30] in quoted
