"""Precedent ranking, leave one thread out, over every staff comment of the corpus.

    .venv/bin/python benchmarks/bench_precedent.py [--db tandy.db] [--k 5] [CORPUS...]

Without ``--db`` the corpus (default ../shared/corpus and ../shared/seed) is indexed into a
temporary database first. Every comment is counted once (a staff comment with the response that
restates and answers it is one comment; a response whose staff letter is missing stands alone).
For each, its own review thread is removed from the candidates, and the top ``k`` precedents are
asked of three rankers:

* hybrid: BM25 + shared normalised citations + topic (+ embeddings when the extra and vectors are
  there), fused by reciprocal rank;
* BM25: tantivy on the comment's words alone;
* BM25+citation: the hybrid without topic (the topic signal uses the classifier (b) is scored
  with, so this column shows what (b) is without it);
* commonest: the same answer for every comment (the ``k`` commonest citations, the ``k``
  commonest topics, the commonest disposition).

Measured: (a) over comments that cite something, the share whose top ``k`` includes one with a
normalised citation in common; (b) over comments with a topic, the share whose top ``k``
includes one sharing a topic; (c) over comments whose answer has a disposition, how often the
majority disposition of the top ``k`` (ties to the better ranked) is that disposition. Then the
time to rank every comment of a letter, per letter (median and p95), against BM25 alone.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from tandy.corpus import Corpus
from tandy.corpus.precedent import SIGNALS, Precedent, PrecedentIndex, Query

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(SHARED / "corpus"), str(SHARED / "seed")])
    parser.add_argument("--db", help="an indexed corpus (default: index the paths into a temporary one)")
    parser.add_argument("--k", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db or str(Path(scratch) / "bench.db")
        with Corpus(db) as corpus:
            if not args.db:
                corpus.index(args.paths, embed=None)
            started = time.perf_counter()
            index = corpus.precedent_index()
            built = time.perf_counter() - started
            run(index, args.k, built)


def run(index: PrecedentIndex, k: int, built: float) -> None:
    comments = index.precedents
    signals = [s for s in SIGNALS if s != "meaning" or index.vectors]
    rankers = {"hybrid": signals, "BM25": ["text"], "BM25+citation": ["text", "citation"]}
    common = _commonest(comments, k)
    hits = {name: Counter() for name in [*rankers, "commonest"]}
    totals = Counter()
    per_letter = {name: Counter() for name in rankers}
    for number, p in enumerate(comments):
        query = Query(p.comment.comment, p.keys, p.topics, exclude_thread=p.thread, vector=_vector(index, p))
        for name, chosen in rankers.items():
            started = time.perf_counter()
            found = [m.precedent for m in index.rank(query, k, chosen)]
            per_letter[name][p.letter.id] += time.perf_counter() - started
            _score(hits[name], p, found)
        _score_common(hits["commonest"], p, common)
        totals["a"] += bool(p.citations)
        totals["b"] += bool(p.topics)
        totals["c"] += p.disposition is not None
    print(f"{len(comments)} comments ({totals['a']} citing, {totals['b']} with a topic, {totals['c']} with a disposition), "
          f"{len({p.thread for p in comments})} threads; signals: {', '.join(signals)}; top {k}; index built in {built:.2f} s")
    print()
    names = [*rankers, "commonest"]
    print(f"| measure | {' | '.join(names)} | n |")
    print("| --- |" + " --- |" * (len(names) + 1))
    labels = {"a": "(a) same citation in top k", "b": "(b) same topic in top k", "c": "(c) majority disposition right"}
    for key, label in labels.items():
        row = [f"{hits[name][key] / totals[key]:.1%}" if totals[key] else "-" for name in names]
        print(f"| {label} | {' | '.join(row)} | {totals[key]} |")
    print()
    for name, times in per_letter.items():
        values = sorted(times.values())
        p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
        print(f"{name}: {len(values)} letters, {statistics.median(values) * 1000:.1f} ms median, {p95 * 1000:.1f} ms p95 per letter")
    hybrid, bm25 = sum(per_letter["hybrid"].values()), sum(per_letter["BM25"].values())
    print(f"hybrid / BM25 time: {hybrid / bm25:.2f}x")


def _vector(index: PrecedentIndex, p: Precedent):
    return index.vectors.get(p.comment.id)


def _score(hits: Counter, p: Precedent, found: list[Precedent]) -> None:
    hits["a"] += bool(p.citations) and any(p.citations & f.citations for f in found)
    hits["b"] += bool(p.topics) and any(p.topics & f.topics for f in found)
    if p.disposition is not None:
        hits["c"] += _majority([f.disposition for f in found]) == p.disposition


def _score_common(hits: Counter, p: Precedent, common: dict) -> None:
    hits["a"] += bool(p.citations & common["citations"])
    hits["b"] += bool(p.topics & common["topics"])
    hits["c"] += p.disposition is not None and p.disposition == common["disposition"]


def _commonest(comments: list[Precedent], k: int) -> dict:
    citations = Counter(c for p in comments for c in p.citations)
    topics = Counter(t for p in comments for t in p.topics)
    dispositions = Counter(p.disposition for p in comments if p.disposition)
    return {
        "citations": {c for c, _ in citations.most_common(k)},
        "topics": {t for t, _ in topics.most_common(k)},
        "disposition": dispositions.most_common(1)[0][0] if dispositions else None,
    }


def _majority(dispositions: list[str | None]) -> str | None:
    """The commonest disposition of the list, ties to the one ranked first."""
    counts = Counter(d for d in dispositions if d)
    if not counts:
        return None
    best = max(counts.values())
    return next(d for d in dispositions if d and counts[d] == best)


if __name__ == "__main__":
    main()
