"""tandy index --engine dask: the same records as the local engine, shipped through Parquet exactly,
incremental, in bounded batches."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import CORPUS, DEF14A, corpus as corpus_file, PRE14A, SEED, SEED_LETTER, needs_shared
from corpus_indexed import indexed  # noqa: F401  (a session fixture)
from tandy.corpus import Corpus
from tandy.corpus.index import records_for
from tandy.corpus.model import CommitteeRecord, FileRecords, ItemRecord, LetterRecord, LocationRecord, ProxyRecord
from tandy.corpus.scale import DaskEngine, ScaleSettings, ScaleUnavailable, batches, read_shard, write_shard

pytest.importorskip("distributed", reason="the Dask engine needs the [scale] extra")
pytest.importorskip("pyarrow", reason="the Dask engine needs the [scale] extra")

#: Every stored table as rows keyed by the file they came from, without row ids (which depend on
#: the order files were written in) or the time of writing.
TABLES = {
    "files": "select path, sha256, size, status, error from files order by path",
    "filings": "select f.path, g.accession, g.form, g.filed, g.period, g.filers from filings g join files f on f.id = g.file_id order by f.path",
    "documents": "select f.path, d.sequence, d.type, d.filename, d.description, d.format, d.text_chars, d.pages "
    "from documents d join files f on f.id = d.file_id order by f.path, d.rowid",
    "letters": "select path, sha256, kind, date, registrant, cik, file_numbers, form_reviewed, subject_filed, response_dated, "
    "sender, edgar_form, accession, tandy, items, no_review, letters_cited from letters order by path",
    "items": "select l.path, i.position, i.number, i.heading, i.comment, i.response, i.disposition, i.pages, i.response_pages, "
    'i.citations, i.refers_to, i.page, i.line, i.start, i."end", i.fulltext from items i join letters l on l.id = i.letter_id '
    "order by l.path, i.position",
    "citations": "select l.path, i.position, c.text, c.kind, c.regulation, c.number, c.paragraph, c.act, c.form "
    "from citations c join items i on i.id = c.item_id join letters l on l.id = i.letter_id order by l.path, i.position, c.rowid",
    "proxies": "select f.path, p.registrant, p.form, p.filed, p.investment_company, p.meeting_date, p.record_date, "
    "p.board_meetings, p.auditor, p.fund_complex_overseen from proxies p join files f on f.id = p.file_id order by f.path",
    "people": "select f.path, x.name, x.age, x.birth_year, x.roles, x.interested, x.positions, x.term, x.occupation, "
    "x.portfolios_overseen, x.other_directorships, x.page, x.line, x.start, x.\"end\" "
    "from people x join proxies p on p.id = x.proxy_id join files f on f.id = p.file_id order by f.path, x.rowid",
    "committees": "select f.path, c.name, c.members, c.meetings, c.period_end, c.page, c.line, c.start, c.\"end\" "
    "from committees c join proxies p on p.id = c.proxy_id join files f on f.id = p.file_id order by f.path, c.rowid",
}


def rows(corpus: Corpus, table: str) -> list[tuple]:
    return corpus.store.db.execute(TABLES[table]).fetchall()


@pytest.fixture(scope="module")
def cluster():
    """One local Dask cluster for the module's small runs, reached by address like a real one."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as running:
        yield running.scheduler_address


# --- records through Parquet --------------------------------------------------------------------


@needs_shared
@pytest.mark.corpus
def test_real_records_come_back_from_parquet_unchanged(tmp_path):
    # a response letter with items and citations, proxy statements with people and committees,
    # and EDGAR submissions whose header lists filers (a list of dicts)
    chosen = [
        SEED_LETTER, PRE14A, DEF14A,
        corpus_file("letters", "aapl_corresp_2024-04-29_0000320193-24-000061.txt"),
        corpus_file("letters", "aapl_upload_2024-04-02_0000000000-24-003505.txt"),
        corpus_file("proxies", "pepsico_def14a_1995-03-28_0000077476-95-000016.txt"),
    ]
    records = [records_for(str(p)) for p in chosen]
    assert any(i.cited for r in records for i in r.items)
    assert any(r.proxy and r.proxy.people and r.proxy.committees for r in records)
    assert any(r.filing and r.filing.filers for r in records)
    write_shard(records, tmp_path / "s.parquet")
    assert read_shard(tmp_path / "s.parquet") == records


def test_edge_values_come_back_from_parquet_unchanged(tmp_path):
    letter = LetterRecord(path="/x/é.htm", sha256="ab", kind="response", date=None, registrant="Ünïcode “Fund”", cik=None)
    item = ItemRecord(letter_id=0, number=None, heading=None, comment="", response=None, disposition=None,
                      refers_to=[1, 2], location=LocationRecord(page=None, line=None, start=0, end=0))
    committees = [
        CommitteeRecord(name="Audit", members=["A. Smith", "B. Jones"]),
        CommitteeRecord(name="Nominating", members="all independent trustees"),
        CommitteeRecord(name="Pricing", members=None, meetings=0),
        CommitteeRecord(name="Empty", members=[]),
    ]
    records = [
        FileRecords(path="/x/é.htm", sha256="ab", size=3, letter=letter, items=[item, replace(item, pages=["i", "12"])]),
        FileRecords(path="/x/bad.pdf", sha256="", size=0, error="not a PDF: truncated"),
        FileRecords(path="/x/p.txt", sha256="cd", size=9, proxy=ProxyRecord(registrant=None, form="DEF 14A", filed=None, committees=committees)),
    ]
    write_shard(records, tmp_path / "s.parquet")
    back = read_shard(tmp_path / "s.parquet")
    assert back == records
    assert back[2].proxy.committees[3].members == [] and back[2].proxy.committees[2].members is None


