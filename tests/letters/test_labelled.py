"""Real letters against the hand-checked labels in ../shared/labels/letters.

Each label was made by a person reading the letter: kind, date, registrant, the form reviewed,
and for every item its number, heading, the first words of the comment and of the answer, and
the pages the comment names. The letters pinned here cover staff PDFs from 2016 to 2024, HTML
responses from several law firms and companies, and the one SGML submission in the sample.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import CORPUS, SHARED, needs_shared
from tandy import read_letter

LABELS = SHARED / "labels" / "letters"

PINNED = [
    "aapl_corresp_2024-04-29_0000320193-24-000061.txt",  # SGML submission, HTML inside, number glued to text
    "a_corresp_2016-09-23_0001090872-16-000078.htm",
    "abbv_corresp_2022-10-04_0001104659-22-105695.htm",
    "adm_corresp_2020-10-21_0000007084-20-000031.htm",  # its only comment is numbered 3
    "bxp_corresp_2022-09-09_0001656423-22-000035.htm",  # "Comment No. 1" / "Response to Comment No. 1"
    "c_corresp_2016-08-03_0001144204-16-116178.htm",  # comment in bold, bullets, answer unlabelled
    "fox_corresp_2019-09-26_0001193125-19-256073.htm",  # office list in the page footer
    "glw_corresp_2022-07-25_0001206774-22-001835.htm",
    "kmi_corresp_2016-07-12_0001506307-16-000098.htm",  # 12 items under a stack of headings
    "podd_corresp_2016-07-29_0001157523-16-006325.htm",  # 14 items, sub-captions inside answers
    "wy_corresp_2016-04-12_0000106535-16-000055.htm",  # comments underlined
    "zbh_corresp_2018-05-10_0001564590-18-012768.htm",
    "adsk_upload_2018-12-20_0000000000-18-038827.pdf",  # "FirstName LastName" template junk on page 2
    "amt_upload_2016-05-04_0000000000-16-074877.pdf",
    "chrw_upload_2020-12-14_0000000000-20-011939.pdf",  # comments 1 and 2 in one PDF paragraph
    "cci_upload_2024-05-03_0000000000-24-005098.pdf",  # quoted statements numbered inside comment 1
    "kmi_upload_2016-07-28_0000000000-16-086243.pdf",
    "meta_upload_2021-11-12_0000000000-21-013758.pdf",  # heading wraps "page\n52"
    "mnst_upload_2018-05-11_0000000000-18-014626.pdf",
    "wynn_upload_2018-04-27_0000000000-18-013115.pdf",  # letter to a dissident
    "aon_upload_2020-06-18_0000000000-20-005449.pdf",  # closing
    "podd_upload_2016-09-08_0000000000-16-091938.pdf",  # closing restating Tandy
    "ea_sec-staff-letter_2021-03-29_9999999997-21-000527.pdf",  # redacted exhibits: other
    "carr_corresp_2025-07-31_0000950142-25-002053.htm",  # acceleration request (labelled other)
]


#: Kinds the labels predate: their "other" holds acceleration requests and no-review notices,
#: which the reader now names (the label's own notes say which each letter is).
LABEL_KIND = {"acceleration_request": "other", "no_review": "other"}


def squash(text: str | None) -> str:
    """Letters and digits only: PDF hyphenation, curly quotes and spacing don't count."""
    return re.sub(r"[^a-z0-9]+", "", (text or "").lower())


def begins(text: str | None, start: str) -> bool:
    return squash(text).startswith(squash(start))


def label(name: str) -> dict:
    path = LABELS / f"{name}.json"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return json.loads(path.read_text(encoding="utf-8"))


@needs_shared
@pytest.mark.parametrize("name", PINNED)
def test_letter_matches_its_label(name):
    want = label(name)
    letter = read_letter(str(CORPUS / want["file"]))
    assert LABEL_KIND.get(letter.kind, letter.kind) == want["kind"]
    assert [i.number for i in letter.items] == [i["number"] for i in want["items"]]
    for got, expected in zip(letter.items, want["items"]):
        assert begins(got.comment, expected["comment_start"]), (got.number, got.comment[:80])
        if expected["response_start"]:
            assert begins(got.response, expected["response_start"]), (got.number, (got.response or "")[:80])
        else:
            assert got.response is None


@needs_shared
@pytest.mark.parametrize("name", PINNED)
def test_letter_date_and_registrant_match_the_label(name):
    want = label(name)
    letter = read_letter(str(CORPUS / want["file"]))
    assert letter.date == want["date"]
    assert squash(letter.registrant) == squash(want["registrant"])


@needs_shared
def test_every_labelled_letter_reads_with_its_kind_and_item_count():
    labels = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(LABELS.glob("*.json"))]
    if not labels:
        pytest.skip(f"no labels in {LABELS}")
    wrong = []
    for want in labels:
        letter = read_letter(str(CORPUS / want["file"]))
        if LABEL_KIND.get(letter.kind, letter.kind) != want["kind"] or len(letter.items) != len(want["items"]):
            wrong.append((want["file"], letter.kind, len(letter.items)))
    assert wrong == []
