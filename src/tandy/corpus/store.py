"""The corpus on disk: one SQLite file, written one file's records per transaction.

SQLite needs no server; a reader (``tandy search``) opens the file read-only and waits at most a
commit's length for a writer (``tandy index``). Every file's records go in (and its old records
out) in one transaction, so a run killed at any moment leaves each file either wholly indexed or
not at all, and the next run picks up where it stopped: a file is skipped when its sha256 is
already recorded.

The full-text index (:mod:`tandy.corpus.search`) lives beside this file and is derived from it:
items carry ``fulltext = 0`` until the full-text index has committed them, and removed items are
queued in ``fulltext_deletes`` in the same transaction that removes them. Item ids are
AUTOINCREMENT, never reused, so a full-text entry that outlives its item can never point at
another one.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from tandy.corpus.model import (
    CitationRecord,
    FileRecords,
    ItemRecord,
    LetterRecord,
    LocationRecord,
    Thread,
)
from tandy.corpus.settings import INDEX
from tandy.errors import InputError
from tandy.files import default_mode

SCHEMA_VERSION = 1

JOURNAL_MODE = "delete"
"""SQLite's rollback journal, not WAL: a WAL database makes even a read-only reader create its
``-wal`` and ``-shm`` files beside it, and a read command must leave the folder as it found it.
Readers wait out a writer's commit (milliseconds, within the busy timeout); a store made in WAL
mode by an earlier tandy is switched back at its next ``index``."""

SCHEMA = """
begin;
create table if not exists meta (key text primary key, value text);
create table if not exists files (
    id integer primary key autoincrement,
    path text not null unique,
    sha256 text not null,
    size integer not null,
    status text not null check (status in ('ok', 'error')),
    error text,
    indexed_at text not null
);
create table if not exists filings (
    file_id integer primary key references files(id) on delete cascade,
    accession text, form text, filed text, period text, filers text
);
create table if not exists documents (
    file_id integer not null references files(id) on delete cascade,
    sequence integer, type text, filename text, description text, format text,
    text_chars integer, pages integer
);
create table if not exists letters (
    id integer primary key autoincrement,
    file_id integer not null unique references files(id) on delete cascade,
    path text not null, sha256 text not null, kind text not null, date text, registrant text,
    cik text, file_numbers text, form_reviewed text, subject_filed text, response_dated text,
    sender text, edgar_form text, accession text, tandy integer, items integer,
    no_review integer, letters_cited text
);
create index if not exists letters_cik on letters(cik);
create table if not exists items (
    id integer primary key autoincrement,
    letter_id integer not null references letters(id) on delete cascade,
    position integer not null,
    number integer, heading text, comment text not null, response text, disposition text,
    pages text, response_pages text, citations text, refers_to text,
    page text, line integer, start integer, "end" integer,
    fulltext integer not null default 0
);
create index if not exists items_letter on items(letter_id);
create index if not exists items_pending on items(fulltext) where fulltext = 0;
create table if not exists citations (
    item_id integer not null references items(id) on delete cascade,
    text text not null, kind text not null, regulation text, number text, paragraph text,
    act text, form text
);
create index if not exists citations_item on citations(item_id);
create index if not exists citations_number on citations(number, paragraph);
create table if not exists proxies (
    id integer primary key autoincrement,
    file_id integer not null unique references files(id) on delete cascade,
    registrant text, form text, filed text, investment_company integer, meeting_date text,
    record_date text, board_meetings integer, auditor text, fund_complex_overseen integer
);
create table if not exists people (
    proxy_id integer not null references proxies(id) on delete cascade,
    name text not null, age integer, birth_year integer, roles text, interested integer,
    positions text, term text, occupation text, portfolios_overseen integer,
    other_directorships text, page text, line integer, start integer, "end" integer
);
create index if not exists people_proxy on people(proxy_id);
create table if not exists committees (
    proxy_id integer not null references proxies(id) on delete cascade,
    name text not null, members text, meetings integer, period_end text,
    page text, line integer, start integer, "end" integer
);
-- The review's findings on each file: the default rule set, run at index time.
create table if not exists findings (
    file_id integer not null references files(id) on delete cascade,
    rule text not null, name text, severity text, citation text, message text,
    page text, line integer, start integer, "end" integer
);
create table if not exists fulltext_deletes (item_id integer primary key);
create table if not exists embeddings (
    item_id integer primary key references items(id) on delete cascade,
    model text not null,
    vector blob not null
);
-- Review threads as last built from all letters (tandy.corpus.threads); rebuilt after any run that
-- changed letters (meta 'threads_stale'), so a search finds a hit's thread without building any.
create table if not exists threads (
    id integer primary key, registrant text, cik text, file_numbers text, form_reviewed text,
    status text not null, rounds integer, first_date text, last_date text, days integer
);
create table if not exists thread_letters (
    letter_id integer primary key references letters(id) on delete cascade,
    thread_id integer not null references threads(id) on delete cascade
);
create trigger if not exists items_deleted after delete on items begin
    insert or ignore into fulltext_deletes(item_id) values (old.id);
