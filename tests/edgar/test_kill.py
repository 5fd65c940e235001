"""A fetch killed with SIGKILL mid-run, then run again, leaves the mirror a clean run leaves.

The fetch runs as a real subprocess against the recorded-EDGAR server of this process, whose
request counts say what each run asked for. The company is made up so that there are enough
filings to kill a run among them; each is served one of the real recorded submissions, slowly,
so the kill can land halfway through a body.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tandy.edgar import read_manifest
from tandy.edgar.mirror import PARTIAL

from .conftest import AGENT
from .recorded import serve_company
from .test_fetch import mirror_files

CIK = "9999999"
FILINGS = 40


def _fetch(edgar, out: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "tandy", "fetch", "--cik", CIK, "--edgar-url", edgar.url, "--out", str(out),
               "--rate", "4", "--threads", "3", "--user-agent", AGENT]
    return subprocess.Popen(command, cwd=out.parent, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _manifest_lines(out: Path) -> int:
    try:
        return (out / "manifest.jsonl").read_text(encoding="utf-8").count("\n")
    except FileNotFoundError:
        return 0


def _comparable(out: Path) -> list[dict]:
    return [e.to_json() | {"fetched_at": None} for e in read_manifest(out / "manifest.jsonl")]


def test_kill_9_then_rerun_equals_a_clean_run_and_asks_only_for_what_was_missing(edgar, tmp_path):
    paths = serve_company(edgar, CIK, FILINGS, trickle=0.4)
    killed = tmp_path / "killed"
    run = _fetch(edgar, killed)
    deadline = time.monotonic() + 120
    while _manifest_lines(killed) < 6 and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)
    if run.poll() is not None:
        raise AssertionError(f"the run ended (exit {run.returncode}) before it could be killed: {run.stderr.read()}")
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=30)
    time.sleep(1.0)  # requests that reached the server before the kill are counted before the rerun starts

    whole = {a for a, p in paths.items() if (killed / p.removeprefix("/Archives/edgar/data/")).is_file()}
    half = list((killed / PARTIAL).glob("*.part")) if (killed / PARTIAL).is_dir() else []
    assert 6 <= len(whole) < FILINGS
    first = {a: edgar.requested(p) for a, p in paths.items()}

    rerun = _fetch(edgar, killed)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read()
    summary = rerun.stderr.read()
    asked = {a for a, p in paths.items() if edgar.requested(p) > first[a]}
    assert asked == set(paths) - whole  # nothing already whole was asked for again
    assert {a: edgar.requested(p) - first[a] for a, p in paths.items() if a in asked} == {a: 1 for a in asked}
    missing = FILINGS - len(whole)
    assert f"{missing} fetched, {len(whole)} already there, 0 failed; {missing + 1} requests" in summary

    clean = tmp_path / "clean"
    fresh = _fetch(edgar, clean)
    assert fresh.wait(timeout=300) == 0, fresh.stderr.read()
    assert mirror_files(killed) == mirror_files(clean) and len(mirror_files(clean)) == FILINGS
    assert _comparable(killed) == _comparable(clean)
    assert not (killed / PARTIAL).exists()
    print(f"\nkilled with {len(whole)} whole and {len(half)} half-written; rerun asked for {len(asked)} of {FILINGS}")
