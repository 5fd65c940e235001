"""The commands as a user runs them: ``tandy review``, ``tandy rules``, ``tandy verify``.

Run as subprocesses in an empty folder (no project configuration applies), checking the exit
codes a CI job or a pre-filing script would act on, and that ``-o`` never clobbers a file.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DEF14A, PRE14A, SEED_LETTER, corpus, needs_shared

pytestmark = needs_shared


def tandy(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tandy", *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_review_exits_1_on_the_preliminary_excerpt_and_shows_both_comments(tmp_path):
    run = tandy(tmp_path, "review", PRE14A)
    assert run.returncode == 1, run.stderr
    assert run.stdout.index("page 12") < run.stdout.index("TDY101") < run.stdout.index("page 14") < run.stdout.index("TDY201")


def test_review_exits_0_when_the_selected_rules_find_nothing(tmp_path):
    run = tandy(tmp_path, "review", DEF14A, "--select", "TDY101,TDY201", "--format", "json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["findings"] == [] and {c["rule"] for c in data["checks"]} == {"TDY101", "TDY201"}


def test_fail_on_sets_the_threshold(tmp_path):
    assert tandy(tmp_path, "review", PRE14A, "--select", "TDY202").returncode == 0
    assert tandy(tmp_path, "review", PRE14A, "--select", "TDY202", "--fail-on", "warning").returncode == 1
    assert tandy(tmp_path, "review", PRE14A, "--select", "TDY1", "--ignore", "TDY101,TDY102,TDY103").returncode in (0, 1)


def test_ignore_drops_a_rule(tmp_path):
    data = json.loads(tandy(tmp_path, "review", PRE14A, "--select", "TDY1", "--ignore", "TDY101", "-f", "json").stdout)
    assert data["findings"] and all(f["rule"].startswith("TDY1") and f["rule"] != "TDY101" for f in data["findings"])


def test_unreadable_input_exits_2_and_the_batch_goes_on(tmp_path):
    run = tandy(tmp_path, "review", tmp_path / "missing.txt", PRE14A, "--format", "json")
    assert run.returncode == 2
    first, second = [json.loads(line) for line in run.stdout.splitlines()]
    assert first["error"] and first["source"]["path"].endswith("missing.txt")
    assert second["source"]["path"] == str(PRE14A) and second["findings"]
    [line] = run.stderr.splitlines()
    assert "missing.txt" in line and line.startswith("error")


def test_output_is_never_overwritten_without_force(tmp_path):
    target = tmp_path / "review.sarif"
    assert tandy(tmp_path, "review", PRE14A, "-f", "sarif", "-o", target).returncode == 1
    log = json.loads(target.read_text())
    assert log["version"] == "2.1.0" and log["runs"][0]["results"]
    target.write_text("keep me")
    refused = tandy(tmp_path, "review", PRE14A, "-f", "sarif", "-o", target)
    assert refused.returncode == 2 and "--force" in refused.stderr and target.read_text() == "keep me"
    assert tandy(tmp_path, "review", PRE14A, "-f", "html", "-o", target, "--force").returncode == 1
    assert target.read_text().startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review.sarif"], "no temporary file left behind"


@pytest.mark.parametrize(("fmt", "expected"), [("markdown", "### Page 12"), ("letter", "We have reviewed your filing"), ("html", "<mark")])
def test_each_format_prints(tmp_path, fmt, expected):
    run = tandy(tmp_path, "review", PRE14A, "--format", fmt, "--form", "PRE 14A", "--filed", "2007-12-28", "--fund")
    assert run.returncode == 1 and expected in run.stdout


def test_rules_lists_every_rule_and_documents_one(tmp_path):
    listing = tandy(tmp_path, "rules")
    assert listing.returncode == 0 and "TDY101" in listing.stdout and "fund-complex-count-mismatch" in listing.stdout
    one = tandy(tmp_path, "rules", "TDY101")
    assert one.returncode == 0
    for heading in ("What it checks", "Why staff ask", "Failing example", "Passing example"):
        assert heading in one.stdout
    unknown = tandy(tmp_path, "rules", "TDY999")
    assert unknown.returncode == 2 and "TDY999" in unknown.stderr


def test_verify_confirms_the_seed_response(tmp_path):
    run = tandy(tmp_path, "verify", "--response", SEED_LETTER, "--before", PRE14A, "--after", DEF14A, "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert [(i["number"], i["status"]) for i in data["items"]] == [
        (1, "confirmed"), (2, "no_change_claimed"), (3, "confirmed"), (4, "no_change_claimed")
    ]
    assert data["items"][0]["evidence"][0]["location"]["page"] == "12"
    assert "(44 portfolios)" in data["items"][0]["evidence"][0]["after"]
    assert data["items"][2]["evidence"][0]["location"]["page"] == "14"
    assert data["unclaimed"] == []
    readable = tandy(tmp_path, "verify", "--response", SEED_LETTER, "--before", PRE14A, "--after", DEF14A)
    assert readable.returncode == 0 and "confirmed" in readable.stdout and "(36 portfolios)" in readable.stdout


def test_verify_exits_1_when_a_claimed_change_is_missing(tmp_path):
    tampered = tmp_path / "after.txt"
    tampered.write_text(PRE14A.read_text().replace("(36 portfolios), Metropolitan", "(44 portfolios), Metropolitan"))
    run = tandy(tmp_path, "verify", "--response", SEED_LETTER, "--before", PRE14A, "--after", tampered, "--json")
    assert run.returncode == 1
    statuses = [i["status"] for i in json.loads(run.stdout)["items"]]
    assert statuses == ["confirmed", "no_change_claimed", "not_found", "no_change_claimed"]


def test_verify_against_the_staff_letter(tmp_path):
    staff = corpus("letters", "kmi_upload_2016-06-28_0000000000-16-082397.pdf")
    response = corpus("letters", "kmi_corresp_2016-07-12_0001506307-16-000098.htm")
    run = tandy(tmp_path, "verify", "--response", response, "--staff", staff, "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert len(data["items"]) == 12 and data["unanswered"] == []
    later = corpus("letters", "kmi_corresp_2016-08-10_0001506307-16-000108.htm")
    assert tandy(tmp_path, "verify", "--response", later, "--staff", staff).returncode == 1


def test_verify_needs_one_kind_of_check(tmp_path):
    run = tandy(tmp_path, "verify", "--response", SEED_LETTER, "--before", PRE14A)
    assert run.returncode == 2 and "--after" in run.stderr
    missing = tandy(tmp_path, "verify", "--response", tmp_path / "nope.txt", "--before", PRE14A, "--after", DEF14A)
    assert missing.returncode == 2 and "nope.txt" in missing.stderr and len(missing.stderr.splitlines()) == 1


def test_proxy_table_out_of_range_is_an_input_error(tmp_path):
    """Asking for a table the document does not have is the user's slip: one line, exit 2."""
    page = tmp_path / "pages.txt"
    page.write_text("Name          Age    Position\nJane Roe      50     Trustee\nJohn Doe      60     Trustee\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tandy", "proxy", str(page), "--table", "9", "--debug"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "there is no table 9" in result.stderr and "Traceback" not in result.stderr
