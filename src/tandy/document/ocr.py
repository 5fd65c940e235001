"""Reading a page that is only a picture: Tesseract's words with their boxes.

Optional: ``pip install tandy[ocr]`` brings pytesseract, which drives the ``tesseract`` program
(Debian's ``tesseract-ocr`` package). Without either, :func:`unavailable` says which is missing, so
the PDF reader can say what a user should install instead of reading nothing in silence.

The page is rendered with pdfium at :data:`OCR_DPI`, where 10-point type is about 30 pixels high,
well inside the size Tesseract's recogniser is trained on. Tesseract's own lines and paragraphs are
not used: it splits a hanging ``1.`` from its comment and merges paragraphs a reader sees apart, so
the words go through :mod:`tandy.document.lines` like any other positioned text.
"""

from __future__ import annotations

import os
import re
import shutil
from functools import cache

import pypdfium2 as pdfium

from tandy.document.layout import normalize
from tandy.document.lines import Word, rows

OCR_DPI = 300
"""Render resolution: 10-point type is ~30 px high, 6-point footnotes still ~18 px."""

MAX_PIXELS = 40_000_000
"""A page is rendered no larger than this (a tabloid page at 300 dpi is 15 MP), whatever size it says it is."""

TIMEOUT_SECONDS = 120
"""Tesseract takes 2 to 5 s for a letter page on one core; a page that takes a minute is not a letter."""

MIN_CONFIDENCE = 10
"""Words Tesseract is less sure of than this are specks, rules and signatures, not text."""

HANGING_CHARS = 12
HANGING_GAP = 0.8
"""A line's first word hangs when the gap after it is this many times the line's height (a tab),
and twice the line's usual word space."""

CONTEXT_WORDS = 4
"""Words after a hanging label read again with it: enough for Tesseract to see a line of text."""

SHEET_MARGIN = 20

INK_LEVEL = 128

_LABEL = re.compile(r"^(?:\(?\d{1,2}[.)]?|\(?[a-zA-Z][.)]|\([ivx]{1,4}\)|[IVX]{1,4}\.)$")
"""What a label found where Tesseract read nothing must look like: a number, letter or numeral."""

BULLET = "\u2022"
BULLET_HEIGHT = 0.6
BULLET_LIFT = 0.1
"""A bullet is less than this share of its line's height tall and floats this share above its baseline."""

LANGUAGE = "eng"
INSTALL_EXTRA = "install tandy[ocr] to read it"
INSTALL_TESSERACT = "install Tesseract (Debian: apt-get install tesseract-ocr) to read it"


class OcrError(Exception):
    """Tesseract failed on a page (it crashed, timed out, or could not read the image)."""


def unavailable() -> str | None:
    """What to install for OCR to work here, or None when it works.

    Looked up on each call (it is cheap), so a test or a long-running process sees the machine
    as it is now.
    """
    try:
        import pytesseract
    except ImportError:
        return INSTALL_EXTRA
    if _tesseract(pytesseract.pytesseract.tesseract_cmd, os.environ.get("PATH", "")) is None:
        return INSTALL_TESSERACT
    return None


@cache
def _tesseract(command: str, path: str) -> str | None:
    return shutil.which(command, path=path)


def render(page: pdfium.PdfPage, dpi: int = OCR_DPI):
    """The page as a grayscale PIL image at ``dpi`` (less for a page too large), and its scale."""
    width, height = page.get_size()
    scale = min(dpi / 72, (MAX_PIXELS / max(1.0, width * height)) ** 0.5)
    return page.render(scale=scale, grayscale=True).to_pil(), scale


def recognise(page: pdfium.PdfPage) -> list[Word]:
    """The words Tesseract reads on the page, boxes in points from the top-left corner, text
    normalised as every reader's is (straight quotes, plain hyphens)."""
    image, scale = render(page)
    return [
        Word(normalize(w.text), w.left / scale, w.top / scale, w.right / scale, w.bottom / scale)
        for w in words_in_image(image, round(scale * 72))
    ]


