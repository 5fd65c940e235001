"""Each way EDGAR fails: retried as EDGAR asks, then reported; never a partial or wrong file."""

from __future__ import annotations

import bisect
from concurrent.futures import ThreadPoolExecutor

import pytest

from tandy.edgar import AccessSettings, FetchRequest, fetch, read_manifest
from tandy.edgar.access import Hosts
from tandy.edgar.client import EdgarClient, retry_after
from tandy.edgar.mirror import PARTIAL

from .conftest import AGENT
from .test_fetch import FAST, RECORDED_APPLE, mirror_files, recorded_bytes

ACCESSION = "0000320193-24-000061"
PATH = RECORDED_APPLE[ACCESSION]
FAULTS = ["503", "429", "drop", "short", "slow"]


def run(edgar, out, settings=FAST):
    return fetch(FetchRequest(cik="320193", accessions=[ACCESSION]), out=out, edgar_url=edgar.url, settings=settings)


def nothing_partial(out) -> bool:
    return not (out / PARTIAL).exists() or not any((out / PARTIAL).iterdir())


@pytest.mark.parametrize("kind", FAULTS)
def test_a_fault_once_is_retried_and_the_file_is_whole(edgar, tmp_path, kind):
    edgar.fail(PATH, kind)
    (outcome,) = run(edgar, tmp_path).outcomes
    assert outcome.status == "fetched", outcome.problem
    assert (tmp_path / outcome.entry.path).read_bytes() == recorded_bytes(PATH)
    assert edgar.requested(PATH) == 2 and nothing_partial(tmp_path)


@pytest.mark.parametrize("kind", FAULTS)
def test_a_fault_that_persists_is_reported_and_nothing_is_saved(edgar, tmp_path, kind):
    edgar.fail(PATH, kind, times=FAST.attempts)
    report = run(edgar, tmp_path)
    (outcome,) = report.outcomes
    assert outcome.status == "failed" and "gave up after 3 tries" in outcome.problem
    assert edgar.requested(PATH) == FAST.attempts
    assert mirror_files(tmp_path) == {} and list(read_manifest(tmp_path / "manifest.jsonl")) == []
    assert report.failed


def test_retry_after_is_waited_out_at_the_server(edgar, tmp_path):
    edgar.fail(PATH, "503", retry_after="2")
    (outcome,) = run(edgar, tmp_path).outcomes
    assert outcome.status == "fetched"
    last_two = edgar.arrivals[-2:]
    assert last_two[1] - last_two[0] >= 2.0  # not the 0.05 s backoff: the server's own wait


def test_a_retry_after_longer_than_tandy_waits_fails_the_filing_at_once(edgar, tmp_path):
    edgar.fail(PATH, "429", retry_after="600")
    (outcome,) = run(edgar, tmp_path).outcomes
    assert outcome.status == "failed" and "Retry-After 600" in outcome.problem
    assert edgar.requested(PATH) == 1 and mirror_files(tmp_path) == {}


def test_an_error_page_served_as_200_is_never_saved(edgar, tmp_path):
    edgar.fail(PATH, "page")
    (outcome,) = run(edgar, tmp_path).outcomes
    assert outcome.status == "failed" and "not an EDGAR submission" in outcome.problem
    assert mirror_files(tmp_path) == {} and nothing_partial(tmp_path)


def test_a_body_cut_short_at_the_source_is_not_saved(edgar, tmp_path):
    edgar.serve(PATH, recorded_bytes(PATH)[:-100])  # whole as served (its Content-Length agrees), but cut
    (outcome,) = run(edgar, tmp_path).outcomes
    assert outcome.status == "failed" and "cut short" in outcome.problem and mirror_files(tmp_path) == {}


def test_another_filing_served_for_the_one_asked_is_not_saved(edgar, tmp_path):
    edgar.serve(PATH, recorded_bytes(RECORDED_APPLE["0000000000-24-003505"]))
    (outcome,) = run(edgar, tmp_path).outcomes
    assert outcome.status == "failed" and "another filing (0000000000-24-003505)" in outcome.problem
    assert mirror_files(tmp_path) == {}


def test_other_filings_go_on_when_one_fails(edgar, tmp_path):
    for path in RECORDED_APPLE.values():
        if path != PATH:
            edgar.fail(path, "503", times=FAST.attempts)
    report = fetch(FetchRequest(cik="320193", accessions=list(RECORDED_APPLE)), out=tmp_path, edgar_url=edgar.url, settings=FAST)
    assert [o.status for o in report.outcomes].count("failed") == 2
    assert list(mirror_files(tmp_path)) == [PATH.removeprefix("/Archives/edgar/data/")]


def test_threads_share_one_rate(edgar):
    """Four threads at 8 a second: no one-second window at the server holds more than 8."""
    settings = AccessSettings(rate=8, threads=4)
    url = f"{Hosts.at(edgar.url).data}/submissions/CIK0001800903.json"
    with EdgarClient(AGENT, settings) as client, ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda _: client.get(url), range(24)))
    arrivals = sorted(edgar.arrivals)
    busiest = max(bisect.bisect_left(arrivals, t + 1.0) - i for i, t in enumerate(arrivals))
    assert len(arrivals) == 24 and busiest <= 8


def test_retry_after_reads_seconds_and_dates():
    assert retry_after("7") == 7.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a date past: no wait
    assert retry_after("soon") is None and retry_after(None) is None
