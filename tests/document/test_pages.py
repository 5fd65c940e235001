"""Printed page numbers, checked by hand against the documents, and the furniture around them."""

from __future__ import annotations

import pytest

import tandy
from conftest import DEF14A, PRE14A, corpus, needs_shared


@needs_shared
@pytest.mark.parametrize("path", [PRE14A, DEF14A], ids=["pre14a", "def14a"])
def test_seed_reconstructions_print_pages_12_to_14(path):
    doc = tandy.parse(str(path)).main
    assert doc.page_numbers() == ["12", "13", "14"]
    assert doc.location(doc.text.index("Fund Complex includes")).page == "12"
    assert doc.location(doc.text.index("Board Committees")).page == "14"
    footers = [doc.text[b.start : b.end].strip() for b in doc.blocks if b.furniture == "page_number"]
    assert footers == ["12", "13", "14"]
    assert "<PAGE>" not in doc.body_text() and "\n                                        13\n" not in doc.body_text()


@needs_shared
def test_seed_letter_prints_no_page_number():
    doc = tandy.parse(str(corpus("..", "seed", "000_33feab94224503d0.txt"))).main
    assert doc.page_numbers() == [None]


# Each expectation below was read off the document itself (pdfium's text for PDFs, the rendered
# page for HTML): staff letters print "Page N" under a continuation header from page 2 on.
HAND_CHECKED = {
    "letters/keys_upload_2016-04-05_0000000000-16-071042.pdf": [None, "2", "3"],
    "letters/cci_upload_2024-04-05_0000000000-24-003703.pdf": [None, "2", "3", "4"],
    "letters/abbv_upload_2022-09-20_0000000000-22-010309.pdf": [None, "2"],
    "letters/wynn_upload_2018-04-27_0000000000-18-013115.pdf": [None, "2"],
    "letters/kmi_corresp_2016-07-12_0001506307-16-000098.htm": [None] + [str(n) for n in range(2, 14)],
    "letters/meta_corresp_2021-12-29_0000950103-21-020492.htm": [None, "2", "3", "4", "5", "6", "7"],
}


@needs_shared
@pytest.mark.parametrize("name", sorted(HAND_CHECKED))
def test_printed_page_numbers_of_letters(name):
    assert tandy.parse(str(corpus(name))).main.page_numbers() == HAND_CHECKED[name]


@needs_shared
def test_staff_letter_continuation_header_is_furniture():
    doc = tandy.parse(str(corpus("letters/keys_upload_2016-04-05_0000000000-16-071042.pdf"))).main
    page2 = doc.pages[1]
    furniture = [doc.text[b.start : b.end] for b in doc.blocks if b.furniture and page2.start <= b.start < page2.end]
    assert furniture[-1] == "Page 2" and "April 5, 2016" in furniture
    assert "Page 2" not in doc.body_text(page2.start, page2.end)


@needs_shared
def test_proxy_with_roman_front_matter_and_appendix_pages():
    numbers = tandy.parse(str(corpus("proxies/mlab_def14a_2025-07-11.html"))).main.page_numbers()
    assert numbers[2:8] == ["i", "ii", "iii", "1", "2", "3"]
    assert "A-1" in numbers


@needs_shared
def test_proxy_footer_with_running_title():
    """Apple prints "12 2026 Proxy Statement" on even pages and "2026 Proxy Statement 13" on odd."""
    numbers = tandy.parse(str(corpus("proxies/aapl_def14a_2026-annual-meeting.html"))).main.page_numbers()
    assert numbers[7:12] == ["7", "8", "9", "10", "11"]
    assert "2026" not in numbers


@needs_shared
def test_text_proxy_footers():
    numbers = tandy.parse(str(corpus("proxies/unitedhealthcare_def14a_1995-03-31_0000950131-95-000820.txt"))).main.page_numbers()
    assert numbers[3:8] == ["1", "2", "3", "4", "5"]
