"""``tandy threads``, ``stats`` and ``export`` end to end: Aflac's letters indexed, then read back."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import CORPUS, needs_shared
from tandy.cli import app

AFLAC = CORPUS / "threads" / "AFL"


@pytest.fixture(scope="module")
def aflac_db(tmp_path_factory):
    if not AFLAC.is_dir():
        pytest.skip(f"{AFLAC} is absent")
    from tandy.corpus import Corpus

    db = tmp_path_factory.mktemp("store") / "tandy.db"
    with Corpus(db) as corpus:
        corpus.index([str(AFLAC)], embed=False)
    return str(db)


@needs_shared
def test_threads_json_lines_and_filters(aflac_db):
    runner = CliRunner()
    result = runner.invoke(app, ["threads", "--db", aflac_db, "--json"])
    assert result.exit_code == 0, result.output
    threads = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(t["form_reviewed"], t["status"], t["rounds"], t["days"]) for t in threads] == [
        ("10-K", "closed", 2, 62), ("10-K", "closed", 1, 24), ("S-3", "no_review", 0, None),
    ]
    assert runner.invoke(app, ["threads", "--db", aflac_db, "--open", "--json"]).stdout == ""
    assert len(runner.invoke(app, ["threads", "--db", aflac_db, "--company", "4977", "--json"]).stdout.splitlines()) == 3
    assert runner.invoke(app, ["threads", "--db", aflac_db, "--company", "Gallagher", "--json"]).stdout == ""


@needs_shared
def test_stats_report_and_export_refuse_to_clobber(aflac_db, tmp_path):
    runner = CliRunner()
    report = tmp_path / "report.html"
    first = runner.invoke(app, ["stats", "--db", aflac_db, "--html", str(report)])
    assert first.exit_code == 0 and "Threads by form reviewed" in first.stdout
    assert runner.invoke(app, ["stats", "--db", aflac_db, "--html", str(report)]).exit_code == 2
    assert runner.invoke(app, ["stats", "--db", aflac_db, "--html", str(report), "--force"]).exit_code == 0
    exported = runner.invoke(app, ["export", "--format", "jsonl", "--db", aflac_db, "-o", str(tmp_path / "out")])
    assert exported.exit_code == 0, exported.output
    assert len((tmp_path / "out" / "letters.jsonl").read_text().splitlines()) == 10
    again = runner.invoke(app, ["export", "--format", "jsonl", "--db", aflac_db, "-o", str(tmp_path / "out")])
    assert again.exit_code == 2


def test_missing_database_is_an_input_error(tmp_path):
    result = CliRunner().invoke(app, ["threads", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and not (tmp_path / "none.db").exists()
