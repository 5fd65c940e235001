"""Fetching against the recorded EDGAR on 127.0.0.1: what is saved, what is reported, what is asked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tandy.edgar import AccessSettings, FetchRequest, fetch, read_manifest
from tandy.edgar.mirror import PARTIAL

from .conftest import AGENT
from .recorded import RECORDED

APPLE = "/Archives/edgar/data/320193"
RECORDED_APPLE = {
    "0000000000-24-003505": f"{APPLE}/000000000024003505/0000000000-24-003505.txt",
    "0000000000-24-005673": f"{APPLE}/000000000024005673/0000000000-24-005673.txt",
    "0000320193-24-000061": f"{APPLE}/000032019324000061/0000320193-24-000061.txt",
}
FAST = AccessSettings(rate=10, backoff_seconds=0.05, backoff_max=0.2, read_timeout=1.0, attempts=3)


def tandy(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    environment = {k: v for k, v in os.environ.items() if k not in ("TANDY_USER_AGENT", "TANDY_EDGAR_URL")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "tandy", *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=300, env=environment
    )


def recorded_bytes(path: str) -> bytes:
    return (RECORDED / "www.sec.gov" / path.lstrip("/")).read_bytes()


def mirror_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and p.name != "manifest.jsonl"}


def test_apple_correspondence_saves_the_recorded_three_and_reports_the_rest(edgar, tmp_path):
    run = tandy(tmp_path, "fetch", "--ticker", "AAPL", "--form", "correspondence", "--edgar-url", edgar.url,
                "--user-agent", AGENT, "--json")
    assert run.returncode == 2, run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(lines) == 10 and {line["form"] for line in lines} == {"CORRESP", "UPLOAD"}
    fetched = {line["accession"] for line in lines if line["status"] == "fetched"}
    assert fetched == set(RECORDED_APPLE)
    failed = [line for line in lines if line["status"] == "failed"]
    assert len(failed) == 7 and all(line["problem"] == "404 Not Found" and line["path"] is None for line in failed)
    assert "3 fetched, 0 already there, 7 failed" in run.stderr
    assert "submissions-001.json: older submissions page: 404 Not Found" in run.stderr
    mirror = tmp_path / "edgar"
    assert mirror_files(mirror) == {path.removeprefix("/Archives/edgar/data/"): recorded_bytes(f"/Archives/edgar/data/{path.removeprefix('/Archives/edgar/data/')}") for path in RECORDED_APPLE.values()}
    entries = {e.accession: e for e in read_manifest(mirror / "manifest.jsonl")}
    assert set(entries) == set(RECORDED_APPLE)
    upload = entries["0000000000-24-003505"]
    assert (upload.form, upload.company, upload.cik, upload.filed, upload.file_numbers) == (
        "UPLOAD", "Apple Inc.", "0000320193", "2024-04-02", ["001-36743"]
    )
    assert upload.size == len(recorded_bytes(RECORDED_APPLE[upload.accession]))
    assert set(edgar.agents) == {AGENT}

    letters = tandy(tmp_path, "letter", "edgar", "--json")
    assert letters.returncode == 0, letters.stderr
    kinds = sorted(json.loads(line)["kind"] for line in letters.stdout.splitlines())
    assert kinds == ["closing", "response", "staff_comment"]
    assert tandy(tmp_path, "index", "edgar", "--db", "m.db", "--no-embed").returncode == 0
    threads = tandy(tmp_path, "threads", "--db", "m.db", "--json")
    assert threads.returncode == 0, threads.stderr
    (thread,) = [json.loads(line) for line in threads.stdout.splitlines()]
    assert thread["cik"] == "0000320193" and thread["status"] == "closed" and len(thread["letters"]) == 3


def test_a_rerun_asks_only_for_what_is_missing(edgar, tmp_path):
    request = FetchRequest(cik="320193", forms=["correspondence"], since="2016-01-01")
    first = fetch(request, out=tmp_path, edgar_url=edgar.url, settings=FAST)
    assert len(first.of("fetched")) == 3 and len(first.of("failed")) == 3
    before = {path: edgar.requested(path) for path in RECORDED_APPLE.values()}
    second = fetch(FetchRequest(cik="320193", forms=["correspondence"], since="2016-01-01"), out=tmp_path, edgar_url=edgar.url, settings=FAST)
    assert len(second.of("present")) == 3 and len(second.of("failed")) == 3
    assert {path: edgar.requested(path) for path in RECORDED_APPLE.values()} == before
    assert second.requests == 1 + 3  # the submissions JSON and the three still missing
    refreshed = fetch(FetchRequest(cik="320193", forms=["UPLOAD"], since="2024-04-01"), out=tmp_path, edgar_url=edgar.url, settings=FAST, refresh=True)
    assert len(refreshed.of("fetched")) == 2
    assert len(list(read_manifest(tmp_path / "manifest.jsonl"))) == 3


def test_index_lists_the_days_correspondence(edgar, tmp_path):
    run = tandy(tmp_path, "fetch", "--index", "2020-03-18", "--form", "correspondence", "--list", "--edgar-url", edgar.url,
                env={"TANDY_USER_AGENT": AGENT})
    assert run.returncode == 0, run.stderr
    listed = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(listed) == 28 and {x["form"] for x in listed} == {"CORRESP", "UPLOAD"}
    assert edgar.requested("/Archives/edgar/data/") == 0 and not (tmp_path / "edgar").exists()


def test_by_accession_and_by_url(edgar, tmp_path):
    by_number = fetch(FetchRequest(cik="320193", accessions=["000032019324000061"]), out=tmp_path / "a", edgar_url=edgar.url, settings=FAST)
    (outcome,) = by_number.outcomes
    assert outcome.status == "fetched" and outcome.entry.form == "CORRESP" and outcome.wanted.size == 49069
    url = "https://www.sec.gov/Archives/edgar/data/1875558/000000000026001655/0000000000-26-001655.txt"
    by_url = fetch(FetchRequest(urls=[url]), out=tmp_path / "b", edgar_url=edgar.url, settings=FAST)
    (outcome,) = by_url.outcomes
    assert outcome.status == "fetched" and outcome.entry.form == "UPLOAD" and outcome.entry.cik == "0001875558"
    assert (tmp_path / "b" / outcome.entry.path).read_bytes() == recorded_bytes(url.split("sec.gov")[1])


def test_thread_fetches_the_review_and_asks_for_the_filing_it_reviewed(edgar, tmp_path):
    report = fetch(FetchRequest(cik="320193", thread="001-36743"), out=tmp_path, edgar_url=edgar.url, settings=FAST)
    letters = [o for o in report.outcomes if o.wanted.form in ("CORRESP", "UPLOAD")]
    assert {o.wanted.accession for o in letters} >= set(RECORDED_APPLE)
    assert all(o.wanted.filed >= "2024-03-06" for o in letters)  # the 2015 letters are another review
    reviewed = [o for o in report.outcomes if o.wanted.form == "10-K"]
    assert [o.wanted.filed for o in reviewed] == ["2023-11-03"]  # the 10-K for fiscal 2023 the letters name
    assert edgar.requested(reviewed[0].url.split(edgar.url)[1]) == 1


def test_no_user_agent_is_refused_before_any_request(edgar, tmp_path):
    run = tandy(tmp_path, "fetch", "--ticker", "AAPL", "--edgar-url", edgar.url)
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1 and "TANDY_USER_AGENT" in run.stderr and "--user-agent" in run.stderr
    assert "Traceback" not in run.stderr and edgar.requested() == 0
    nameless = tandy(tmp_path, "fetch", "--ticker", "AAPL", "--edgar-url", edgar.url, "--user-agent", "curl/8.0")
    assert nameless.returncode == 2 and "email" in nameless.stderr and edgar.requested() == 0
    (tmp_path / "pyproject.toml").write_text('[tool.tandy]\nuser_agent = "Jane Doe jane@firm.com"\n', encoding="utf-8")
    configured = tandy(tmp_path, "fetch", "--cik", "320193", "--accession", "0000320193-24-000061", "--edgar-url", edgar.url)
    assert configured.returncode == 0, configured.stderr
    assert set(edgar.agents) == {"Jane Doe jane@firm.com"}


@pytest.mark.parametrize("args, problem", [
    (["--rate", "11", "--cik", "320193"], "at most 10"),
    (["--index", "2020-03-18", "--cik", "320193"], "--index"),
    ([], "nothing to fetch"),
    (["--cik", "320193", "--since", "2016-13-01"], "not a date"),
    (["--index", "2099-01-01"], "404"),
    (["--cik", "1"], "no submissions for CIK 1"),
])
def test_bad_requests_are_one_line_and_exit_2(edgar, tmp_path, args, problem):
    run = tandy(tmp_path, "fetch", *args, "--edgar-url", edgar.url, env={"TANDY_USER_AGENT": AGENT})
    assert run.returncode == 2 and problem in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
    assert not (tmp_path / "edgar" / PARTIAL).exists()
