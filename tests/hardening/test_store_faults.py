"""Every corpus command on every kind of damaged or foreign ``--db``: refused on one line, the
file left exactly as it was (no schema written into it), never a traceback."""

from __future__ import annotations

import fcntl
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from tandy.corpus import Corpus
from tests.hardening.conftest import EXAMPLES, assert_refused, snapshot, tandy

COMMANDS = {
    "search": ["search", "portfolios"],
    "threads": ["threads"],
    "stats": ["stats"],
    "export": ["export", "--format", "csv", "-o", "out"],
    "index": ["index", str(EXAMPLES / "staff_letter_2007-12-20.txt")],
}


@pytest.fixture(scope="module")
def good_store(tmp_path_factory) -> Path:
    """A small tandy corpus (the examples), made once and copied by each test that damages it."""
    folder = tmp_path_factory.mktemp("store")
    with Corpus(folder / "good.db") as corpus:
        corpus.index([str(EXAMPLES)], embed=False)
    return folder


def _random(path: Path, _: Path) -> None:
    path.write_bytes(os.urandom(8192))


def _empty(path: Path, _: Path) -> None:
    path.write_bytes(b"")


def _foreign(path: Path, _: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("create table notes (body text)")
    db.execute("insert into notes values ('mine')")
    db.commit()
    db.close()


def _truncated(path: Path, good: Path) -> None:
    path.write_bytes((good / "good.db").read_bytes()[:8192])


def _other_version(path: Path, good: Path) -> None:
    shutil.copy(good / "good.db", path)
    db = sqlite3.connect(path)
    db.execute("update meta set value = '99' where key = 'schema_version'")
    db.commit()
    db.close()


def _folder(path: Path, _: Path) -> None:
    path.mkdir()


STORES = {
    "random": (_random, "not a tandy corpus database"),
    "empty": (_empty, "empty file"),
    "foreign": (_foreign, "not a tandy corpus database"),
    "truncated": (_truncated, "truncated"),
    "other-version": (_other_version, "schema version 99"),
    "folder": (_folder, "is a folder"),
}


@pytest.mark.parametrize("store", STORES)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_bad_store_is_refused_and_left_as_it_was(good_store, tmp_path, command, store):
    make, words = STORES[store]
    db = tmp_path / "c.db"
    make(db, good_store)
    before = snapshot(tmp_path)
    run = tandy(*COMMANDS[command], "--db", str(db), cwd=tmp_path)
    assert_refused(run, str(db), words)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_a_store_in_a_missing_folder_is_refused_and_nothing_made(tmp_path, command):
    db = tmp_path / "nowhere" / "c.db"
    run = tandy(*COMMANDS[command], "--db", str(db), cwd=tmp_path)
    assert_refused(run, str(db))
    assert list(tmp_path.iterdir()) == []


def _copy(good: Path, tmp_path: Path) -> Path:
    shutil.copy(good / "good.db", tmp_path / "c.db")
    shutil.copytree(good / "good.db.fulltext", tmp_path / "c.db.fulltext")
    return tmp_path / "c.db"


def test_search_refuses_a_store_whose_fulltext_is_gone_and_says_how_to_rebuild(good_store, tmp_path):
    db = _copy(good_store, tmp_path)
    shutil.rmtree(tmp_path / "c.db.fulltext")
    run = tandy("search", "portfolios", "--db", str(db), cwd=tmp_path)
    assert_refused(run, str(db), "missing", "tandy index --rebuild-fulltext")
    assert not (tmp_path / "c.db.fulltext").exists()


def test_search_refuses_an_emptied_fulltext_index(good_store, tmp_path):
    db = _copy(good_store, tmp_path)
    shutil.rmtree(tmp_path / "c.db.fulltext")
    (tmp_path / "c.db.fulltext").mkdir()
    run = tandy("search", "portfolios", "--db", str(db), cwd=tmp_path)
    assert_refused(run, str(db), "--rebuild-fulltext")
    assert list((tmp_path / "c.db.fulltext").iterdir()) == []


def test_search_refuses_corrupted_fulltext_files(good_store, tmp_path):
    db = _copy(good_store, tmp_path)
    for segment in (tmp_path / "c.db.fulltext").glob("*.idx"):
        segment.write_bytes(os.urandom(64))
    run = tandy("search", "portfolios", "--db", str(db), cwd=tmp_path)
    assert_refused(run, str(db), "--rebuild-fulltext")


def test_rebuild_fulltext_makes_search_answer_again(good_store, tmp_path):
    db = _copy(good_store, tmp_path)
    shutil.rmtree(tmp_path / "c.db.fulltext")
    rebuilt = tandy("index", "--rebuild-fulltext", "--db", str(db), cwd=tmp_path)
    assert rebuilt.returncode == 0 and "rebuilt the full-text index" in rebuilt.stderr
    found = tandy("search", "portfolios", "--db", str(db), "--json", cwd=tmp_path)
    assert found.returncode == 0 and found.stdout.count("\n") >= 1


def test_index_repairs_a_missing_fulltext_index_by_itself(good_store, tmp_path):
    db = _copy(good_store, tmp_path)
    shutil.rmtree(tmp_path / "c.db.fulltext")
    run = tandy("index", str(EXAMPLES), "--db", str(db), cwd=tmp_path)
    assert run.returncode == 0 and "rebuilding it from the database" in run.stderr
    found = tandy("search", "portfolios", "--db", str(db), "--json", cwd=tmp_path)
    assert found.returncode == 0 and found.stdout.count("\n") >= 1


def test_a_second_writer_is_refused_while_the_first_holds_the_store(good_store, tmp_path):
    db = _copy(good_store, tmp_path)
    fd = os.open(db, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # what a running `tandy index` holds
    try:
        run = tandy("index", str(EXAMPLES), "--db", str(db), cwd=tmp_path)
    finally:
        os.close(fd)
    assert_refused(run, str(db), "another `tandy index` is writing")


def test_a_reader_is_not_stopped_by_a_writer(good_store, tmp_path):
    db = _copy(good_store, tmp_path)
    fd = os.open(db, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        run = tandy("search", "portfolios", "--db", str(db), cwd=tmp_path)
    finally:
        os.close(fd)
    assert run.returncode == 0 and "Traceback" not in run.stderr


def test_read_commands_leave_a_good_store_unchanged(good_store, tmp_path):
    db = _copy(good_store, tmp_path)
    before = snapshot(tmp_path)["c.db"]
    for command in (["search", "portfolios"], ["threads"], ["stats"]):
        run = tandy(*command, "--db", str(db), cwd=tmp_path)
        assert run.returncode == 0, run.stderr
    assert snapshot(tmp_path)["c.db"] == before


def test_index_without_paths_says_what_it_needs(tmp_path):
    run = tandy("index", "--db", "c.db", cwd=tmp_path)
    assert_refused(run, "give the files or folders to index")
    assert list(tmp_path.iterdir()) == []
