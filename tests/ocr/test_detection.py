"""Which pages need OCR: none of the corpus's born-digital pages, every page that is a picture,
and no page that is blank."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from PIL import Image

from conftest import CORPUS, needs_shared
from tandy.document import parse
from tandy.document.lines import jumbled
from tandy.document.pdf import _layer_lines
from tandy.errors import InputError

PDF_FILES = sorted(CORPUS.rglob("*.pdf")) if CORPUS.is_dir() else []


@needs_shared
@pytest.mark.corpus
def test_no_born_digital_corpus_page_is_taken_for_a_scan_or_a_jumbled_layer():
    """Label-free: every PDF page of the corpus has a text layer that is its text, in order."""
    assert len(PDF_FILES) > 100
    wrong = []
    for path in PDF_FILES:
        document = parse(str(path)).main
        if document.warnings or any(p.text_source != "pdf" for p in document.pages):
            wrong.append((path.name, [p.text_source for p in document.pages], document.warnings))
        pdf = pdfium.PdfDocument(str(path))
        for index in range(len(pdf)):
            page = pdf[index]
            lines, run_together = _layer_lines(page.get_textpage(), page.get_height())
            if run_together or jumbled(lines):
                wrong.append((path.name, index + 1, "rebuilt from word boxes"))
        pdf.close()
    assert not wrong


def _pdf_of(*images: Image.Image) -> bytes:
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=list(images[1:]), resolution=100)
    return out.getvalue()


def test_a_pdf_of_blank_images_holds_no_text(tmp_path):
    path = tmp_path / "blank.pdf"
    path.write_bytes(_pdf_of(Image.new("L", (850, 1100), 255), Image.new("L", (850, 1100), 250)))
    with pytest.raises(InputError, match="holds no text"):
        parse(str(path))


def test_a_pdf_without_any_page_content_holds_no_text(tmp_path):
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(612, 792)
    out = io.BytesIO()
    pdf.save(out)
    path = tmp_path / "empty.pdf"
    path.write_bytes(out.getvalue())
    with pytest.raises(InputError, match="holds no text"):
        parse(str(path))


@needs_shared
@pytest.mark.corpus
def test_a_born_digital_page_beside_a_large_picture_keeps_its_text_layer(tmp_path):
    """A chart or photograph over most of a page is no scan when the page has its text."""
    from conftest import corpus

    original = corpus("letters", "ste_upload_2024-05-21_0000000000-24-005875.pdf")
    pdf = pdfium.PdfDocument(str(original))
    page = pdf[0]
    width, height = page.get_size()
    picture = pdfium.PdfImage.new(pdf)
    picture.set_bitmap(pdfium.PdfBitmap.from_pil(Image.new("L", (400, 300), 40)))
    # Under the letter's text, where no line is: most of the page's inked rows are the picture's.
    picture.set_matrix(pdfium.PdfMatrix().scale(width - 144, height * 0.45).translate(72, 36))
    page.insert_obj(picture)
    page.gen_content()
    path = tmp_path / "with-chart.pdf"
    pdf.save(str(path))
    pdf.close()
    got, want = parse(str(path)).main, parse(str(original)).main
    assert [p.text_source for p in got.pages] == ["pdf"]
    assert got.text == want.text and not got.warnings
