"""The consistency family on real documents: what it finds in the seed, and how quiet it is on the
corpus proxies, which all went through review (an error there is almost always a false alarm)."""

from __future__ import annotations


import pytest

from conftest import CORPUS, DEF14A, SEED_LETTER, corpus, needs_shared
from tandy.proxy import read_proxy
from tandy.rules import all_rules, review
from tandy.rules.model import Subject

CONSISTENCY = [r for r in all_rules() if r.id.startswith("TDY1")]
DEFINITIVE_PROXIES = sorted(CORPUS.glob("proxies/*def14a*")) if CORPUS.is_dir() else []


def as_proxy(path, form: str | None = None) -> Subject:
    """A file read as a proxy statement, whatever else it is: the seed letter encloses proxy pages."""
    proxy = read_proxy(path)
    return Subject(str(path), proxy.sha256, proxy.document, "proxy", form=form or proxy.form, proxy=proxy)


def run(rule_id: str, subject: Subject):
    rule = next(r for r in CONSISTENCY if r.id == rule_id)
    return list(rule.check(subject)) if rule.applies(subject) else []


@needs_shared
def test_seed_letters_enclosed_pages_spell_a_name_and_a_street_two_ways():
    messages = [f.message for f in run("TDY103", as_proxy(SEED_LETTER))]
    assert any("Bryan Andersen" in m and "Bryan Anderson" in m for m in messages)
    assert any("de Lafeyette" in m and "de Lafayette" in m for m in messages)
    assert len(messages) == 2
    assert all(f.severity == "warning" for f in run("TDY103", as_proxy(SEED_LETTER)))


@needs_shared
def test_seed_definitive_excerpt_keeps_the_street_misspelling_and_its_committee_counts_agree():
    subject = as_proxy(DEF14A, "DEF 14A")
    [street] = run("TDY103", subject)
    assert street.location.page == "13" and street.excerpt == "de Lafeyette"
    assert run("TDY107", subject) == []  # three standing committees, three listed
    [appendix] = run("TDY113", subject)
    assert "Appendix A" in appendix.message and appendix.location.page == "14"


@needs_shared
def test_blanks_in_a_fund_amendment_not_yet_effective_are_a_reminder():
    subject = as_proxy(corpus("proxies", "ishares_485apos_2024-04-18_0001193125-24-100942.txt"))
    [blanks] = run("TDY104", subject)
    assert blanks.severity == "info" and "blanks" in blanks.message
    assert len(blanks.related) >= 10


@needs_shared
@pytest.mark.parametrize("path", DEFINITIVE_PROXIES, ids=[p.name for p in DEFINITIVE_PROXIES])
def test_reviewed_definitive_proxies_raise_no_consistency_errors(path):
    """Signature lines, cover check boxes, classified boards and fund names with footnote numbers
    are no contradictions."""
    subject = as_proxy(path, "DEF 14A")
    for rule in CONSISTENCY:
        if rule.applies(subject):
            errors = [f.message for f in rule.check(subject) if f.severity == "error"]
            assert errors == [], (rule.id, errors)



def test_a_wrong_weekday_is_an_error(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text("The Annual Meeting of Shareholders will be held on Friday, May 14, 2024 at 10:00 a.m.\n")
    found = [f for f in review(str(path), form="DEF 14A").findings if f.rule == "TDY110"]
    assert [f.severity for f in found] == ["error"] and "is a Tuesday" in found[0].message
