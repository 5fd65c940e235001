"""Stage 5: a review shown to people and to tools — terminal, JSON, SARIF, Markdown, HTML, letter.

Each format is a module with ``render(...) -> str``; the CLI only picks one and writes its output.
Terminal, JSON and Markdown render one review; SARIF, HTML and the staff letter take several, as
one run, one page or one letter. :data:`FORMATS` names them for the CLI.
"""

from __future__ import annotations

from collections.abc import Iterable

from tandy.rules.model import SEVERITIES, Finding, Review, Severity

FORMATS = ("terminal", "json", "sarif", "markdown", "html", "letter")


def reviews_of(reviews: Review | Iterable[Review]) -> list[Review]:
    """One review or several, as a list: the multi-file renderers accept either."""
    return [reviews] if isinstance(reviews, Review) else list(reviews)


def at_or_above(severity: Severity, threshold: Severity) -> bool:
    """Whether a finding of ``severity`` counts against a ``--fail-on`` of ``threshold``."""
    return SEVERITIES.index(severity) >= SEVERITIES.index(threshold)


def failing(review: Review, threshold: Severity) -> list[Finding]:
    """The findings that make ``tandy review`` exit 1 at this threshold."""
    return [f for f in review.findings if at_or_above(f.severity, threshold)]


def page_label(finding: Finding) -> str | None:
    """"page 12" as staff write it, or None where the document prints no page number."""
    page = finding.location.page if finding.location else None
    return f"page {page}" if page else None
