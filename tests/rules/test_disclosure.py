"""The required-disclosure family on real filings: what applies to which document and era, and
no false alarms on proxy statements that went through review."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import PRE14A, corpus, needs_shared
from tandy.rules import review
from tandy.rules.disclosure import RULES, document_kind, filing_date

DEFINITIVE = [
    "aapl_def14a_2026-annual-meeting.html",
    "berkshirehathaway_def14a_1999-03-19_0000950150-99-000280.txt",
    "cardinalhealth_def14a_1994-10-14_0000950152-94-001030.txt",
    "fordmotor_def14a_2000-04-11_0000950124-00-002131.html",
    "goldmansachs_def14a_2000-02-14_0000950123-00-001144.txt",
    "mlab_def14a_2025-07-11.html",
    "pepsico_def14a_1995-03-28_0000077476-95-000016.txt",
    "unitedhealthcare_def14a_1995-03-31_0000950131-95-000820.txt",
]
SAIS = [
    "abcorporateshares_485bpos_2024-08-27_0000919574-24-004904.htm",
    "morganstanleyallocatorfund_485bpos_2004-04-30_0000950136-04-001365.txt",
    "prudentialjennisonblendfund_485bpos_2023-10-27_0001683863-23-007309.htm",
]
N1A_RULES = {"TDY208", "TDY216"}
"""The rules whose requirement Form N-1A repeats (Items 18 and 17(b)(1)), so that SAIs are read."""


def disclosure_findings(path) -> list:
    return [f for f in review(str(path)).findings if f.rule in RULES]


@needs_shared
@pytest.mark.parametrize("name", DEFINITIVE)
def test_reviewed_definitive_proxies_raise_no_disclosure_errors(name):
    errors = [f for f in disclosure_findings(corpus("proxies", name)) if f.severity == "error"]
    assert errors == [], [(f.rule, f.message) for f in errors]


@needs_shared
@pytest.mark.parametrize("name", SAIS)
def test_fund_sais_are_read_only_by_rules_form_n1a_repeats(name):
    result = review(str(corpus("proxies", name)))
    ran = {c.rule for c in result.checks if c.rule in RULES}
    assert document_kind(result.subject) == "sai"
    assert ran <= N1A_RULES
    assert not [f for f in result.findings if f.rule in RULES]


@needs_shared
def test_a_1995_proxy_is_asked_nothing_adopted_later():
    result = review(str(corpus("proxies", "unitedhealthcare_def14a_1995-03-31_0000950131-95-000820.txt")))
    assert result.subject.filed is None and filing_date(result.subject).startswith("1995")
    ran = {c.rule for c in result.checks}
    assert not ran & {"TDY201", "TDY210", "TDY212", "TDY213", "TDY214", "TDY215", "TDY216", "TDY217"}
    assert {"TDY205", "TDY206", "TDY207", "TDY208", "TDY219"} <= ran


@needs_shared
def test_a_2025_proxy_is_asked_everything_and_answers_it():
    result = review(str(corpus("proxies", "mlab_def14a_2025-07-11.html")))
    checks = {c.rule: c.status for c in result.checks if c.rule in RULES}
    assert {"TDY210", "TDY213", "TDY214", "TDY215", "TDY216", "TDY217"} <= set(checks)
    assert set(checks.values()) == {"passed"}


@needs_shared
def test_section_16_reminder_only_where_no_statement_before_2019():
    counts = Counter()
    for name in DEFINITIVE:
        counts.update(f.rule for f in disclosure_findings(corpus("proxies", name)) if f.rule == "TDY209")
    found = disclosure_findings(corpus("proxies", "cardinalhealth_def14a_1994-10-14_0000950152-94-001030.txt"))
    assert [f.severity for f in found if f.rule == "TDY209"] == ["info"]
    assert counts["TDY209"] <= 2


@needs_shared
def test_excerpt_is_asked_only_about_the_sections_it_has():
    result = review(str(PRE14A))
    assert document_kind(result.subject) == "excerpt"
    ran = {c.rule for c in result.checks if c.rule in RULES}
    assert ran == {"TDY201", "TDY202"}


def test_a_preliminary_without_its_legend_is_an_error(tmp_path):
    path = tmp_path / "pre.txt"
    path.write_text("NOTICE OF SPECIAL MEETING OF SHAREHOLDERS\n\nPROXY STATEMENT\n\nThe Board is soliciting proxies.\n")
    found = [f for f in review(str(path), form="PRE 14A").findings if f.rule == "TDY203"]
    assert [f.severity for f in found] == ["error"]
    assert found[0].excerpt == "NOTICE OF SPECIAL MEETING OF SHAREHOLDERS"
    assert not [f for f in review(str(path), form="DEF 14A").findings if f.rule == "TDY203"]


def test_a_checklist_names_every_missing_element_at_the_weightiest_severity(tmp_path):
    path = tmp_path / "proxy.txt"
    path.write_text("PROXY STATEMENT\n\nVOTING INFORMATION\n\nShareholders of record on March 1, 2008 may vote.\n")
    (finding,) = [f for f in review(str(path)).findings if f.rule == "TDY207"]
    assert finding.severity == "error"
    assert "outstanding" in finding.message and "votes to which each share" in finding.message
    assert finding.excerpt == "VOTING INFORMATION"


def test_hedging_gaps_before_the_phase_in_ends_are_warnings(tmp_path):
    path = tmp_path / "proxy.txt"
    path.write_text("PROXY STATEMENT\n\nShareholders are being asked to elect the directors named below.\n")
    early = [f.severity for f in review(str(path), filed="2020-03-01", fund=False).findings if f.rule == "TDY217"]
    late = [f.severity for f in review(str(path), filed="2022-03-01", fund=False).findings if f.rule == "TDY217"]
    before = [f for f in review(str(path), filed="2019-03-01", fund=False).findings if f.rule == "TDY217"]
    assert early == ["warning"] and late == ["error"] and before == []


def test_fund_proxies_are_not_asked_operating_company_items(tmp_path):
    path = tmp_path / "proxy.txt"
    path.write_text("PROXY STATEMENT\n\nShareholders are being asked to elect the nominees listed below as Trustees.\n")
    result = review(str(path), filed="2022-03-01", fund=True)
    ran = {c.rule for c in result.checks}
    assert not ran & {"TDY209", "TDY210", "TDY214", "TDY217"}
    assert {"TDY211", "TDY213", "TDY215", "TDY216"} <= ran



def test_a_preliminary_may_leave_the_meeting_date_and_time_blank(tmp_path):
    path = tmp_path / "pre.txt"
    path.write_text(
        "PRELIMINARY COPY\n\nNOTICE OF SPECIAL MEETING OF SHAREHOLDERS\n\nA special meeting of shareholders of the Fund "
        "will be held on [        ], 2024, at [    ] a.m., Eastern time, at the offices of the Fund, 100 Federal "
        "Street, Boston, Massachusetts 02110.\n"
    )
    found = [f.rule for f in review(str(path), form="PRE 14A").findings]
    assert "TDY203" not in found and "TDY204" not in found
    path.write_text(path.read_text().replace("at [    ] a.m., Eastern time, ", ""))
    assert "TDY204" in [f.rule for f in review(str(path), form="PRE 14A").findings]
