"""Real letters turned into scans: each page rendered to a picture, the pictures bound as a PDF.

What a scanner gives: a PDF whose pages are only images, no text layer at all. The letters are
real corpus files, so the test reads the layouts and wordings EDGAR holds, not made-up ones.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium

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
