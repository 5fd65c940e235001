"""tandy verify on the seed: the response claims two changes (page 12, page 14) and the revised
excerpt has exactly those two; a revised version missing one is caught, an edit nobody announced is
listed even on a claimed page, and staff comments are matched to their answers in a real staff
letter and response."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest

from conftest import DEF14A, PRE14A, SEED_LETTER, corpus, needs_shared
from tandy import verify, verify_against_staff
from tandy.document import Location, parse
from tandy.errors import InputError
from tandy.letters import read_letter
from tandy.letters.model import Item
from tandy.rules.verify import Change, claims_change, differences, match_claims

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


# --- claim by claim: a change on the claimed page is evidence only if it fits the claim -------------

#: Two edits on page 14 that the response says nothing about: the meeting counts of two committees.
UNANNOUNCED = (("Compensation Committee held six meetings", "Compensation Committee held seven meetings"),
               ("Valuation Committee held\n21 meetings", "Valuation Committee held\n22 meetings"))


def _revised(tmp_path, text, name="def14a.txt"):
    path = tmp_path / name
    path.write_text(text)
    return path


def _with_unannounced(text):
    for old, new in UNANNOUNCED:
        assert old in text
        text = text.replace(old, new)
    return text


def test_unannounced_edits_on_a_claimed_page_are_unclaimed(tmp_path):
    """The response claims an addition on page 14; two other edits on page 14 are not that addition."""
    result = verify(SEED_LETTER, PRE14A, _revised(tmp_path, _with_unannounced(DEF14A.read_text())))
    items = by_number(result)
    assert items[3].status == "confirmed" and len(items[3].evidence) == 1
    assert "Susan C. Gause" in items[3].evidence[0].after
    assert sorted((c.page, c.removed, c.added) for c in result.unclaimed) == [("14", "21", "22"), ("14", "six", "seven")]
    assert result.failed


def test_a_missing_claim_is_not_confirmed_by_another_change_on_its_page(tmp_path):
    text = _with_unannounced(DEF14A.read_text()).replace(ADDED, "")
    result = verify(SEED_LETTER, PRE14A, _revised(tmp_path, text))
    items = by_number(result)
    assert items[3].status == "not_found" and items[3].evidence == []
    assert {c.page for c in result.unclaimed} == {"14"} and len(result.unclaimed) == 2


def test_why_each_piece_of_evidence_fits():
    items = by_number(verify(SEED_LETTER, PRE14A, DEF14A))
    assert items[1].fits == ["figures 36, 44"]
    assert items[3].fits[0].startswith("subject (") and "nomin" in items[3].fits[0] and "recom" in items[3].fits[0]


def test_changes_from_another_reader_are_matched_the_same_way():
    """Tracked changes or a marked copy give change records without a diff: the matching is the same."""
    letter = read_letter(str(SEED_LETTER))
    at = lambda page: Location(page, 1, 0, 0)  # noqa: E731
    footnote = Change("changed", "(36 portfolios)", "(44 portfolios)", at("12"), removed="36", added="44")
    quoted_only = Change("added", None, ADDED.replace("\n", " "), at("14"))
    stray = Change("changed", "four meetings", "five meetings", at("12"), removed="four", added="five")
    items, unclaimed = match_claims(letter, [footnote, quoted_only, stray])
    checks = {i.number: i for i in items}
    assert checks[1].evidence == [footnote] and checks[3].evidence == [quoted_only]
    assert unclaimed == [stray]


def test_a_claim_quoting_its_new_words_is_confirmed_by_them_on_any_page():
    letter = read_letter(str(SEED_LETTER))
    quoting = dataclasses.replace(letter.items[2], response=f'We have added the following disclosure: "{ADDED.strip()}"', response_pages=[])
    letter = dataclasses.replace(letter, items=[letter.items[0], quoting])
    added = Change("added", None, ADDED, Location("40", 1, 0, 0))
    unrelated = Change("added", None, "The Trust's auditors are Deloitte & Touche LLP.", Location("40", 1, 0, 0))
    items, unclaimed = match_claims(letter, [added, unrelated])
    assert items[1].evidence == [added] and items[1].fits == ["the words quoted"]
    assert unclaimed == [unrelated]


# --- inputs that are not what the check needs ------------------------------------------------------------


def _tandy(*args):
    return subprocess.run([sys.executable, "-m", "tandy", *map(str, args)], capture_output=True, text=True, timeout=300)


def test_a_response_that_is_not_a_response_is_an_input_error():
    staff = corpus("letters", "kmi_upload_2016-06-28_0000000000-16-082397.pdf")
    with pytest.raises(InputError, match="not a response letter"):
        verify(staff, PRE14A, DEF14A)
    run = _tandy("verify", "--response", staff, "--before", PRE14A, "--after", DEF14A)
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1
    assert "kmi_upload" in run.stderr and "not a response letter" in run.stderr


def test_a_staff_letter_to_another_registrant_is_an_input_error():
    staff = corpus("letters", "kmi_upload_2016-06-28_0000000000-16-082397.pdf")
    with pytest.raises(InputError, match="Kinder Morgan"):
        verify_against_staff(SEED_LETTER, staff)
    run = _tandy("verify", "--response", SEED_LETTER, "--staff", staff)
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1 and "kmi_upload" in run.stderr


def test_a_staff_letter_about_another_filing_is_an_input_error():
    """Occidental, July 2019: one review thread, two filings — the PREC14A letter is not answered by the S-4 response."""
    thread = corpus("threads", "OXY", "OXY_0000000000-19-010556", "filings")
    staff = thread / "0000000000-19-010746" / "filename1.pdf"
    s4_response = thread / "0001140361-19-012449" / "filename1.htm"
    with pytest.raises(InputError, match="file no. 001-09210.*file no. 333-232001"):
        verify_against_staff(s4_response, staff)
    answered = verify_against_staff(thread / "0001140361-19-012472" / "filename1.htm", staff)
    assert len(answered.answers) == 6 and answered.unanswered == []


def test_the_cli_exits_1_on_an_unannounced_edit_and_lists_its_page(tmp_path):
    revised = _revised(tmp_path, _with_unannounced(DEF14A.read_text()))
    run = _tandy("verify", "--response", SEED_LETTER, "--before", PRE14A, "--after", revised, "--json")
    assert run.returncode == 1, run.stderr
    data = json.loads(run.stdout)
    assert [c["page"] for c in data["unclaimed"]] == ["14", "14"]
    assert [i["status"] for i in data["items"]] == ["confirmed", "no_change_claimed", "confirmed", "no_change_claimed"]
    readable = _tandy("verify", "--response", SEED_LETTER, "--before", PRE14A, "--after", revised)
    assert readable.returncode == 1 and "unclaimed changes: 2" in readable.stdout and "changed on page 14" in readable.stdout
