"""``tandy parse``: what a file is, its pages with their printed numbers, blocks and tables."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table as RichTable

from tandy.cli import DebugFlag, JsonFlag, MaxSize, Paths, app, out, run_batch
from tandy.document import Submission, parse
from tandy.document.contract import submission_json


@app.command("parse")
def parse_command(
    paths: Paths,
    as_json: JsonFlag = False,
    text: Annotated[bool, typer.Option("--text", help="Print each document's normalised text.")] = False,
    pages: Annotated[bool, typer.Option("--pages", help="List the pages with their printed numbers.")] = False,
    tables: Annotated[bool, typer.Option("--tables", help="List the tables found.")] = False,
    debug: DebugFlag = False,
    max_size: MaxSize = None,
) -> None:
    """Read EDGAR submissions, HTML, text, PDF or Word documents: filing header, pages, blocks, tables,
    and a Word file's tracked changes and comment balloons.

    Example: tandy parse ../shared/seed/000_33feab94224503d0.txt --pages
    """

    def render(submission: Submission) -> None:
        _render_submission(submission, text=text, pages=pages, tables=tables)

    run_batch(
        paths,
        lambda p: parse(p, max_bytes=max_size),
        lambda s: submission_json(s, text=text),
        render,
        as_json=as_json,
        debug=debug,
    )


def _render_submission(submission: Submission, *, text: bool, pages: bool, tables: bool) -> None:
    """A readable summary; everything taken from the file is escaped, as ``[...]`` is rich markup."""
    source, filing = submission.source, submission.source.filing
    out.rule(f"[bold]{escape(source.path)}[/]")
    out.print(f"format {source.format}, encoding {source.encoding or '-'}, {source.size:,} bytes")
    if filing:
        names = "; ".join(f"{f.name} (CIK {f.cik}, {f.role})" for f in filing.filers)
        out.print(f"{filing.form} filed {filing.filed}, accession {filing.accession}: {names}", markup=False)
    for doc in submission.documents:
        numbers = [p.number or "-" for p in doc.pages]
        out.print(
            f"  document {doc.sequence or 1} {doc.type or ''} ({doc.format}): {len(doc.text):,} chars, "
            f"{len(doc.pages)} pages, {len(doc.blocks)} blocks, {len(doc.tables)} tables; printed pages: {' '.join(numbers)}",
            markup=False,
        )
        if doc.pagination:
            out.print(f"    pages: {doc.pagination}", markup=False)
        for change in doc.revisions:
            loc = change.location
            out.print(f"    {change.kind} by {change.author or '-'} {change.date or ''} page {loc.page or '-'} line {loc.line}: "
                      f"{_quoted(change.before)} → {_quoted(change.after)}", markup=False)
        for balloon in doc.balloons:
            page = balloon.location.page if balloon.location else None
            out.print(f"    comment by {balloon.author or '-'} page {page or '-'} on {_quoted(balloon.anchor)}: {balloon.text}", markup=False)
        if pages:
            _print_pages(doc)
        if tables:
            for i, table in enumerate(doc.tables):
                loc = doc.location(table.start, table.end)
                out.print(f"    table {i} ({table.kind}) page {loc.page or '-'} line {loc.line}: {len(table.rows)} rows")
                for row in table.rows[:8]:
                    out.print("      | " + " | ".join(row), markup=False)
        if text:
            out.print(doc.text, markup=False)


def _print_pages(doc) -> None:
    grid = RichTable("sheet", "printed", "start", "end", "first line")
    for page in doc.pages:
        first = next((l.strip() for l in doc.text[page.start : page.end].split("\n") if l.strip()), "")
        grid.add_row(str(page.index + 1), escape(page.number or "-"), str(page.start), str(page.end), escape(first[:60]))
    out.print(grid)


def _quoted(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return '"' + (flat if len(flat) <= limit else flat[: limit - 3] + "...") + '"'
