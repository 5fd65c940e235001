"""A hidden OCR layer with every word and no structure is read by its words' boxes.

The corpus holds one scanned letter with a real hidden layer (General Mills' 2018 cover letter),
whose layer pdfium can follow. Layers written word by word in an order of their own are made here
from real letters: the words and boxes of the original, invisible over its page image, shuffled.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from conftest import CORPUS, corpus, needs_shared
from scanned import read, same_letter
from scans import hidden_layer_pdf
from tandy.document.lines import jumbled
from tandy.document.pdf import _layer_lines

pytestmark = [needs_shared, pytest.mark.corpus]

LETTERS = [
    "letters/ste_upload_2024-03-22_0000000000-24-003167.pdf",
    "letters/keys_upload_2016-04-05_0000000000-16-071042.pdf",
    "letters/bxp_upload_2022-08-31_0000000000-22-009471.pdf",
    "letters/kmi_upload_2016-07-28_0000000000-16-086243.pdf",
]
GENERAL_MILLS = "threads/GIS/GIS_0000000000-18-018988/filings/0000000000-18-018988/filename1.pdf"


@pytest.mark.parametrize("name", LETTERS)
def test_a_shuffled_hidden_layer_reads_as_the_original(name, tmp_path):
    original = corpus(*name.split("/"))
    scan = tmp_path / "hidden.pdf"
    scan.write_bytes(hidden_layer_pdf(original.read_bytes()))
    pdf = pdfium.PdfDocument(str(scan))
    page = pdf[0]
    lines, _ = _layer_lines(page.get_textpage(), page.get_height())
    assert jumbled(lines), "the made-up layer should be out of order, or this tests nothing"
    pdf.close()
    got, want = read(scan), read(original)
    assert [p.text_source for p in got.submission.main.pages] == ["pdf"] * len(want.submission.main.pages)
    assert not same_letter(want.letter, got.letter)
    assert [p.number for p in got.submission.main.pages] == [p.number for p in want.submission.main.pages]


def test_the_ste_letter_reads_as_its_label_says():
    """The letter the issue named: a staff letter with three comments (``labels/letters``)."""
    import json

    label = json.loads((CORPUS.parent / "labels" / "letters" / f"{LETTERS[0].split('/')[1]}.json").read_text())
    letter = read(corpus(*LETTERS[0].split("/"))).letter
    assert letter.kind == label["kind"] == "staff_comment"
    assert [i.number for i in letter.items] == [i["number"] for i in label["items"]]
    for item, want in zip(letter.items, label["items"]):
        assert item.comment.startswith(want["comment_start"])


def test_a_real_hidden_ocr_layer_over_a_scan_is_kept():
    """General Mills' layer covers its scan: it is read as the page's text, and OCR is not needed."""
    got = read(corpus(*GENERAL_MILLS.split("/")))
    document = got.submission.main
    assert [p.text_source for p in document.pages] == ["pdf"]
    assert "Form 11-K" in document.text and not document.warnings
    assert got.letter.date == "2018-06-07"


@pytest.mark.parametrize(
    "name, number, start",
    [
        ("letters/ebay_upload_2024-09-19_0000000000-24-010609.pdf", 2, "Refer to the graphs on pages 69-70"),
        ("threads/VRTX/VRTX_0000000000-25-003690/filings/0000000000-25-003690/filename1.pdf", 2, "We note your collaboration"),
    ],
)
def test_a_number_the_layer_wrote_after_its_paragraph_is_put_back(name, number, start):
    """Born-digital layers out of order in one place: "2." comes after the comment it numbers."""
    letter = read(corpus(*name.split("/"))).letter
    item = next(i for i in letter.items if i.number == number)
    assert item.comment.startswith(start)
