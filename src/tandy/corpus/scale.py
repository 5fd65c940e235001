"""Indexing on a Dask cluster: the per-file reading spread over workers, the writing kept here.

:func:`~tandy.corpus.index.records_for` is pure, so any process can run it; only the store has
to be written in one place. A Dask run therefore sends *batches* of paths to workers (a task
costs Dask about 2 ms, a small letter about as much to read, so one task a file would spend half
the cluster on bookkeeping), each worker writes its batch's records as one Parquet shard, and
this process loads the shards into the store through :meth:`Corpus.load` as they complete.

Memory stays bounded at any corpus size: paths are batched as they stream by, at most
``tasks_per_thread`` batches per worker thread are in flight, and a shard is read, written and
deleted before the next one is loaded. Shards travel through the file system, not the scheduler,
so a real cluster needs the documents and the shard folder at the same paths on every machine
(and tandy installed on the workers).

Records cross the process boundary as Arrow rows derived from the record dataclasses themselves
(:func:`codec_for`), so a field added to a record travels without anyone touching this module,
and the round trip is exact: what a worker read is what the store receives.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import shutil
import tempfile
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tandy.corpus.index import IndexReport, file_path, records_for, sha256_of
from tandy.corpus.model import FileRecords

if TYPE_CHECKING:
    import pyarrow as pa
    from distributed import Client

    from tandy.corpus import Corpus

#: What to install for ``--engine dask``.
SCALE_EXTRA = "tandy[scale]"


@dataclass(frozen=True, slots=True)
class ScaleSettings:
    """How a Dask run cuts the work.

    A task closes at ``files_per_task`` files or ``bytes_per_task`` bytes of input, whichever
    comes first: enough work to bury Dask's per-task cost, small enough that a batch of large
    filings does not hold a worker for minutes or its records in memory. ``tasks_per_thread``
    batches per worker thread are kept in flight, so a worker always has its next batch queued
    while this process loads the last one, and no more than that waits anywhere.
    """

    files_per_task: int = 32
    bytes_per_task: int = 8_000_000
    tasks_per_thread: int = 3
    local_workers: int = max(1, os.cpu_count() or 1)
    compression: str = "zstd"
    #: Seconds to wait for a scheduler given by address before saying it cannot be reached.
    connect_timeout: int = 10
    #: Log level of the local cluster's own chatter (a worker starting is not news).
    cluster_log_level: int = logging.ERROR


SCALE = ScaleSettings()


class ScaleUnavailable(RuntimeError):
    """The Dask engine cannot run: the ``[scale]`` extra is not installed, or the scheduler is unreachable."""


# --- records as Arrow rows ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Codec:
    """How values of one Python type become Arrow values and back.

    ``encode``/``decode`` are None when the value passes through unchanged (strings, numbers,
    lists of them), which keeps the common fields free of per-value Python calls.
    """

    arrow: pa.DataType
    encode: Callable[[Any], Any] | None = None
    decode: Callable[[Any], Any] | None = None


def codec_for(hint: Any) -> Codec:
    """The codec of a type hint: scalars and lists natively, dataclasses as structs.

    What Arrow cannot type — a bare ``dict``, a union of two real types such as a committee's
    ``list[str] | str`` — travels as JSON text, which the store writes it as anyway.
    """
    import pyarrow as pa

    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        real = [a for a in args if a is not type(None)]
        return codec_for(real[0]) if len(real) == 1 else _json_codec()
    if origin is list:
        inner = codec_for(args[0])
        if inner.encode is None:
            return Codec(pa.list_(inner.arrow))
        return Codec(pa.list_(inner.arrow), _each(inner.encode), _each(inner.decode))
    if is_dataclass(hint):
        return _struct_codec(hint)
    scalar = {str: pa.string(), int: pa.int64(), bool: pa.bool_(), float: pa.float64()}.get(hint)
    return Codec(scalar) if scalar is not None else _json_codec()


def _json_codec() -> Codec:
    import pyarrow as pa

    return Codec(pa.string(), _none_or(json.dumps), _none_or(json.loads))


def _struct_codec(cls: type) -> Codec:
    import pyarrow as pa

    hints = typing.get_type_hints(cls)
    parts = [(f.name, codec_for(hints[f.name])) for f in fields(cls)]

    def encode(obj: Any) -> dict:
        return {name: c.encode(getattr(obj, name)) if c.encode else getattr(obj, name) for name, c in parts}

    def decode(row: dict) -> Any:
        return cls(**{name: c.decode(row[name]) if c.decode else row[name] for name, c in parts})

    return Codec(pa.struct([(name, c.arrow) for name, c in parts]), _none_or(encode), _none_or(decode))


def _none_or(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else convert(value)


def _each(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda values: None if values is None else [convert(v) for v in values]


_FILE_CODEC: Codec | None = None


def file_codec() -> Codec:
    """The codec of :class:`FileRecords`, built once per process (workers included)."""
    global _FILE_CODEC
    if _FILE_CODEC is None:
        _FILE_CODEC = codec_for(FileRecords)
    return _FILE_CODEC


def write_shard(records: list[FileRecords], shard: Path, compression: str = SCALE.compression) -> None:
    """Write one batch's records as a Parquet file, whole or not at all (a retried task rewrites it)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    codec = file_codec()
    table = pa.Table.from_pylist([codec.encode(r) for r in records], schema=pa.schema(codec.arrow))
    partial = shard.with_name(f".{shard.name}.{os.getpid()}")
    pq.write_table(table, partial, compression=compression)
    os.replace(partial, shard)


