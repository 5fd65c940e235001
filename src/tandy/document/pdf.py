"""PDF pages to blocks: pdfium's text layer, or Tesseract's words where a page is a picture.

pdfium gives each page's text in reading order with line breaks; it gives no paragraphs. A
paragraph ends where the gap to the next line is clearly larger than the page's usual line
spacing, which is how a reader sees it too (:mod:`tandy.document.lines`). Bold comes from the font
weight of a line's first character, which is enough to tell a bold heading from body text.

Scans are read too. A page whose text layer is missing, or does not cover what is printed on it
(a scanned letter with only a filing stamp in text), is rendered and read with Tesseract when the
``ocr`` extra is installed (:mod:`tandy.document.ocr`), and is a warning naming the page when it is
not. A hidden OCR layer that has every word but no usable order is rebuilt from its words' boxes.
Each page says where its text came from (:attr:`tandy.document.model.Page.text_source`).
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from tandy.document import ocr
from tandy.document.layout import Layout, normalize
from tandy.document.lines import Line, Word, jumbled, lines_from_words, paragraphs
from tandy.errors import InputError

BOLD_WEIGHT = 600

_LABEL = re.compile(r"^\(?\d{1,2}[.)]$")
"""A line that is only a comment's number."""

SCAN_IMAGE_SHARE = 0.25
"""An image covering this share of the page may be a scan: whether its text layer covers it is checked."""

TRUSTED_LAYER_CHARS = 400
"""A text layer this long is the page's text even beside a large picture (a chart, a photograph):
what a scanner or a filing agent adds over a scan (a stamp, a Bates number) is a line or two."""

INK_DPI = 50
"""Resolution of the look at a page's ink: a 10-point line is still 5 rows of pixels."""

INK_LEVEL = 128
INK_MARGIN = 0.06
"""Left and right strips left out of the ink count: a photocopy's dark edge is no text."""

COVERED_SHARE = 0.5
"""A text layer is the page's text when its lines hold at least this share of the inked rows."""

ROW_SLACK = 2
"""Rows of slack around a text line's box: hidden OCR layers sit a little off their scan."""


def read_pdf(path: str, data: bytes, *, name: str | None = None) -> Layout:
    """Lay a PDF out as one page per physical page, blocks split at paragraph gaps.

    ``name`` is the PDF's file name inside a submission, so that a problem says which attachment.
    Pages that could not be read (images without OCR) leave a warning in ``layout.warnings``.
    """
    what = f"PDF {name}" if name else "PDF"
    pdf = _open(path, data, what)
    layout = Layout()
    try:
        for index in range(len(pdf)):
            if index:
                layout.page_break(physical=True)
            page = pdf[index]
            blocks, source, warning = _read_page(page, index + 1)
            for text, bold in blocks:
                layout.add_block(text, bold=bold)
            layout.set_text_source(source)
            if warning:
                layout.warnings.append(warning)
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


def _read_page(page: pdfium.PdfPage, number: int) -> tuple[list[tuple[str, bool]], str, str | None]:
    """The page's paragraphs, where their text came from ("pdf", "ocr", "none"), and a warning."""
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        lines, rows_run_together = _layer_lines(textpage, height)
        if _may_be_scan(page, lines) and sum(len(line.text.strip()) for line in lines) < TRUSTED_LAYER_CHARS:
            inked, covered = _ink_rows(page, textpage, height)
            if inked and covered < COVERED_SHARE * inked:
                return _scanned(page, number, lines)
        if rows_run_together or jumbled(lines):
            lines = lines_from_words(_layer_words(textpage, height))
        return paragraphs(lines), "pdf" if lines else "none", None
    finally:
        textpage.close()


def _scanned(page: pdfium.PdfPage, number: int, lines: list[Line]) -> tuple[list[tuple[str, bool]], str, str | None]:
    """A page that is a picture of text: OCR it, or say what to install and keep what text it has."""
    missing = ocr.unavailable()
    if missing is None:
        try:
            words = ocr.recognise(page)
        except ocr.OcrError as exc:
            missing = f"Tesseract could not read it ({exc})"
        else:
            return paragraphs(lines_from_words(words)), "ocr" if words else "none", None
    return paragraphs(lines), "pdf" if lines else "none", f"page {number} is an image; {missing}"