end;
commit;
"""

_LETTER_COLUMNS = (
    "id, path, sha256, kind, date, registrant, cik, file_numbers, form_reviewed, subject_filed, "
    "response_dated, sender, edgar_form, accession, tandy, items, no_review, letters_cited"
)
_ITEM_COLUMNS = (
    'id, letter_id, number, heading, comment, response, disposition, pages, citations, refers_to, '
    'response_pages, page, line, start, "end"'
)


class Store:
    """The SQLite file of a corpus: schema, transactions, and the rows read back as records.

    ``readonly`` (every command but ``index``) opens the file with SQLite's ``mode=ro``, so a
    read can never change it. Either way the file must be a tandy corpus (its ``meta`` table says
    so, with this schema version) before anything else is done with it: the schema is only ever
    written into a database tandy itself created, which it does beside the target and links into
    place whole. A writer holds an exclusive lock on the file, so a second ``index`` on the same
    corpus is refused at once instead of failing half-way on the full-text writer's lock.
    """

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._lock: int | None = None
        if _existing_file(self.path, readonly):
            _check_file(self.path)
        else:
            _create(self.path)
        self.db = _connect(self.path, readonly)
        try:
            if not readonly:
                self._lock = _lock_for_writing(self.path)
                self.db.execute(f"pragma journal_mode = {JOURNAL_MODE}")
                self.db.execute("pragma synchronous = normal")
                self.db.executescript(SCHEMA)
            self.db.execute("pragma foreign_keys = on")
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if getattr(self, "db", None) is not None:
            self.db.close()
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    # --- writing -----------------------------------------------------------------------------

    def write(self, batch: Iterable[FileRecords]) -> int:
        """Record a batch of files in one transaction, each replacing what its path held before.

        Returns the number of files written. A batch of one is the resumable unit of ``index``;
        larger batches are for bulk loads (a Dask run hands over a partition at a time).
        """
        count = 0
        self.db.execute("begin immediate")
        try:
            for records in batch:
                self._replace(records)
                count += 1
            self.db.execute("commit")
        except BaseException:
            self.db.execute("rollback")
            raise
        return count

    def _replace(self, records: FileRecords) -> None:
        self.db.execute("insert or replace into meta values ('threads_stale', '1')")
        self.db.execute("delete from files where path = ?", (records.path,))
        file_id = self.db.execute(
            "insert into files (path, sha256, size, status, error, indexed_at) values (?, ?, ?, ?, ?, ?)",
            (records.path, records.sha256, records.size, "error" if records.error else "ok", records.error, _now()),
        ).lastrowid
        if records.filing:
            f = records.filing
            self.db.execute(
                "insert into filings values (?, ?, ?, ?, ?, ?)",
                (file_id, f.accession, f.form, f.filed, f.period, json.dumps(f.filers)),
            )
        self.db.executemany(
            "insert into documents values (?, ?, ?, ?, ?, ?, ?, ?)",
            [(file_id, d.sequence, d.type, d.filename, d.description, d.format, d.text_chars, d.pages) for d in records.documents],
        )
        if records.letter:
            self._insert_letter(file_id, records.letter, records.items)
        if records.proxy:
            self._insert_proxy(file_id, records)
        self.db.executemany(
            'insert into findings (file_id, rule, name, severity, citation, message, page, line, start, "end") '
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (file_id, f.rule, f.name, f.severity, f.citation, f.message, *_location_row(f.location))
                for f in records.findings
            ],
        )

    def _insert_letter(self, file_id: int, letter: LetterRecord, items: list[ItemRecord]) -> None:
        letter.id = self.db.execute(
            "insert into letters (file_id, path, sha256, kind, date, registrant, cik, file_numbers, form_reviewed, "
            "subject_filed, response_dated, sender, edgar_form, accession, tandy, items, no_review, letters_cited) "
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                file_id, letter.path, letter.sha256, letter.kind, letter.date, letter.registrant, letter.cik,
                json.dumps(letter.file_numbers), letter.form_reviewed, letter.subject_filed, letter.response_dated,
                letter.sender, letter.edgar_form, letter.accession, int(letter.tandy), len(items),
                int(letter.no_review), json.dumps(letter.letters_cited),
            ),
        ).lastrowid
        for position, item in enumerate(items):
            item.letter_id = letter.id
            loc = item.location or LocationRecord(None, None, None, None)
            item.id = self.db.execute(
                "insert into items (letter_id, position, number, heading, comment, response, disposition, pages, "
                'response_pages, citations, refers_to, page, line, start, "end") '
                "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    letter.id, position, item.number, item.heading, item.comment, item.response, item.disposition,
                    json.dumps(item.pages), json.dumps(item.response_pages), json.dumps(item.citations),
                    json.dumps(item.refers_to), loc.page, loc.line, loc.start, loc.end,
                ),
            ).lastrowid
            self.db.executemany(
                "insert into citations values (?, ?, ?, ?, ?, ?, ?, ?)",
                [(item.id, c.text, c.kind, c.regulation, c.number, c.paragraph, c.act, c.form) for c in item.cited],
            )

    def _insert_proxy(self, file_id: int, records: FileRecords) -> None:
        p = records.proxy
        proxy_id = self.db.execute(
            "insert into proxies (file_id, registrant, form, filed, investment_company, meeting_date, record_date, "
            "board_meetings, auditor, fund_complex_overseen) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                file_id, p.registrant, p.form, p.filed, int(p.investment_company), p.meeting_date, p.record_date,
                p.board_meetings, p.auditor, p.fund_complex_overseen,
            ),
        ).lastrowid
        self.db.executemany(
            "insert into people values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    proxy_id, x.name, x.age, x.birth_year, json.dumps(x.roles),
                    None if x.interested is None else int(x.interested), x.positions, x.term, x.occupation,
                    x.portfolios_overseen, x.other_directorships, *_location_row(x.location),
                )
                for x in p.people
            ],
        )
        self.db.executemany(
            "insert into committees values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (proxy_id, c.name, json.dumps(c.members), c.meetings, c.period_end, *_location_row(c.location))
                for c in p.committees
            ],
        )

    # --- what is recorded ------------------------------------------------------------------

    def recorded(self) -> dict[str, tuple[str, str]]:
        """Path -> (sha256, status) of every file recorded, for deciding what to skip."""
        return {path: (sha, status) for path, sha, status in self.db.execute("select path, sha256, status from files")}

    def errors(self) -> list[tuple[str, str]]:
        """(path, problem) of every file that could not be read, in path order."""
        return list(self.db.execute("select path, error from files where status = 'error' order by path"))

    def counts(self) -> dict[str, int]:
        """Rows per table: what a run added up to."""
        tables = (
            "files", "letters", "items", "citations", "proxies", "people", "committees", "findings", "embeddings", "threads",
        )
        return {t: self.db.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}

    # --- reading records -------------------------------------------------------------------

    def letters(
        self,
        ids: Iterable[int] | None = None,
        ciks: Iterable[str] | None = None,
        registrants: Iterable[str] | None = None,
    ) -> Iterator[LetterRecord]:
        """Letters in path order: all, or those with the given ids, CIKs or registrant names."""
        sql, args = f"select {_LETTER_COLUMNS} from letters", ()
        for column, values in (("id", ids), ("cik", ciks), ("registrant", registrants)):
            if values is not None:
                args = tuple(values)
                sql += f" where {column} in ({_marks(args)})"
                break
        for row in self.db.execute(sql + " order by path", args):
            yield _letter(row)

    def items(self, letter_id: int | None = None, ids: Iterable[int] | None = None) -> Iterator[ItemRecord]:
        """Items in letter order, all, one letter's, or those with the given ids."""
        sql, args = f"select {_ITEM_COLUMNS} from items", ()
        if letter_id is not None:
            sql, args = sql + " where letter_id = ?", (letter_id,)
        elif ids is not None:
            args = tuple(ids)
            sql += f" where id in ({_marks(args)})"
        rows = list(self.db.execute(sql + " order by letter_id, position", args))
        cited = self._citations([row[0] for row in rows]) if rows else {}
        for row in rows:
            item = _item(row)
            item.cited = cited.get(item.id, [])
            yield item

    def _citations(self, item_ids: list[int]) -> dict[int, list[CitationRecord]]:
        found: dict[int, list[CitationRecord]] = {}
        for start in range(0, len(item_ids), 900):
            chunk = item_ids[start : start + 900]
            for row in self.db.execute(
                f"select item_id, text, kind, regulation, number, paragraph, act, form from citations "
                f"where item_id in ({_marks(chunk)})",
                chunk,
            ):
                found.setdefault(row[0], []).append(CitationRecord(*row[1:]))
        return found

    # --- full-text bookkeeping -------------------------------------------------------------

    def pending_fulltext(self, limit: int) -> list[tuple[ItemRecord, LetterRecord]]:
        """Items not yet in the full-text index, with their letters (the index filters on both)."""
        ids = [r[0] for r in self.db.execute("select id from items where fulltext = 0 order by id limit ?", (limit,))]
        items = list(self.items(ids=ids))
        letters = {letter.id: letter for letter in self.letters(ids={i.letter_id for i in items})}
        return [(item, letters[item.letter_id]) for item in items]

    def fulltext_deletes(self) -> list[int]:
        return [r[0] for r in self.db.execute("select item_id from fulltext_deletes")]

    def fulltext_done(self, added: list[int], deleted: list[int]) -> None:
        """After the full-text index committed: mark what it now holds, forget applied deletions."""
        self.db.execute("begin immediate")
        for start in range(0, max(len(added), len(deleted)), 900):
            a, d = added[start : start + 900], deleted[start : start + 900]
            self.db.execute(f"update items set fulltext = 1 where id in ({_marks(a)})", a)
            self.db.execute(f"delete from fulltext_deletes where item_id in ({_marks(d)})", d)
        self.db.execute("commit")

    def fulltext_count(self) -> int:
        """Items the text index should hold: those marked as committed to it."""
        return self.db.execute("select count(*) from items where fulltext = 1").fetchone()[0]

    def reset_fulltext(self) -> None:
        """Queue every item for a new, empty text index (and forget deletions it no longer needs)."""
        self.db.execute("begin immediate")
        self.db.execute("update items set fulltext = 0 where fulltext = 1")
        self.db.execute("delete from fulltext_deletes")
        self.db.execute("commit")

    def pending_count(self) -> int:
        return self.db.execute("select count(*) from items where fulltext = 0").fetchone()[0]

    # --- threads ------------------------------------------------------------------------------

    def threads_stale(self) -> bool:
        row = self.db.execute("select value from meta where key = 'threads_stale'").fetchone()
        return bool(row and row[0] == "1")

    def replace_threads(self, threads: list[Thread]) -> None:
        """Store the threads just built from every letter, in place of the last ones, in one transaction."""
        self.db.execute("begin immediate")
        try:
            self.db.execute("delete from thread_letters")
            self.db.execute("delete from threads")
            for n, t in enumerate(threads, start=1):
                self.db.execute(
                    "insert into threads values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (n, t.registrant, t.cik, json.dumps(t.file_numbers), t.form_reviewed, t.status, t.rounds,
                     t.first_date, t.last_date, t.days),
                )
                self.db.executemany("insert or replace into thread_letters values (?, ?)", [(l.id, n) for l in t.letters])
            self.db.execute("insert or replace into meta values ('threads_stale', '0')")
            self.db.execute("commit")
        except BaseException:
            self.db.execute("rollback")
            raise

    def threads_of(self, letter_ids: Iterable[int]) -> dict[int, Thread]:
        """The stored thread of each letter (without its letters: a hit needs its CIK and status)."""
        ids = tuple(letter_ids)
        rows = self.db.execute(
            "select tl.letter_id, t.registrant, t.cik, t.file_numbers, t.form_reviewed, t.status, t.rounds, "
            f"t.first_date, t.last_date, t.days from thread_letters tl join threads t on t.id = tl.thread_id "
            f"where tl.letter_id in ({_marks(ids)})",
            ids,
        )
        return {
            letter_id: Thread(registrant, cik, json.loads(numbers), form, status, [], rounds, first, last, days)
            for letter_id, registrant, cik, numbers, form, status, rounds, first, last, days in rows
        }

    # --- embeddings ---------------------------------------------------------------------------

    def unembedded(self, model: str, limit: int) -> list[tuple[int, str]]:
        """(item id, comment) of items with no vector from ``model`` yet."""
        return list(
            self.db.execute(
                "select i.id, i.comment from items i left join embeddings e on e.item_id = i.id and e.model = ? "
                "where e.item_id is null order by i.id limit ?",
                (model, limit),
            )
        )

    def put_embeddings(self, model: str, vectors: list[tuple[int, bytes]]) -> None:
        self.db.execute("begin immediate")
        self.db.executemany("insert or replace into embeddings values (?, ?, ?)", [(i, model, v) for i, v in vectors])
        self.db.execute("commit")

    def embeddings(self, model: str) -> Iterator[tuple[int, bytes]]:
        yield from self.db.execute("select item_id, vector from embeddings where model = ? order by item_id", (model,))


