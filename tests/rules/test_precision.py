"""Review precision: no false errors on definitive proxies as filed, rules held to their forms and
eras, and a review that says which rule families it could not run and why."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import corpus, manifest, needs_shared
from tandy.cli import app
from tandy.rules import review
from tandy.rules.catalogue import CATALOGUE
from tandy.rules.disclosure import elects_directors
from tandy.rules.engine import subject_for


def definitive_proxies() -> list[str]:
    """Every DEF 14A and DEFM14A in the corpus manifest (final documents as filed and mailed)."""
    try:
        rows = manifest()
    except Exception:  # ../shared absent: the test below skips
        return []
    return sorted(r["file"].split("/", 1)[1] for r in rows if r["kind"] == "proxy_def")


ELECTION_RULES = {rule_id for rule_id, rule in CATALOGUE.items() if getattr(rule, "elections_only", False)}
ITEM_407_RULES = {"TDY201", "TDY210", "TDY212", "TDY213", "TDY215", "TDY216", "TDY217"}
MERGER_NOTICE = (
    "NOTICE OF SPECIAL MEETING OF SHAREHOLDERS\n\n"
    "A special meeting of shareholders of Acme, Inc. will be held on March 3, 2014, at 9:00 a.m., local time, at the "
    "Acme Building, 1 Main Street, Springfield, Ohio 45501, to adopt the Agreement and Plan of Merger.\n\n"
    "PROXY STATEMENT\n\n"
    "Acme has agreed that it will not call an annual or special meeting for the election of directors. Holders of a "
    "majority of the votes entitled to vote generally in the election of directors may act by written consent.\n"
)


@needs_shared
@pytest.mark.parametrize("name", definitive_proxies())
def test_a_definitive_proxy_as_filed_raises_no_error(name):
    errors = [f for f in review(str(corpus("proxies", name))).findings if f.severity == "error"]
    assert errors == [], [(f.rule, f.message[:120]) for f in errors]


@needs_shared
def test_every_definitive_proxy_in_the_manifest_is_reviewed():
    names = definitive_proxies()
    assert len(names) >= 24 and any("defm14a" in n for n in names)


@needs_shared
@pytest.mark.parametrize("name", ["stec_defm14a_2013-08-08_0001193125-13-325730.htm", "penx_defm14a_2014-12-29_0001193125-14-455030.htm"])
def test_a_merger_proxy_that_elects_no_one_is_asked_nothing_about_an_election(name):
    result = review(str(corpus("proxies", name)))
    assert not elects_directors(result.subject)
    assert not {c.rule for c in result.checks} & (ELECTION_RULES | {"TDY218"})


@needs_shared
def test_a_2000_proxy_is_not_asked_for_item_407():
    result = review(str(corpus("proxies", "fordmotor_def14a_2000-04-11_0000950124-00-002131.html")))
    assert result.subject.filed is None
    assert not {c.rule for c in result.checks} & ITEM_407_RULES
    assert result.skipped == []


@needs_shared
@pytest.mark.parametrize("name", ["morganstanleyallocatorfund_485bpos_2004-04-30_0000950136-04-001365.txt", "ishares_485apos_2024-04-18_0001193125-24-100942.txt"])
def test_a_fund_registration_statement_is_not_asked_schedule_14a_meeting_rules(name):
    result = review(str(corpus("proxies", name)))
    ran = {c.rule for c in result.checks}
    assert not ran & {"TDY105", "TDY109", "TDY110", "TDY111", "TDY112", "TDY204", "TDY205", "TDY206", "TDY219"}
    assert not [s for s in result.skipped if "form" in s.reason]


@needs_shared
def test_an_operating_company_that_invites_any_interested_person_to_write_is_no_fund():
    subject = subject_for(str(corpus("proxies", "enph_def14a_2026-04-01_0001463101-26-000026.htm")))
    assert subject.investment_company is False


def test_a_merger_proxy_speaking_of_the_election_of_directors_elects_no_one(tmp_path):
    path = tmp_path / "merger.txt"
    path.write_text(MERGER_NOTICE)
    assert not elects_directors(subject_for(str(path), form="DEF 14A"))
    (tmp_path / "annual.txt").write_text(MERGER_NOTICE.replace("to adopt the Agreement and Plan of Merger", "to elect three directors"))
    assert elects_directors(subject_for(str(tmp_path / "annual.txt"), form="DEF 14A"))


def test_unknown_form_names_the_families_not_run_and_the_option(tmp_path):
    path = tmp_path / "excerpt.txt"
    path.write_text("INFORMATION ABOUT THE NOMINEES\n\nThe nominees are listed below. Filed March 3, 2008.\n")
    unknown = review(str(path))
    families = {s.family: s for s in unknown.skipped}
    assert "required disclosure" in families
    assert "--form" in families["required disclosure"].option and "TDY205" in families["required disclosure"].rules
    given = review(str(path), form="DEF 14A")
    assert given.skipped == [] and len(given.checks) > len(unknown.checks)
    assert {c.rule for c in given.checks} >= set(families["required disclosure"].rules) - {"TDY203"}


def test_unknown_date_runs_no_era_rule_and_says_so(tmp_path):
    path = tmp_path / "proxy.txt"
    path.write_text("PROXY STATEMENT\n\nShareholders are being asked to elect the directors named below.\n")
    undated = review(str(path), form="DEF 14A", fund=False)
    assert not {c.rule for c in undated.checks} & ITEM_407_RULES
    (skip,) = [s for s in undated.skipped if "date" in s.reason]
    assert skip.option.startswith("--filed") and {"TDY210", "TDY217"} <= set(skip.rules)
    dated = review(str(path), form="DEF 14A", fund=False, filed="2024-03-01")
    assert {"TDY210", "TDY217"} <= {c.rule for c in dated.checks} and dated.skipped == []
    older = review(str(path), form="DEF 14A", fund=False, filed="2000-03-01")
    assert not {c.rule for c in older.checks} & ITEM_407_RULES and older.skipped == []


def test_terminal_summary_prints_what_did_not_run(tmp_path):
    path = tmp_path / "excerpt.txt"
    path.write_text("INFORMATION ABOUT THE NOMINEES\n\nThe nominees are listed below. Filed March 3, 2008.\n")
    result = CliRunner().invoke(app, ["review", str(path)])
    line = next(x for x in result.output.splitlines() if x.startswith("not run:"))
    assert "required disclosure" in line and '--form "DEF 14A"' in line
    json_out = CliRunner().invoke(app, ["review", str(path), "--format", "json"]).output
    assert '"skipped"' in json_out and "the form is not known" in json_out


def test_generic_talk_of_new_directors_is_no_new_nominee(tmp_path):
    path = tmp_path / "proxy.txt"
    text = (
        "NOTICE OF ANNUAL MEETING OF SHAREHOLDERS\n\nShareholders are being asked to elect the directors named below.\n\n"
        "The Lead Independent Director promotes Board succession planning and the orientation of new directors. "
        "The Board has recommended one new nominee at each of our 2021, 2022 and 2024 annual meetings.\n"
    )
    path.write_text(text)
    assert not [f for f in review(str(path), form="DEF 14A", filed="2025-01-10").findings if f.rule == "TDY201"]
    path.write_text(text + "\nJane Q. Roe is standing for election for the first time.\n")
    assert [f.rule for f in review(str(path), form="DEF 14A", filed="2025-01-10").findings if f.rule == "TDY201"] == ["TDY201"]


def test_a_notice_laid_out_as_a_panel_gives_date_time_and_place(tmp_path):
    path = tmp_path / "proxy.txt"
    path.write_text(
        "Notice of 2026\n\nAnnual Meeting of\n\nStockholders\n\nFriday, May 8, 2026\n\n8:30 a.m. Eastern Time\n\n"
        "VIRTUAL MEETING ACCESS: www.virtualshareholdermeeting.com/ACME2026\n\nPROXY STATEMENT\n"
    )
    assert not [f for f in review(str(path), form="DEF 14A").findings if f.rule == "TDY204"]
