"""The ``tandy`` command: argument parsing and rendering only; the work is in the library.

One module a command group (:mod:`tandy.cli.parse`, ...), each registering on :data:`app`.

Every command that reads documents takes several paths (files, folders, globs) and runs them as a
batch: a file that fails prints one line naming it and the problem, the others still run, and
the exit code is 2 at the end if any failed (``shared/docs/contracts.md``).
"""

from __future__ import annotations

import json
import sys
import traceback
import warnings
from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from tandy import __version__
from tandy.document import UnreadPageWarning
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
    int | None,
    typer.Option("--max-size", min=1, help="Refuse files larger than this many bytes (default 200 MB, or TANDY_MAX_BYTES)."),
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
    Printing a result is part of its file's attempt, so a rendering bug fails that file only.
    """
    files = list(expand_paths(paths))
    indent = 2 if len(files) == 1 else None
    failed = 0
    for path in files:
        try:
            result = _read_warning(path, read)
            if as_json:
                print(json.dumps(to_json(result), ensure_ascii=False, indent=indent))
            else:
                render(result)
        except InputError as exc:
            failed += 1
            _report_failure(path, exc.problem, as_json)
        except Exception as exc:  # a bug in tandy: report it like a bad file, keep the batch going
            failed += 1
            if debug:
                traceback.print_exc()
            _report_failure(path, f"internal error ({type(exc).__name__}: {exc}); rerun with --debug", as_json)
    if failed:
        raise typer.Exit(2)


def _read_warning(path: str, read: Callable[[str], Any]) -> Any:
    """``read(path)``, with each page it could not read (a scan, without OCR) told on stderr.

    A warning does not fail the file: it is read with what could be read, and exits 0.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UnreadPageWarning)
        result = read(path)
    for warning in caught:
        if issubclass(warning.category, UnreadPageWarning):
            err.print(f"[yellow]warning[/]: {escape(_one_line(str(path)))}: {escape(_one_line(str(warning.message)))}")
        else:
            warnings.showwarning(warning.message, warning.category, warning.filename, warning.lineno)
    return result


def _report_failure(path: str, problem: str, as_json: bool) -> None:
    """One line on stderr (and one JSON line on stdout with ``--json``), whatever the path holds.

    File names and problems may hold newlines or ``[...]``, which would break the line or be read
    as rich markup, so they are flattened and escaped.
    """
    if as_json:
        print(json.dumps({"source": {"path": str(path)}, "error": problem}, ensure_ascii=False))
    err.print(f"[bold red]error[/]: {escape(_one_line(str(path)))}: {escape(_one_line(problem))}", markup=True)


def _one_line(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")


def main() -> None:
    """Console entry point."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


# Each command module registers its commands on `app` when imported; they import the names above.
from tandy.cli import parse  # noqa: E402, F401
from tandy.cli import draft  # noqa: E402, F401
from tandy.cli import letter  # noqa: E402, F401
from tandy.cli import proxy  # noqa: E402, F401
from tandy.cli import corpus  # noqa: E402, F401
from tandy.cli import precedents  # noqa: E402, F401
from tandy.cli import review  # noqa: E402, F401
from tandy.cli import review_threads  # noqa: E402, F401
from tandy.cli import serve  # noqa: E402, F401
from tandy.cli import fetch  # noqa: E402, F401
