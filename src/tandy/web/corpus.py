"""The corpus as the pages read it: searches on the index, threads and statistics from its records.

Searches go through :class:`tandy.Corpus` opened as the CLI opens it (``create=False``), one per
server thread, so concurrent requests share nothing but the files. Threads and statistics need every letter and
item; they are built once and kept until the database file changes (a new ``tandy index`` run).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from tandy.corpus.model import ItemRecord, LetterRecord, SearchHit, Thread


@dataclass(slots=True)
class Snapshot:
    """Every letter, item and thread of the database as it was at ``stamp``."""

    stamp: tuple
    letters: dict[int, LetterRecord]
    items: dict[int, list[ItemRecord]]
    threads: list[Thread]


class CorpusReader:
    """Read access to one corpus database for the web pages."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()
        self._stats = None
        self._local = threading.local()
        self._all: list = []

    def search(self, query: str, limit: int, **filters: str | None) -> list[SearchHit]:
        return self._opened().search(query, limit=limit, **filters)

    def _opened(self):
        """This thread's open corpus: an SQLite connection belongs to the thread that opened it,
        and opening one a request costs more than the search itself."""
        from tandy.corpus import Corpus

        corpus = getattr(self._local, "corpus", None)
        if corpus is None:
            corpus = self._local.corpus = Corpus(self.db, create=False)
            with self._lock:
                self._all.append(corpus)
        return corpus

    def close(self) -> None:
        """Close every thread's corpus (at shutdown, when no request runs any more)."""
        with self._lock:
            for corpus in self._all:
                try:
                    corpus.close()
                except Exception:  # closing a connection from another thread: best effort at exit
                    pass
            self._all.clear()

    def snapshot(self) -> Snapshot:
        stamp = self._stamp()
        with self._lock:
            if self._snapshot is None or self._snapshot.stamp != stamp:
                self._snapshot = self._load(stamp)
                self._stats = None
            return self._snapshot

    def stats(self):
        from tandy.corpus.stats import corpus_stats

        snap = self.snapshot()
        with self._lock:
            if self._stats is None:
                self._stats = corpus_stats(list(snap.letters.values()), snap.items, snap.threads)
            return self._stats

    def thread_of(self, letter_id: int) -> Thread | None:
        return next((t for t in self.snapshot().threads if any(l.id == letter_id for l in t.letters)), None)

    def _stamp(self) -> tuple:
        stamps = []
        for path in (self.db, self.db.with_name(self.db.name + "-wal")):
            try:
                stat = path.stat()
                stamps.append((stat.st_mtime_ns, stat.st_size))
            except FileNotFoundError:
                stamps.append(None)
        return tuple(stamps)

    def _load(self, stamp: tuple) -> Snapshot:
        from tandy.corpus import Corpus
        from tandy.corpus.threads import build_threads

        with Corpus(self.db, create=False) as corpus:
            letters = list(corpus.letters())
            items: dict[int, list[ItemRecord]] = {}
            for item in corpus.items():
                items.setdefault(item.letter_id, []).append(item)
        return Snapshot(stamp, {l.id: l for l in letters}, items, build_threads(letters, items))