# --- batches ------------------------------------------------------------------------------------


def test_batches_close_at_the_file_count_or_the_byte_budget(tmp_path):
    small = [tmp_path / f"s{i}.txt" for i in range(5)]
    for p in small:
        p.write_bytes(b"x" * 10)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 1_000)
    settings = ScaleSettings(files_per_task=2, bytes_per_task=500)
    cut = list(batches(map(str, [*small[:3], big, *small[3:]]), settings))
    assert [len(b.given) for b in cut] == [2, 2, 2]  # s0 s1 | s2 big (over budget) | s3 s4
    assert [b.number for b in cut] == [0, 1, 2]
    assert all(Path(p).is_absolute() for b in cut for p in b.absolute)


# --- the engine ---------------------------------------------------------------------------------


@needs_shared
@pytest.mark.corpus
def test_dask_indexes_the_corpus_exactly_as_the_local_engine(indexed, tmp_path):  # noqa: F811
    local, local_report = indexed
    with Corpus(tmp_path / "dask.db") as corpus:
        report = corpus.index([str(CORPUS), str(SEED)], embed=False, engine=DaskEngine(workers=2))
        assert sorted(report.added) == sorted(local_report.added)
        assert sorted(report.failed) == sorted(local_report.failed)
        assert corpus.counts() == local.counts()
        for table in TABLES:
            dask_rows, local_rows = rows(corpus, table), rows(local, table)
            assert len(dask_rows) == len(local_rows), table
            for mine, theirs in zip(dask_rows, local_rows):
                assert mine == theirs, table
        assert corpus.check() == {"duplicate_paths": [], "missing_text": [], "stray_text": [], "double_text": []}
        hits = [(h.letter.path, h.item.number) for h in corpus.search("Tandy language", kind="response")]
        assert hits and hits == [(h.letter.path, h.item.number) for h in local.search("Tandy language", kind="response")]
    assert not list(tmp_path.glob(".dask.db.shards-*")), "the temporary shard folder is removed"


@needs_shared
def test_a_second_dask_run_skips_unchanged_files_and_replaces_a_changed_one(tmp_path, cluster):
    folder = tmp_path / "letters"
    folder.mkdir()
    copy = folder / SEED_LETTER.name
    shutil.copy(SEED_LETTER, copy)
    shutil.copy(PRE14A, folder / PRE14A.name)
    engine = DaskEngine(scheduler=cluster, shards=tmp_path / "shards")
    with Corpus(tmp_path / "t.db") as corpus:
        first = corpus.index([str(folder)], embed=False, engine=engine)
        assert len(first.added) == 2 and not first.failed
        again = corpus.index([str(folder)], embed=False, engine=engine)
        assert (again.added, again.replaced, len(again.skipped)) == ([], [], 2)
        copy.write_text(copy.read_text(encoding="latin-1").replace("Tandy", "Acknowledgment"), encoding="latin-1")
        changed = corpus.index([str(folder)], embed=False, engine=engine)
        assert changed.replaced == [str(copy)] and len(changed.skipped) == 1
        assert corpus.search("Tandy") == [] and len(corpus.search("Acknowledgment")) == 1
        assert corpus.check()["missing_text"] == [] and corpus.check()["stray_text"] == []
    assert list((tmp_path / "shards").iterdir()) == [], "each shard is deleted once loaded"


def test_unreadable_paths_fail_as_they_do_locally(tmp_path, cluster):
    empty = tmp_path / "empty"
    empty.mkdir()
    (tmp_path / "junk.txt").write_bytes(b"")
    paths = [str(tmp_path / "missing.htm"), str(empty), str(tmp_path / "junk.txt")]
    with Corpus(tmp_path / "local.db") as local, Corpus(tmp_path / "dask.db") as dask:
        expected = local.index(paths, embed=False)
        got = dask.index(paths, embed=False, engine=DaskEngine(scheduler=cluster))
        assert got.failed == expected.failed and len(got.failed) >= 2
        assert got.added == expected.added
        assert dask.errors() == local.errors()


@needs_shared
def test_relative_paths_are_read_by_workers_as_absolute_ones(tmp_path, cluster, monkeypatch):
    shutil.copy(SEED_LETTER, tmp_path / "letter.txt")
    monkeypatch.chdir(tmp_path)
    with Corpus(tmp_path / "t.db") as corpus:
        report = corpus.index(["letter.txt"], embed=False, engine=DaskEngine(scheduler=cluster))
        assert report.added == [str(tmp_path / "letter.txt")]
        assert [l.path for l in corpus.letters()] == [str(tmp_path / "letter.txt")]
        assert corpus.counts()["items"] == 4



def test_an_unreachable_scheduler_is_reported_as_such(tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Sir:\n\n1. Please revise.\n", encoding="utf-8")
    engine = DaskEngine(scheduler="tcp://127.0.0.1:9", settings=ScaleSettings(connect_timeout=1))
    with Corpus(tmp_path / "t.db") as corpus, pytest.raises(ScaleUnavailable, match="cannot reach the Dask scheduler"):
        corpus.index([str(letter)], embed=False, engine=engine)


@needs_shared
def test_tandy_index_engine_dask_from_the_command_line(tmp_path):
    shutil.copy(SEED_LETTER, tmp_path / "letter.txt")
    run = subprocess.run(
        [sys.executable, "-m", "tandy", "index", "letter.txt", "--db", "t.db", "--no-embed", "--engine", "dask", "--workers", "1"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "1 added" in run.stderr and "4 comments" in run.stderr
    assert not list(tmp_path.glob(".t.db.shards-*"))
