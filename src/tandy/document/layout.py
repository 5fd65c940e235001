"""Assemble a document's text from the blocks a reader emits, and name the blocks that are headings.

HTML and PDF readers both see the document as a flow of blocks with styles and page breaks; this
module turns that flow into one text (blocks separated by a blank line) with offsets for each
block and page, so that every reader yields the same shape of :class:`Document`.
"""

from __future__ import annotations

import re

from tandy.document.model import Block, Page, Table, TextSource

_SENTENCE_END = re.compile(r"[.;,]\s*$")
_NUMBERED = re.compile(r"^\s*(?:\(?[0-9]{1,2}[.)]|\(?[A-Za-z][.)]|[IVX]{1,5}\.|Item\s+\d+[A-Z]?\.?|Part\s+[IVX]+)\s+\S", re.I)

MAX_HEADING_CHARS = 160
"""A heading is a line, not a paragraph: longer blocks are never headings."""

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ",
        "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u3000": " ",
        "\u2010": "-", "\u2011": "-", "\ufffe": "-",
        "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
        "\r": None, "\x0b": "\n",
    }
)

_REPLACEMENTS = tuple((chr(code), value or "") for code, value in _TRANSLATE.items() if code != ord("\r"))
""":data:`_TRANSLATE` as pairs for ``str.replace``; no replacement is itself replaced again."""


def normalize(text: str) -> str:
    """The analysis text: straight quotes, plain spaces, no soft hyphens, ``\\n`` line ends.

    Readers normalise before they lay text out, so every offset a stage reports is into this
    text, and quoting it back never needs a second mapping.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        return text.replace("\x0b", "\n") if "\x0b" in text else text
    # One replace per character present: a few fast passes, where a translate table costs a
    # dictionary lookup per character (it was the walker's largest cost on typeset filings).
    for char, replacement in _REPLACEMENTS:
        if char in text:
            text = text.replace(char, replacement)
    return text


def is_heading(text: str, *, bold: bool = False, underline: bool = False, tagged: bool = False) -> bool:
    """A short line that is styled, in capitals or numbered like a section, and is no sentence."""
    line = text.strip()
    if not line or len(line) > MAX_HEADING_CHARS or "\n" in line.strip():
        return False
    if tagged:
        return True
    letters = list(filter(str.isalpha, line))
    if len(letters) < 2:
        return False
    if _SENTENCE_END.search(line) and not _NUMBERED.match(line) and not line.endswith(":"):
        return bold or underline
    caps = sum(map(str.isupper, letters)) / len(letters) > 0.8 and len(letters) >= 4
    return bold or underline or caps or (bool(_NUMBERED.match(line)) and len(line) < 90 and not line.endswith("."))


class Layout:
    """Collects blocks and page breaks into one text with offsets."""

    def __init__(self) -> None:
        self._chunks: list[str] = []
        self.pos = 0
        self.blocks: list[Block] = []
        self.tables: list[Table] = []
        self._page_starts = [0]
        self._breaks_pending = 0
        self._text_sources: dict[int, TextSource] = {}
        self.warnings: list[str] = []
        """What the reader could not read ("page 2 is an image; ..."), for the user to be told."""

    def add_block(
        self,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        underline: bool = False,
        tagged_heading: bool = False,
        table: int | None = None,
    ) -> Block | None:
        """Append one block; blank text adds nothing."""
        text = text.strip("\n")
        if not text.strip():
            return None
        if self.pos:
            self._write("\n\n")
        if self._breaks_pending:
            self._page_starts.extend([self.pos] * self._breaks_pending)
            self._breaks_pending = 0
        start = self.pos
        self._write(text)
        kind = "heading" if table is None and is_heading(text, bold=bold, underline=underline, tagged=tagged_heading) else "paragraph"
        block = Block(start, self.pos, kind, bold, italic, underline, table=table)
        self.blocks.append(block)
        return block

    def page_break(self, *, physical: bool = False) -> None:
        """The next block starts a new page.

        A break before any text, or a second break in a row, counts once, except for
        ``physical`` pages (a PDF's), which exist even when they hold no text.
        """
        if physical or (self.pos > self._page_starts[-1] and not self._breaks_pending):
            self._breaks_pending += 1

    def set_text_source(self, source: TextSource) -> None:
        """Where the current page's text came from (PDF readers: its text layer, OCR or none)."""
        self._text_sources[len(self._page_starts) - 1 + self._breaks_pending] = source

    def text(self) -> str:
        return "".join(self._chunks)

    def pages(self) -> list[Page]:
        starts = self._page_starts + [self.pos] * self._breaks_pending
        ends = starts[1:] + [self.pos]
        return [Page(i, s, e, text_source=self._text_sources.get(i)) for i, (s, e) in enumerate(zip(starts, ends))]

    def _write(self, text: str) -> None:
        self._chunks.append(text)
        self.pos += len(text)
