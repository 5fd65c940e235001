"""PDF pages to blocks, with pdfium's text layer (staff letters on EDGAR are PDFs since ~2005).

pdfium gives each page's text in reading order with line breaks; it gives no paragraphs. A
paragraph ends where the gap to the next line is clearly larger than the page's usual line
spacing, which is how a reader sees it too. Bold comes from the font weight of a line's first
character, which is enough to tell a bold heading from body text.
"""

from __future__ import annotations

import re
import statistics

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from tandy.document.layout import Layout, normalize
from tandy.errors import InputError

PARAGRAPH_GAP = 1.45
"""A gap above a line larger than this many times the page's usual line pitch starts a paragraph."""

BOLD_WEIGHT = 600


def read_pdf(path: str, data: bytes, *, name: str | None = None) -> Layout:
    """Lay a PDF out as one page per physical page, blocks split at paragraph gaps.

    ``name`` is the PDF's file name inside a submission, so that a problem says which attachment.
    """
    what = f"PDF {name}" if name else "PDF"
    pdf = _open(path, data, what)
    layout = Layout()
    try:
        for index in range(len(pdf)):
            if index:
                layout.page_break(physical=True)
            page = pdf[index]
            textpage = page.get_textpage()
            for text, bold in _paragraphs(textpage):
                layout.add_block(text, bold=bold)
            textpage.close()
            page.close()
    except pdfium.PdfiumError as exc:
        raise InputError(path, f"damaged {what} ({_reason(exc)})") from None
    finally:
        pdf.close()
    return layout


def _open(path: str, data: bytes, what: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = _reason(exc)
        if "password" in reason or "security" in reason:
            raise InputError(path, f"encrypted {what}: it needs a password to be read") from None
        if reason == "success":  # pdfium's code when the file parses but has no page tree
            raise InputError(path, f"{what} has no pages") from None
        raise InputError(path, f"damaged {what} ({reason})") from None


def _reason(exc: pdfium.PdfiumError) -> str:
    """pdfium's own words ("data format error") without pypdfium2's "Failed to load document" wrapper."""
    match = re.search(r"PDFium: ([^)]*)", str(exc))
    return (match.group(1) if match else str(exc).rstrip(".")).lower()


def _paragraphs(textpage) -> list[tuple[str, bool]]:
    """Group a page's lines into paragraphs by the vertical gaps between them."""
    raw = textpage.get_text_range()
    lines = []
    pos = 0
    for line in raw.split("\n"):
        stripped = line.rstrip("\r")
        first = next((i for i, c in enumerate(stripped) if not c.isspace()), None)
        if first is not None:
            index = pos + first
            _, bottom, _, top = textpage.get_charbox(index)
            weight = pdfium_raw.FPDFText_GetFontWeight(textpage.raw, index)
            lines.append((normalize(stripped).rstrip(), top, bottom, weight >= BOLD_WEIGHT))
        pos += len(line) + 1
    if not lines:
        return []
    pitches = [a[2] - b[2] for a, b in zip(lines, lines[1:]) if 0 < a[2] - b[2] < 40]
    pitch = statistics.median(pitches) if pitches else 14.0
    paragraphs: list[list] = [[lines[0]]]
    for prev, line in zip(lines, lines[1:]):
        gap = prev[2] - line[2]
        if gap > pitch * PARAGRAPH_GAP or gap < -pitch or prev[3] != line[3]:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return [("\n".join(l[0] for l in para), sum(l[3] for l in para) * 2 > len(para)) for para in paragraphs]