def words_in_image(image, dpi: int) -> list[Word]:
    """Tesseract's words in an image, boxes in pixels; each line's label (an item's number) read twice."""
    return _reread_labels(image, _tesseract_words(image, psm=3, dpi=dpi), dpi)


def _tesseract_words(image, *, psm: int, dpi: int) -> list[Word]:
    """Tesseract's words and boxes (pixels), told the image's resolution: its layout analysis
    guesses 70 dpi for an image that does not say, and splits a 300-dpi page differently."""
    import pytesseract

    # One thread: tandy reads many documents at once (Dask workers, batches), and Tesseract's
    # OpenMP threads on a shared machine cost more than they gain for a single page.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    # pytesseract hands the image over as a file in the image's format; BMP costs nothing to
    # write, where PNG's compression took a fifth as long as Tesseract's reading.
    image.format = "BMP"
    try:
        data = pytesseract.image_to_data(
            image,
            lang=LANGUAGE,
            config=f"--psm {psm} --dpi {dpi}",
            output_type=pytesseract.Output.DICT,
            timeout=TIMEOUT_SECONDS,
        )
    except (pytesseract.TesseractError, RuntimeError, OSError) as exc:
        reason = getattr(exc, "message", None) or str(exc)
        raise OcrError(" ".join(str(reason).split())[:200] or type(exc).__name__) from None
    words = []
    for i, text in enumerate(data["text"]):
        text = text.strip()
        if text and float(data["conf"][i]) >= MIN_CONFIDENCE:
            left, top = data["left"][i], data["top"][i]
            words.append(Word(text, left, top, left + data["width"][i], top + data["height"][i]))
    return words


def _reread_labels(image, words: list[Word], dpi: int) -> list[Word]:
    """Words with each line's label ("1.", "(a)", "Response:", a bullet) checked and read again.

    Tesseract reads a short word standing alone at the margin as a block of its own, and with no
    text around it the recogniser guesses ("1." comes back as "L;") or drops it as a speck. So each
    line that starts with a word hanging before a tab, or with ink left of its first word that no
    word covers, has that label moved up to the words after it, as in running text, and read again.
    All the page's labels go on one sheet: the second look is one run of Tesseract a page. A label
    is taken only where the word after it reads the same both times, and a found one only when it
    reads as a label. Bullets, which Tesseract reads as "e", "*" or "¢", are told by their shape.
    """
    out = list(words)
    labelled = []
    margin = _text_margin(words)
    for row in rows(words):
        if _is_bullet(row[0], row):
            out[out.index(row[0])] = Word(BULLET, row[0].left, row[0].top, row[0].right, row[0].bottom)
        elif len(row) > 1 and _hangs(row):
            labelled.append((row[0], row[1:]))
        elif (found := _unread_label(image, row, margin)) is not None:
            if found.text == BULLET:
                out.append(found)
            else:
                labelled.append((found, row))
    if not labelled:
        return out
    reread = _read_sheet([_closed_up(image, label, rest) for label, rest in labelled], dpi)
    for (label, rest), again in zip(labelled, reread):
        text = _label_text(label, rest, again)
        if text and label.text and text != label.text:
            out[out.index(label)] = Word(text, label.left, label.top, label.right, label.bottom)
        elif text and not label.text:
            out.append(Word(text, label.left, label.top, label.right, label.bottom))
    return out


def _label_text(label: Word, rest: list[Word], again: list[Word]) -> str | None:
    """The label as read the second time, if the word after it reads as it did the first time."""
    if len(again) < 2 or again[1].text != rest[0].text:
        return None
    if label.text or _LABEL.match(again[0].text):
        return again[0].text
    return None


