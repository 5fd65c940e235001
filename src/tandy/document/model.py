"""One normalised text per document, and everything later stages need to point into it.

A :class:`Document` owns its text once. Pages, blocks and tables are offset ranges into that text,
so anything a later stage finds (a comment, a nominee, a finding) can say where it is with a
:class:`Location` — the page number as printed, the line, and the character offsets.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from tandy.source import Source

BlockKind = Literal["paragraph", "heading"]
Furniture = Literal["header", "footer", "page_number", "marker"]
TextSource = Literal["pdf", "ocr", "none"]
"""Where a PDF page's text came from: its text layer, OCR of its image, or nowhere (blank, or an
image that could not be read)."""


@dataclass(slots=True, frozen=True)
class Location:
    """Where something is: printed page (or None), 1-based line, and character offsets."""

    page: str | None
    line: int
    start: int
    end: int


@dataclass(slots=True)
class Page:
    """A physical page: its range of the text and the number printed on it, if any.

    ``text_source`` is set for PDF pages only; HTML and text documents are their own text.
    """

    index: int
    start: int
    end: int
    number: str | None = None
    text_source: TextSource | None = None


@dataclass(slots=True)
class Block:
    """A paragraph or heading. ``furniture`` marks running headers, footers and page numbers,
    which are on the page but not part of what the author wrote there."""

    start: int
    end: int
    kind: BlockKind = "paragraph"
    bold: bool = False
    italic: bool = False
    underline: bool = False
    furniture: Furniture | None = None
    table: int | None = None


@dataclass(slots=True)
class Table:
    """A table: HTML tables with their cells, text tables as a located region.

    Fixed-width text regions keep ``rows`` empty: splitting them into cells needs to know what
    the table is about, which is the proxy stage's business (:mod:`tandy.tables`).
    """

    kind: Literal["html", "text"]
    start: int
    end: int
    rows: list[list[str]] = field(default_factory=list)
    tagged: bool = False


RevisionKind = Literal["inserted", "deleted", "replaced"]


@dataclass(slots=True)
class Revision:
    """One marked change (a Word tracked change, or underlined/struck text in a marked copy).

    ``location`` is its span in the text as proposed (a point, for a deletion) and
    ``before_location`` its span in the text as it was (a point, for an insertion).
    """

    kind: RevisionKind
    before: str
    after: str
    location: Location
    before_location: Location
    author: str | None = None
    date: str | None = None


@dataclass(slots=True)
class Balloon:
    """A reviewer's comment in the margin of a Word document: not text of the document, so
    no rule reads it, but ``parse`` lists it with the passage it is anchored to."""

    author: str | None
    date: str | None
    text: str
    anchor: str
    location: Location | None


@dataclass(slots=True)
class Document:
    """One document's normalised text with its page map, blocks and tables.

    A document with marked changes has the text as proposed (every change accepted: what the
    rules review), its ``revisions``, and the text as it was (every change rejected) as
    ``before``. ``pagination`` says how the pages were found where that is not self-evident
    (a Word file that recorded no layout has no known page numbers).
    """

    text: str
    format: str
    pages: list[Page]
    blocks: list[Block]
    tables: list[Table]
    sequence: int | None = None
    type: str | None = None
    filename: str | None = None
    description: str | None = None
    warnings: list[str] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    balloons: list[Balloon] = field(default_factory=list)
    before: "Document | None" = None
    pagination: str | None = None
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _page_starts: list[int] = field(default_factory=list, repr=False)
    _block_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._line_starts = starts
        self._page_starts = [p.start for p in self.pages]
        self._block_starts = [b.start for b in self.blocks]

    def line_at(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect.bisect_right(self._line_starts, offset)

    def page_at(self, offset: int) -> Page | None:
        """The page holding a character offset."""
        if not self.pages:
            return None
        return self.pages[max(0, bisect.bisect_right(self._page_starts, offset) - 1)]

    def block_at(self, offset: int) -> Block | None:
        """The block holding a character offset, if any."""
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < self.blocks[i].end:
            return self.blocks[i]
        return None

    def location(self, start: int, end: int | None = None) -> Location:
        """The :class:`Location` of a span, for any stage to attach to what it found there."""
        page = self.page_at(start)
        return Location(page.number if page else None, self.line_at(start), start, start if end is None else end)

    def body_blocks(self) -> list[Block]:
        """Blocks the author wrote: running headers, footers and page numbers left out."""
        return [b for b in self.blocks if b.furniture is None]

    def body_text(self, start: int = 0, end: int | None = None) -> str:
        """The text of a span with furniture blocks cut out, for quoting."""
        end = len(self.text) if end is None else end
        pieces, pos = [], start
        first = max(0, bisect.bisect_right(self._block_starts, start) - 1)
        for block in self.blocks[first:]:
            if block.start >= end:
                break
            if block.furniture and block.end > start:
                pieces.append(self.text[pos : max(pos, block.start)])
                pos = max(pos, block.end)
        pieces.append(self.text[pos:end])
        return "".join(pieces)

    def page_numbers(self) -> list[str | None]:
        return [p.number for p in self.pages]


@dataclass(slots=True)
class Submission:
    """A file as the document stage sees it: its :class:`~tandy.source.Source` and documents."""

    source: "Source"
    documents: list[Document]

    @property
    def main(self) -> Document | None:
        """The document a reader means (see :attr:`tandy.source.Source.main_part`)."""
        return self.documents[0] if self.documents else None
