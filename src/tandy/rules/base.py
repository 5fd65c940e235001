"""A rule, and the four shapes most rules are declared on.

A rule is a small class: a kebab-case ``name``, the ``citation`` staff would give, a default
``severity``, an applicability test (:meth:`Rule.applies`: proxy or letter, fund or operating
company, preliminary or definitive, the era of the filing) and a check. Its docstring says, in
four parts, what it checks, why staff ask, a failing example and a passing example;
``tandy rules ID`` prints it and the test suite runs both examples.

Most checks are one of four shapes, written once here (after Vale's *existence*, *conditional*
and *consistency* checks): a required statement appears (:class:`Existence`); if X is said, Y
must be too (:class:`Conditional`); a fact stated in several places agrees (:class:`Consistency`);
parts add up to their stated total (:class:`Arithmetic`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar, Literal

from tandy.document import Location
from tandy.rules.model import Finding, Severity, Subject, Target

EXCERPT_CHARS = 240
"""Findings quote at most this much of the text they point at."""

HEAD_CHARS = 20_000
"""The cover page, notice and first page of a filing fit in this much text."""
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")

DocumentKind = Literal["proxy", "sai", "excerpt", "other"]
_PROXY_HEAD = re.compile(r"proxy\s+statement|notice\s+of\s+(?:the\s+)?(?:\d{4}\s+)?(?:annual|special)\s+meeting|schedule\s+14a", re.I)
_SAI_HEAD = re.compile(r"statement\s+of\s+additional\s+information|\bprospectus\b|Form\s+N-1A|Rule\s+485\b", re.I)
_COVER_DATE = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+(\d{1,2}),\s+((?:19|20)\d\d)\b")


def document_kind(subject: Subject) -> DocumentKind:
    """What the rules are reading, by the form where it is known, else by the first pages.

    "proxy": a whole proxy statement (Schedule 14A); "sai": a fund's registration statement
    (Form N-1A: prospectus and SAI); "excerpt": pages of a proxy statement without its cover,
    notice or opening, where only rules about the sections present can speak; "other": any
    other form.
    """
    form = (subject.form or "").upper().replace(" ", "")
    if form:
        if "14A" in form:
            return "proxy"
        return "sai" if form.startswith(("485", "497", "N-1A", "N1A")) else "other"
    head = subject.document.text[:HEAD_CHARS]
    if _PROXY_HEAD.search(head):
        return "proxy"
    return "sai" if _SAI_HEAD.search(head) else "excerpt"


def filing_date(subject: Subject) -> str | None:
    """The EDGAR filing date, else the first date on the cover or notice (the notice's date or
    the meeting's, either within weeks of filing), as an ISO date.

    Rules adopted in a given year are not asked of earlier filings; a filing without a header
    still says when it was made on its first pages.
    """
    if subject.filed:
        return subject.filed
    match = _COVER_DATE.search(subject.document.text[:HEAD_CHARS])
    if not match:
        return None
    month, day, year = match.groups()
    return f"{year}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"


class Rule:
    """Base of every rule. Subclasses set the class attributes and implement :meth:`check`."""

    id: str = ""
    name: ClassVar[str]
    citation: ClassVar[str]
    severity: ClassVar[Severity] = "error"
    target: ClassVar[Target | Literal["any"]] = "proxy"
    """What the rule reads: a proxy statement, a letter, or "any" document (spelling, blanks)."""
    registrant: ClassVar[Literal["any", "fund", "company"]] = "any"
    stages: ClassVar[tuple[str, ...]] = ("preliminary", "definitive", None)
    era: ClassVar[tuple[str | None, str | None]] = (None, None)
    """Filing dates (ISO, inclusive start, exclusive end) in which the rule applies."""
    meeting_only: ClassVar[bool] = False
    """The requirement is a proxy statement's about its meeting (the dates, the proposals, the
    vote): not asked of a fund's registration statement or any other form."""

    def applies(self, subject: Subject) -> bool:
        """Whether the rule speaks to this subject at all."""
        if self.target not in (subject.target, "any") or subject.stage not in self.stages:
            return False
        if self.meeting_only and document_kind(subject) in ("sai", "other"):
            return False
        if self.registrant == "fund" and not subject.investment_company:
            return False
        if self.registrant == "company" and subject.investment_company:
            return False
        return self.in_era(filing_date(subject))

    def in_era(self, date: str | None) -> bool:
        """Whether a filing made on ``date`` is asked this rule. A rule with an era is not run
        on a filing of unknown date (the review names it as skipped, with ``--filed``): a 2000
        proxy is not to be asked for what Item 407 brought in 2006."""
        start, end = self.era
        if not (start or end):
            return True
        return date is not None and (not start or date >= start) and (not end or date < end)

    def check(self, subject: Subject) -> Iterable[Finding]:
        raise NotImplementedError

    def confirmation(self, subject: Subject) -> str | None:
        """What a passed check confirms, for the report ("4 of 4 comments answered")."""
        return None

    def finding(
        self,
        subject: Subject,
        message: str,
        start: int | None = None,
        end: int | None = None,
        related: Iterable[Location] = (),
        section: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of this rule at a span of the subject's document, with its excerpt.

        ``severity`` departs from the rule's default for a lesser form of its problem (a
        non-standard range where the table exists, a missing filing date where the registrant is
        named).
        """
        doc = subject.document
        location = doc.location(start, end if end is not None else start) if start is not None else None
        excerpt = " ".join(doc.text[start:end].split())[:EXCERPT_CHARS] if start is not None and end else None
        return Finding(
            self.id, self.name, severity or self.severity, self.citation, message, location, list(related), excerpt, section
        )


def search(patterns: Iterable[str], text: str, flags: int = re.I | re.S) -> re.Match | None:
    """The first match of any pattern, or None."""
    for pattern in patterns:
        match = re.search(pattern, text, flags)
        if match:
            return match
    return None


class Existence(Rule):
    """Shape: a statement the rule requires appears somewhere in the document."""

    required: ClassVar[tuple[str, ...]]
    message: ClassVar[str]

    def anchor(self, subject: Subject) -> tuple[int, int] | None:
        """Where the missing statement belongs (a section heading), or None for the whole document."""
        return None

    def check(self, subject: Subject) -> Iterator[Finding]:
        if search(self.required, subject.document.text):
            return
        span = self.anchor(subject)
        yield self.finding(subject, self.message, *(span or (None, None)))


class Conditional(Rule):
    """Shape: where the document says X (the trigger), it must also say Y (the requirement)."""

    trigger: ClassVar[tuple[str, ...]]
    required: ClassVar[tuple[str, ...]]
    message: ClassVar[str]

    def triggers(self, subject: Subject) -> list[tuple[int, int]]:
        """Spans that call for the requirement (by default, the first match of ``trigger``)."""
        match = search(self.trigger, subject.document.text)
        return [(match.start(), match.end())] if match else []

    def satisfied(self, subject: Subject, span: tuple[int, int]) -> bool:
        return search(self.required, subject.document.text) is not None

    def anchor(self, subject: Subject, span: tuple[int, int]) -> tuple[int, int]:
        """Where the finding points: by default, at the trigger itself."""
        return span

    def check(self, subject: Subject) -> Iterator[Finding]:
        for span in self.triggers(subject):
            if not self.satisfied(subject, span):
                yield self.finding(subject, self.message, *self.anchor(subject, span))


@dataclass(slots=True)
class Fact:
    """A value the document states, where, and how a reader would name it ("the footnote")."""

    value: object
    start: int
    end: int
    label: str


class Consistency(Rule):
    """Shape: a fact stated in several places agrees everywhere.

    The value stated most often is taken as intended; each place that says otherwise is a finding,
    with the agreeing places as related locations.
    """

    message: ClassVar[str] = "{label} gives {value}; {other_label} gives {other_value}. Please reconcile."

    def facts(self, subject: Subject) -> list[Fact]:
        raise NotImplementedError

    def check(self, subject: Subject) -> Iterator[Finding]:
        facts = self.facts(subject)
        counts = Counter(f.value for f in facts)
        if len(counts) < 2:
            return
        majority = max(counts, key=lambda v: (counts[v], -min(f.start for f in facts if f.value == v)))
        agreeing = [f for f in facts if f.value == majority]
        doc = subject.document
        for fact in facts:
            if fact.value != majority:
                text = self.message.format(
                    label=fact.label, value=fact.value, other_label=agreeing[0].label, other_value=majority
                )
                text = text[0].upper() + text[1:]
                yield self.finding(subject, text, fact.start, fact.end, [doc.location(f.start, f.end) for f in agreeing])


class Arithmetic(Rule):
    """Shape: parts add up to the total the document states."""

    message: ClassVar[str] = "The parts add up to {sum}, but {label} gives {total}. Please reconcile."

    def parts(self, subject: Subject) -> list[Fact]:
        raise NotImplementedError

    def total(self, subject: Subject) -> Fact | None:
        raise NotImplementedError

    def check(self, subject: Subject) -> Iterator[Finding]:
        parts, total = self.parts(subject), self.total(subject)
        if not parts or total is None or any(not isinstance(p.value, int) for p in parts):
            return
        amount = sum(p.value for p in parts)
        if amount != total.value:
            doc = subject.document
            text = self.message.format(sum=amount, label=total.label, total=total.value)
            yield self.finding(subject, text, total.start, total.end, [doc.location(p.start, p.end) for p in parts])
