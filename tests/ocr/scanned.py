"""Scans made once a session from real corpus letters, and what tandy reads from them (fixtures).

OCR costs seconds a page, so the scans are chosen short (at most two pages) and each is read
once: every test of the OCR'd letters shares :func:`scanned`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import CORPUS
from scans import image_only_pdf
from tandy.document import Submission, parse
from tandy.document.ocr import unavailable
from tandy.letters import Letter
from tandy.letters.reader import letter_from_submission

SCANNED_LETTERS = 10
"""How many letters are scanned; ``TANDY_OCR_LETTERS=all`` scans every one the rule admits (slow)."""
MAX_PAGES = 2

needs_tesseract = pytest.mark.skipif(unavailable() is not None, reason=f"OCR is not installed here: {unavailable()}")


@dataclass
class Read:
    """One file as tandy reads it: its parse and its letter."""

    path: Path
    submission: Submission
    letter: Letter


def read(path: Path) -> Read:
    submission = parse(str(path))
    return Read(path, submission, letter_from_submission(submission))


def short_letters_with_items() -> list[Path]:
    """Corpus letters in PDF of at most two pages that read with items, ten spread evenly by name.

    The rule, not a hand pick: every layout era of the corpus (2016's to 2024's) gets its share.
    """
    import pypdfium2 as pdfium

    found = []
    for path in sorted((CORPUS / "letters").glob("*.pdf")):
        pdf = pdfium.PdfDocument(str(path))
        pages = len(pdf)
        pdf.close()
        if pages <= MAX_PAGES and read(path).letter.items:
            found.append(path)
    if os.environ.get("TANDY_OCR_LETTERS") == "all":
        return found
    step = len(found) / SCANNED_LETTERS
    return [found[int(i * step)] for i in range(min(SCANNED_LETTERS, len(found)))]


@pytest.fixture(scope="session")
def letters_to_scan() -> list[Path]:
    if not (CORPUS / "letters").is_dir():
        pytest.skip("../shared/corpus is absent: real EDGAR letters not available")
    return short_letters_with_items()


@pytest.fixture(scope="session")
def scanned(letters_to_scan, tmp_path_factory) -> list[tuple[Read, Read]]:
    """(original, scan) for each chosen letter, the scan an image-only PDF read with OCR."""
    if unavailable():
        pytest.skip(f"OCR is not installed here: {unavailable()}")
    folder = tmp_path_factory.mktemp("scans")
    pairs = []
    for path in letters_to_scan:
        scan = folder / path.name.replace(".pdf", ".scan.pdf")
        scan.write_bytes(image_only_pdf(path.read_bytes()))
        pairs.append((read(path), read(scan)))
    return pairs


def squash(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "", (text or "").lower())


def same_letter(original: Letter, got: Letter) -> list[str]:
    """How ``got`` differs from ``original`` in kind and items (numbers and first six words), as
    the corpus scorer compares them: letters and digits only, so OCR's spacing does not count."""
    problems = []
    if got.kind != original.kind:
        problems.append(f"kind {got.kind} != {original.kind}")
    if len(got.items) != len(original.items):
        problems.append(f"{len(got.items)} items != {len(original.items)}")
    for want, have in zip(original.items, got.items):
        if want.number != have.number:
            problems.append(f"item {want.number} numbered {have.number}")
        if not squash(have.comment).startswith(squash(" ".join((want.comment or "").split()[:6]))):
            problems.append(f"item {want.number} starts {(have.comment or '')[:40]!r}")
    return problems
