"""What the EDGAR stage deals in: filings wanted, what became of each, and the mirror's records.

Plain data: the selection (:mod:`tandy.edgar.listing`) makes :class:`Wanted` filings, the fetch
(:mod:`tandy.edgar.fetch`) turns each into an :class:`Outcome`, and the mirror
(:mod:`tandy.edgar.mirror`) keeps one :class:`MirrorEntry` per filing on disk.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Status = Literal["fetched", "present", "failed"]


@dataclass(slots=True)
class Wanted:
    """One filing to bring to disk, with what the listing that named it said about it.

    ``size`` is the byte count the submissions JSON gives for the filing, when known (the three
    recorded Apple letters' full submissions are that long; it is reported, not relied on).
    """

    accession: str
    cik: str
    form: str | None = None
    company: str | None = None
    filed: str | None = None
    file_numbers: list[str] = field(default_factory=list)
    size: int | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.cik, self.accession)


@dataclass(slots=True)
class MirrorEntry:
    """One line of the mirror's manifest: a filing saved whole, and where it came from."""

    accession: str
    form: str | None
    company: str | None
    cik: str
    filed: str | None
    file_numbers: list[str]
    url: str
    path: str
    size: int
    sha256: str
    fetched_at: str

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Outcome:
    """What became of one wanted filing: fetched now, already in the mirror, or failed (and why)."""

    wanted: Wanted
    status: Status
    url: str
    entry: MirrorEntry | None = None
    problem: str | None = None


@dataclass(slots=True)
class FetchReport:
    """A fetch run's summary: every outcome, the listing problems, and the bytes brought down."""

    outcomes: list[Outcome] = field(default_factory=list)
    listing_failures: list[tuple[str, str]] = field(default_factory=list)
    requests: int = 0
    bytes: int = 0

    def of(self, status: Status) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def failed(self) -> bool:
        return bool(self.of("failed") or self.listing_failures)