def _read_sheet(crops: list, dpi: int) -> list[list[Word]]:
    """Each crop's words, read in one run of Tesseract with the crops stacked on one sheet."""
    from PIL import Image

    width = max(c.width for c in crops) + 2 * SHEET_MARGIN
    sheet = Image.new("L", (width, sum(c.height + SHEET_MARGIN for c in crops) + SHEET_MARGIN), 255)
    bands, y = [], SHEET_MARGIN
    for crop in crops:
        sheet.paste(crop, (SHEET_MARGIN, y))
        bands.append((y, y + crop.height))
        y += crop.height + SHEET_MARGIN
    words = _tesseract_words(sheet, psm=6, dpi=dpi)
    return [sorted((w for w in words if top <= (w.top + w.bottom) / 2 < bottom), key=lambda w: w.left) for top, bottom in bands]


def _text_margin(words: list[Word]) -> float:
    """The left edge of the page's text: where most lines start, whatever stray marks lie left of it."""
    lefts = sorted(row[0].left for row in rows(words))
    return lefts[len(lefts) // 20] if lefts else 0.0


def _unread_label(image, row: list[Word], margin: float) -> Word | None:
    """Ink left of the row's first word that no word covers: a label Tesseract did not read."""
    first = row[0]
    height = first.bottom - first.top
    if first.left - margin < 2 * height:
        return None
    top, bottom = int(min(w.top for w in row)), int(max(w.bottom for w in row))
    left = int(max(0, margin - height))
    band = image.crop((left, top, int(first.left - height / 2), bottom))
    box = band.point(lambda level: 255 if level < INK_LEVEL else 0).getbbox()
    if box is None or box[2] - box[0] < height * 0.1 or box[3] - box[1] < height * 0.15:
        return None
    found = Word("", left + box[0], top + box[1], left + box[2], top + box[3])
    return Word(BULLET, found.left, found.top, found.right, found.bottom) if _is_bullet(found, row) else found


def _closed_up(image, label: Word, rest: list[Word]):
    """The label and the first words after it, the tab between them cut to a word space."""
    from PIL import Image

    context = [label, *rest[:CONTEXT_WORDS]]
    top, bottom = int(min(w.top for w in context)), int(max(w.bottom for w in context))
    pad = max(2, (bottom - top) // 5)
    head = image.crop((int(label.left) - pad, top - pad, int(label.right) + 1, bottom + pad))
    tail = image.crop((int(rest[0].left), top - pad, int(context[-1].right) + pad, bottom + pad))
    space = max(4, (bottom - top) // 3)
    line = Image.new("L", (head.width + space + tail.width, head.height), 255)
    line.paste(head, (0, 0))
    line.paste(tail, (head.width + space, 0))
    return line


def _is_bullet(label: Word, row: list[Word]) -> bool:
    """A one-glyph label no taller than a lower-case letter, floating above the line's baseline."""
    others = [w for w in row if w is not label]
    if not others or len(label.text) > 2 or label.text[:1].isalnum() and label.text not in ("e", "o", "c"):
        return False
    height = sorted(w.bottom - w.top for w in others)[len(others) // 2]
    baseline = sorted(w.bottom for w in others)[len(others) // 2]
    return label.bottom - label.top < BULLET_HEIGHT * height and baseline - label.bottom > BULLET_LIFT * height


def _hangs(row: list[Word]) -> bool:
    """A short first word set off by a gap wider than a stretched word space and than the line's own."""
    first, second = row[0], row[1]
    height = max(1, min(first.bottom - first.top, second.bottom - second.top))
    gap = second.left - first.right
    spaces = sorted(b.left - a.right for a, b in zip(row[1:], row[2:]))
    usual = spaces[len(spaces) // 2] if spaces else 0
    return len(first.text) <= HANGING_CHARS and gap > HANGING_GAP * height and gap > 2 * usual


def _context_box(row: list[Word]) -> tuple[int, int, int, int]:
    """The label and the first few words after it, with a little white around them."""
    context = row[: 1 + CONTEXT_WORDS]
    top, bottom = min(w.top for w in context), max(w.bottom for w in context)
    pad = max(2, int((bottom - top) * 0.2))
    return (int(context[0].left) - pad, int(top) - pad, int(context[-1].right) + pad, int(bottom) + pad)
