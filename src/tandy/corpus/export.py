"""The corpus as three flat tables for notebooks and spreadsheets: items, letters, threads.

One row per item (a comment and its answer), one per letter, one per review thread, joined by
``letter_id`` and ``thread_id``. Parquet keeps lists as lists; CSV, which has none, writes them as
JSON text so they survive a round trip. Files are written whole or not at all, and an existing
export is never overwritten unless asked.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Literal

from tandy.corpus.model import ItemRecord, LetterRecord, Thread
from tandy.errors import OutputError, OutputExists
from tandy.files import reason, write_atomically

ExportFormat = Literal["parquet", "csv", "jsonl"]
FORMATS: tuple[str, ...] = ("parquet", "csv", "jsonl")
TABLES = ("items", "letters", "threads")

#: Letter fields carried onto each item row, so an item row reads on its own.
ITEM_CONTEXT = ("kind", "date", "registrant", "cik", "form_reviewed", "path")


def export_rows(
    letters: Iterable[LetterRecord], items: Mapping[int, list[ItemRecord]], threads: list[Thread]
) -> dict[str, list[dict]]:
    """The three tables as rows: ``items``, ``letters`` and ``threads``, keyed by table name."""
    thread_of = {id(l): number for number, t in enumerate(threads, start=1) for l in t.letters}
    letter_rows, item_rows = [], []
    for letter in letters:
        thread_id = thread_of.get(id(letter))
        letter_rows.append({**asdict(letter), "thread_id": thread_id})
        context = {f"letter_{name}": getattr(letter, name) for name in ITEM_CONTEXT}
        for item in items.get(letter.id, []):
            item_rows.append({**asdict(item), **context, "thread_id": thread_id})
    return {"items": item_rows, "letters": letter_rows, "threads": [_thread_row(n, t) for n, t in enumerate(threads, start=1)]}


def export(
    letters: Iterable[LetterRecord],
    items: Mapping[int, list[ItemRecord]],
    threads: list[Thread],
    directory: str | Path,
    fmt: ExportFormat,
    force: bool = False,
) -> list[Path]:
    """Write ``items``, ``letters`` and ``threads`` files into ``directory``; return their paths.

    Refuses (:class:`~tandy.errors.OutputError`) before writing anything if any of the three
    exists and ``force`` is false, or the directory cannot be made, so a refused export leaves the
    directory as it was.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise OutputError(str(directory), "is a file, not a folder for the export")
    targets = {table: directory / f"{table}.{fmt}" for table in TABLES}
    existing = [str(p) for p in targets.values() if p.exists()]
    if existing and not force:
        raise OutputExists(str(directory), f"{', '.join(existing)} exist(s); use --force to overwrite")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(str(directory), f"cannot be made ({reason(exc)})") from None
    tables = export_rows(letters, items, threads)
    writer = _WRITERS[fmt]
    return [write_atomically(targets[t], force, lambda tmp, rows=tables[t]: writer(rows, tmp)) for t in TABLES]


def _thread_row(number: int, thread: Thread) -> dict:
    row = {name: value for name, value in asdict(thread).items() if name != "letters"}
    row["thread_id"] = number
    row["letters"] = len(thread.letters)
    row["letter_ids"] = [l.id for l in thread.letters]
    row["letter_paths"] = [l.path for l in thread.letters]
    return row


def _write_jsonl(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def _write_csv(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=_columns(rows))
        writer.writeheader()
        for row in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()})


def _write_parquet(rows: list[dict], path: Path) -> None:
    import pyarrow as pa  # imported here: only Parquet exports need it
    import pyarrow.parquet as pq

    columns = _columns(rows)
    table = pa.Table.from_pylist([{c: row.get(c) for c in columns} for row in rows]) if rows else pa.table({})
    pq.write_table(table, path)


def _columns(rows: list[dict]) -> list[str]:
    return list(dict.fromkeys(name for row in rows for name in row))


_WRITERS = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}
