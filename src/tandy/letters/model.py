"""What a letter of the filing-review loop says: its kind, header, numbered items, and promises.

Shapes follow the ``tandy letter --json`` contract (``shared/docs/contracts.md``); every item
keeps the :class:`~tandy.document.Location` of its comment in the letter's document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from tandy.document import Document, Location

LetterKind = Literal["staff_comment", "response", "closing", "no_review", "acceleration_request", "other"]
Disposition = Literal["revised", "added", "no_change", "future_filings", "supplemental", "complied"]


@dataclass(slots=True)
class Citation:
    """A rule, item, section or form a letter cites, split into its parts.

    "Item 407(c)(2)(vii) of Regulation S-K" is regulation "S-K", item "407", paragraph
    "(c)(2)(vii)"; "Rule 14a-6(a)" is act "1934"?, rule "14a-6", paragraph "(a)".
    """

    text: str
    kind: Literal["item", "rule", "section", "form", "asc", "sab", "schedule_item", "regulation"]
    regulation: str | None = None
    item: str | None = None
    rule: str | None = None
    section: str | None = None
    act: str | None = None
    form: str | None = None
    topic: str | None = None
    paragraph: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class SubjectFiling:
    """The filing under review, from the letter's Re: block."""

    form: str | None = None
    filed: str | None = None
    cik: str | None = None
    file_numbers: list[str] = field(default_factory=list)
    description: str | None = None
    response_dated: str | None = None
    #: Every line of the Re: block as printed: registrant, form, "Filed ...", file numbers.
    lines: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Item:
    """One staff comment and, in a response, its answer."""

    number: int | None
    comment: str
    response: str | None = None
    heading: str | None = None
    pages: list[str] = field(default_factory=list)
    response_pages: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    disposition: Disposition | None = None
    refers_to: list[int] = field(default_factory=list)
    location: Location | None = None
    response_location: Location | None = None


@dataclass(slots=True)
class Acknowledgments:
    """The three "Tandy" statements staff asked filers to make from 2004 until October 2016."""

    adequacy: bool = False
    no_foreclosure: bool = False
    no_defense: bool = False

    @property
    def tandy(self) -> bool:
        return self.adequacy and self.no_foreclosure and self.no_defense


@dataclass(slots=True)
class Commitment:
    """A dated promise: "will file its definitive Proxy Statement on or about January 7, 2008"."""

    text: str
    date: str | None
    location: Location | None = None


@dataclass(slots=True)
class Letter:
    """A staff comment letter, a response, a closing letter, or another letter of the loop."""

    path: str
    sha256: str
    kind: LetterKind
    document: Document
    date: str | None = None
    sender: str | None = None
    addressee: str | None = None
    registrant: str | None = None
    subject_filing: SubjectFiling = field(default_factory=SubjectFiling)
    items: list[Item] = field(default_factory=list)
    acknowledgments: Acknowledgments = field(default_factory=Acknowledgments)
    signatories: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)

    @property
    def pages_cited(self) -> list[str]:
        """Every printed page the letter's items name, comments and answers alike, in order."""
        pages = [p for item in self.items for p in (*item.pages, *item.response_pages)]
        return list(dict.fromkeys(pages))
