"""``tandy index`` and ``tandy search``: a corpus in one SQLite file, searched by words or meaning."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from tandy.cli import MaxSize, Paths, _one_line, app, err, out
from tandy.corpus import Corpus, SearchError
from tandy.document.ocr import unavailable
from tandy.corpus.model import SearchHit
from tandy.corpus.scale import DaskEngine, ScaleUnavailable
from tandy.corpus.semantic import SemanticUnavailable
from tandy.corpus.store import store_errors
from tandy.errors import InputError

Db = Annotated[str, typer.Option("--db", help="The corpus database (SQLite); its text index sits beside it.")]


@contextmanager
def corpus_faults(db: str) -> Iterator[None]:
    """Whatever is wrong with the corpus or its disk, as one line naming the database, exit 2:
    not a tandy store, damaged, locked by another writer, full or read-only disk."""
    try:
        with store_errors(db):
            yield
    except InputError as exc:
        err.print(f"error: {_one_line(str(exc))}", markup=False)
        raise typer.Exit(2) from None
    except OSError as exc:
        err.print(f"error: {_one_line(db)}: {_one_line(exc.strerror or str(exc))}", markup=False)
        raise typer.Exit(2) from None
    except ValueError as exc:  # tantivy's errors (an index file damaged under a running search)
        if isinstance(exc, SearchError):
            raise
        problem = f"full-text index error ({exc}); rebuild it with `tandy index --rebuild-fulltext --db {db}`"
        err.print(f"error: {_one_line(db)}: {_one_line(problem)}", markup=False)
        raise typer.Exit(2) from None


@app.command("index")
def index_command(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, folders or globs.", show_default=False)] = None,
    db: Db = "tandy.db",
    embed: Annotated[
        bool | None,
        typer.Option("--embed/--no-embed", help="Store vectors for --similar (default: when the semantic extra is installed)."),
    ] = None,
    max_size: MaxSize = None,
    engine: Annotated[
        Literal["local", "dask"], typer.Option(help="Read files here, or on a Dask cluster (scale extra).")
    ] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (default: a local cluster).")] = None,
    workers: Annotated[int | None, typer.Option(min=1, help="Worker processes of the local Dask cluster.")] = None,
    shards: Annotated[
        Path | None, typer.Option(help="Folder the Dask workers write Parquet shards to (default: beside the db).")
    ] = None,
    rebuild_fulltext: Annotated[
        bool, typer.Option("--rebuild-fulltext", help="Remake the full-text index from the database (no PATH needed).")
    ] = False,
) -> None:
    """Index letters and proxy statements: unchanged files are skipped, changed ones replaced.

    Example: tandy index ../shared/corpus ../shared/seed --db tandy.db [--engine dask --workers 2]
    """
    if not paths and not rebuild_fulltext:
        err.print("error: give the files or folders to index (or --rebuild-fulltext)", markup=False)
        raise typer.Exit(2)
    dask = DaskEngine(scheduler, workers, shards) if engine == "dask" else None
    with corpus_faults(db), Corpus(db) as corpus:
        if rebuild_fulltext:
            added = corpus.rebuild_fulltext()
            err.print(f"rebuilt the full-text index of {db}: {added} comments", markup=False)
        elif corpus.fulltext_rebuilt:
            err.print(f"the full-text index of {db} was missing or behind: rebuilding it from the database", markup=False)
        if not paths:
            return
        with _progress() as progress:
            task = progress.add_task("indexing", total=None)
            try:
                report = corpus.index(
                    paths,
                    embed=embed,
                    on_start=lambda total: progress.update(task, total=total),
                    on_file=lambda _: progress.advance(task),
                    max_bytes=max_size,
                    engine=dask,
                )
            except ScaleUnavailable as exc:
                err.print(f"[bold red]error[/]: {escape(str(exc))}")
                raise typer.Exit(2) from None
        counts = corpus.counts()
    for path, problem in report.failed:
        err.print(f"[bold red]error[/]: {escape(_one_line(path))}: {escape(_one_line(problem))}")
    err.print(
        f"{len(report.added)} added, {len(report.replaced)} replaced, {len(report.skipped)} unchanged, "
        f"{len(report.failed)} failed; {counts['letters']} letters, {counts['items']} comments, "
        f"{counts['proxies']} proxy statements, {counts['people']} people, {counts['embeddings']} vectors in {db}",
        markup=False,
    )
    if report.ocr_documents:
        why = unavailable() or "Tesseract could not read them"
        unread = f"; {report.unread_pages} pages are images left unread ({why.replace(' it', ' them')})" if report.unread_pages else ""
        err.print(f"{report.ocr_documents} documents needed OCR: {report.ocr_pages} pages read by OCR{unread}", markup=False)
    if report.failed:
        raise typer.Exit(2)


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help='Words (all required), "phrases", prefix*; may be empty with a filter.')] = "",
    db: Db = "tandy.db",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines, best first (the contract's shape).")] = False,
    citation: Annotated[str | None, typer.Option(help='Only comments citing this: "407(c)(2)(vii)", "Rule 14a-6".')] = None,
    form: Annotated[str | None, typer.Option(help='Only letters about this form ("DEF 14A", "10-K") or of this EDGAR form.')] = None,
    kind: Annotated[str | None, typer.Option(help="staff_comment, response, closing or other.")] = None,
    company: Annotated[str | None, typer.Option(help="Registrant name words, or a CIK.")] = None,
    since: Annotated[str | None, typer.Option(help="Letters dated on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Letters dated on or before (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(min=1, help="How many hits.")] = 10,
    similar: Annotated[str | None, typer.Option("--similar", help="Rank by meaning against this text (needs the semantic extra).")] = None,
) -> None:
    """Search comments and the responses that answered them, best first.

    Example: tandy search "Tandy language" --kind response --db tandy.db
    """
    with corpus_faults(db), Corpus(db, create=False) as corpus:
        try:
            if similar is not None:
                if query or any((citation, form, kind, company, since, until)):
                    raise SearchError("--similar ranks by meaning alone: give it no words or filters")
                hits = corpus.similar(similar, limit=limit)
            else:
                hits = corpus.search(
                    query, citation=citation, form=form, kind=kind, company=company, since=since, until=until, limit=limit
                )
        except (SearchError, SemanticUnavailable) as exc:
            err.print(f"[bold red]error[/]: {escape(str(exc))}")
            raise typer.Exit(2) from None
    if not hits:
        err.print("no results", markup=False)
    for hit in hits:
        if as_json:
            print(json.dumps(hit_json(hit), ensure_ascii=False))
        else:
            _render(hit)


def hit_json(hit: SearchHit) -> dict:
    """One hit as the contract prints it; ``citations`` and ``disposition`` are extra fields."""
    letter, item = hit.letter, hit.item
    return {
        "score": round(hit.score, 4),
        "comment": item.comment,
        "response": item.response,
        "highlight": hit.highlight,
        "letter": {"path": letter.path, "kind": letter.kind, "date": letter.date, "registrant": letter.registrant},
        "item": item.number,
        "thread": {"cik": hit.thread.cik, "status": hit.thread.status} if hit.thread else None,
        "disposition": item.disposition,
        "citations": item.citations,
    }


def _render(hit: SearchHit) -> None:
    letter = hit.letter
    out.print(
        f"[bold]{hit.score:.2f}[/]  {escape(letter.registrant or '-')}  {letter.kind} {letter.date or '-'}  "
        f"item {hit.item.number if hit.item.number is not None else '-'}"
    )
    out.print(f"   {hit.highlight}", markup=False)
    out.print(f"   [dim]{escape(letter.path)}[/]")


def _progress() -> Progress:
    """Files done, rate and time left, on stderr so --json output stays clean."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        _Rate(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    )


class _Rate(ProgressColumn):
    """Files per second over the recent past."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f} files/s" if task.speed else "", style="progress.data.speed")
