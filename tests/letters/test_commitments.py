"""Dated promises: what was promised, by when, and where the letter says so."""

from __future__ import annotations

import pytest

import tandy
from conftest import SEED_LETTER, corpus
from tandy.letters.commitments import find_commitments


def commitments_in(text: str, tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    return find_commitments(tandy.parse(str(path)).main)


def test_seed_promises_the_definitive_filing():
    if not SEED_LETTER.exists():
        pytest.skip(f"{SEED_LETTER} is absent")
    document = tandy.parse(str(SEED_LETTER)).main
    (promise,) = find_commitments(document)
    assert promise.text == "file its definitive Proxy Statement on or about January 7, 2008"
    assert promise.date == "2008-01-07"
    assert document.text[promise.location.start : promise.location.end].startswith("file its definitive")
    assert promise.location.line == document.line_at(promise.location.start)


def test_intent_with_a_deadline(tmp_path):
    (promise,) = commitments_in("Ladies and Gentlemen:\n\nWe intend to file Amendment No. 2 to the Registration Statement by March 15, 2024.\n", tmp_path)
    assert promise.text == "file Amendment No. 2 to the Registration Statement by March 15, 2024"
    assert promise.date == "2024-03-15"


def test_time_limited_promise_has_no_date(tmp_path):
    (promise,) = commitments_in("The Company will respond to the remaining comments within ten business days.\n", tmp_path)
    assert promise.text == "respond to the remaining comments within ten business days"
    assert promise.date is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Please respond to this letter within ten business days.",  # a staff request, not a promise
        "We will revise the disclosure for the year ended December 31, 2023 in future filings.",  # a period, not a deadline
        "On page 11 you discuss the presentation of the Strategic Plan to the Board on January 30, 2024.",
        "The merger will be effective on July 1, 2024.",  # a fact, not the writer's promise
    ],
)
def test_not_commitments(sentence, tmp_path):
    assert commitments_in(sentence + "\n", tmp_path) == []


def test_real_extension_request_promises_a_response_date():
    document = tandy.parse(str(corpus("letters", "glw_corresp_2022-05-26_0001206774-22-001446.htm"))).main
    assert [(c.text, c.date) for c in find_commitments(document)] == [("respond on or about June 27, 2022", "2022-06-27")]
