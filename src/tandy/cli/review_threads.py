"""``tandy threads``, ``tandy stats`` and ``tandy export``: the indexed corpus as reviews, numbers, tables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table as RichTable

from tandy.cli import app, err, out
from tandy.corpus.export import FORMATS, export
from tandy.corpus.model import ItemRecord, LetterRecord, Thread
from tandy.corpus.stats import TOP_CITATIONS, CorpusStats, corpus_stats
from tandy.corpus.stats_report import write_html_report
from tandy.corpus.threads import build_threads, squash_company, thread_json
from tandy.errors import InputError

Db = Annotated[str, typer.Option("--db", help="The corpus database written by `tandy index`.")]
Force = Annotated[bool, typer.Option("--force", help="Overwrite existing output files.")]


@app.command("threads")
def threads_command(
    db: Db = "tandy.db",
    open_only: Annotated[bool, typer.Option("--open", help="Only reviews not yet closed.")] = False,
    company: Annotated[str | None, typer.Option("--company", help="Only this company: part of its name, or its CIK.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, one thread per line (the contract).")] = False,
) -> None:
    """Group the indexed letters into review threads: staff letter, response, follow-up, closing.

    Example: tandy threads --db tandy.db --company aflac --json
    """
    letters, items = _load(db)
    threads = [t for t in build_threads(letters, items) if _wanted(t, open_only, company)]
    if as_json:
        for thread in threads:
            print(json.dumps(thread_json(thread), ensure_ascii=False))
        return
    table = RichTable("registrant", "form", "file no.", "status", "rounds", "first", "last", "days", "letters")
    for t in threads:
        table.add_row(
            t.registrant or "-", t.form_reviewed or "-", ", ".join(t.file_numbers) or "-", t.status, str(t.rounds),
            t.first_date or "-", t.last_date or "-", "-" if t.days is None else str(t.days), _letter_kinds(t),
        )
    out.print(table)
    out.print(f"{len(threads)} threads")


@app.command("stats")
def stats_command(
    db: Db = "tandy.db",
    html: Annotated[Path | None, typer.Option("--html", help="Also write a self-contained HTML report with charts.")] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Citations in the top-citations table.")] = TOP_CITATIONS,
    force: Force = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the statistics as one JSON object.")] = False,
) -> None:
    """Counts by year, form reviewed, citation, topic and disposition; rounds and days to close.

    Example: tandy stats --db tandy.db --html report.html
    """
    if html:
        _check_output(html, force)
    letters, items = _load(db)
    stats = corpus_stats(letters, items, build_threads(letters, items), top=top)
    if as_json:
        print(json.dumps(_stats_json(stats), ensure_ascii=False, indent=2))
    else:
        _print_stats(stats)
    if html:
        try:
            out.print(f"wrote {write_html_report(stats, html, force=force)}", markup=False)
        except InputError as exc:
            _fail(str(exc))


@app.command("export")
def export_command(
    output: Annotated[Path, typer.Option("-o", "--output", help="Directory for items, letters and threads files.")],
    fmt: Annotated[str, typer.Option("--format", help=f"One of {', '.join(FORMATS)}.")] = "parquet",
    db: Db = "tandy.db",
    force: Force = False,
) -> None:
    """Write one row per item, per letter and per thread (three files) as Parquet, CSV or JSON Lines.

    Example: tandy export --format parquet --db tandy.db -o export/
    """
    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    letters, items = _load(db)
    try:
        written = export(letters, items, build_threads(letters, items), output, fmt, force=force)
    except InputError as exc:
        _fail(str(exc))
    for path in written:
        out.print(f"wrote {path}", markup=False)


def _load(db: str) -> tuple[list[LetterRecord], dict[int, list[ItemRecord]]]:
    """Letters and their items (by letter id) from the store; a missing store is an input error."""
    from tandy.cli.corpus import corpus_faults
    from tandy.corpus import Corpus  # the store: imported only by the commands that read it

    with corpus_faults(db), Corpus(db, create=False) as corpus:
        letters = list(corpus.letters())
        items: dict[int, list[ItemRecord]] = {}
        for item in corpus.items():
            items.setdefault(item.letter_id, []).append(item)
    return letters, items


def _check_output(path: Path, force: bool) -> None:
    """Refuse an output that cannot be written before the corpus is read for it."""
    from tandy.files import check_writable

    try:
        check_writable(path, force)
    except InputError as exc:
        _fail(str(exc))


def _wanted(thread: Thread, open_only: bool, company: str | None) -> bool:
    if open_only and thread.status != "open":
        return False
    if not company:
        return True
    digits = company.strip().lstrip("0")
    if digits.isdigit():
        return (thread.cik or "").lstrip("0") == digits
    return squash_company(company) in squash_company(thread.registrant)


def _letter_kinds(thread: Thread) -> str:
    short = {"staff_comment": "S", "response": "R", "closing": "C", "other": "o"}
    return "".join(short.get(l.kind, "?") for l in thread.letters)


def _stats_json(stats: CorpusStats) -> dict:
    """The statistics as data: totals, each table as [label, count] rows, days to close."""
    return {
        "letters": stats.letters,
        "threads": stats.threads,
        "comments": stats.comments,
        "tables": [{"title": t.title, "counted": t.counted, "rows": [list(r) for r in t.rows]} for t in stats.tables],
        "days_to_close": stats.days_to_close,
    }


def _print_stats(stats: CorpusStats) -> None:
    out.print(f"{stats.letters} letters, {stats.threads} threads, {stats.comments} staff comments")
    for table in stats.tables:
        rich = RichTable(table.title.split(" by ")[-1], table.counted, title=table.title)
        for label, count in table.rows:
            rich.add_row(label, str(count))
        out.print(rich)
    days = stats.days_to_close
    out.print(
        f"days to close ({days['reviews']} closed reviews): median {days['median']}, mean {days['mean']}, "
        f"min {days['min']}, max {days['max']}",
        markup=False,
    )


def _fail(problem: str) -> None:
    err.print(f"[bold red]error[/]: {escape(problem)}", markup=True, highlight=False)
    raise typer.Exit(2)