def check_tandy_store(db: sqlite3.Connection, path: Path) -> None:
    """Refuse, on one line, a file that is not a corpus this tandy reads: not SQLite, damaged,
    another program's database, or a tandy schema of another version."""
    what = f"not a tandy corpus database; `tandy index PATH... --db {path}` builds one in a new file"
    try:
        row = db.execute("select value from meta where key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise InputError(str(path), f"{what} ({exc})") from None
    if row is None:
        raise InputError(str(path), what)
    if row[0] != str(SCHEMA_VERSION):
        raise InputError(str(path), f"a tandy corpus of schema version {row[0]}; this tandy reads version {SCHEMA_VERSION}")


@contextmanager
def store_errors(path: str | Path) -> Iterator[None]:
    """A fault met while reading or writing the corpus, as one input error naming the database.

    SQLite reports a damaged file only when the damaged page is read, so any query may meet it;
    a full or read-only disk shows up at the first write.
    """
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise InputError(str(path), f"damaged or unwritable corpus database ({exc})") from None


def _check_file(path: Path) -> None:
    """Refuse what is not a whole tandy store before SQLite opens it for real.

    The header (100 bytes, read here) says whether it is SQLite at all and how many pages it has,
    which a truncated copy lacks; the schema version is then read through an ``immutable``
    connection, which never creates a journal, ``-wal`` or ``-shm`` file beside a foreign file.
    """
    what = f"not a tandy corpus database; `tandy index PATH... --db {path}` builds one in a new file"
    try:
        with open(path, "rb") as f:
            header = f.read(100)
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise InputError(str(path), f"{what} (not an SQLite file)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if pages and page_size and size < pages * page_size:
        raise InputError(str(path), f"truncated: {size:,} bytes where its header promises {pages * page_size:,}")
    uri = f"file:{quote(str(path.absolute()))}?mode=ro&immutable=1"
    try:
        db = sqlite3.connect(uri, uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise InputError(str(path), f"cannot be opened ({exc})") from None
    try:
        check_tandy_store(db, path)
    finally:
        db.close()


def _existing_file(path: Path, readonly: bool) -> bool:
    """Whether ``path`` is a file to open (True) or a new corpus to create (False); anything else
    is an input error: a folder, a device, a missing folder, an empty file tandy did not make."""
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise InputError(str(path), f"cannot be opened ({exc.strerror or exc})") from None
    if info is None:
        if readonly:
            raise InputError(str(path), f"no corpus database; build one with `tandy index PATH... --db {path}`")
        parent = path.parent
        if not parent.is_dir():
            raise InputError(str(path), f"the folder {parent} does not exist")
        return False
    if stat.S_ISDIR(info.st_mode):
        raise InputError(str(path), "is a folder, not a corpus database")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(str(path), "not a regular file, so not a corpus database")
    if info.st_size == 0:
        raise InputError(str(path), "is an empty file, not a tandy corpus database (tandy writes only into a database it created)")
    return True


def _create(path: Path) -> None:
    """A new, empty corpus at ``path``, made whole beside it and linked into place (never over a
    file that appeared meanwhile: then that file is opened, and checked, instead)."""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    except OSError as exc:
        raise InputError(str(path), f"cannot be created ({exc.strerror or exc})") from None
    os.close(handle)
    os.unlink(temporary)  # SQLite makes the file itself; the name was only reserved
    try:
        db = sqlite3.connect(temporary, isolation_level=None)
        try:
            db.execute(f"pragma journal_mode = {JOURNAL_MODE}")
            db.executescript(SCHEMA)
            db.execute("insert into meta values ('schema_version', ?)", (str(SCHEMA_VERSION),))
        finally:
            db.close()
        os.chmod(temporary, default_mode())
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
    except sqlite3.Error as exc:
        raise InputError(str(path), f"cannot be created ({exc})") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot be created ({exc.strerror or exc})") from None
    finally:
        for leftover in (temporary, f"{temporary}-wal", f"{temporary}-shm"):
            Path(leftover).unlink(missing_ok=True)


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    uri = f"file:{quote(str(path.absolute()))}?mode={'ro' if readonly else 'rw'}"
    try:
        return sqlite3.connect(uri, uri=True, timeout=INDEX.busy_timeout_ms / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise InputError(str(path), f"cannot be opened ({exc})") from None


def _lock_for_writing(path: Path) -> int:
    """An exclusive lock on the database file for this writer's lifetime (``flock``, which SQLite's
    own byte-range locks do not touch); a second writer is refused, never left to crash later."""
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise InputError(str(path), "another `tandy index` is writing to this corpus; run again when it has finished") from None
    return fd


def _letter(row: tuple) -> LetterRecord:
    (id_, path, sha, kind, date, registrant, cik, file_numbers, form, filed, dated, sender, edgar_form,
     accession, tandy, items, no_review, letters_cited) = row
    return LetterRecord(
        path=path, sha256=sha, kind=kind, date=date, registrant=registrant, cik=cik,
        file_numbers=json.loads(file_numbers or "[]"), form_reviewed=form, subject_filed=filed,
        response_dated=dated, sender=sender, edgar_form=edgar_form, accession=accession,
        tandy=bool(tandy), items=items, id=id_, no_review=bool(no_review),
        letters_cited=json.loads(letters_cited or "[]"),
    )


def _item(row: tuple) -> ItemRecord:
    (id_, letter_id, number, heading, comment, response, disposition, pages, citations, refers_to,
     response_pages, page, line, start, end) = row
    return ItemRecord(
        letter_id=letter_id, number=number, heading=heading, comment=comment, response=response,
        disposition=disposition, pages=json.loads(pages), citations=json.loads(citations),
        refers_to=json.loads(refers_to), id=id_, response_pages=json.loads(response_pages),
        location=LocationRecord(page, line, start, end) if start is not None else None,
    )


def _location_row(location: LocationRecord | None) -> tuple:
    return (location.page, location.line, location.start, location.end) if location else (None, None, None, None)


def _marks(values: tuple | list) -> str:
    return ", ".join("?" * len(values))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
