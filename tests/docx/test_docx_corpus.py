"""Word files built from real corpus documents read as the originals do.

Each .docx is written with python-docx from the real text (see :mod:`tests.docx.wordfiles`), its
numbered paragraphs as Word list numbering, so the numbers exist only in ``numbering.xml``.
"""

from __future__ import annotations

import re
import zipfile

import pytest

from conftest import corpus, needs_shared
from wordfiles import build_docx
from tandy.letters import read_letter
from tandy.proxy import read_proxy

pytestmark = [needs_shared, pytest.mark.corpus]

# Letters whose items are numbered "1." paragraphs (written as automatic numbering), then letters
# with their numbers in table cells or not numbered at all, then staff letters read from PDF.
LETTERS = [
    "cien_corresp_2017-07-14_0001193125-17-228629.htm",
    "rmd_corresp_2016-12-20_0001193125-16-799178.htm",
    "mnst_corresp_2018-05-18_0001104659-18-034437.htm",
    "vrtx_corresp_2022-09-26_0001193125-22-251270.htm",
    "wy_corresp_2016-04-12_0000106535-16-000055.htm",
    "xyl_corresp_2017-12-20_0001524472-17-000052.htm",
    "ebay_corresp_2024-09-25_0001552781-24-000534.htm",
    "kmi_corresp_2016-07-12_0001506307-16-000098.htm",
    "podd_corresp_2016-07-29_0001157523-16-006325.htm",
    "fox_corresp_2019-09-26_0001193125-19-256073.htm",
    "c_corresp_2016-08-03_0001144204-16-116178.htm",
    "a_upload_2016-09-14_0000000000-16-092800.pdf",
]
PROXIES = [
    "fordmotor_def14a_2000-04-11_0000950124-00-002131.html",
    "mlab_def14a_2025-07-11.html",
    "nvda_def14a_2026-05-12_0001045810-26-000036.htm",
]


def _items(letter) -> tuple:
    first = lambda text: " ".join((text or "").split()[:8])  # noqa: E731
    return letter.kind, [(i.number, first(i.comment), first(i.response)) for i in letter.items]


@pytest.mark.parametrize("name", LETTERS)
def test_letter_from_word_reads_as_the_original(name, tmp_path):
    source = corpus("letters", name)
    target = tmp_path / (source.stem + ".docx")
    build_docx(source, target, pages=True)
    original, word = read_letter(str(source)), read_letter(str(target))
    assert original.items, "a letter with items is needed to show anything"
    assert _items(word) == _items(original)
    assert word.date == original.date


def test_numbers_of_the_numbered_letters_exist_only_as_list_numbering(tmp_path):
    """The first letters' item numbers are not in the document's text: Word computes them."""
    for name in LETTERS[:7]:
        target = tmp_path / (name + ".docx")
        build_docx(corpus("letters", name), target)
        xml = zipfile.ZipFile(target).read("word/document.xml").decode()
        assert xml.count("<w:numPr>") >= 2, name
        assert not re.search(r"<w:t[^>]*>\s*1\.\s", xml), name
        assert [i.number for i in read_letter(str(target)).items][:2] == [1, 2]


@pytest.mark.parametrize("name", PROXIES)
def test_proxy_from_word_names_the_same_people(name, tmp_path):
    source = corpus("proxies", name)
    target = tmp_path / (name + ".docx")
    build_docx(source, target, pages=True)
    people = lambda proxy: [(p.name, p.age, p.roles) for p in proxy.people]  # noqa: E731
    original = people(read_proxy(str(source)))
    assert len(original) >= 5
    assert people(read_proxy(str(target))) == original
