"""What a file on disk turned out to be: its bytes' identity, its EDGAR header, its documents.

A :class:`Source` is the first stage's whole answer. It knows nothing about pages or paragraphs;
it only says which documents a file holds and hands each one's content (text or PDF bytes) on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from tandy.source.docx import Package

Format = Literal["sgml", "html", "text", "pdf", "docx"]
PartFormat = Literal["html", "text", "pdf", "docx", "binary"]


@dataclass(slots=True)
class Filer:
    """One company block of an EDGAR header (FILER, SUBJECT COMPANY, FILED BY, FILED FOR)."""

    name: str | None
    cik: str | None
    file_numbers: list[str] = field(default_factory=list)
    role: str = "filer"


@dataclass(slots=True)
class Filing:
    """The submission-level facts from ``<SEC-HEADER>`` or ``<IMS-HEADER>``."""

    accession: str | None
    form: str | None
    filed: str | None
    period: str | None = None
    filers: list[Filer] = field(default_factory=list)


@dataclass(slots=True)
class Part:
    """One document inside a file: a ``<DOCUMENT>`` of a submission, or the whole file.

    ``content`` is decoded text for HTML and text parts, raw bytes for PDF and binary parts, and
    the unpacked :class:`~tandy.source.docx.Package` for a Word document.
    """

    format: PartFormat
    content: "str | bytes | Package"
    sequence: int | None = None
    type: str | None = None
    filename: str | None = None
    description: str | None = None


@dataclass(slots=True)
class Source:
    """A file as read: identity, format, encoding, EDGAR header if any, and its parts."""

    path: str
    sha256: str
    size: int
    format: Format
    encoding: str | None
    filing: Filing | None
    parts: list[Part]

    @property
    def main_part(self) -> Part | None:
        """The part a reader means when it says "the document": the first that has text.

        EDGAR staff letters filed as UPLOAD carry the letter as a PDF first and the SEC's
        TEXT-EXTRACT of it second; the PDF, with its pages, is the letter.
        """
        readable = [p for p in self.parts if p.format != "binary"]
        return readable[0] if readable else None
