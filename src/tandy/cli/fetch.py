"""``tandy fetch``: EDGAR filings into a local mirror (argument parsing and progress only)."""

from __future__ import annotations

import json
import time
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from tandy.cli import _one_line, app, err
from tandy.edgar import AccessSettings, FetchReport, FetchRequest, Outcome, fetch
from tandy.edgar.access import DEFAULT_RATE
from tandy.errors import InputError

@app.command("fetch")
def fetch_command(
    urls: Annotated[list[str] | None, typer.Argument(help="EDGAR filing URLs (folder, index page or .txt).", show_default=False)] = None,
    ticker: Annotated[str | None, typer.Option(help="The company by ticker (EDGAR's ticker map).")] = None,
    cik: Annotated[str | None, typer.Option(help="The company by CIK.")] = None,
    form: Annotated[list[str] | None, typer.Option("--form", help="Only these forms (repeat); groups: correspondence, proxy.", show_default=False)] = None,
    since: Annotated[str | None, typer.Option(help="Filed on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Filed on or before (YYYY-MM-DD).")] = None,
    index: Annotated[str | None, typer.Option(help="Every filing of a daily (2020-03-18) or quarterly (2020Q1) form index.")] = None,
    accession: Annotated[list[str] | None, typer.Option("--accession", help="Filings by accession number (repeat; with --cik).", show_default=False)] = None,
    thread: Annotated[str | None, typer.Option(help="One review: every CORRESP and UPLOAD under this file number, and the filing the staff letters name.")] = None,
    out_dir: Annotated[str, typer.Option("--out", help="The mirror folder.")] = "edgar",
    user_agent: Annotated[str | None, typer.Option("--user-agent", help='"Name email" declared to EDGAR (or TANDY_USER_AGENT, or [tool.tandy] user_agent).')] = None,
    edgar_url: Annotated[str | None, typer.Option("--edgar-url", help="One base URL for both EDGAR hosts (or TANDY_EDGAR_URL): a mirror or a test server.")] = None,
    rate: Annotated[float, typer.Option(help="Requests a second, for all threads together (at most 10).")] = DEFAULT_RATE,
    threads: Annotated[int, typer.Option(min=1, max=16, help="Downloads at once (the rate still holds).")] = 4,
    refresh: Annotated[bool, typer.Option("--refresh", help="Fetch again filings already in the mirror, replacing them.")] = False,
    list_only: Annotated[bool, typer.Option("--list", help="Print the filings the request names; fetch none.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines: one line a filing, its status and where it is.")] = False,
) -> None:
    """Fetch EDGAR filings (full submissions) into a mirror laid out by CIK and accession.

    Example: tandy fetch --ticker AAPL --form correspondence --since 2016-01-01 --user-agent "Jane Doe jane@firm.com"
    """
    request = FetchRequest(
        ticker=ticker, cik=cik, accessions=list(accession or []), urls=list(urls or []), index=index,
        thread=thread, forms=list(form or []), since=since, until=until,
    )
    settings = AccessSettings(rate=rate, threads=threads)
    with _FetchProgress(enabled=not list_only) as progress:
        try:
            report = fetch(
                request, out=out_dir, user_agent=user_agent, edgar_url=edgar_url, settings=settings, refresh=refresh,
                list_only=list_only, on_progress=progress.update,
            )
        except InputError as exc:
            progress.stop()
            err.print(f"[bold red]error[/]: {escape(_one_line(exc.path))}: {escape(_one_line(exc.problem))}")
            raise typer.Exit(2) from None
    if as_json or list_only:
        for outcome in report.outcomes:
            print(json.dumps(outcome_json(outcome, listed=list_only), ensure_ascii=False))
    if not list_only:
        _summary(report, out_dir)
    else:
        err.print(f"{len(report.outcomes)} filings", markup=False)
    for url, problem in report.listing_failures:
        err.print(f"[bold red]error[/]: {escape(_one_line(url))}: {escape(_one_line(problem))}")
    if report.failed:
        raise typer.Exit(2)


def outcome_json(outcome: Outcome, listed: bool = False) -> dict:
    """One filing as printed by ``--json`` and ``--list``: what it is, and what became of it."""
    wanted, entry = outcome.wanted, outcome.entry
    facts = {
        "accession": wanted.accession,
        "cik": wanted.cik.zfill(10),
        "form": entry.form if entry else wanted.form,
        "company": entry.company if entry else wanted.company,
        "filed": entry.filed if entry else wanted.filed,
        "file_numbers": entry.file_numbers if entry else wanted.file_numbers,
        "listed_size": wanted.size,
        "url": outcome.url,
    }
    if listed:
        return facts
    return facts | {
        "status": outcome.status,
        "path": entry.path if entry else None,
        "size": entry.size if entry else None,
        "sha256": entry.sha256 if entry else None,
        "problem": outcome.problem,
    }


def _summary(report: FetchReport, out_dir: str) -> None:
    for outcome in report.of("failed"):
        w = outcome.wanted
        what = f"{w.accession} ({w.form or 'filing'}{', filed ' + w.filed if w.filed else ''})"
        err.print(f"[bold red]failed[/]: {escape(what)}: {escape(_one_line(outcome.problem or ''))}")
    err.print(
        f"{len(report.of('fetched'))} fetched, {len(report.of('present'))} already there, "
        f"{len(report.of('failed'))} failed; {report.requests} requests, {report.bytes:,} bytes; mirror {out_dir}",
        markup=False,
    )


class _FetchProgress:
    """Filings done of those planned, bytes saved and filings a second, on standard error."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and err.is_terminal
        self.started_bar = False
        self.bar = Progress(
            TextColumn("fetching"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[detail]}"),
            TimeElapsedColumn(), console=err, transient=True, disable=not self.enabled,
        )
        self.task = self.bar.add_task("fetch", total=None, detail="")
        self.started = time.monotonic()
        self.saved = 0

    def __enter__(self) -> _FetchProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self.started_bar:
            self.bar.stop()
            self.started_bar = False

    def update(self, event: str, value: object) -> None:
        """Shown from the plan on, so an error before it stands alone on its line."""
        if self.enabled and not self.started_bar:
            self.bar.start()
            self.started_bar = True
        if event == "planned":
            total = (self.bar.tasks[0].total or 0) + int(value)  # type: ignore[arg-type]
            self.bar.update(self.task, total=total)
            return
        outcome: Outcome = value  # type: ignore[assignment]
        if outcome.status == "fetched" and outcome.entry:
            self.saved += outcome.entry.size
        done = self.bar.tasks[0].completed + 1
        per_second = done / max(time.monotonic() - self.started, 1e-6)
        self.bar.update(self.task, advance=1, detail=f"{self.saved / 1e6:.1f} MB, {per_second:.1f} filings/s")
