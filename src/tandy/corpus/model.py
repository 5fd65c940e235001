"""The corpus as records: letters and their items as stored, review threads, search hits.

Records are flat on purpose: they are what the store keeps, what ``tandy export`` writes one row
of, and what thread building and statistics read, without re-parsing any document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ThreadStatus = Literal["open", "closed", "no_review"]


@dataclass(slots=True)
class LocationRecord:
    """Where a record was read: page as printed, 1-based line, character offsets (the contract's ``location``)."""

    page: str | None
    line: int | None
    start: int | None
    end: int | None


@dataclass(slots=True)
class CitationRecord:
    """A citation split into its parts, so a search can filter on "Item 407(c)(2)(vii)" itself
    rather than on however a letter happened to spell it."""

    text: str
    kind: str
    regulation: str | None = None
    number: str | None = None
    paragraph: str | None = None
    act: str | None = None
    form: str | None = None


@dataclass(slots=True)
class ItemRecord:
    """One comment (and its response) as stored."""

    letter_id: int
    number: int | None
    heading: str | None
    comment: str
    response: str | None
    disposition: str | None
    pages: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    refers_to: list[int] = field(default_factory=list)
    id: int | None = None
    response_pages: list[str] = field(default_factory=list)
    cited: list[CitationRecord] = field(default_factory=list)
    location: LocationRecord | None = None


@dataclass(slots=True)
class LetterRecord:
    """One letter as stored: enough to group it into a thread and to show it in a search hit."""

    path: str
    sha256: str
    kind: str
    date: str | None
    registrant: str | None
    cik: str | None
    file_numbers: list[str] = field(default_factory=list)
    form_reviewed: str | None = None
    subject_filed: str | None = None
    response_dated: str | None = None
    sender: str | None = None
    edgar_form: str | None = None
    accession: str | None = None
    tandy: bool = False
    items: int = 0
    id: int | None = None
    no_review: bool = False
    letters_cited: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Thread:
    """A review: the letters about one filing under review, in date order, and how it went."""

    registrant: str | None
    cik: str | None
    file_numbers: list[str]
    form_reviewed: str | None
    status: ThreadStatus
    letters: list[LetterRecord]
    rounds: int = 0
    first_date: str | None = None
    last_date: str | None = None
    days: int | None = None
    comments_per_round: list[int] = field(default_factory=list)
    reissued: list[int] = field(default_factory=list)


@dataclass(slots=True)
class SearchHit:
    """A comment (and the response that answered it) matching a query, best first."""

    score: float
    item: ItemRecord
    letter: LetterRecord
    highlight: str
    thread: Thread | None = None


@dataclass(slots=True)
class FilingRecord:
    """The EDGAR header of a file, when it has one."""

    accession: str | None
    form: str | None
    filed: str | None
    period: str | None = None
    filers: list[dict] = field(default_factory=list)


@dataclass(slots=True)
class DocumentRecord:
    """One document of a file as the document stage read it."""

    sequence: int | None
    type: str | None
    filename: str | None
    description: str | None
    format: str
    text_chars: int
    pages: int
    ocr_pages: int = 0
    """Pages whose text was read by OCR (scans)."""
    unread_pages: int = 0
    """Pages that are images and could not be read (no OCR installed, or Tesseract failed)."""


@dataclass(slots=True)
class PersonRecord:
    """A director, trustee, nominee or officer named in a proxy statement."""

    name: str
    age: int | None = None
    birth_year: int | None = None
    roles: list[str] = field(default_factory=list)
    interested: bool | None = None
    positions: str | None = None
    term: str | None = None
    occupation: str | None = None
    portfolios_overseen: int | None = None
    other_directorships: str | None = None
    location: LocationRecord | None = None


@dataclass(slots=True)
class CommitteeRecord:
    """A standing board committee named in a proxy statement."""

    name: str
    members: list[str] | str | None = None
    meetings: int | None = None
    period_end: str | None = None
    location: LocationRecord | None = None


@dataclass(slots=True)
class ProxyRecord:
    """A proxy statement or fund SAI as stored: who governs, and how often the board met."""

    registrant: str | None
    form: str | None
    filed: str | None
    investment_company: bool = False
    meeting_date: str | None = None
    record_date: str | None = None
    board_meetings: int | None = None
    auditor: str | None = None
    fund_complex_overseen: int | None = None
    people: list[PersonRecord] = field(default_factory=list)
    committees: list[CommitteeRecord] = field(default_factory=list)


@dataclass(slots=True)
class FindingRecord:
    """A review finding on the file, as stored (the rules run at index time, with defaults)."""

    rule: str
    name: str
    severity: str
    citation: str
    message: str
    location: LocationRecord | None = None


@dataclass(slots=True)
class FileRecords:
    """Everything one file contributes to the corpus, or why it contributes nothing.

    Produced by a pure function of the file (:func:`tandy.corpus.index.records_for`) and written by
    the store in one transaction, so reading can run anywhere (threads, processes, Dask workers)
    and only writing has to happen in one place.
    """

    path: str
    sha256: str
    size: int
    error: str | None = None
    filing: FilingRecord | None = None
    documents: list[DocumentRecord] = field(default_factory=list)
    letter: LetterRecord | None = None
    items: list[ItemRecord] = field(default_factory=list)
    proxy: ProxyRecord | None = None
    findings: list[FindingRecord] = field(default_factory=list)
