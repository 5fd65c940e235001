"""How fast tandy reads scanned letters with OCR, against Tesseract alone on the same images.

The goal (issue 17): OCR pages per second on one core, as a ratio to Tesseract by itself. Real
corpus letters are scanned here (each page rendered at 200 dpi, the images bound as a PDF with no
text layer, as a scanner makes them); then, page by page and interleaved so that noise on the
machine hits both:

* tandy: :func:`tandy.document.pdf.read_pdf` on the one-page scan: the look for ink, the render at
  300 dpi, Tesseract's words, the second look at item labels, and the lines and paragraphs;
* Tesseract alone: the ``tesseract`` program on the very image tandy hands it (the page rendered
  at 300 dpi, written as BMP before timing, as tandy hands it over), told its resolution and writing
  its word boxes (``tsv``), as tandy asks.

Both run on one core (the process pinned to CPU 0, ``OMP_THREAD_LIMIT=1``), so the ratio is the
cost of what tandy adds around Tesseract. ``REPEATS`` (default 1) times each page that many times
and keeps the best; ``PAGES`` (default 12) is how many pages are timed.

Run: ``.venv/bin/python benchmarks/bench_ocr.py`` (needs ``tandy[ocr]`` and Debian's tesseract-ocr).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
REPEATS = int(os.environ.get("REPEATS", "1"))
PAGES = int(os.environ.get("PAGES", "12"))
SCAN_DPI = 200


def main() -> int:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from tandy.document import ocr

    if not CORPUS.is_dir():
        print(f"bench_ocr: skipped, no corpus at {CORPUS}")
        return 0
    if ocr.unavailable():
        print(f"bench_ocr: skipped, OCR is not installed here ({ocr.unavailable()})")
        return 0
    pages = _scanned_pages()
    with tempfile.TemporaryDirectory() as folder:
        rows = [_time_page(i, name, scan, Path(folder)) for i, (name, scan) in enumerate(pages)]
    tandy_total = sum(r[1] for r in rows)
    tesseract_total = sum(r[2] for r in rows)
    print(f"OCR benchmark, one core: {len(rows)} scanned letter pages ({SCAN_DPI} dpi scans read at {ocr.OCR_DPI} dpi), best of {REPEATS}")
    print(f"{'page':44} {'tandy s':>8} {'tesseract s':>12} {'ratio':>6}")
    for name, t, b in rows:
        print(f"{name:44} {t:8.2f} {b:12.2f} {b / t:6.2f}")
    print(
        f"tandy: {len(rows) / tandy_total:.3f} pages/s; Tesseract alone: {len(rows) / tesseract_total:.3f} pages/s; "
        f"ratio {tesseract_total / tandy_total:.2f} (tandy's speed as a share of Tesseract's)"
    )
    return 0


def _scanned_pages() -> list[tuple[str, bytes]]:
    """One-page scans of the first pages of corpus letters, in name order, ``PAGES`` of them."""
    import pypdfium2 as pdfium

    out = []
    for path in sorted((CORPUS / "letters").glob("*.pdf")):
        pdf = pdfium.PdfDocument(str(path))
        for index in range(len(pdf)):
            if len(out) < PAGES:
                out.append((f"{path.name[:38]} p{index + 1}", _scan(pdf[index])))
        pdf.close()
        if len(out) >= PAGES:
            break
    return out


def _scan(page) -> bytes:
    image = page.render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L")
    out = io.BytesIO()
    image.save(out, "PDF", resolution=SCAN_DPI)
    return out.getvalue()


def _time_page(number: int, name: str, scan: bytes, folder: Path) -> tuple[str, float, float]:
    import pypdfium2 as pdfium

    from tandy.document import ocr
    from tandy.document.pdf import read_pdf

    pdf = pdfium.PdfDocument(scan)
    image, _ = ocr.render(pdf[0])
    pdf.close()
    bmp = folder / f"page{number}.bmp"
    image.save(bmp)
    best_tandy = best_tesseract = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        layout = read_pdf(name, scan)
        best_tandy = min(best_tandy, time.perf_counter() - start)
        assert layout.pages()[0].text_source == "ocr", name
        start = time.perf_counter()
        subprocess.run(
            ["tesseract", str(bmp), str(folder / f"page{number}"), "-l", ocr.LANGUAGE, "--psm", "3", "--dpi", str(ocr.OCR_DPI), "tsv"],
            check=True, capture_output=True,
        )
        best_tesseract = min(best_tesseract, time.perf_counter() - start)
    return name, best_tandy, best_tesseract


if __name__ == "__main__":
    sys.exit(main())
