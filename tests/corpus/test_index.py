"""tandy index over the real corpus: every file recorded or its error listed, incremental, and a
run killed with SIGKILL leaves an index the next run completes."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import CORPUS, SEED, SEED_LETTER, manifest, needs_shared
from corpus_indexed import indexed  # noqa: F401  (a session fixture)
from tandy.corpus import Corpus
from tandy.corpus.index import records_for
from tandy.source import expand_paths

pytestmark = [needs_shared, pytest.mark.corpus]


def test_every_file_is_recorded_once_or_its_error_listed(indexed):  # noqa: F811
    corpus, report = indexed
    files = {os.path.abspath(p) for p in expand_paths([str(CORPUS), str(SEED)])}
    recorded = corpus.store.recorded()
    assert set(recorded) == files
    assert len(report.added) + len(report.failed) == len(files)
    assert {p for p, _ in corpus.errors()} == {os.path.abspath(p) for p, _ in report.failed}
    counts = corpus.counts()
    # the manifest's letters and the threads' documents are letters; the proxies and the seed's two
    # excerpts are proxy statements
    letters_listed = sum(1 for row in manifest() if row["file"].startswith("letters/"))
    assert counts["letters"] >= letters_listed
    assert counts["proxies"] >= 12
    assert counts["items"] > 700 and counts["citations"] > 500 and counts["people"] > 100
    # the review runs at index time: the seed's preliminary excerpt alone gives three errors
    assert counts["findings"] >= 3
    assert corpus.check() == {"duplicate_paths": [], "missing_text": [], "stray_text": [], "double_text": []}


def test_the_seed_letter_is_stored_with_its_four_items(indexed):  # noqa: F811
    corpus, _ = indexed
    (letter,) = [l for l in corpus.letters() if l.path == str(SEED_LETTER)]
    assert (letter.kind, letter.date, letter.cik, letter.form_reviewed) == ("response", "2008-01-03", "0001126087", "PRE 14A")
    items = list(corpus.items(letter.id))
    assert [i.number for i in items] == [1, 2, 3, 4]
    assert items[0].disposition == "revised" and items[0].response_pages == ["12"]
    assert ("407", "(c)(2)(vii)") in {(c.number, c.paragraph) for c in items[2].cited}


def test_proxy_statements_give_people_and_committees(indexed):  # noqa: F811
    corpus, _ = indexed
    rows = corpus.store.db.execute(
        "select f.path, count(distinct pe.rowid), count(distinct c.rowid) from proxies p join files f on f.id = p.file_id "
        "left join people pe on pe.proxy_id = p.id left join committees c on c.proxy_id = p.id group by f.path"
    ).fetchall()
    by_name = {os.path.basename(path): (people, committees) for path, people, committees in rows}
    assert by_name["reconstructed_pre14a_excerpt.txt"][0] >= 5
    assert all(name.endswith((".txt", ".htm", ".html")) for name in by_name)
    assert not any("corresp" in name for name in by_name)  # a letter about a proxy is still a letter


def test_a_second_run_skips_every_unchanged_file(indexed):  # noqa: F811
    corpus, _ = indexed
    before = corpus.counts()
    again = corpus.index([str(CORPUS), str(SEED)], embed=False)
    assert again.added == [] and again.replaced == []
    assert len(again.skipped) + len(again.failed) == len(corpus.store.recorded())
    assert corpus.counts() == before


def test_a_changed_file_replaces_its_records(tmp_path):
    copy = tmp_path / SEED_LETTER.name
    shutil.copy(SEED_LETTER, copy)
    with Corpus(tmp_path / "t.db") as corpus:
        corpus.index([str(copy)], embed=False)
        assert len(corpus.search("Tandy language")) == 1
        text = copy.read_text(encoding="latin-1").replace("Tandy", "Acknowledgment")
        copy.write_text(text, encoding="latin-1")
        report = corpus.index([str(copy)], embed=False)
        assert report.replaced == [str(copy)]
        assert corpus.search("Tandy language") == []
        assert len(corpus.search("Acknowledgment language")) == 1
        assert corpus.counts()["letters"] == 1 and corpus.counts()["items"] == 4
        assert corpus.check()["missing_text"] == [] and corpus.check()["stray_text"] == []


def test_a_bad_file_is_recorded_with_its_error_and_the_batch_goes_on(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not a PDF")
    shutil.copy(SEED_LETTER, tmp_path / "seed.txt")
    with Corpus(tmp_path / "t.db") as corpus:
        report = corpus.index([str(tmp_path)], embed=False)
        assert [p for p, _ in report.failed] == [str(bad)]
        assert len(report.added) == 1
        assert corpus.errors()[0][0] == str(bad)
    assert records_for(str(bad)).error


def _index_process(folder, db, env) -> subprocess.Popen:
    command = [sys.executable, "-m", "tandy", "index", str(folder), "--db", str(db), "--no-embed"]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _files_recorded(db) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as con:
            return con.execute("select count(*) from files").fetchone()[0]
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def _kill_after(folder, db, env, files: int, deadline_s: float = 120) -> None:
    process = _index_process(folder, db, env)
    start = time.monotonic()
    while _files_recorded(db) < files:
        assert process.poll() is None, f"index finished before {files} files: {process.stderr.read().decode()}"
        assert time.monotonic() - start < deadline_s
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL


def _per_file_items(db) -> dict[str, int]:
    with sqlite3.connect(db) as con:
        rows = con.execute(
            "select f.path, count(i.id) from files f left join letters l on l.file_id = f.id "
            "left join items i on i.letter_id = l.id group by f.path"
        ).fetchall()
    return {os.path.basename(path): count for path, count in rows}


def test_a_run_killed_mid_way_resumes_to_the_same_index(tmp_path):
    """SIGKILL twice mid-run (full-text commits every 3 files, so some kills land between the
    SQLite and the text-index commits), then a run to the end: the same as one clean run."""
    letters = sorted(p for p in (CORPUS / "letters").iterdir() if p.suffix in (".htm", ".txt", ".pdf"))[:48]
    folder = tmp_path / "letters"
    folder.mkdir()
    for path in letters:
        shutil.copy(path, folder / path.name)
    env = {**os.environ, "TANDY_FULLTEXT_EVERY": "3"}
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"

    _kill_after(folder, killed_db, env, files=8)
    _kill_after(folder, killed_db, env, files=25)
    assert 8 <= _files_recorded(killed_db) < len(letters)
    finish = subprocess.run(
        [sys.executable, "-m", "tandy", "index", str(folder), "--db", str(killed_db), "--no-embed"],
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert finish.returncode in (0, 2), finish.stderr
    clean = subprocess.run(
        [sys.executable, "-m", "tandy", "index", str(folder), "--db", str(clean_db), "--no-embed"],
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert clean.returncode == finish.returncode

    assert _per_file_items(killed_db) == _per_file_items(clean_db)
    assert len(_per_file_items(killed_db)) == len(letters)
    with Corpus(killed_db) as corpus:
        assert corpus.check() == {"duplicate_paths": [], "missing_text": [], "stray_text": [], "double_text": []}
        assert len(corpus.fulltext.item_ids()) == corpus.counts()["items"] > 0
        assert corpus.store.pending_count() == 0
        assert not corpus.store.threads_stale()
        threaded = corpus.store.db.execute("select count(*) from thread_letters").fetchone()[0]
        assert threaded == corpus.counts()["letters"]
