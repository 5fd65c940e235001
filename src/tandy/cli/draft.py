"""``tandy draft-response``: a response skeleton (.docx or .md) from a staff comment letter."""

from __future__ import annotations

from datetime import date as Date
from pathlib import Path
from typing import Annotated

import typer

from tandy.cli import app, err, out
from tandy.errors import InputError
from tandy.files import check_writable
from tandy.letters.draft import draft_response, write_docx, write_markdown
from tandy.letters.model import Letter

WRITERS = {".docx": write_docx, ".md": write_markdown}

#: What a letter of each kind is, as an error names it.
KIND_NAMES = {
    "staff_comment": "a staff comment letter",
    "response": "a response letter",
    "closing": "a staff closing letter",
    "other": "no letter of the review (a proxy statement or another document?)",
}


def load_letter(path: str) -> Letter:
    """The staff letter, read by the letter reader (imported here so the CLI loads fast)."""
    from tandy.letters import read_letter

    return read_letter(path)


@app.command("draft-response")
def draft_response_command(
    staff_letter: Annotated[str, typer.Argument(help="The staff comment letter (PDF, HTML, text or EDGAR file).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write: a .docx or .md file.")],
    date: Annotated[str | None, typer.Option("--date", help="Date line of the response, YYYY-MM-DD (default today).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file if it exists.")] = False,
    precedents: Annotated[
        str | None, typer.Option("--precedents", help="A corpus database: the closest earlier answers under each response, as notes.")
    ] = None,
    k: Annotated[int, typer.Option("-k", "--k", min=1, max=10, help="Precedent notes per comment (with --precedents).")] = 3,
) -> None:
    """Start a response letter: addressee, Re: block, every comment in bold, a Response: under each.

    With --precedents, the closest earlier answers to each comment (and what followed) are added as
    Word comments (.docx) or footnotes (.md) beside its response: references, never the answer.

    Example: tandy draft-response staff_letter.pdf -o response.docx --date 2016-04-19 --precedents tandy.db
    """
    try:
        writer = WRITERS.get(output.suffix.lower())
        if writer is None:
            raise InputError(str(output), "the output must end in .docx or .md")
        if date is not None:
            _check_date(date)
        check_writable(output, force)
        letter = load_letter(staff_letter)
        if letter.kind != "staff_comment":
            raise InputError(staff_letter, f"reads as {KIND_NAMES.get(letter.kind, letter.kind)}, not a staff comment letter to answer")
        if not letter.items:
            raise InputError(staff_letter, "no numbered staff comments found; is this a staff comment letter?")
        notes = precedent_notes(letter, precedents, k) if precedents else None
        written = writer(draft_response(letter, date, notes), output, force=force)
    except InputError as exc:
        err.print(f"error: {exc.path}: {exc.problem}", markup=False)
        raise typer.Exit(2) from None
    out.print(f"wrote {written} ({len(letter.items)} comments)", markup=False)


def precedent_notes(letter: Letter, db: str, k: int) -> list[list[str]]:
    """For each comment, margin notes on the ``k`` closest earlier answers in the corpus at ``db``."""
    from tandy.corpus import Corpus
    from tandy.corpus.precedent import precedent_note

    with Corpus(db, create=False) as corpus, err.status("ranking precedents", spinner="dots"):
        found = corpus.precedents(letter, k=k * 3)  # drawn wider: only answered precedents are noted
    return [[precedent_note(m) for m in c.matches if m.precedent.answer][:k] for c in found]


def _check_date(value: str) -> None:
    try:
        Date.fromisoformat(value)
    except ValueError:
        raise InputError("--date", f"{value!r} is not a date in the form YYYY-MM-DD") from None
