"""Indexing at scale: the local engine against Dask with 1 and 2 workers, on 100,000 comments.

    .venv/bin/python benchmarks/bench_scale.py [--items 100000] [--workers 1,2] [--keep]

Synthetic letter FILES are written first (not timed): plain-text response letters in the style
of the real ones, each with 20 to 60 numbered comment/response pairs whose sentences are drawn
from the real letters' comments and responses (read once with ``tandy.read_letter``) and
recombined, under a real registrant, form and date. The folder is then indexed from scratch by
``tandy index`` with the local engine, and with Dask on a local cluster of 1 and of 2 worker
processes, each run in a fresh process so that its peak memory is its own.

Prints, per engine: items/s (parsing, Parquet shards, SQLite and text index: the whole
``Corpus.index``), the cluster's start-up apart, index size on disk, peak RSS of the indexing
process and of each worker, the load average when the run started; the 2-worker/1-worker
speed-up; then search latency p50/p95 over ``bench_search.QUERIES`` on the Dask-built index.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import tandy
from bench_search import QUERIES, disk_mb, percentile, sentences, timed
from tandy.corpus import Corpus
from tandy.corpus.index import expand
from tandy.corpus.scale import DaskEngine
from tandy.errors import InputError

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REAL_LETTERS = [SHARED / "corpus" / "letters", SHARED / "corpus" / "threads", SHARED / "seed"]
ITEMS_PER_LETTER = (20, 60)
COMMENT_SENTENCES = (1, 4)
RESPONSE_SENTENCES = (1, 5)
WRAP = 76
INDENT = " " * 5
RANDOM_SEED = 20240429
#: Generated files re-read with ``tandy.read_letter`` to check they hold the items written.
CHECKED_FILES = 20
#: Sentences that would read as the start of an item or a response, or as the letter's closing.
_MARKER = re.compile(
    r"(?:^|\s)(?:\d{1,3}\s*[.)]|comments?\s*:|responses?\s*:|[A-Z]\.)\s"
    r"|thank\s+you|look\s+forward|questions|please\s+(?:contact|call)|sincerely|truly\s+yours",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Source:
    """What the synthetic letters borrow from the real ones."""

    comments: list[str]
    responses: list[str]
    letters: list[tuple[str, str | None, str | None]]  # registrant, form reviewed, date


# --- the synthetic corpus -----------------------------------------------------------------------


def read_source() -> Source:
    """Sentences of every real comment and response, and the real letters' registrants and dates."""
    comments, responses, letters = [], [], []
    for path in expand(str(p) for p in REAL_LETTERS if p.exists()):
        try:
            letter = tandy.read_letter(path)
        except InputError:
            continue
        if not letter.items:
            continue
        comments += [i.comment for i in letter.items]
        responses += [i.response for i in letter.items if i.response]
        if letter.registrant:
            letters.append((letter.registrant, letter.subject_filing.form, letter.date))
    return Source(_clean(sentences(comments)), _clean(sentences(responses)), letters)


def _clean(found: list[str]) -> list[str]:
    """One-line sentences with nothing in them that would start a new item or response."""
    flat = (" ".join(s.split()) for s in found)
    return sorted({s for s in flat if not _MARKER.search(" " + s)})


def write_corpus(source: Source, folder: Path, items: int) -> tuple[int, int]:
    """Response letters holding ``items`` comments in all; returns (files, items) written."""
    rng = random.Random(RANDOM_SEED)
    written = files = 0
    while written < items:
        count = min(rng.randint(*ITEMS_PER_LETTER), items - written)  # the last letter may be shorter
        (folder / f"response_{files:06d}.txt").write_text(response_letter(source, rng, files, count), encoding="utf-8")
        written += count
        files += 1
    return files, written


def response_letter(source: Source, rng: random.Random, number: int, items: int) -> str:
    registrant, form, date = rng.choice(source.letters)
    form = form or "Form 10-K"
    dated = _printed(date) if date else "March 1, 2024"
    head = [
        "HALVERSON & REED LLP", "1200 NINETEENTH STREET, N.W.", "WASHINGTON, D.C. 20036", "",
        f"{'':42}{dated}", "", "VIA EDGAR", "", "Division of Corporation Finance", "Securities and Exchange Commission",
        "100 F Street, N.E.", "Washington, D.C.  20549", "",
        f"{'':10}Re:  {registrant}", f"{'':15}{form}", f"{'':15}File No. 001-{10000 + number % 89999:05d}", "",
        "Ladies and Gentlemen:", "",
        _paragraph(f"On behalf of {registrant} (the \"Company\"), this letter responds to the comments of the "
                   f"staff of the Division of Corporation Finance in its letter dated {dated}. Each comment is "
                   "repeated below, followed by the Company's response."),
        "",
    ]
    body = []
    for n in range(1, items + 1):
        comment = " ".join(rng.sample(source.comments, rng.randint(*COMMENT_SENTENCES)))
        response = " ".join(rng.sample(source.responses, rng.randint(*RESPONSE_SENTENCES)))
        body += [_item(f"{n}.", "Comment:  " + comment), "", _item("", "Response:  " + response), "", ""]
    tail = [
        _paragraph("If you have any questions, please call the undersigned at (202) 555-0100."), "",
        f"{'':51}Very truly yours,", "", f"{'':51}/s/ Margaret T. Reed", f"{'':51}Margaret T. Reed", "",
    ]
    return "\n".join(head + body + tail)


def _item(label: str, text: str) -> str:
    return textwrap.fill(text, WRAP, initial_indent=f"{label:<5}", subsequent_indent=INDENT)


def _paragraph(text: str) -> str:
    return textwrap.fill(text, WRAP, initial_indent=INDENT)


