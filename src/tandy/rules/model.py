"""What a review produces: findings in staff style, and the checks that ran.

Shapes follow the ``tandy review --json`` contract (``shared/docs/contracts.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from tandy.document import Document, Location

if TYPE_CHECKING:
    from tandy.letters import Letter
    from tandy.proxy import Proxy

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")
Target = Literal["proxy", "letter"]


@dataclass(slots=True)
class Finding:
    """One problem, worded as staff would word the comment, pointing at where it is."""

    rule: str
    name: str
    severity: Severity
    citation: str
    message: str
    location: Location | None = None
    related: list[Location] = field(default_factory=list)
    excerpt: str | None = None
    section: str | None = None


@dataclass(slots=True)
class Check:
    """A rule that ran on the subject, and whether it passed (with what it confirmed)."""

    rule: str
    name: str
    status: Literal["passed", "failed"]
    detail: str | None = None


@dataclass(slots=True)
class Subject:
    """What the rules look at: one document, read as a proxy statement or as a letter.

    ``form``, ``filed`` and ``investment_company`` decide which rules apply; they come from the
    EDGAR header where there is one, from the text otherwise, and can be given by the user.
    """

    path: str
    sha256: str
    document: Document
    target: Target
    form: str | None = None
    filed: str | None = None
    investment_company: bool = False
    proxy: Proxy | None = None
    letter: Letter | None = None

    @property
    def stage(self) -> Literal["preliminary", "definitive"] | None:
        """Preliminary (PRE 14A and kin) or definitive (DEF 14A and kin), from the form."""
        form = (self.form or "").upper().replace(" ", "")
        if form.startswith("PRE"):
            return "preliminary"
        if form.startswith("DEF"):
            return "definitive"
        return None


@dataclass(slots=True)
class Skipped:
    """Rules of one family that did not run because the subject leaves something unknown (its
    form, its filing date), and the option that supplies it."""

    family: str
    rules: list[str]
    reason: str
    option: str


@dataclass(slots=True)
class Review:
    """The result of :func:`tandy.review` on one file."""

    subject: Subject
    findings: list[Finding]
    checks: list[Check]
    skipped: list[Skipped] = field(default_factory=list)
