"""How fast ``tandy.read_proxy`` reads the corpus proxies, against ``tandy.parse`` alone.

Every file under ``../shared/corpus/proxies`` is read by both in the same run, interleaved, best
of ``REPEATS``. Printed: pages a second for each, their ratio (how much of the time the proxy
stages add), and the end-to-end time of the largest proxy (goal: under one second).

Run: ``.venv/bin/python benchmarks/bench_proxy.py`` (``REPEATS=5`` for steadier figures).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import tandy

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "proxies"
REPEATS = int(os.environ.get("REPEATS", "2"))
LARGEST_GOAL = 1.0


def best(fn, path: Path) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    files = sorted(p for p in CORPUS.iterdir() if p.is_file())
    rows, total_pages, parse_total, proxy_total = [], 0, 0.0, 0.0
    for path in files:
        pages = len(tandy.parse(path).main.pages)
        parse_time, proxy_time = best(tandy.parse, path), best(tandy.read_proxy, path)
        rows.append((path.name[:48], path.stat().st_size, pages, parse_time, proxy_time))
        total_pages += pages
        parse_total += parse_time
        proxy_total += proxy_time
    print(f"{'file':48} {'bytes':>10} {'pages':>6} {'parse s':>8} {'proxy s':>8}")
    for name, size, pages, parse_time, proxy_time in rows:
        print(f"{name:48} {size:>10,} {pages:>6} {parse_time:>8.3f} {proxy_time:>8.3f}")
    parse_rate, proxy_rate = total_pages / parse_total, total_pages / proxy_total
    largest = max(rows, key=lambda r: r[1])
    print(f"\npages/s: parse {parse_rate:,.0f}, read_proxy {proxy_rate:,.0f}; ratio {proxy_rate / parse_rate:.2f}")
    verdict = "meets" if largest[4] < LARGEST_GOAL else "misses"
    print(f"largest proxy {largest[0]} ({largest[1]:,} bytes): {largest[4]:.2f} s end to end ({verdict} the {LARGEST_GOAL:.0f} s goal)")


if __name__ == "__main__":
    main()
