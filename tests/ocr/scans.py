"""Real letters turned into scans: each page rendered to a picture, the pictures bound as a PDF.

What a scanner gives: a PDF whose pages are only images, no text layer at all. The letters are
real corpus files, so the test reads the layouts and wordings EDGAR holds, not made-up ones.
"""

from __future__ import annotations

import ctypes
import io
import random

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

SCAN_DPI = 200
"""A common office-scanner setting, and a little less than tandy renders at for OCR."""


def image_only_pdf(data: bytes, *, dpi: int = SCAN_DPI, mode: str = "L") -> bytes:
    """A PDF of ``data``'s pages as images (grayscale, or ``mode="1"`` for a black-and-white scan)."""
    pdf = pdfium.PdfDocument(data)
    try:
        images = [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil().convert(mode) for i in range(len(pdf))]
    finally:
        pdf.close()
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out.getvalue()


def hidden_layer_pdf(data: bytes, *, seed: int = 17) -> bytes:
    """A scan of ``data`` with a hidden OCR layer that has every word and no structure.

    Each word of the original's text layer becomes an invisible text object at its place on the
    page image, written in a shuffled order, as some scanning software writes its layer: pdfium
    then reads the words in that order, each row cut into pieces and the pieces all over the page.
    """
    words = _words(data)
    scan = pdfium.PdfDocument(image_only_pdf(data))
    try:
        font = pdfium_raw.FPDFText_LoadStandardFont(scan.raw, b"Helvetica")
        rng = random.Random(seed)
        for index, page_words in enumerate(words):
            page = scan[index]
            rng.shuffle(page_words)
            for text, box in page_words:
                page.insert_obj(_invisible_word(scan, font, text, box))
            page.gen_content()
        out = io.BytesIO()
        scan.save(out)
        return out.getvalue()
    finally:
        scan.close()


def _words(data: bytes) -> list[list[tuple[str, tuple[float, float, float, float]]]]:
    """Each page's words with their boxes (left, bottom, right, top), from the original's text layer."""
    pdf = pdfium.PdfDocument(data)
    pages = []
    try:
        for i in range(len(pdf)):
            textpage = pdf[i].get_textpage()
            words, chars, box = [], [], None
            for index, char in enumerate(textpage.get_text_range() + " "):
                if char.isspace():
                    if chars:
                        words.append(("".join(chars), tuple(box)))
                    chars, box = [], None
                    continue
                l, b, r, t = textpage.get_charbox(index)
                box = [l, b, r, t] if box is None else [min(box[0], l), min(box[1], b), max(box[2], r), max(box[3], t)]
                chars.append(char)
            pages.append(words)
    finally:
        pdf.close()
    return pages


def _invisible_word(pdf: pdfium.PdfDocument, font, text: str, box) -> pdfium.PdfObject:
    left, bottom, right, top = box
    size = max(4.0, (top - bottom) / 0.72)
    raw = pdfium_raw.FPDFPageObj_CreateTextObj(pdf.raw, font, ctypes.c_float(size))
    wide = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
    pdfium_raw.FPDFText_SetText(raw, ctypes.cast(wide, ctypes.POINTER(pdfium_raw.FPDF_WCHAR)))
    pdfium_raw.FPDFTextObj_SetTextRenderMode(raw, pdfium_raw.FPDF_TEXTRENDERMODE_INVISIBLE)
    bounds = [ctypes.c_float() for _ in range(4)]
    pdfium_raw.FPDFPageObj_GetBounds(raw, *(ctypes.byref(v) for v in bounds))
    l, b, r, _ = (v.value for v in bounds)
    stretch = (right - left) / max(0.1, r - l)
    pdfium_raw.FPDFPageObj_Transform(raw, stretch, 0, 0, 1, left - l * stretch, bottom - b)
    return pdfium.PdfObject(raw, pdf=pdf)
