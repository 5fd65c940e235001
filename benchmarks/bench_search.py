"""Search at scale: 100,000 comments recombined from the real letters, tantivy against SQLite FTS5.

    .venv/bin/python benchmarks/bench_search.py [--items 100000] [--no-fts5] [CORPUS...]

The real corpus (default ../shared/corpus and ../shared/seed) is indexed first; every real
comment and response is split into sentences, and each synthetic item takes two to five comment
sentences and one to four response sentences from different real items, with the metadata and
citations of a real letter and item, five items a letter. The words, phrases, citations and
companies are the real ones, in new combinations: not random words.

Prints: items/s indexed (SQLite records and text index, from records, no parsing), size on disk,
search latency p50/p95 over 20 representative queries (each run ``ROUNDS`` times) through
``Corpus.search`` (hits with records, highlights and threads) and for the text index alone, the
same text queries on an FTS5 table of the same items (bm25, top 10), and peak memory.
"""

from __future__ import annotations

import argparse
import copy
import random
import re
import resource
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from tandy.corpus import Corpus
from tandy.corpus.model import FileRecords, ItemRecord, LetterRecord
from tandy.corpus.search import Filters

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ITEMS_PER_LETTER = 5
LOAD_BATCH = 500
ROUNDS = 5
SEED = 20081

#: (words, filters): phrases, common and rare words, prefixes, citations, companies, dates.
QUERIES: list[tuple[str, dict]] = [
    ('"non-GAAP measures"', {}),
    ('"results of operations"', {}),
    ('"critical audit matter"', {}),
    ("revenue", {}),
    ("company", {}),
    ("please revise", {}),
    ("goodwill impairment", {}),
    ("segment reporting", {}),
    ("Tandy language", {}),
    ("disclos*", {}),
    ("impair*", {}),
    ("reconcil* footnote", {}),
    ("", {"citation": "407(c)(2)(vii)"}),
    ("", {"citation": "Item 303 of Regulation S-K"}),
    ("revenue", {"citation": "ASC 606"}),
    ("liquidity", {"company": "Apple"}),
    ("revenue", {"company": "Aflac"}),
    ("non-GAAP", {"kind": "staff_comment", "since": "2016-01-01", "until": "2018-12-31"}),
    ("future filings", {"kind": "response", "form": "10-K"}),
    ("proxy", {"form": "DEF 14A"}),
]


def real_items(corpus: Corpus) -> list[tuple[ItemRecord, LetterRecord]]:
    letters = {letter.id: letter for letter in corpus.letters()}
    return [(item, letters[item.letter_id]) for item in corpus.items()]


def sentences(texts: list[str]) -> list[str]:
    return [s for t in texts for s in re.split(r"(?<=[.?!])\s+", t) if len(s) > 20]


def recombined(real: list[tuple[ItemRecord, LetterRecord]], count: int) -> list[FileRecords]:
    """Synthetic letters of real sentences: each item mixes sentences of several real items."""
    rng = random.Random(SEED)
    said = sentences([item.comment for item, _ in real])
    answered = sentences([item.response for item, _ in real if item.response])
    files = []
    for n in range(0, count, ITEMS_PER_LETTER):
        source_item, source_letter = rng.choice(real)
        letter = copy.copy(source_letter)
        letter.path = f"/synthetic/{n // ITEMS_PER_LETTER:06d}.txt"
        letter.sha256 = f"{n:064x}"
        letter.id = None
        items = []
        for number in range(1, min(ITEMS_PER_LETTER, count - n) + 1):
            cited_from, _ = rng.choice(real)
            items.append(
                ItemRecord(
                    letter_id=0, number=number, heading=None,
                    comment=" ".join(rng.sample(said, rng.randint(2, 5))),
                    response=" ".join(rng.sample(answered, rng.randint(1, 4))) if letter.kind == "response" else None,
                    disposition=cited_from.disposition, cited=list(cited_from.cited),
                    citations=list(cited_from.citations),
                )
            )
        files.append(FileRecords(path=letter.path, sha256=letter.sha256, size=0, letter=letter, items=items))
    return files


