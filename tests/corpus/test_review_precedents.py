"""review --precedents: each finding with past staff comments on the same requirement, each
captioned section with the comments similar sections drew, in JSON, the terminal and the letter."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import PRE14A, needs_shared
from corpus_indexed import indexed  # noqa: F401  (a session fixture)

pytestmark = [needs_shared, pytest.mark.corpus]


def run(*args):
    command = [sys.executable, "-m", "tandy", "review", str(PRE14A), "--form", "PRE 14A", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env={**os.environ, "NO_COLOR": "1"})


def test_json_findings_carry_precedents_on_their_requirement(indexed):  # noqa: F811
    corpus, _ = indexed
    done = run("--precedents", str(corpus.db_path), "-f", "json")
    assert done.returncode == 1, done.stderr  # findings, as without --precedents
    shape = json.loads(done.stdout)
    by_rule = {f["rule"]: f for f in shape["findings"]}
    nominees = by_rule["TDY201"]["precedents"]
    assert nominees and all(any(c.startswith("407") for c in p["normalised_citations"]) for p in nominees)
    assert nominees[0]["normalised_citations"] == ["407(c)(2)(vii)"]  # the staff's own comment on it, in the seed thread
    # Schedule 14A's Item 1 is not Form 10-K's Item 1: same number, other requirement
    for p in by_rule["TDY204"]["precedents"]:
        assert "schedule 14a" in " ".join(p["citations"]).lower() or "14a" in " ".join(p["normalised_citations"])
    sections = {s["heading"]: s for s in shape["section_precedents"]}
    assert {"Information About the Board Nominees", "Board Committees"} <= set(sections)
    assert sections["Board Committees"]["page"] == "14"
    assert any("portfolios" in p["comment"] for p in sections["Information About the Board Nominees"]["precedents"])


def test_letter_offers_the_closest_real_staff_wording(indexed):  # noqa: F811
    corpus, _ = indexed
    done = run("--precedents", str(corpus.db_path), "-f", "letter")
    text = " ".join(done.stdout.split())
    at = text.index("that recommended each new nominee. Refer to Item 407(c)(2)(vii) of Regulation S-K.")
    assert text[at:].split("[Precedent: staff to ", 1)[1].startswith("Met Investors Series Trust, 2008-01-03, comment 3")


def test_terminal_lists_sections_and_requirements(indexed):  # noqa: F811
    corpus, _ = indexed
    done = run("--precedents", str(corpus.db_path))
    assert "Precedents: past staff comments on the same requirement" in done.stdout
    assert "Board Committees, page 14" in done.stdout


def test_precedents_refuse_what_they_cannot_show(tmp_path):
    done = run("--precedents", str(tmp_path / "none.db"))
    assert done.returncode == 2 and done.stdout == "" and "no corpus database" in done.stderr
    done = run("--precedents", str(tmp_path / "none.db"), "-f", "sarif")
    assert done.returncode == 2 and "--format" in done.stderr
    assert list(tmp_path.iterdir()) == []