def read_shard(shard: Path) -> list[FileRecords]:
    """The records of one shard, in the order they were written."""
    import pyarrow.parquet as pq

    decode = file_codec().decode
    return [decode(row) for row in pq.read_table(shard).to_pylist()]


def read_batch(paths: list[str], shard: str, max_bytes: int | None) -> str:
    """The task a worker runs: read each file, write the batch's shard, return where it is.

    Returns only the shard's path, so records never pass through the scheduler.
    """
    write_shard([records_for(p, max_bytes=max_bytes) for p in paths], Path(shard))
    return shard


# --- the engine ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Batch:
    """Paths one task reads: as given (for the report) and absolute (for a worker elsewhere)."""

    number: int
    given: list[str]
    absolute: list[str]


@dataclass(slots=True)
class DaskEngine:
    """Where a Dask index runs: a scheduler's address, or a local cluster of ``workers`` processes.

    ``shards`` is the folder the workers write to and this process reads from; by default a
    temporary folder beside the database, removed afterwards.
    """

    scheduler: str | None = None
    workers: int | None = None
    shards: Path | None = None
    settings: ScaleSettings = SCALE

    def index(
        self,
        corpus: Corpus,
        files: Iterable[str],
        *,
        on_file: Callable[[str], None] | None = None,
        max_bytes: int | None = None,
    ) -> IndexReport:
        """Index the new and changed ``files`` into ``corpus``; unchanged ones are skipped unread."""
        report = IndexReport()
        recorded = corpus.store.recorded()
        work = batches(_changed(files, recorded, report, on_file), self.settings)
        first = next(work, None)
        if first is None:  # nothing new or changed: no cluster to start
            return report
        with self._client() as client, self._shard_folder(corpus.db_path) as folder:
            shards = self._run(client, itertools.chain([first], work), folder, max_bytes)
            corpus.load(_loaded(shards, recorded, report, on_file))
        return report

    def _run(
        self, client: Client, batches: Iterator[Batch], folder: Path, max_bytes: int | None
    ) -> Iterator[tuple[Batch, Path | Exception]]:
        """Each batch with its shard (or the task's failure) as tasks complete, with never more
        than ``tasks_per_thread`` batches per worker thread in flight."""
        from distributed import as_completed

        window = self.settings.tasks_per_thread * max(1, sum(client.nthreads().values()))
        pending = as_completed()
        batch_of = {}

        def submit(batch: Batch) -> None:
            shard = folder / f"shard-{os.getpid()}-{batch.number:06d}.parquet"  # two runs may share --shards
            future = client.submit(read_batch, batch.absolute, str(shard), max_bytes, pure=False)
            batch_of[future] = batch
            pending.add(future)

        for batch in _take(batches, window):
            submit(batch)
        for future in pending:
            try:
                outcome: Path | Exception = Path(future.result())
            except Exception as exc:  # the task itself died (a worker killed, a shard unwritable)
                outcome = exc
            yield batch_of.pop(future), outcome
            for batch in _take(batches, 1):
                submit(batch)

    @contextmanager
    def _client(self) -> Iterator[Client]:
        try:
            import pyarrow  # noqa: F401  (the workers write shards with it; fail here, not in every task)
            from distributed import Client, LocalCluster
        except ImportError:
            raise ScaleUnavailable(f"the Dask engine needs the [scale] extra: pip install '{SCALE_EXTRA}'") from None
        if self.scheduler:
            try:
                client = Client(self.scheduler, timeout=self.settings.connect_timeout)
            except (OSError, TimeoutError) as exc:
                raise ScaleUnavailable(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from None
            with client:
                yield client
            return
        workers = self.workers or self.settings.local_workers
        with (
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                silence_logs=self.settings.cluster_log_level,
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client

    @contextmanager
    def _shard_folder(self, db_path: Path) -> Iterator[Path]:
        if self.shards is not None:
            self.shards.mkdir(parents=True, exist_ok=True)
            yield self.shards
            return
        folder = Path(tempfile.mkdtemp(prefix=f".{db_path.name}.shards-", dir=db_path.parent))
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def _changed(
    files: Iterable[str], recorded: dict[str, tuple[str, str]], report: IndexReport, on_file: Callable[[str], None] | None
) -> Iterator[str]:
    """The files to read: new, changed, or failed before (as the local engine decides)."""
    for path in files:
        before = recorded.get(file_path(path))
        if before and before[1] == "ok" and before[0] == sha256_of(path):
            report.skipped.append(file_path(path))
            if on_file:
                on_file(str(path))
        else:
            yield path


def batches(paths: Iterable[str], settings: ScaleSettings) -> Iterator[Batch]:
    """Paths grouped into tasks of at most ``files_per_task`` files or ``bytes_per_task`` bytes."""
    batch, size, number = Batch(0, [], []), 0, 0
    for path in paths:
        batch.given.append(path)
        batch.absolute.append(_absolute(path))
        size += _size(path)
        if len(batch.given) >= settings.files_per_task or size >= settings.bytes_per_task:
            yield batch
            number += 1
            batch, size = Batch(number, [], []), 0
    if batch.given:
        yield batch


def _loaded(
    shards: Iterator[tuple[Batch, Path | Exception]],
    recorded: dict[str, tuple[str, str]],
    report: IndexReport,
    on_file: Callable[[str], None] | None,
) -> Iterator[list[FileRecords]]:
    """Each completed shard's records, for :meth:`Corpus.load`; the report and progress follow
    once the store has them, and the shard is deleted then."""
    for batch, shard in shards:
        records = _failed_task(batch, shard) if isinstance(shard, Exception) else read_shard(shard)
        yield records
        for given, file in zip(batch.given, records):
            report.count_scans(file)
            if file.error:
                report.failed.append((str(given), file.error))
            else:
                (report.replaced if file.path in recorded else report.added).append(file.path)
            if on_file:
                on_file(str(given))
        if isinstance(shard, Path):
            shard.unlink(missing_ok=True)


def _failed_task(batch: Batch, exc: Exception) -> list[FileRecords]:
    """Every file of a task that failed as a whole, recorded as failed: the run goes on, and the
    next one reads them again."""
    problem = f"worker task failed ({type(exc).__name__}: {exc})"
    return [FileRecords(path=path, sha256=sha256_of(path) or "", size=_size(path), error=problem) for path in batch.absolute]


def _take(items: Iterator[Batch], n: int) -> Iterator[Batch]:
    for _, item in zip(range(n), items):
        yield item


def _absolute(path: str) -> str:
    """The path absolute, so a worker started in another folder reads the same file; ``expand``'s
    marked paths (a folder without documents) keep their mark."""
    return type(path)(file_path(path))


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except (OSError, ValueError):
        return 0
