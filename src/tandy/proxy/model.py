"""What a proxy statement (or a fund's statement of additional information) says about governance.

Shapes follow the ``tandy proxy --json`` contract (``shared/docs/contracts.md``): people with
their roles, committees with meeting counts, the fund complex, the meeting and its proposals.
Everything found keeps the :class:`~tandy.document.Location` it was read from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from tandy.document import Document, Location

Role = Literal["nominee", "director", "trustee", "officer"]
TableKind = Literal["nominees", "trustees", "directors", "officers", "compensation", "ownership", "other"]


@dataclass(slots=True)
class Person:
    """A director, trustee, nominee or officer, with everything the document gives about them."""

    name: str
    age: int | None = None
    birth_year: int | None = None
    roles: list[Role] = field(default_factory=list)
    interested: bool | None = None
    interested_reason: str | None = None
    positions: str | None = None
    term: str | None = None
    occupation: str | None = None
    portfolios_overseen: int | None = None
    other_directorships: str | None = None
    address: str | None = None
    location: Location | None = None


@dataclass(slots=True)
class Committee:
    """A standing board committee and how often it met."""

    name: str
    members: list[str] | str | None = None
    function: str | None = None
    meetings: int | None = None
    period_end: str | None = None
    location: Location | None = None


@dataclass(slots=True)
class FundComplexMember:
    name: str
    portfolios: int | None
    location: Location | None = None


@dataclass(slots=True)
class FundComplex:
    """The funds a trustee oversees, as a footnote or the text lists them."""

    overseen: int | None = None
    members: list[FundComplexMember] = field(default_factory=list)
    location: Location | None = None


@dataclass(slots=True)
class Proposal:
    number: int | None
    title: str
    location: Location | None = None


@dataclass(slots=True)
class Meeting:
    date: str | None = None
    record_date: str | None = None
    proposals: list[Proposal] = field(default_factory=list)


@dataclass(slots=True)
class ProxyTable:
    """A governance table as read: its kind, assembled header, and one row a record."""

    kind: TableKind
    header: list[str]
    rows: list[list[str]]
    location: Location | None = None


@dataclass(slots=True)
class Proxy:
    """A proxy statement or SAI, read for the facts staff check against each other."""

    path: str
    sha256: str
    document: Document
    registrant: str | None = None
    form: str | None = None
    filed: str | None = None
    investment_company: bool = False
    meeting: Meeting = field(default_factory=Meeting)
    people: list[Person] = field(default_factory=list)
    committees: list[Committee] = field(default_factory=list)
    fund_complex: FundComplex | None = None
    board_meetings: int | None = None
    attendance_statement: Location | None = None
    auditor: str | None = None
    tables: list[ProxyTable] = field(default_factory=list)
