"""``tandy precedents``: for each comment of a staff letter, how staff put it before, how others
answered, and what happened next."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.markup import escape

from tandy.cli import DebugFlag, _report_failure, app, err, out
from tandy.cli.corpus import Db
from tandy.corpus.precedent import first_words, outcome_text, precedent_json
from tandy.errors import InputError


@app.command("precedents")
def precedents_command(
    letter: Annotated[str, typer.Argument(help="A staff comment letter (or a response, for the comments it restates).")],
    db: Db = "tandy.db",
    k: Annotated[int, typer.Option("-k", "--k", min=1, max=50, help="Precedents per comment.")] = 5,
    any_date: Annotated[bool, typer.Option("--any-date", help="Count letters dated after this one too (study, not advice).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="The letter's contract shape, each item with its precedents.")] = False,
    debug: DebugFlag = False,
) -> None:
    """For each comment, the k closest earlier comments: company, date, form, citations, answer, outcome.

    Example: tandy precedents staff_letter.pdf --db tandy.db --k 3
    """
    from tandy.corpus import Corpus
    from tandy.letters import read_letter
    from tandy.letters.contract import letter_json

    try:
        corpus = Corpus(db, create=False)
        read = read_letter(letter)
        if not read.items:
            raise InputError(letter, "no numbered comments found; is this a staff comment letter?")
        with corpus, err.status("ranking precedents", spinner="dots"):
            found = corpus.precedents(read, k=k, any_date=any_date)
    except InputError as exc:
        _report_failure(exc.path, exc.problem, as_json=False)
        raise typer.Exit(2) from None
    except Exception as exc:  # a bug in tandy: one line, exit 2
        if debug:
            raise
        _report_failure(letter, f"internal error ({type(exc).__name__}: {exc}); rerun with --debug", as_json=False)
        raise typer.Exit(2) from None
    if as_json:
        shape = letter_json(read)
        for item, comment in zip(shape["items"], found):
            item["precedents"] = [precedent_json(m) for m in comment.matches]
            item["precedent_summary"] = comment.summary.line()
        print(json.dumps(shape, ensure_ascii=False, indent=2))
        return
    for comment in found:
        _render(comment)


def _render(comment) -> None:
    item = comment.item
    out.print(f"\n[bold]{item.number if item.number is not None else '-'}.[/] {escape(first_words(item.comment, 160) or '')}")
    out.print(f"   [italic]{escape(comment.summary.line())}[/]")
    for match in comment.matches:
        p = match.precedent
        cited = ", ".join(sorted(p.citations)) or "no citation"
        out.print(
            f"   [bold]{match.score:.3f}[/] {escape(p.letter.registrant or '-')}, {p.date or '-'}, "
            f"{escape(p.letter.form_reviewed or '-')}, comment {p.comment.number if p.comment.number is not None else '-'} ({escape(cited)})"
        )
        out.print(f"      {first_words(p.comment.comment, 140)}", markup=False)
        answer = first_words(p.answer, 140)
        out.print(f"      answer: {p.disposition or 'no disposition'}: {answer or '(no answer in the corpus)'}", markup=False)
        out.print(f"      then: {outcome_text(p)}  [dim]{escape(p.letter.path)}[/]")
