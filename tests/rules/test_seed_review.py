"""The seed's review, end to end: tandy finds what staff found, and no more where it was fixed."""

from __future__ import annotations

from conftest import DEF14A, PRE14A, SEED_LETTER, needs_shared
from tandy.rules import review


def by_rule(result):
    return {f.rule: f for f in result.findings}


@needs_shared
def test_preliminary_excerpt_gets_staff_comments_1_and_3_as_errors():
    found = by_rule(review(str(PRE14A)))
    count = found["TDY101"]
    assert count.severity == "error" and count.location.page == "12"
    assert "36" in count.message and "44" in count.message
    source = found["TDY201"]
    assert source.severity == "error" and source.location.page == "14"
    assert source.excerpt.startswith("Nominating, Governance and Compensation Committee")
    assert found["TDY102"].message.startswith("The fund complex's members add up to 73")
    assert found["TDY202"].severity in ("warning", "error")


@needs_shared
def test_definitive_excerpt_has_neither_comment():
    found = by_rule(review(str(DEF14A)))
    assert "TDY101" not in found and "TDY102" not in found and "TDY201" not in found


@needs_shared
def test_seed_letter_answers_everything_in_time():
    result = review(str(SEED_LETTER))
    assert result.subject.target == "letter"
    # No deficiency in the answer: rules.md E.1's note on response 2 is a reminder (info), and the
    # enclosed pages' two misspellings (the cc says Anderson, the committee Andersen; the addresses
    # Lafayette and Lafeyette) are warnings, as the issue expects a reviewer to see them.
    assert not [f for f in result.findings if f.severity == "error"]
    assert {f.rule for f in result.findings} == {"TDY409", "TDY103"}
    spelled = sorted(f.message for f in result.findings if f.rule == "TDY103")
    assert '"Bryan Andersen"' in spelled[0] and '"Bryan Anderson"' in spelled[0]
    assert '"de Lafeyette"' in spelled[1] and '"de Lafayette"' in spelled[1]
    (negative,) = [f for f in result.findings if f.rule == "TDY409"]
    assert negative.severity == "info" and negative.message.startswith("Response 2 answers that Section 407(b)(1)")
    checks = {c.rule: c for c in result.checks}
    assert checks["TDY401"].detail == "4 of 4 comments answered, in order"
    assert checks["TDY402"].detail == "all three Tandy acknowledgments given"
    assert checks["TDY403"].status == "passed" and "2008-01-07, 10 days" in checks["TDY403"].detail


def test_form_from_the_cover_check_box():
    from tandy.rules.engine import _form_from_text

    assert _form_from_text("Check the appropriate box:\n/ /  Preliminary proxy statement\n/X/  Definitive proxy statement") == "DEF 14A"
    assert _form_from_text("[X] Preliminary Proxy Statement\n[ ] Definitive Proxy Statement") == "PRE 14A"
    assert _form_from_text("☒ Definitive Proxy Statement") == "DEF 14A"
    assert _form_from_text("Check the appropriate box:\nPreliminary Proxy Statement\nDefinitive Proxy Statement") is None
