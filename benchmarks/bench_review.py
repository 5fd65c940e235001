"""How long ``tandy.review`` takes on each corpus proxy, against ``tandy.parse`` alone.

Both run on every file under ``../shared/corpus/proxies`` in the same run, one after the other,
best of ``REPEATS``, so machine noise hits both. Printed: seconds for each, their ratio, the
slowest rules on the largest file, and the end-to-end time of the largest proxy (goal: under 1 s).

Run: ``.venv/bin/python benchmarks/bench_review.py`` (``REPEATS=5`` for steadier figures).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench_proxy import CORPUS, LARGEST_GOAL, best

import tandy
from tandy.rules import all_rules
from tandy.rules.engine import subject_for


def review(path: Path):
    return tandy.review(str(path))


def slowest_rules(path: Path, count: int = 5) -> list[tuple[float, str]]:
    """Each applicable rule's own time on one file (the subject read once)."""
    subject = subject_for(str(path))
    timed = []
    for rule in all_rules():
        if rule.applies(subject):
            start = time.perf_counter()
            list(rule.check(subject))
            timed.append((time.perf_counter() - start, rule.id))
    return sorted(timed, reverse=True)[:count]


def main() -> None:
    if not CORPUS.is_dir():
        print(f"{CORPUS} is absent: nothing to measure")
        return
    files = sorted(p for p in CORPUS.iterdir() if p.is_file())
    rows = [(p.name[:48], p.stat().st_size, best(tandy.parse, p), best(review, p)) for p in files]
    print(f"{'file':48} {'bytes':>10} {'parse s':>8} {'review s':>9} {'ratio':>6}")
    for name, size, parse_time, review_time in rows:
        print(f"{name:48} {size:>10,} {parse_time:>8.3f} {review_time:>9.3f} {parse_time / review_time:>6.2f}")
    parse_total, review_total = sum(r[2] for r in rows), sum(r[3] for r in rows)
    print(f"\nall proxies: parse {parse_total:.2f} s, review {review_total:.2f} s; ratio parse/review {parse_total / review_total:.2f}")
    largest = max(zip(rows, files), key=lambda rf: rf[0][1])
    (name, size, _, review_time), path = largest
    verdict = "meets" if review_time < LARGEST_GOAL else "misses"
    print(f"largest proxy {name} ({size:,} bytes): review {review_time:.2f} s end to end ({verdict} the {LARGEST_GOAL:.0f} s goal)")
    print("slowest rules there: " + ", ".join(f"{rule} {seconds * 1000:.0f} ms" for seconds, rule in slowest_rules(path)))
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