def timed(run, rounds: int = ROUNDS) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return times


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def build_fts5(path: Path, files: list[FileRecords]) -> tuple[sqlite3.Connection, float]:
    db = sqlite3.connect(path)
    db.execute("create virtual table items using fts5(comment, response, tokenize='porter unicode61')")
    start = time.perf_counter()
    db.executemany("insert into items values (?, ?)", ((i.comment, i.response or "") for f in files for i in f.items))
    db.commit()
    return db, time.perf_counter() - start


def disk_mb(*paths: Path) -> float:
    total = 0
    for path in paths:
        for p in [path] if path.is_file() else path.rglob("*"):
            if p.is_file():
                total += p.stat().st_size
    return total / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(SHARED / "corpus"), str(SHARED / "seed")])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--no-fts5", action="store_true", help="skip the FTS5 comparison")
    parser.add_argument("--keep", action="store_true", help="keep the temporary databases")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tandy-bench-"))

    with Corpus(work / "real.db") as real_corpus:
        start = time.perf_counter()
        report = real_corpus.index(args.paths, embed=False)
        real_seconds = time.perf_counter() - start
        real = real_items(real_corpus)
    print(f"real corpus: {report.files} files, {len(real)} items, parsed and indexed in {real_seconds:.1f} s "
          f"({report.files / real_seconds:.1f} files/s)")

    files = recombined(real, args.items)
    corpus = Corpus(work / "bench.db")
    start = time.perf_counter()
    corpus.load(files[i : i + LOAD_BATCH] for i in range(0, len(files), LOAD_BATCH))
    load_seconds = time.perf_counter() - start
    items = corpus.counts()["items"]
    size = disk_mb(work / "bench.db", work / "bench.db.fulltext")
    sqlite_mb = disk_mb(work / "bench.db")

    rows = []
    all_full, all_text = [], []
    for words, filters in QUERIES:
        full = timed(lambda: corpus.search(words, **filters))
        text = timed(lambda: corpus.fulltext.search(words, Filters(**filters), 10))
        hits = len(corpus.search(words, **filters))
        all_full += full
        all_text += text
        label = (words + " " + " ".join(f"--{k} {v!r}" for k, v in filters.items())).strip()
        rows.append((label, hits, statistics.median(full), statistics.median(text)))

    fts_rows, fts_build, fts_all = [], None, []
    if not args.no_fts5:
        fts, fts_build = build_fts5(work / "fts5.db", files)
        for words, filters in QUERIES:
            if not words or filters:
                continue
            query = "non AND GAAP" if words == "non-GAAP" else words
            times = timed(lambda: fts.execute("select rowid from items where items match ? order by rank limit 10", (query,)).fetchall())
            fts_all += times
            fts_rows.append((words, statistics.median(times)))
        fts.close()

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n{items} items in {len(files)} letters indexed in {load_seconds:.1f} s: {items / load_seconds:,.0f} items/s")
    print(f"on disk: {size:.0f} MB ({sqlite_mb:.0f} MB SQLite, {size - sqlite_mb:.0f} MB tantivy)")
    print(f"\n{'query':<58}{'hits':>5}{'search p50':>12}{'text p50':>10}")
    for label, hits, full, text in rows:
        print(f"{label[:57]:<58}{hits:>5}{full:>10.1f}ms{text:>8.2f}ms")
    print(f"\nCorpus.search (records, highlights, threads): p50 {percentile(all_full, 50):.1f} ms, p95 {percentile(all_full, 95):.1f} ms")
    print(f"text index alone:                            p50 {percentile(all_text, 50):.2f} ms, p95 {percentile(all_text, 95):.2f} ms")
    if fts_rows:
        print(f"\nSQLite FTS5 on the same items (built in {fts_build:.1f} s), bm25 top 10, text queries only:")
        for words, median in fts_rows:
            print(f"  {words:<40}{median:>8.1f}ms")
        print(f"FTS5: p50 {percentile(fts_all, 50):.1f} ms, p95 {percentile(fts_all, 95):.1f} ms")
    print(f"\npeak memory (max RSS): {peak_mb:.0f} MB" + (f"; databases kept in {work}" if args.keep else ""))
    corpus.close()
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