def _printed(iso: str) -> str:
    return time.strftime("%B %-d, %Y", time.strptime(iso, "%Y-%m-%d"))


def check_sample(folder: Path, expected: dict[str, int]) -> int:
    """How many of a sample of generated files read back with exactly the items written."""
    names = sorted(expected)[:: max(1, len(expected) // CHECKED_FILES)][:CHECKED_FILES]
    return sum(len(tandy.read_letter(str(folder / name)).items) == expected[name] for name in names)


# --- one run, in its own process ----------------------------------------------------------------


def run(engine: str, folder: str, db: str) -> dict:
    """Index ``folder`` into a new ``db`` with one engine; what it took, as a dict."""
    load = os.getloadavg()[0]
    cluster = client = None
    dask = None
    started = time.perf_counter()
    if engine != "local":
        from distributed import Client, LocalCluster

        workers = int(engine.split(":")[1])
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
        client = Client(cluster)
        dask = DaskEngine(scheduler=cluster.scheduler_address)
    cluster_seconds = time.perf_counter() - started
    start = time.perf_counter()
    with Corpus(db) as corpus:
        report = corpus.index([folder], embed=False, engine=dask)
        seconds = time.perf_counter() - start
        counts = corpus.counts()
    workers = list(client.run(_usage).values()) if client else []
    if cluster:
        client.close()
        cluster.close()
    return {
        "engine": engine, "seconds": seconds, "cluster_seconds": cluster_seconds, "items": counts["items"],
        "letters": counts["letters"], "failed": len(report.failed), "disk_mb": disk_mb(Path(db), Path(f"{db}.fulltext")),
        "client_mb": _usage()[0], "workers_mb": sorted(mb for mb, _ in workers), "load": load,
        "client_cpu": _usage()[1], "workers_cpu": sum(cpu for _, cpu in workers),
    }


def _usage() -> tuple[float, float]:
    """Peak RSS in MB and CPU seconds of this process: CPU seconds tell the engines' costs apart
    even when other work shares the machine, which wall-clock times cannot."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def search_latency(db: str) -> tuple[float, float, int]:
    """p50 and p95 in ms of ``Corpus.search`` over the shared queries, and the queries with hits."""
    with Corpus(db) as corpus:
        times, answered = [], 0
        for words, filters in QUERIES:
            times += timed(lambda: corpus.search(words, **filters))
            answered += bool(corpus.search(words, **filters))
    return percentile(times, 50), percentile(times, 95), answered


# --- the table --------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=100_000, help="comments in the synthetic corpus")
    parser.add_argument("--workers", default="1,2", help="Dask worker counts to run, comma-separated")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (letters and indexes)")
    parser.add_argument("--run", nargs=3, metavar=("ENGINE", "FOLDER", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run(*args.run)))
        return

    work = Path(tempfile.mkdtemp(prefix="tandy-bench-scale-"))
    folder = work / "letters"
    folder.mkdir()
    start = time.perf_counter()
    source = read_source()
    files, items = write_corpus(source, folder, args.items)
    expected = _expected_items(folder)
    print(f"generated {files} letters, {items} items ({disk_mb(folder):.0f} MB) from {len(source.comments)} comment and "
          f"{len(source.responses)} response sentences of {len(source.letters)} real letters in "
          f"{time.perf_counter() - start:.0f} s; {check_sample(folder, expected)}/{CHECKED_FILES} sampled files "
          f"read back with exactly the items written", flush=True)

    engines = ["local"] + [f"dask:{n}" for n in args.workers.split(",")]
    results = []
    for engine in engines:
        db = work / f"{engine.replace(':', '-')}.db"
        out = subprocess.run([sys.executable, __file__, "--run", engine, str(folder), str(db)], capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(f"  {engine}: {results[-1]['seconds']:.0f} s", flush=True)

    print(f"\n{'engine':<10}{'items':>8}{'seconds':>9}{'items/s':>9}{'cluster s':>10}{'disk MB':>9}"
          f"{'client MB':>10}{'workers MB':>12}{'client cpu':>11}{'workers cpu':>12}{'load':>6}")
    for r in results:
        workers = "/".join(f"{m:.0f}" for m in r["workers_mb"]) or "-"
        print(f"{r['engine']:<10}{r['items']:>8}{r['seconds']:>9.1f}{r['items'] / r['seconds']:>9.0f}{r['cluster_seconds']:>10.1f}"
              f"{r['disk_mb']:>9.0f}{r['client_mb']:>10.0f}{workers:>12}{r['client_cpu']:>10.0f}s{r['workers_cpu']:>11.0f}s"
              f"{r['load']:>6.1f}")
    by_engine = {r["engine"]: r for r in results}
    if "dask:1" in by_engine and "dask:2" in by_engine:
        speedup = by_engine["dask:1"]["seconds"] / by_engine["dask:2"]["seconds"]
        print(f"\nDask 2 workers / 1 worker: {speedup:.2f}x (goal 1.8x); cores: {os.cpu_count()}")
    if len({(r["items"], r["letters"], r["failed"]) for r in results}) > 1:
        print("WARNING: the engines disagree on items, letters or failures")
    p50, p95, answered = search_latency(str(work / f"{engines[-1].replace(':', '-')}.db"))
    print(f"search over {results[-1]['items']} items, {len(QUERIES)} queries ({answered} with hits): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    if args.keep:
        print(f"work folder: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


def _expected_items(folder: Path) -> dict[str, int]:
    """Items written per file, counted from the files themselves (the "N.   Comment:" lines)."""
    marker = re.compile(r"^\d+\.\s+Comment:", re.MULTILINE)
    return {p.name: len(marker.findall(p.read_text(encoding="utf-8"))) for p in sorted(folder.iterdir())}


if __name__ == "__main__":
    main()
