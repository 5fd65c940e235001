"""The corpus: many letters and proxy statements indexed once, then searched and grouped.

:class:`Corpus` is the whole API of ``tandy index`` and ``tandy search``::

    corpus = Corpus("tandy.db")
    corpus.index(["../shared/corpus"])          # incremental: unchanged files are skipped
    hits = corpus.search("Tandy language", kind="response")
    letters = list(corpus.letters())

Records live in SQLite (:mod:`tandy.corpus.store`); the text index beside it is derived
(:mod:`tandy.corpus.search`); per-file reading is the pure :func:`records_for`.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tandy.corpus import semantic
from tandy.corpus.index import IndexReport, expand, index_paths, records_for
from tandy.corpus.model import FileRecords, ItemRecord, LetterRecord, SearchHit, Thread
from tandy.corpus.precedent import Match, PrecedentIndex, Query, Summary, requirements, summarize
from tandy.corpus.records import normal_form
from tandy.corpus.search import Filters, FullText, FullTextMissing, SearchError, check_form, fulltext_path
from tandy.corpus.settings import EMBED_MODEL, INDEX, SEARCH
from tandy.corpus.store import Store
from tandy.errors import InputError
from tandy.letters.model import Item, Letter

if TYPE_CHECKING:
    from tandy.corpus.scale import DaskEngine


class Corpus:
    """An indexed corpus in one SQLite file (and its full-text folder beside it)."""

    def __init__(self, db: str | Path = "tandy.db", *, create: bool = True) -> None:
        """Open the corpus in ``db``. ``create=False`` is how every read opens it: read-only, and
        a missing one is an input error rather than a new empty corpus (searching a mistyped
        path should not make a file); its text index is opened, and checked, when first used.

        A writer finds a text index that is missing, unreadable or behind the records and
        rebuilds it from SQLite (``fulltext_rebuilt`` says so); a reader refuses it, saying how
        to rebuild it.
        """
        self.db_path = Path(db)
        self.readonly = not create
        self.fulltext_rebuilt = False
        self.store = Store(self.db_path, readonly=self.readonly)
        self._fulltext: FullText | None = None
        self._precedents: PrecedentIndex | None = None
        if not self.readonly:
            try:
                self._fulltext = self._writable_fulltext()
            except BaseException:
                self.store.close()
                raise

    @property
    def fulltext(self) -> FullText:
        if self._fulltext is None:
            self._fulltext = self._readable_fulltext()
        return self._fulltext

    def _readable_fulltext(self) -> FullText:
        rebuild = f"rebuild it with `tandy index --rebuild-fulltext --db {self.db_path}`"
        try:
            fulltext = FullText(fulltext_path(self.db_path), readonly=True)
            behind = fulltext.count() < self.store.fulltext_count()
        except FullTextMissing as exc:
            raise InputError(str(self.db_path), f"{exc}; {rebuild}") from None
        except ValueError as exc:
            raise InputError(str(self.db_path), f"its full-text index cannot be read ({exc}); {rebuild}") from None
        if behind:
            raise InputError(str(self.db_path), f"its full-text index lacks comments the database holds; {rebuild}")
        return fulltext

    def _writable_fulltext(self) -> FullText:
        path = fulltext_path(self.db_path)
        try:
            fulltext = FullText(path)
            if fulltext.count() >= self.store.fulltext_count():
                return fulltext
            fulltext.close()
        except ValueError:  # unreadable: derived data, remade from the records below
            pass
        return self._fresh_fulltext()

    def _fresh_fulltext(self) -> FullText:
        """An empty text index in place of the old one, every item queued to be added again."""
        path = fulltext_path(self.db_path)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
        self.store.reset_fulltext()
        self.fulltext_rebuilt = True
        return FullText(path)

    def rebuild_fulltext(self) -> int:
        """Remake the text index from SQLite (``tandy index --rebuild-fulltext``); returns items indexed."""
        if self.readonly:
            raise InputError(str(self.db_path), "opened read-only; the full-text index is rebuilt by `tandy index`")
        self._fulltext.close()
        self._fulltext = self._fresh_fulltext()
        added = self._fulltext.sync(self.store)
        self._fulltext.close()
        return added

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._fulltext is not None:
            self._fulltext.close()
        self.store.close()

    # --- indexing -----------------------------------------------------------------------------

    def index(
        self,
        paths: Iterable[str],
        *,
        embed: bool | None = None,
        on_start: Callable[[int], None] | None = None,
        on_file: Callable[[str], None] | None = None,
        max_bytes: int | None = None,
        engine: DaskEngine | None = None,
    ) -> IndexReport:
        """Index files, folders and globs: new and changed files read, unchanged ones skipped.

        Each file commits on its own, so an interrupted run keeps what it finished. ``embed``:
        True computes vectors for ``--similar`` (an error without the extra), False never, None
        when the ``[semantic]`` extra is installed. ``engine``: a :class:`~tandy.corpus.scale.DaskEngine`
        reads the files on a Dask cluster and loads them a batch per transaction; None reads them here.
        """
        files = expand(paths)
        if on_start:
            on_start(len(files))
        self.fulltext.sync(self.store)  # repairs what an interrupted run left pending
        written = 0

        def write(records: FileRecords) -> None:
            nonlocal written
            self.store.write([records])
            written += 1
            if written % INDEX.fulltext_every == 0:
                self.fulltext.sync(self.store)

        if engine is not None:
            report = engine.index(self, files, on_file=on_file, max_bytes=max_bytes)
        else:
            report = index_paths(files, self.store.recorded(), write, on_file=on_file, max_bytes=max_bytes)
        self._settle()
        if embed or (embed is None and semantic.available()):
            report.embedded = self.embed()
        return report

    def load(self, batches: Iterable[Iterable[FileRecords]]) -> int:
        """Write records read elsewhere (:func:`records_for` on workers), one transaction a batch."""
        written = sum(self.store.write(batch) for batch in batches)
        self._settle()
        return written

    def _settle(self) -> None:
        """Bring what is derived from the records up to date: the text index, then the threads."""
        self.fulltext.sync(self.store)
        self.fulltext.close()
        if self.store.threads_stale():
            self.rebuild_threads()

    def rebuild_threads(self) -> None:
        """Group every letter into its review thread and store the grouping for searches.

        Built without items (reissued comments need them, a hit's CIK and status do not), so it
        stays fast on a large corpus; ``threads()`` gives the full summaries.
        """
        try:
            built = self.threads(with_items=False)
        except ImportError:  # thread building not installed: hits carry no thread
            return
        self.store.replace_threads(built)

    def embed(self, on_batch: Callable[[int], None] | None = None) -> int:
        """Compute and store vectors for every item that has none; returns how many."""
        done = 0
        while batch := self.store.unembedded(EMBED_MODEL, INDEX.embed_batch):
            vectors = semantic.embed([comment for _, comment in batch])
            self.store.put_embeddings(EMBED_MODEL, [(i, semantic.to_blob(v)) for (i, _), v in zip(batch, vectors)])
            done += len(batch)
            if on_batch:
                on_batch(len(batch))
        return done

    # --- records ------------------------------------------------------------------------------

    def letters(self) -> Iterator[LetterRecord]:
        return self.store.letters()

    def items(self, letter_id: int | None = None) -> Iterator[ItemRecord]:
        return self.store.items(letter_id=letter_id)

    def threads(self, letters: Iterable[LetterRecord] | None = None, *, with_items: bool = True) -> list[Thread]:
        """Review threads of all letters (or of the letters given).

        ``with_items`` gives the thread builder each letter's comments, for comments per round and
        reissued comments; without them a thread still has its letters, rounds and status.
        """
        from tandy.corpus.threads import build_threads

        chosen = list(self.letters() if letters is None else letters)
        if not with_items:
            return build_threads(chosen)
        items: dict[int, list[ItemRecord]] = {}
        for item in self.store.items() if letters is None else self._items_of(chosen):
            items.setdefault(item.letter_id, []).append(item)
        return build_threads(chosen, items)

    def errors(self) -> list[tuple[str, str]]:
        """(path, problem) of every file recorded as unreadable."""
        return self.store.errors()

    def counts(self) -> dict[str, int]:
        return self.store.counts()

    def check(self) -> dict[str, list]:
        """What would make the index inconsistent, each list empty when it is sound.

        ``duplicate_paths``: a file recorded twice; ``missing_text``: items the text index lacks;
        ``stray_text``: text entries with no item; ``double_text``: items indexed twice.
        """
        item_ids = [i for (i,) in self.store.db.execute("select id from items")]
        text_ids = self.fulltext.item_ids()
        seen: set[int] = set()
        double = sorted({i for i in text_ids if i in seen or seen.add(i)})
        dupes = [p for (p,) in self.store.db.execute("select path from files group by path having count(*) > 1")]
        return {
            "duplicate_paths": dupes,
            "missing_text": sorted(set(item_ids) - set(text_ids)),
            "stray_text": sorted(set(text_ids) - set(item_ids)),
            "double_text": double,
        }

    # --- search -------------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        citation: str | None = None,
        form: str | None = None,
        kind: str | None = None,
        company: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = SEARCH.limit,
    ) -> list[SearchHit]:
        """Comments (with their responses) matching every word of ``query``, best first."""
        if form:
            check_form(form, self.forms())
        filters = Filters(citation=citation, form=form, kind=kind, company=company, since=since, until=until)
        ranked = self.fulltext.search(query, filters, limit)
        return self._hits(ranked, self.fulltext.highlighter(query))

    def forms(self) -> set[str]:
        """Every form the letters are about or were filed as, normalised as ``--form`` compares them."""
        rows = self.store.db.execute("select form_reviewed, edgar_form from letters")
        return {normal_form(f) for row in rows for f in row if normal_form(f)}

    def similar(self, text: str, *, limit: int = SEARCH.limit) -> list[SearchHit]:
        """Comments closest in meaning to ``text`` (needs the ``[semantic]`` extra and ``index --embed``)."""
        ids, blobs = [], []
        for item_id, blob in self.store.embeddings(EMBED_MODEL):
            ids.append(item_id)
            blobs.append(blob)
        if not ids:
            raise SearchError("no embeddings in this index: run `tandy index --embed` with the [semantic] extra")
        ranked = semantic.nearest(semantic.embed([text])[0], ids, blobs, limit)
        return self._hits(ranked, lambda item: _preview(item.comment))

    # --- precedent ----------------------------------------------------------------------------

    def precedent_index(self) -> PrecedentIndex:
        """Every comment of the corpus once, with its answer and outcome (built once per Corpus)."""
        if self._precedents is None:
            letters = list(self.store.letters())
            items = list(self.store.items())
            vectors = self._vectors() if semantic.available() else {}
            self._precedents = PrecedentIndex(letters, items, self.threads(letters), self.fulltext.resembling, vectors)
        return self._precedents

    def precedents(self, letter: Letter | str, *, k: int = 5, any_date: bool = False) -> list[CommentPrecedents]:
        """For each comment of a staff letter (or of a response's restated comments), the ``k``
        earlier comments most like it, best first, with a summary of how they were answered.

        The letter's own review never counts (found by the letter's hash when it is indexed, else
        by its CIK and form under review); nor, unless ``any_date``, anything dated after it.
        """
        from tandy.corpus.index import citation_record

        if isinstance(letter, str):
            from tandy.letters import read_letter

            letter = read_letter(letter)
        index = self.precedent_index()
        thread = self._thread_of(letter, index)
        vectors = semantic.embed([i.comment for i in letter.items]) if index.vectors and letter.items else None
        found = []
        for position, item in enumerate(letter.items):
            query = Query.of(
                item.comment,
                [citation_record(c) for c in item.citations],
                exclude_thread=thread,
                before=None if any_date else letter.date,
                vector=vectors[position] if vectors is not None else None,
            )
            matches = index.rank(query, k)
            found.append(CommentPrecedents(item, matches, summarize(matches)))
        return found

    def requirement_precedents(self, text: str, citation: str | None, *, k: int = 3) -> list[Match]:
        """Past staff comments on the requirement a finding rests on: ranked like any precedent by
        the finding's wording, kept only when they cite the same item or rule (Item 407 of
        Regulation S-K for "Item 407(c)(2)(vii)"); a finding citing nothing the parser reads gets none."""
        from tandy.corpus.index import citation_record
        from tandy.letters.citations import find_citations

        cited = [citation_record(c) for c in find_citations(citation or "")]
        wanted = requirements(cited)
        if not wanted:
            return []
        index = self.precedent_index()
        ranked = index.rank(Query.of(text, cited), k * 10, ("citation", "text", "topic", "meaning"))
        return [m for m in ranked if wanted & m.precedent.requirements][:k]

    def similar_comments(self, text: str, *, k: int = 3) -> list[Match]:
        """Past staff comments most like a passage of a draft (a section: its heading and words),
        by words, topic and meaning: what staff tend to ask of such a section."""
        index = self.precedent_index()
        vector = semantic.embed([text])[0] if index.vectors else None
        return index.rank(Query.of(text, [], vector=vector), k, ("text", "topic", "meaning"))

    def _thread_of(self, letter: Letter, index: PrecedentIndex) -> int | None:
        row = self.store.db.execute("select id from letters where sha256 = ?", (letter.sha256,)).fetchone()
        if row and row[0] in index.thread_of_letter:
            return index.thread_of_letter[row[0]]
        cik, form = letter.subject_filing.cik, normal_form(letter.subject_filing.form)
        if not cik:
            return None
        for p in index.precedents:
            same_form = form is None or normal_form(p.letter.form_reviewed) in (None, form)
            if p.letter.cik == cik and same_form and _near(p.letter.date, letter.date):
                return p.thread
        return None

    def _vectors(self) -> dict:
        import numpy as np

        return {item_id: np.frombuffer(blob, dtype=np.float32) for item_id, blob in self.store.embeddings(EMBED_MODEL)}

    def _hits(self, ranked: list[tuple[float, int]], highlight: Callable[[ItemRecord], str]) -> list[SearchHit]:
        items = {item.id: item for item in self.store.items(ids=[i for _, i in ranked])}
        letters = {letter.id: letter for letter in self.store.letters(ids={i.letter_id for i in items.values()})}
        threads = self.store.threads_of(letters)
        hits = []
        for score, item_id in ranked:
            item = items.get(item_id)
            if item is None:  # removed since the text index last synced
                continue
            letter = letters[item.letter_id]
            hits.append(SearchHit(score, item, letter, highlight(item), threads.get(letter.id)))
        return hits

    def _items_of(self, letters: list[LetterRecord]) -> Iterator[ItemRecord]:
        for letter in letters:
            yield from self.store.items(letter_id=letter.id)


@dataclass(slots=True)
class CommentPrecedents:
    """One comment of a letter and the precedents found for it."""

    item: Item
    matches: list[Match]
    summary: Summary


def _near(first: str | None, second: str | None, days: int = 180) -> bool:
    from datetime import date

    if not first or not second:
        return True
    return abs((date.fromisoformat(first) - date.fromisoformat(second)).days) <= days


def _preview(text: str) -> str:
    limit = SEARCH.snippet_chars
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["CommentPrecedents", "Corpus", "FileRecords", "IndexReport", "SearchError", "records_for"]
