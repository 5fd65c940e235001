"""``tandy proxy``: people, committees, fund complex and meeting of proxy statements and SAIs;
``--table N --rulers`` shows how a fixed-width table was read."""

from __future__ import annotations

from typing import Annotated

import typer

from tandy.cli import DebugFlag, JsonFlag, MaxSize, Paths, app, out, run_batch
from tandy.document import parse
from tandy.errors import InputError
from tandy.proxy import Proxy, proxy_json, read_proxy
from tandy.proxy.checks import self_checks
from tandy.proxy.people import is_person_start
from tandy.tables import debug_view, read_text_tables


@app.command("proxy")
def proxy_command(
    paths: Paths,
    as_json: JsonFlag = False,
    table: Annotated[
        int | None, typer.Option("--table", help="Show fixed-width table N (as numbered by `tandy parse --tables`).")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Show the self-checks (stated counts against what was read); exit 1 if one fails.")
    ] = False,
    rulers: Annotated[bool, typer.Option("--rulers", help="With --table: show the column rulers the table was read by.")] = False,
    debug: DebugFlag = False,
    max_size: MaxSize = None,
) -> None:
    """Read proxy statements: directors, trustees, officers, committees, the fund complex.

    Example: tandy proxy ../shared/seed/000_33feab94224503d0.txt --table 2 --rulers
    """
    if table is not None:
        run_batch(paths, lambda p: parse(p, max_bytes=max_size), lambda s: {}, lambda s: _render_table(s, table, rulers), as_json=False, debug=debug)
        return
    if check:
        failed: list[str] = []

        def render_checks(proxy: Proxy) -> None:
            out.print(f"{proxy.path}", markup=False)
            for c in self_checks(proxy):
                counts = f" {c.found} of {c.expected}" if c.expected is not None else ""
                out.print(f"  {c.status:<15} {c.name}{counts}{': ' + c.detail if c.detail else ''}", markup=False)
                if c.status == "failed":
                    failed.append(proxy.path)

        def checked_json(proxy: Proxy) -> dict:
            shape = proxy_json(proxy)
            if any(c["status"] == "failed" for c in shape["checks"]):
                failed.append(proxy.path)
            return shape

        run_batch(paths, lambda p: read_proxy(p, max_bytes=max_size), checked_json, render_checks, as_json=as_json, debug=debug)
        if failed:
            raise typer.Exit(1)
        return
    run_batch(paths, lambda p: read_proxy(p, max_bytes=max_size), proxy_json, _render, as_json=as_json, debug=debug)


def _render(proxy: Proxy) -> None:
    out.rule(f"[bold]{proxy.path}[/]")
    out.print(f"{proxy.registrant or '-'} ({proxy.form or 'no EDGAR header'}), {len(proxy.people)} people, {len(proxy.committees)} committees")
    for p in proxy.people:
        number = p.age if p.age is not None else (f"b. {p.birth_year}" if p.birth_year else "-")
        flag = {True: " interested", False: " independent", None: ""}[p.interested]
        out.print(f"  {p.name} ({number}) {', '.join(p.roles)}{flag}: {p.positions or ''}", markup=False)
    for c in proxy.committees:
        out.print(f"  committee {c.name}: {c.meetings if c.meetings is not None else '-'} meetings", markup=False)
    if proxy.fund_complex:
        members = "; ".join(f"{m.name} ({m.portfolios})" for m in proxy.fund_complex.members)
        out.print(f"  fund complex: overseen {proxy.fund_complex.overseen}; {members}", markup=False)


def _render_table(submission, index: int, rulers: bool) -> None:
    document = submission.main
    if not 0 <= index < len(document.tables):
        raise InputError(
            submission.source.path,
            f"there is no table {index}: the document has {len(document.tables)} (`tandy parse --tables` lists them)",
        )
    region = document.tables[index]
    if region.kind != "text":
        for row in region.rows:
            out.print(" | ".join(row), markup=False)
        return
    for table in read_text_tables(document.text, region.start, region.end, starts_record=is_person_start):
        if rulers:
            out.print(debug_view(table), markup=False)
        out.print(" | ".join(table.header), markup=False)
        for record in table.records:
            out.print(" | ".join(record.cells), markup=False)
