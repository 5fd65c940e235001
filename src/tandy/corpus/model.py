"""The corpus as records: letters and their items as stored, review threads, search hits.

Records are flat on purpose: they are what the store keeps, what ``tandy export`` writes one row
of, and what thread building and statistics read, without re-parsing any document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ThreadStatus = Literal["open", "closed", "no_review"]


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
