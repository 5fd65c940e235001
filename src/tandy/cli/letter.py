"""``tandy letter``: a staff letter or a response read as a letter: kind, frame, numbered items."""

from __future__ import annotations

from tandy.cli import DebugFlag, JsonFlag, MaxSize, Paths, app, out, run_batch
from tandy.letters import Letter, read_letter
from tandy.letters.contract import letter_json

#: Characters of a comment or response shown in the summary table.
PREVIEW_CHARS = 160


@app.command("letter")
def letter_command(paths: Paths, as_json: JsonFlag = False, debug: DebugFlag = False, max_size: MaxSize = None) -> None:
    """Read SEC comment letters and responses: kind, date, Re: block, numbered comments and answers.

    Example: tandy letter ../shared/seed/000_33feab94224503d0.txt --json
    """
    run_batch(paths, lambda p: read_letter(p, max_bytes=max_size), letter_json, _render, as_json=as_json, debug=debug)


def _render(letter: Letter) -> None:
    subject = letter.subject_filing
    out.rule(f"[bold]{letter.path}[/]")
    to = ", ".join((letter.addressee or "-").splitlines())
    out.print(f"{letter.kind} dated {letter.date or '-'} from {letter.sender or '-'} to {to}", markup=False)
    if letter.cc:
        out.print(f"cc: {'; '.join(letter.cc)}", markup=False)
    out.print(
        f"re: {letter.registrant or '-'}, {subject.form or '-'} filed {subject.filed or '-'}, "
        f"CIK {subject.cik or '-'}, file no. {', '.join(subject.file_numbers) or '-'}"
        + (f", response dated {subject.response_dated}" if subject.response_dated else ""),
        markup=False,
    )
    for item in letter.items:
        where = f"page {item.location.page}" if item.location and item.location.page else ""
        out.print(f"\n[bold]{item.number if item.number is not None else '-'}.[/] {item.heading or ''}  [dim]{where}[/]")
        out.print(f"   comment:  {_preview(item.comment)}", markup=False)
        if item.response is not None:
            out.print(f"   response: {_preview(item.response)}", markup=False)
        details = [f"pages {', '.join(item.pages)}" if item.pages else "", item.disposition or ""]
        if any(details):
            out.print("   " + "; ".join(d for d in details if d), markup=False)
    ack = "yes" if letter.acknowledgments.tandy else "no"
    out.print(f"Tandy acknowledgments: {ack}; signed: {', '.join(letter.signatories) or '-'}; cc: {', '.join(letter.cc) or '-'}", markup=False)
    for commitment in letter.commitments:
        out.print(f"commitment ({commitment.date or 'undated'}): {commitment.text}", markup=False)


def _preview(text: str | None) -> str:
    if not text:
        return ""
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"
