"""A review for a person at a terminal: findings grouped by printed page, as a reviewer reads.

Each finding shows its severity, rule ID, staff-style message and the excerpt it points at; a
last line counts findings by severity and the checks that passed. ``tandy verify``'s results
are rendered here too: each response item's status with the text before and after.
"""

from __future__ import annotations

import io
import textwrap
from collections import Counter
from itertools import groupby

from rich.console import Console
from rich.text import Text

from tandy.rules.model import SEVERITIES, Finding, Review
from tandy.rules.verify import Change, StaffCheck, Verification

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
NO_PAGE = "no printed page"
INDENT = "    "


def render(review: Review, *, color: bool = False, width: int = 100) -> str:
    """The review as text, with ANSI colours when ``color`` (the CLI asks for them on a tty)."""
    console = _console(color, width)
    console.rule(Text(review.subject.path, style="bold"))
    for page, findings in groupby(review.findings, key=_page):
        console.print(Text(page if page == NO_PAGE else f"page {page}", style="bold underline"))
        for finding in findings:
            _print_finding(console, finding)
    console.print(summary(review), markup=False)
    return console.file.getvalue()


def _console(color: bool, width: int) -> Console:
    """A console that records into a string, so that rendering is a function the CLI prints."""
    return Console(file=io.StringIO(), force_terminal=color, no_color=not color, width=width, highlight=False)


def _page(finding: Finding) -> str:
    return finding.location.page if finding.location and finding.location.page else NO_PAGE


def _print_finding(console: Console, finding: Finding) -> None:
    line = finding.location.line if finding.location else None
    head = Text("  ")
    head.append(f"{finding.severity:<7}", style=STYLES[finding.severity])
    head.append(f" {finding.rule} ", style="bold")
    head.append(f"{finding.name}" + (f"  (line {line})" if line else ""), style="dim")
    console.print(head)
    console.print(_indented(finding.message, console.width), soft_wrap=True)
    console.print(_indented(finding.citation, console.width, "dim"), soft_wrap=True)
    if finding.excerpt:
        console.print(_indented(f"> {finding.excerpt}", console.width, "italic"), soft_wrap=True)


def _indented(text: str, width: int, style: str = "") -> Text:
    """Under the finding's head line, wrapped so that every line keeps the indent."""
    return Text(textwrap.fill(text, width, initial_indent=INDENT, subsequent_indent=INDENT), style=style)


def summary(review: Review) -> str:
    """"2 errors, 1 warning; 1 of 5 checks passed" — the last line of the report."""
    counts = Counter(f.severity for f in review.findings)
    found = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in reversed(SEVERITIES) if counts[s])
    passed = sum(c.status == "passed" for c in review.checks)
    return f"{found or 'no findings'}; {passed} of {len(review.checks)} checks passed"


# --- tandy verify ------------------------------------------------------------------------------------

VERIFY_STYLES = {"confirmed": "green", "not_found": "bold red", "no_change_claimed": "dim",
                 "answered": "green", "unanswered": "bold red"}


def render_verification(result: Verification, *, color: bool = False, width: int = 100) -> str:
    """Each response item with its status and the before/after text that bears it out."""
    console = _console(color, width)
    console.rule(Text(f"{result.response.path}: {result.before.path} → {result.after.path}", style="bold"))
    for item in result.items:
        pages = f"  pages {', '.join(item.pages)}" if item.pages else ""
        head = Text(f"{item.number if item.number is not None else '-'}. ")
        head.append(f"{item.status:<18}", style=VERIFY_STYLES[item.status])
        head.append(pages, style="dim")
        console.print(head)
        if item.claim:
            console.print(_indented(item.claim, console.width, "italic"), soft_wrap=True)
        for change, fit in zip(item.evidence, item.fits):
            _print_change(console, change, f"fits by {fit}")
    console.print(Text(f"unclaimed changes: {len(result.unclaimed)}", style="bold"))
    for change in result.unclaimed:
        _print_change(console, change, "nothing in the response accounts for it")
    return console.file.getvalue()


def _print_change(console: Console, change: Change, note: str) -> None:
    console.print(Text(f"    {change.kind} on page {change.page or '?'}: {note}", style="dim"))
    if change.before is not None:
        console.print(_indented(f"- {change.before}", console.width, "red"), soft_wrap=True)
    if change.after is not None:
        console.print(_indented(f"+ {change.after}", console.width, "green"), soft_wrap=True)


def render_staff_check(result: StaffCheck, *, color: bool = False, width: int = 100) -> str:
    """Each staff comment, answered (by which response item) or not."""
    console = _console(color, width)
    console.rule(Text(f"{result.staff.path} ← {result.response.path}", style="bold"))
    for answer in result.answers:
        head = Text(f"{answer.number if answer.number is not None else '-'}. ")
        head.append(f"{answer.status:<11}", style=VERIFY_STYLES[answer.status])
        if answer.matched_by:
            head.append(f" by {answer.matched_by} (response item {answer.response_number})", style="dim")
        console.print(head)
        console.print(_indented(_clip(answer.comment), console.width, "italic"), soft_wrap=True)
    missing = len(result.unanswered)
    console.print(Text(f"{len(result.answers) - missing} of {len(result.answers)} comments answered", style="bold"))
    return console.file.getvalue()


def _clip(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
