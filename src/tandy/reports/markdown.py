"""A review as Markdown, for a pull request, an issue or a memo to the deal team.

A heading for the file, a line of what was reviewed, then the findings grouped by printed page,
each with its severity, rule, message, citation and the quoted text, and the checks that passed.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from tandy.reports import reviews_of
from tandy.reports.terminal import NO_PAGE, summary
from tandy.rules.model import Finding, Review

BADGES = {"error": "**error**", "warning": "*warning*", "info": "info"}


def render(reviews: Review | Iterable[Review]) -> str:
    """One review, or several one section after another."""
    return "\n".join(section(review) for review in reviews_of(reviews))


def section(review: Review) -> str:
    """One file's review: a level-2 heading and what was found under it."""
    subject = review.subject
    lines = [f"## Review of `{_code(subject.path)}`", "", _facts(review), "", summary(review), ""]
    for page, findings in groupby(review.findings, key=_page):
        lines += [f"### {page if page == NO_PAGE else 'Page ' + page}", ""]
        for finding in findings:
            lines += _finding(finding)
    passed = [c for c in review.checks if c.status == "passed"]
    if passed:
        lines += ["### Checks passed", ""]
        lines += [f"- `{c.rule}` {c.name}" + (f": {escape(c.detail)}" if c.detail else "") for c in passed]
        lines.append("")
    return "\n".join(lines)


def _facts(review: Review) -> str:
    subject = review.subject
    kind = "investment company" if subject.investment_company else "operating company"
    form = subject.form or "form unknown"
    filed = f"filed {subject.filed}" if subject.filed else "filing date unknown"
    return f"Read as a {subject.target} ({form}, {filed}, {kind}); sha256 `{subject.sha256[:12]}`."


def _page(finding: Finding) -> str:
    return finding.location.page if finding.location and finding.location.page else NO_PAGE


def _finding(finding: Finding) -> list[str]:
    line = f" (line {finding.location.line})" if finding.location else ""
    lines = [
        f"- {BADGES[finding.severity]} `{finding.rule}` {finding.name}{line}: {escape(finding.message)}",
        f"  *{escape(finding.citation)}*",
    ]
    if finding.excerpt:
        lines.append(f"  > {escape(finding.excerpt)}")
    return lines + [""]


def escape(text: str) -> str:
    """Document text quoted in Markdown: characters that would start markup are backslashed."""
    out = []
    for ch in text:
        out.append("\\" + ch if ch in "\\`*_[]<>#|" else ch)
    return "".join(out)


def _code(text: str) -> str:
    return text.replace("`", "'")
