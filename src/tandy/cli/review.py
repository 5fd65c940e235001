"""``tandy review``, ``tandy rules`` and ``tandy verify``: the rules run, listed, and the loop closed.

Each command reads its inputs through the library (:func:`tandy.review`, :func:`tandy.verify`),
renders with :mod:`tandy.reports`, and prints or writes the result (``-o`` never overwrites
without ``--force`` and never leaves a partial file). Exit codes are a linter's: 0 nothing at or
above the threshold, 1 findings (or claims not borne out), 2 an input that could not be read.
"""

from __future__ import annotations

import traceback
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from tandy.cli import DebugFlag, JsonFlag, Paths, _report_failure, app, err, out
from tandy.errors import InputError
from tandy.files import check_writable, write_text
from tandy.reports import failing
from tandy.rules.model import Review
from tandy.source import expand_paths


TARGETS = {"proxy": "proxy statements", "letter": "response letters"}


class Format(str, Enum):
    terminal = "terminal"
    json = "json"
    sarif = "sarif"
    markdown = "markdown"
    html = "html"
    letter = "letter"


class RedlineFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    html = "html"
    docx = "docx"


class Level(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def _ids(value: str | None) -> list[str] | None:
    """"TDY1,TDY201" as a list of rule IDs or prefixes."""
    return [part.strip().upper() for part in value.split(",") if part.strip()] if value else None


@app.command("review")
def review_command(
    paths: Paths,
    format: Annotated[Format, typer.Option("--format", "-f", help="How to show the findings.")] = Format.terminal,
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file instead of printing.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file if it exists.")] = False,
    fail_on: Annotated[Level | None, typer.Option("--fail-on", help="Exit 1 on findings at or above this (default: config, else error).")] = None,
    select: Annotated[str | None, typer.Option("--select", help="Rules to run: IDs or prefixes, comma-separated (replaces the config's).")] = None,
    ignore: Annotated[str | None, typer.Option("--ignore", help="Rules not to run: IDs or prefixes, comma-separated (added to the config's).")] = None,
    form: Annotated[str | None, typer.Option("--form", help='The form reviewed, e.g. "PRE 14A", where the file does not say.')] = None,
    filed: Annotated[str | None, typer.Option("--filed", help="Filing date, YYYY-MM-DD, where the file does not say.")] = None,
    fund: Annotated[bool | None, typer.Option("--fund/--company", help="An investment company, or an operating company.")] = None,
    precedents: Annotated[
        str | None,
        typer.Option("--precedents", help="A corpus database: past staff comments on each finding's requirement and each section."),
    ] = None,
    debug: DebugFlag = False,
) -> None:
    """Review proxy statements and response letters as staff would: numbered, cited findings.

    Example: tandy review ../shared/seed/reconstructed_pre14a_excerpt.txt --format html -o review.html
    """
    from tandy.rules import load_config

    if as_json:
        if format not in (Format.terminal, Format.json):
            _fail(f"--json is --format json; it cannot be combined with --format {format.value}")
        format = Format.json
    if output is not None:
        try:
            check_writable(output, force)
        except InputError as exc:
            _fail(str(exc))
    try:
        config = load_config()
    except InputError as exc:
        _fail(f"{exc.path}: {exc.problem}")
    config.select = _ids(select) or config.select
    config.ignore = [*config.ignore, *(_ids(ignore) or [])]
    threshold = fail_on.value if fail_on else config.fail_on
    corpus = _precedent_corpus(precedents, format) if precedents else None
    outcomes = [_review_one(path, config, form, filed, fund, debug) for path in expand_paths(paths)]
    if corpus is not None:
        text = _render_with_precedents(format, outcomes, corpus, color=output is None and out.is_terminal)
    else:
        text = _render(format, outcomes, color=output is None and out.is_terminal)
    _emit(text, output, force)
    if any(isinstance(o, str) for _, o in outcomes):
        raise typer.Exit(2)
    if any(failing(o, threshold) for _, o in outcomes):
        raise typer.Exit(1)


def _review_one(path: str, config, form, filed, fund, debug: bool) -> tuple[str, Review | str]:
    """One file's review, or the problem that stopped it (already reported on stderr)."""
    from tandy.rules import review

    try:
        return path, review(path, config=config, form=form, filed=filed, fund=fund)
    except InputError as exc:
        problem = exc.problem
    except Exception as exc:  # a bug in tandy: report it like a bad file, keep the batch going
        if debug:
            traceback.print_exc()
        problem = f"internal error ({type(exc).__name__}: {exc}); rerun with --debug"
    _report_failure(path, problem, as_json=False)
    return path, problem


def _render(format: Format, outcomes: list[tuple[str, Review | str]], *, color: bool) -> str:
    from tandy.reports import contract, html, letter, markdown, sarif, terminal

    reviews = [o for _, o in outcomes if isinstance(o, Review)]
    if format is Format.json:
        objects = [contract.review_json(o) if isinstance(o, Review) else contract.failure_json(p, o) for p, o in outcomes]
        return contract.render(reviews[0]) + "\n" if len(outcomes) == 1 and reviews else contract.render_lines(objects)
    if format is Format.terminal:
        return "".join(terminal.render(r, color=color) + skipped_summary(r) for r in reviews)
    if not reviews:
        return ""
    renderer = {Format.sarif: sarif, Format.markdown: markdown, Format.html: html, Format.letter: letter}[format]
    return renderer.render(reviews) + "\n"


def skipped_summary(review: Review) -> str:
    """Under the counts, one line per rule family that did not run for want of the form or the
    filing date, with the option that runs it."""
    return "".join(
        f"not run: {len(s.rules)} {s.family} rule{'s' if len(s.rules) != 1 else ''} ({', '.join(s.rules)}): "
        f"{s.reason}; give {s.option}\n"
        for s in review.skipped
    )
def _precedent_corpus(db: str, format: Format):
    """The corpus ``--precedents`` names, opened before any review runs so a bad one fails first."""
    from tandy.cli.review_precedents import FORMATS
    from tandy.corpus import Corpus

    if format.value not in FORMATS:
        _fail(f"--precedents shows with --format {', '.join(FORMATS)}, not {format.value}")
    try:
        return Corpus(db, create=False)
    except InputError as exc:
        _fail(f"{exc.path}: {exc.problem}")


def _render_with_precedents(format: Format, outcomes, corpus, *, color: bool) -> str:
    from tandy.cli import review_precedents

    reviews = [o for _, o in outcomes if isinstance(o, Review)]
    with corpus, err.status("ranking precedents", spinner="dots"):
        attached = [review_precedents.attach(corpus, r, k=3) for r in reviews]
    return review_precedents.render(format.value, reviews, attached, color=color) if reviews else ""


def _emit(text: str, output: Path | None, force: bool) -> None:
    """Print, or write the whole output atomically (nothing written when there is nothing to say)."""
    if output is None:
        print(text, end="")
        return
    if not text:
        err.print(f"nothing written to {output}: no input could be reviewed", markup=False)
        return
    try:
        write_text(output, text, force)
    except InputError as exc:
        _fail(str(exc))
    err.print(f"wrote {output}", markup=False)


def _fail(message: str) -> None:
    err.print(f"error: {message}", markup=False)
    raise typer.Exit(2)


# --- tandy rules ------------------------------------------------------------------------------------


@app.command("rules")
def rules_command(
    rule_id: Annotated[str | None, typer.Argument(help="A rule's ID or name: print its documentation.")] = None,
) -> None:
    """List every rule, or print one rule's documentation: what it checks, why, and two examples.

    Example: tandy rules TDY101
    """
    from tandy.rules import all_rules, rule_by_id

    if rule_id is None:
        out.print(_rules_table(all_rules()))
        return
    rule = rule_by_id(rule_id)
    if rule is None:
        _fail(f"no rule {rule_id!r}; `tandy rules` lists them all")
    _print_rule(rule)


def _rules_table(rules) -> Table:
    from tandy.rules.catalogue import FAMILIES

    table = Table(show_lines=False, header_style="bold")
    for column in ("ID", "name", "severity"):
        table.add_column(column, no_wrap=True)
    table.add_column("family")
    table.add_column("citation", overflow="fold")
    for rule in rules:
        table.add_row(rule.id, rule.name, rule.severity, FAMILIES.get(rule.id[:4], ""), rule.citation)
    return table


def _print_rule(rule) -> None:
    from tandy.rules.catalogue import FAMILIES
    from tandy.rules.examples import SECTIONS, sections

    parts = sections(type(rule))
    out.print(Text(f"{rule.id} {rule.name}", style="bold"))
    out.print(f"{rule.severity} · {FAMILIES.get(rule.id[:4], '')} · {rule.citation} · applies to {TARGETS[rule.target]}", markup=False)
    if parts.get("summary"):
        out.print()
        out.print(parts["summary"], markup=False)
    for heading in SECTIONS:
        if parts.get(heading):
            out.print()
            out.print(Text(heading, style="bold underline"))
            style = "cyan" if "example" in heading else ""
            out.print(Text(parts[heading], style=style))


# --- tandy verify -----------------------------------------------------------------------------------


@app.command("verify")
def verify_command(
    response: Annotated[str, typer.Option("--response", help="The response letter (CORRESP).")],
    before: Annotated[str | None, typer.Option("--before", help="The filing as it was (e.g. the PRE 14A).")] = None,
    after: Annotated[str | None, typer.Option("--after", help="The filing as revised (e.g. the DEF 14A).")] = None,
    staff: Annotated[str | None, typer.Option("--staff", help="The staff comment letter: check that every comment got an answer.")] = None,
    marked: Annotated[str | None, typer.Option("--marked", help="The revised pages marked to show changes (.docx tracked changes, or HTML underline/strike): check the claims against the marks.")] = None,
    format: Annotated[RedlineFormat, typer.Option("--format", "-f", help="terminal, json, or a redline of the revised pages: html or docx (with -o).")] = RedlineFormat.terminal,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the result (the redline) to this file.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file if it exists.")] = False,
    as_json: JsonFlag = False,
    debug: DebugFlag = False,
) -> None:
    """Check a response letter: the changes it claims are in the revised filing, or every comment is answered.

    Example: tandy verify --response corresp.txt --before pre14a.txt --after def14a.txt
    Example: tandy verify --response corresp.txt --marked revised_marked.docx --format html -o redline.html
    """
    if marked is not None and (before or after or staff):
        _fail("--marked reads both versions from the marks: give it without --before/--after or --staff")
    if staff is None and marked is None and (before is None or after is None):
        _fail("give --before and --after (claimed changes), --marked (a marked copy), or --staff (answered comments)")
    if staff is not None and (before or after):
        _fail("--staff checks answers; --before/--after check changes: give one or the other")
    if output is not None and output.exists() and not force:
        _fail(f"{output}: exists; use --force to overwrite it")
    if format is RedlineFormat.docx and output is None:
        _fail("--format docx writes a file: give -o FILE.docx")
    if format in (RedlineFormat.html, RedlineFormat.docx) and staff is not None:
        _fail("a redline shows changes: give --marked or --before/--after, not --staff")
    as_json = as_json or format is RedlineFormat.json
    try:
        letter = _letter_of_kind(response, "response", "--response")
        if format in (RedlineFormat.html, RedlineFormat.docx) or marked is not None:
            failed = _verify_marked(letter, marked, before, after, format, output, force, as_json)
        elif staff:
            failed = _verify_staff(letter, _staff_letter_for(letter, staff), as_json)
        else:
            failed = _verify_changes(letter, before, after, as_json)
    except InputError as exc:
        _fail(f"{exc.path}: {exc.problem}")
    except Exception as exc:  # a bug in tandy: one line, exit 2, traceback only when asked
        if debug:
            traceback.print_exc()
        _fail(f"internal error ({type(exc).__name__}: {exc}); rerun with --debug")
    if failed:
        raise typer.Exit(1)


def _letter_of_kind(path: str, kind: str, option: str):
    """The letter at ``path``, refused unless it reads as ``kind`` (a proxy given as the response)."""
    from tandy.cli.draft import KIND_NAMES
    from tandy.letters import read_letter

    letter = read_letter(path)
    if letter.kind != kind:
        raise InputError(path, f"{option} needs {KIND_NAMES[kind]}; this is not {KIND_NAMES[kind]}, it reads as {KIND_NAMES.get(letter.kind, letter.kind)}")
    return letter


def _staff_letter_for(response, path: str):
    """The staff letter at ``path``, refused unless it is one, about the response's filing."""
    staff = _letter_of_kind(path, "staff_comment", "--staff")
    ours, theirs = response.subject_filing, staff.subject_filing
    if ours.cik and theirs.cik and ours.cik.lstrip("0") != theirs.cik.lstrip("0"):
        raise InputError(path, f"is about CIK {theirs.cik}; the response answers about CIK {ours.cik}")
    if ours.file_numbers and theirs.file_numbers and not set(ours.file_numbers) & set(theirs.file_numbers):
        raise InputError(
            path, f"is about file no. {', '.join(theirs.file_numbers)}; the response is about {', '.join(ours.file_numbers)}"
        )
    return staff


def _verify_changes(response, before: str, after: str, as_json: bool) -> bool:
    import json

    from tandy.reports import contract, terminal
    from tandy.rules.verify import verify

    result = verify(response, before, after)
    if as_json:
        print(json.dumps(contract.verification_json(result), ensure_ascii=False, indent=2))
    else:
        print(terminal.render_verification(result, color=out.is_terminal), end="")
    return result.failed


def _verify_marked(response, marked, before, after, format, output: Path | None, force: bool, as_json: bool) -> bool:
    """Claims against a marked copy (or two versions), shown, or written as a redline."""
    import json

    from tandy.reports import contract, redline, terminal
    from tandy.rules.marked import verify_marked
    from tandy.rules.verify import verify

    result = verify_marked(response, marked) if marked is not None else verify(response, before, after)
    if format is RedlineFormat.docx:
        _write(output, lambda: redline.write_docx(result, output, force=True))
    elif format is RedlineFormat.html:
        _emit(redline.render_html(result), output, force)
    elif as_json:
        _emit(json.dumps(contract.verification_json(result), ensure_ascii=False, indent=2) + "\n", output, force)
    else:
        _emit(terminal.render_verification(result, color=output is None and out.is_terminal), output, force)
    return result.failed


def _write(output: Path, write) -> None:
    """Write a file (an OutputError reaches the caller's one-line report), then say so."""
    write()
    err.print(f"wrote {output}", markup=False)


def _verify_staff(response, staff, as_json: bool) -> bool:
    import json

    from tandy.reports import contract, terminal
    from tandy.rules.verify import verify_against_staff

    result = verify_against_staff(response, staff)
    if as_json:
        print(json.dumps(contract.staff_check_json(result), ensure_ascii=False, indent=2))
    else:
        print(terminal.render_staff_check(result, color=out.is_terminal), end="")
    return bool(result.unanswered)
