"""``tandy export``: items, letters and threads of the real review threads as Parquet, CSV, JSON Lines."""

from __future__ import annotations

import csv
import json

import pytest

from conftest import CORPUS, needs_shared, thread_documents
from tandy.corpus.export import export
from tandy.corpus.records import records_from_files
from tandy.corpus.threads import build_threads

THREADS = CORPUS / "threads"


@pytest.fixture(scope="module")
def corpus_records():
    if not THREADS.is_dir():
        pytest.skip("../shared/corpus/threads is absent: real review threads not available")
    letters, items = records_from_files(sorted(str(p) for p in THREADS.glob("*/*/filings/*/filename1.*")))
    return letters, items, build_threads(letters, items)


@needs_shared
def test_parquet_one_row_per_item_letter_and_thread(corpus_records, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    letters, items, threads = corpus_records
    written = export(letters, items, threads, tmp_path, "parquet")
    assert [p.name for p in written] == ["items.parquet", "letters.parquet", "threads.parquet"]
    item_rows = pq.read_table(tmp_path / "items.parquet").to_pylist()
    letter_rows = pq.read_table(tmp_path / "letters.parquet").to_pylist()
    thread_rows = pq.read_table(tmp_path / "threads.parquet").to_pylist()
    assert len(item_rows) == sum(len(v) for v in items.values())
    assert len(letter_rows) == len(letters) == thread_documents()
    assert len(thread_rows) == len(threads)
    # rows join: every letter names its thread, every thread lists its letters
    by_id = {row["thread_id"]: row for row in thread_rows}
    assert sum(row["letters"] for row in thread_rows) == len(letter_rows)
    for row in letter_rows:
        assert row["id"] in by_id[row["thread_id"]]["letter_ids"]
    aflac = next(r for r in thread_rows if r["cik"] == "0000004977" and r["first_date"] == "2016-04-28")
    assert (aflac["rounds"], aflac["days"], aflac["comments_per_round"], aflac["file_numbers"]) == (2, 62, [1, 2], ["001-07434"])
    follow_up = next(r for r in item_rows if r["letter_date"] == "2016-06-10" and r["letter_cik"] == "0000004977" and r["number"] == 1)
    assert follow_up["refers_to"] == [1] and follow_up["thread_id"] == aflac["thread_id"]


@needs_shared
def test_csv_and_jsonl_keep_lists(corpus_records, tmp_path):
    letters, items, threads = corpus_records
    export(letters, items, threads, tmp_path / "csv", "csv")
    export(letters, items, threads, tmp_path / "jsonl", "jsonl")
    with (tmp_path / "csv" / "threads.csv").open(newline="", encoding="utf-8") as f:
        csv_threads = list(csv.DictReader(f))
    jsonl_threads = [json.loads(line) for line in (tmp_path / "jsonl" / "threads.jsonl").open(encoding="utf-8")]
    assert len(csv_threads) == len(jsonl_threads) == len(threads)
    for from_csv, from_jsonl in zip(csv_threads, jsonl_threads):
        assert json.loads(from_csv["file_numbers"]) == from_jsonl["file_numbers"]
        assert from_csv["status"] == from_jsonl["status"]


def test_an_existing_export_is_left_alone_without_force(tmp_path):
    (tmp_path / "letters.jsonl").write_text("mine\n")
    with pytest.raises(FileExistsError):
        export([], {}, [], tmp_path, "jsonl")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letters.jsonl"]  # nothing half-written beside it
    written = export([], {}, [], tmp_path, "jsonl", force=True)
    assert (tmp_path / "letters.jsonl").read_text() == "" and len(written) == 3


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError):
        export([], {}, [], tmp_path, "xlsx")
