"""The fetch rate as the server sees it: 200 requests from 4 threads, never past the set rate.

    .venv/bin/python benchmarks/bench_fetch.py [--requests 200] [--threads 4] [--rate 8 --rate 10]

Runs ``tandy.fetch`` (plan, download, checks, mirror) against the recorded-EDGAR test server on
127.0.0.1 (``tests/edgar/recorded.py``, in a process of its own, so its clock shares no GIL with
the client's threads) for a made-up company whose filings are served the real
recorded submissions, one request a filing plus the submissions JSON. The server stamps each
request's arrival; the figures are the busiest one-second window (every window that starts at
an arrival, which is where the busiest ones start), the count of windows above the rate, the mean
rate, and the run's time as a ratio to the least time the rate allows ((requests - rate) / rate
seconds), measured in the same run.
"""

from __future__ import annotations

import argparse
import bisect
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tandy.edgar import AccessSettings, FetchRequest, fetch

SERVER = Path(__file__).resolve().parents[1] / "tests" / "edgar" / "recorded.py"

CIK = "9999998"


def windows(arrivals: list[float], rate: float) -> tuple[int, int]:
    """(busiest one-second window, windows above ``rate``), windows starting at each arrival."""
    times = sorted(arrivals)
    counts = [bisect.bisect_left(times, t + 1.0) - i for i, t in enumerate(times)]
    return max(counts), sum(c > rate for c in counts)


def run(requests: int, threads: int, rate: float) -> dict:
    server = subprocess.Popen(
        [sys.executable, str(SERVER), "--company", CIK, str(requests - 1)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    url = server.stdout.readline().strip()
    with tempfile.TemporaryDirectory() as out:
        started = time.monotonic()
        report = fetch(
            FetchRequest(cik=CIK), out=out, user_agent="Tandy Bench bench@example.com", edgar_url=url,
            settings=AccessSettings(rate=rate, threads=threads),
        )
        elapsed = time.monotonic() - started
    server.stdin.write("arrivals\n")
    server.stdin.flush()
    arrivals = json.loads(server.stdout.readline())
    server.kill()
    server.wait()
    busiest, above = windows(arrivals, rate)
    least = (requests - rate) / rate
    return {
        "rate": rate, "threads": threads, "requests_seen": len(arrivals), "fetched": len(report.of("fetched")),
        "failed": len(report.of("failed")), "busiest_window": busiest, "windows_above_rate": above,
        "mean_rate": round(len(arrivals) / (max(arrivals) - min(arrivals)), 2),
        "seconds": round(elapsed, 2), "ratio_to_least_time": round(elapsed / least, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--rate", type=float, action="append")
    args = parser.parse_args()
    for rate in args.rate or [8.0, 10.0]:
        print(json.dumps(run(args.requests, args.threads, rate)))


if __name__ == "__main__":
    main()
