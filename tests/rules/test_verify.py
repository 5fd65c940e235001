"""tandy verify on the seed: the response claims two changes (page 12, page 14) and the revised
excerpt has exactly those two; a revised version missing one is caught, and staff comments are
matched to their answers in a real staff letter and response."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import DEF14A, PRE14A, SEED_LETTER, corpus, needs_shared
from tandy import verify, verify_against_staff
from tandy.document import parse
from tandy.letters.model import Item
from tandy.rules.verify import claims_change, differences

pytestmark = needs_shared
ADDED = (
    "Susan C. Gause was recommended to the Nominating, Governance and Compensation\n"
    "Committee by an Independent Trustee and Robert Boulware was recommended to the\n"
    "Committee by the chief executive officer of the Trust's investment manager.\n"
)


def by_number(result):
    return {item.number: item for item in result.items}


def test_seed_response_claims_are_both_in_the_definitive_excerpt():
    items = by_number(result := verify(SEED_LETTER, PRE14A, DEF14A))
    footnote = items[1]
    assert footnote.status == "confirmed" and footnote.pages == ["12"]
    [change] = footnote.evidence
    assert "(36 portfolios)" in change.before and "(44 portfolios)" in change.after
    assert change.location.page == "12" and change.before_location.page == "12"
    assert parse(str(DEF14A)).main.text[change.location.start : change.location.end] == "(44"
    sentence = items[3]
    assert sentence.status == "confirmed" and sentence.pages == ["14"]
    [added] = sentence.evidence
    assert added.kind == "added" and added.before is None and added.location.page == "14"
    assert "Susan C. Gause was recommended" in added.after and "Robert Boulware" in added.after
    assert items[2].status == items[4].status == "no_change_claimed"
    assert items[2].evidence == items[4].evidence == []
    assert result.unclaimed == [] and result.not_found == []


def test_a_claimed_change_missing_from_the_revision_is_not_found(tmp_path):
    tampered = tmp_path / "def14a_without_sentence.txt"
    text = DEF14A.read_text()
    assert ADDED in text
    tampered.write_text(text.replace(ADDED, ""))
    items = by_number(result := verify(SEED_LETTER, PRE14A, tampered))
    assert items[3].status == "not_found" and items[3].evidence == []
    assert items[1].status == "confirmed"
    assert [i.number for i in result.not_found] == [3]


def test_a_change_nobody_claimed_is_reported_as_unclaimed(tmp_path):
    revised = tmp_path / "def14a_extra.txt"
    revised.write_text(DEF14A.read_text().replace("Officers of the Trust", "Executive Officers of the Trust"))
    result = verify(SEED_LETTER, PRE14A, revised)
    [extra] = result.unclaimed
    assert extra.kind == "added" and "Executive" in extra.after and extra.location.page == "13"
    assert {i.number: i.status for i in result.items} == {1: "confirmed", 2: "no_change_claimed", 3: "confirmed", 4: "no_change_claimed"}


def test_rewrapped_lines_and_moved_page_numbers_are_no_change(tmp_path):
    rewrapped = tmp_path / "rewrapped.txt"
    rewrapped.write_text(PRE14A.read_text().replace("Shareholders are", "Shareholders\nare", 1))
    assert differences(parse(str(PRE14A)).main, parse(str(rewrapped)).main) == []


@pytest.mark.parametrize(
    ("disposition", "response", "claims"),
    [
        ("revised", "The footnote on page 12 has been corrected.", True),
        (None, "The disclosure on page 7 has been revised as requested.", True),
        ("future_filings", "The disclosure has been revised in future filings.", False),
        ("no_change", "No additional disclosure is required.", False),
        ("complied", "The reported language is included in this letter.", False),
    ],
)
def test_which_responses_claim_a_change(disposition, response, claims):
    assert claims_change(Item(1, "comment", response=response, disposition=disposition)) is claims


def test_every_staff_comment_answered_in_the_kinder_morgan_response():
    staff = corpus("letters", "kmi_upload_2016-06-28_0000000000-16-082397.pdf")
    response = corpus("letters", "kmi_corresp_2016-07-12_0001506307-16-000098.htm")
    result = verify_against_staff(response, staff)
    assert [a.number for a in result.answers] == list(range(1, 13))
    assert result.unanswered == []
    assert all(a.matched_by == "number" and a.response_number == a.number and a.response for a in result.answers)


def test_a_response_to_another_letter_answers_none_of_its_comments():
    staff = corpus("letters", "kmi_upload_2016-06-28_0000000000-16-082397.pdf")
    later = corpus("letters", "kmi_corresp_2016-08-10_0001506307-16-000108.htm")
    result = verify_against_staff(later, staff)
    assert len(result.unanswered) == 12, "comments 1-3 of the later letter are other comments, though numbered alike"


def test_a_dropped_answer_is_unanswered_and_renumbered_answers_match_by_text():
    from tandy.letters import read_letter

    staff = read_letter(str(corpus("letters", "kmi_upload_2016-06-28_0000000000-16-082397.pdf")))
    response = read_letter(str(corpus("letters", "kmi_corresp_2016-07-12_0001506307-16-000098.htm")))
    kept = [item for item in response.items if item.number != 5]
    renumbered = [dataclasses.replace(item, number=None) if item.number == 7 else item for item in kept]
    result = verify_against_staff(dataclasses.replace(response, items=renumbered), staff)
    assert [a.number for a in result.unanswered] == [5]
    seventh = next(a for a in result.answers if a.number == 7)
    assert seventh.status == "answered" and seventh.matched_by == "text"