def _layer_lines(textpage: pdfium.PdfTextPage, height: float) -> tuple[list[Line], bool]:
    """The text layer's lines in its own order, and whether its lines run over several rows.

    A line is placed by its first character. A line whose last character sits rows below its first
    is a layer written without line breaks when such lines hold most of the page's text (one such
    line is a bullet pdfium ran into the next row), and only the words' boxes can put it right.
    """
    raw = textpage.get_text_range()
    lines: list[Line] = []
    lefts: list[float] = []
    chars = spanning = 0
    pos = 0
    for line in raw.split("\n"):
        stripped = line.rstrip("\r").rstrip()
        first = next((i for i, c in enumerate(stripped) if not c.isspace()), None)
        if first is not None:
            index = pos + first
            _, bottom, _, top = textpage.get_charbox(index)
            weight = pdfium_raw.FPDFText_GetFontWeight(textpage.raw, index)
            lines.append(Line(normalize(stripped), height - top, height - bottom, weight >= BOLD_WEIGHT))
            lefts.append(textpage.get_charbox(index)[0])
            chars += len(stripped)
            if len(stripped) > first + 1:
                last_bottom = textpage.get_charbox(pos + len(stripped) - 1)[1]
                spanning += len(stripped) if abs(last_bottom - bottom) > 1.5 * max(1.0, top - bottom) else 0
        pos += len(line) + 1
    return _labels_in_place(lines, lefts), spanning * 2 > chars


def _labels_in_place(lines: list[Line], lefts: list[float]) -> list[Line]:
    """Lines with a comment's number that the layer wrote late ("2." after its paragraph) put back
    at the start of the line it stands beside."""
    out = list(lines)
    for i in range(len(lines) - 1, 0, -1):
        label = lines[i]
        size = max(1.0, label.bottom - label.top)
        if not _LABEL.match(label.text.strip()) or label.bottom > lines[i - 1].bottom - size:
            continue
        beside = next(
            (j for j in range(i) if abs(lines[j].bottom - label.bottom) < 0.3 * size and lefts[j] > lefts[i]), None
        )
        if beside is not None:
            line = out[beside]
            out[beside] = Line(f"{label.text.strip()} {line.text.lstrip()}", min(line.top, label.top), line.bottom, line.bold)
            del out[i]
    return out


def _layer_words(textpage: pdfium.PdfTextPage, height: float) -> list[Word]:
    """The text layer's words with their boxes: characters between spaces, cut where the next
    character is not just right of the one before (a layer in its own order)."""
    raw = textpage.get_text_range()
    words: list[Word] = []
    chars: list[str] = []
    box = None
    weight = 0
    for index, char in enumerate(raw):
        if char.isspace():
            box = _end_word(words, chars, box, weight, height)
            continue
        left, bottom, right, top = textpage.get_charbox(index)
        if box and not _continues(box, (left, bottom, right, top)):
            box = _end_word(words, chars, box, weight, height)
        if box is None:
            box = [left, bottom, right, top]
            weight = pdfium_raw.FPDFText_GetFontWeight(textpage.raw, index)
        else:
            box = [min(box[0], left), min(box[1], bottom), max(box[2], right), max(box[3], top)]
        chars.append(char)
    _end_word(words, chars, box, weight, height)
    return words


def _continues(word: list[float], char: tuple[float, float, float, float]) -> bool:
    """Whether a character stands just right of the word so far, on its line (a period included)."""
    size = word[3] - word[1]
    left, bottom, right, top = char
    return word[0] - 1 <= left <= word[2] + size / 2 and bottom < word[3] + size / 2 and top > word[1] - size / 2


def _end_word(words: list[Word], chars: list[str], box, weight: int, height: float) -> None:
    if chars and box:
        words.append(Word(normalize("".join(chars)), box[0], height - box[3], box[2], height - box[1], weight >= BOLD_WEIGHT))
    chars.clear()
    return None


def _may_be_scan(page: pdfium.PdfPage, lines: list[Line]) -> bool:
    """A page without text that has something on it, or with an image as large as a scan."""
    if not lines:
        return pdfium_raw.FPDFPage_CountObjects(page.raw) > 0
    area = page.get_width() * page.get_height()
    for image in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = image.get_bounds()
        if (right - left) * (top - bottom) >= SCAN_IMAGE_SHARE * area:
            return True
    return False


def _ink_rows(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, height: float) -> tuple[int, int]:
    """Rows of the page with ink on them, and how many of those lie within the text layer's lines.

    Rendered small and grayscale: only which rows hold ink matters, not what it says. Invisible
    text (a hidden OCR layer) is not drawn, so the comparison holds for it too.
    """
    scale = INK_DPI / 72
    bitmap = page.render(scale=scale, grayscale=True, may_draw_forms=False)
    width, stride = bitmap.width, bitmap.stride
    pixels = bytes(bitmap.buffer)
    dark = bytes(1 if level < INK_LEVEL else 0 for level in range(256))
    lo, hi = int(width * INK_MARGIN), int(width * (1 - INK_MARGIN))
    inked = [r for r in range(bitmap.height) if pixels[r * stride + lo : r * stride + hi].translate(dark).count(1) >= 2]
    if not inked:
        return 0, 0
    text_rows = set()
    for i in range(textpage.count_rects()):
        _, bottom, _, top = textpage.get_rect(i)
        first, last = int((height - top) * scale) - ROW_SLACK, int((height - bottom) * scale) + ROW_SLACK
        text_rows.update(range(first, last + 1))
    return len(inked), sum(1 for r in inked if r in text_rows)
