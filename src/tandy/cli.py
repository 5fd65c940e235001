"""The ``tandy`` command: argument parsing and rendering only; the work is in the library.

Every command that reads documents takes several paths (files, folders, globs) and runs them as a
batch: a file that fails prints one line naming it and the problem, the others still run, and
the exit code is 2 at the end if any failed (``shared/docs/contracts.md``).
"""

from __future__ import annotations

import json
import sys
import traceback
from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table as RichTable

from tandy import __version__
from tandy.document import Submission, parse
from tandy.document.contract import submission_json
from tandy.errors import InputError
from tandy.source import expand_paths

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Review SEC filings the way staff do: EDGAR documents, comment letters, proxy statements.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

Paths = Annotated[list[str], typer.Argument(help="Files, folders or globs.", show_default=False)]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print the JSON contract (JSON Lines for several files).")]
DebugFlag = Annotated[bool, typer.Option("--debug", help="Show the traceback of an unexpected error.")]
MaxSize = Annotated[
    int | None, typer.Option("--max-size", help="Refuse files larger than this many bytes (default 200 MB).")
]


def _version(value: bool) -> None:
    if value:
        out.print(f"tandy {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Review SEC filings the way staff do: EDGAR documents, comment letters, proxy statements."""


def run_batch(
    paths: list[str],
    read: Callable[[str], Any],
    to_json: Callable[[Any], dict],
    render: Callable[[Any], None],
    *,
    as_json: bool,
    debug: bool,
) -> None:
    """Read each path; print JSON (one object, or JSON Lines) or a readable summary.

    Exit code 2 when any file failed; the failure is printed where its result would have been.
    """
    files = list(expand_paths(paths))
    failed = 0
    for path in files:
        try:
            result = read(path)
        except InputError as exc:
            failed += 1
            _report_failure(path, exc.problem, as_json)
            continue
        except Exception as exc:  # a bug in tandy: report it like a bad file, keep the batch going
            failed += 1
            if debug:
                traceback.print_exc()
            _report_failure(path, f"internal error ({type(exc).__name__}: {exc}); rerun with --debug", as_json)
            continue
        if as_json:
            data = to_json(result)
            print(json.dumps(data, ensure_ascii=False, indent=2 if len(files) == 1 else None))
        else:
            render(result)
    if failed:
        raise typer.Exit(2)


def _report_failure(path: str, problem: str, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"source": {"path": str(path)}, "error": problem}, ensure_ascii=False))
    err.print(f"[bold red]error[/]: {path}: {problem}", markup=True)


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
    """Read EDGAR submissions, HTML, text or PDF documents: filing header, pages, blocks, tables.

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
    source, filing = submission.source, submission.source.filing
    out.rule(f"[bold]{source.path}[/]")
    out.print(f"format {source.format}, encoding {source.encoding or '-'}, {source.size:,} bytes")
    if filing:
        names = "; ".join(f"{f.name} (CIK {f.cik}, {f.role})" for f in filing.filers)
        out.print(f"{filing.form} filed {filing.filed}, accession {filing.accession}: {names}")
    for doc in submission.documents:
        numbers = [p.number or "-" for p in doc.pages]
        out.print(
            f"  document {doc.sequence or 1} {doc.type or ''} ({doc.format}): {len(doc.text):,} chars, "
            f"{len(doc.pages)} pages, {len(doc.blocks)} blocks, {len(doc.tables)} tables; printed pages: {' '.join(numbers)}"
        )
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
        grid.add_row(str(page.index + 1), page.number or "-", str(page.start), str(page.end), first[:60])
    out.print(grid)


def main() -> None:
    """Console entry point."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
