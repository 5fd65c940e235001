"""What ``tandy serve`` is set up with, and what its pages show: plain typed models.

:class:`ServeSettings` is the whole configuration (the CLI builds it from its options). The other
models are page views: the library's results (a review, a letter, a verification, a corpus thread)
arranged the way a page lays them out, so that the templates only loop and print.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path

from tandy.corpus.model import ItemRecord, LetterRecord
from tandy.letters.model import Citation, Item
from tandy.rules.model import Finding

#: Uploads past this many bytes are refused with 413 (``tandy serve --max-upload``).
DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024
DEFAULT_PORT = 8765
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` keeps the server reachable from this machine only."""
    if host.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(slots=True)
class ServeSettings:
    """How one server runs: where documents may be picked, which corpus, who may ask.

    ``token`` is required on every request when set; the CLI sets one whenever ``host`` is not a
    loopback address. ``root`` is None when no folder may be browsed (uploads only). ``workers``:
    processes that read documents (0: in the server's own threads; see :mod:`tandy.web.work`).
    """

    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    root: Path | None = None
    db: Path | None = None
    token: str | None = None
    max_upload: int = DEFAULT_MAX_UPLOAD
    results_kept: int = 32
    workers: int = 0


@dataclass(slots=True)
class FindingView:
    """A finding as the side panel lists it: its anchor in the text and its rule's family."""

    anchor: str
    finding: Finding
    family: str
    page: str | None


@dataclass(slots=True)
class PageView:
    """One printed page of the document, its text already escaped with the findings marked."""

    index: int
    number: str | None
    html: str
    findings: list[FindingView] = field(default_factory=list)


@dataclass(slots=True)
class CitationView:
    """A citation in a letter and the rules that cite the same provision."""

    citation: Citation
    rules: list[str]


@dataclass(slots=True)
class ItemView:
    """A letter item laid out as comment beside response."""

    item: Item
    citations: list[CitationView]


@dataclass(slots=True)
class DiffPiece:
    """A run of words in a before/after diff: kept, removed or added."""

    kind: str  # "same", "del", "ins"
    text: str


@dataclass(slots=True)
class Exchange:
    """In a thread: one staff comment, the answer it got, and whether staff asked it again."""

    comment: ItemRecord
    answer: ItemRecord | None
    answer_letter: LetterRecord | None
    reissued: bool


@dataclass(slots=True)
class TimelineEntry:
    """One letter of a review thread, in order, with its round and its comments followed up."""

    letter: LetterRecord
    round: int
    items: list[ItemRecord]
    exchanges: list[Exchange] = field(default_factory=list)
