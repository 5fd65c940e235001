"""A bounded loopback load test of ``tandy serve``: concurrent clients, search p95, the review page.

A ``tandy serve`` process listens on 127.0.0.1 (a free port) over an index of the corpus; this
process runs ``CLIENTS`` threads for ``SECONDS``: all but ``REVIEWERS`` of them search
(``GET /api/search`` with words drawn from the corpus's usual ones), the others open the review page
of the largest corpus proxy (``GET /review?path=...``). Printed: requests, errors (any status but
200, any failed connection), search p50/p95/max, review-page times under load and alone, each
against its baseline measured in the same run: the same library call made in process
(:meth:`tandy.Corpus.search`, :func:`tandy.review`).

Run: ``nice .venv/bin/python benchmarks/bench_serve.py [--db tandy.db]`` (CLIENTS=20 SECONDS=30 by
default; without ``--db`` it indexes ``../shared/corpus`` and the seed into a temporary folder first).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

import tandy

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
PROXIES = CORPUS / "proxies"
CLIENTS = int(os.environ.get("CLIENTS", 20))
SECONDS = float(os.environ.get("SECONDS", 30))
REVIEWERS = int(os.environ.get("REVIEWERS", 2))
QUERIES = [
    "Tandy", "revenue recognition", "segment", "goodwill impairment", "non-GAAP", "disclosure controls",
    "407(c)(2)(vii)", "risk factors", "\"critical audit matter\"", "liquidity", "compensation committee",
    "fair value", "income taxes", "material weakness", "nominee", "board meetings", "cyber*", "lease",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else float("nan")


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    command = [sys.executable, "-m", "tandy", "serve", "--port", "0", "--root", str(PROXIES), "--db", str(db)]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    line = proc.stderr.readline()
    if "open http://" not in line:
        proc.kill()
        raise SystemExit(f"tandy serve did not start: {line.strip()}")
    url = line.split("open ", 1)[1].strip().rstrip("/")
    for _ in range(200):
        try:
            httpx.get(url + "/", timeout=5)
            return proc, url
        except httpx.TransportError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("tandy serve did not answer")


def baselines(db: Path, largest: Path) -> tuple[float, float]:
    """In-process library times: median search over the queries, best-of-2 review of the largest proxy."""
    from tandy.corpus import Corpus

    times = []
    with Corpus(db, create=False) as corpus:
        for query in QUERIES:
            start = time.perf_counter()
            try:
                corpus.search(query, limit=10)
            except Exception:  # a query the index refuses costs what it costs
                pass
            times.append(time.perf_counter() - start)
    review_times = []
    for _ in range(2):
        start = time.perf_counter()
        tandy.review(str(largest))
        review_times.append(time.perf_counter() - start)
    return statistics.median(times), min(review_times)


def load(url: str, largest: str) -> dict:
    stop = time.monotonic() + SECONDS
    results = {"search": [], "review": [], "errors": [], "statuses": {}}
    lock = threading.Lock()

    def client(n: int) -> None:
        rng = random.Random(n)
        reviewer = n < REVIEWERS
        with httpx.Client(base_url=url, timeout=120) as http:
            while time.monotonic() < stop:
                start = time.perf_counter()
                try:
                    if reviewer:
                        answer = http.get("/review", params={"path": largest})
                    else:
                        answer = http.get("/api/search", params={"q": rng.choice(QUERIES), "limit": 10})
                    status = answer.status_code
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                elapsed = time.perf_counter() - start
                with lock:
                    results["statuses"][status] = results["statuses"].get(status, 0) + 1
                    if status == 200:
                        results["review" if reviewer else "search"].append(elapsed)
                    elif not (status == 400 and not reviewer):  # a refused query syntax is an answer, not an error
                        results["errors"].append(status)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, help="An index of the corpus (default: built now in a temporary folder).")
    args = parser.parse_args()
    if not PROXIES.is_dir():
        print(f"{PROXIES} is absent: nothing to measure")
        return
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as folder:
        db = args.db
        if db is None:
            from tandy.corpus import Corpus

            db = Path(folder) / "tandy.db"
            started = time.perf_counter()
            with Corpus(db) as corpus:
                corpus.index([str(CORPUS), str(SHARED / "seed")], embed=False)
            print(f"indexed the corpus in {time.perf_counter() - started:.0f} s")
        largest = max((p for p in PROXIES.iterdir() if p.is_file()), key=lambda p: p.stat().st_size)
        search_base, review_base = baselines(db, largest)
        proc, url = start_server(db)
        try:
            for _ in range(2):  # the second is the one timed: the first may meet workers still starting
                alone_start = time.perf_counter()
                alone = httpx.get(url + "/review", params={"path": largest.name}, timeout=120)
                review_alone = time.perf_counter() - alone_start
                assert alone.status_code == 200, alone.status_code
            results = load(url, largest.name)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    searches, reviews = results["search"], results["review"]
    total = sum(results["statuses"].values())
    print(f"{CLIENTS} clients ({REVIEWERS} opening the review page, {CLIENTS - REVIEWERS} searching) for {SECONDS:.0f} s on {url}")
    print(f"requests {total}, errors {len(results['errors'])} {sorted(set(map(str, results['errors'])))}; statuses {results['statuses']}")
    print(
        f"search: {len(searches)} answered, {len(searches) / SECONDS:.1f}/s; p50 {percentile(searches, .5) * 1000:.0f} ms, "
        f"p95 {percentile(searches, .95) * 1000:.0f} ms, max {max(searches, default=0) * 1000:.0f} ms; "
        f"library in process {search_base * 1000:.1f} ms (p95 / library {percentile(searches, .95) / search_base:.0f}x)"
    )
    print(
        f"review page of the largest proxy {largest.name} ({largest.stat().st_size:,} bytes): alone {review_alone:.2f} s, "
        f"under load median {statistics.median(reviews) if reviews else float('nan'):.2f} s over {len(reviews)} pages; "
        f"tandy.review in process {review_base:.2f} s (page alone / library {review_alone / review_base:.2f})"
    )
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
