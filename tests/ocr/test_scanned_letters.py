"""Real letters scanned (pages rendered to images, no text layer) read back as the originals do."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from scans import image_only_pdf
from scanned import SCANNED_LETTERS, letters_to_scan, needs_tesseract, read, same_letter, scanned  # noqa: F401  (session fixtures)

pytestmark = pytest.mark.corpus

AGREEING = 0.9
"""The share of scans that must read exactly as their originals: OCR misreads a word now and then."""


def test_scanned_letters_read_with_the_kind_and_items_of_the_originals(scanned):  # noqa: F811
    assert len(scanned) >= SCANNED_LETTERS
    differ = {original.path.name: same_letter(original.letter, scan.letter) for original, scan in scanned}
    differ = {name: problems for name, problems in differ.items() if problems}
    assert len(scanned) - len(differ) >= AGREEING * len(scanned), differ
    assert all(original.letter.items for original, _ in scanned)
    print(f"{len(scanned) - len(differ)}/{len(scanned)} scans read as their originals; differ: {differ}")


def test_every_scanned_page_is_read_by_ocr_and_keeps_its_printed_number(scanned):  # noqa: F811
    for original, scan in scanned:
        pages = scan.submission.main.pages
        assert [p.text_source for p in pages] == ["ocr"] * len(original.submission.main.pages)
        assert [p.number for p in pages] == [p.number for p in original.submission.main.pages], scan.path.name
        assert not scan.submission.main.warnings


def test_continuation_headers_of_scans_are_furniture(scanned):  # noqa: F811
    """Page 2's "Name / Company / Date / Page 2" header is left out of what the letter quotes."""
    two_pages = [(o, s) for o, s in scanned if len(s.submission.main.pages) > 1]
    assert two_pages
    for _, scan in two_pages:
        document = scan.submission.main
        second = document.pages[1]
        marked = [b for b in document.blocks if second.start <= b.start < second.end and b.furniture]
        assert any(b.furniture == "page_number" for b in marked), scan.path.name
        for item in scan.letter.items:
            assert "Page 2" not in (item.comment or ""), (scan.path.name, item.number)


def test_item_locations_point_into_the_scans_one_text(scanned):  # noqa: F811
    for _, scan in scanned:
        document = scan.submission.main
        for item in scan.letter.items:
            location = item.location
            assert 0 <= location.start < location.end <= len(document.text)
            first_word = item.comment.split()[0]
            assert first_word in document.text[location.start : location.end], (scan.path.name, item.number)
            assert location.line == document.text.count("\n", 0, location.start) + 1


@needs_tesseract
def test_a_letter_with_one_scanned_page_reads_both_kinds_of_page(letters_to_scan, tmp_path):  # noqa: F811
    """A born-digital first page and a scanned second one (a signed page scanned back in)."""
    original = next(p for p in letters_to_scan if len(pdfium.PdfDocument(str(p))) == 2)
    mixed = pdfium.PdfDocument(str(original))
    mixed.del_page(1)
    mixed.import_pages(pdfium.PdfDocument(image_only_pdf(original.read_bytes())), [1])
    path = tmp_path / "mixed.pdf"
    mixed.save(str(path))
    got, want = read(path), read(original)
    assert [p.text_source for p in got.submission.main.pages] == ["pdf", "ocr"]
    assert [p.number for p in got.submission.main.pages] == [p.number for p in want.submission.main.pages]
    assert not same_letter(want.letter, got.letter)
