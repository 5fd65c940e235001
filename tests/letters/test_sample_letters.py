"""The project's own sample letters (examples/) read as what they are, with no EDGAR header to help."""

from __future__ import annotations

from pathlib import Path

from tandy import read_letter

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_staff_letter_without_header_is_a_staff_comment_letter():
    """A staff letter's Tandy request mentions "staff comments" and "in response"; the SEC
    letterhead and the request for a statement from the Trust still say who wrote it."""
    letter = read_letter(str(EXAMPLES / "staff_letter_2007-12-20.txt"))
    assert letter.kind == "staff_comment"
    assert [i.number for i in letter.items] == [1, 2, 3, 4]
    assert all(i.response is None for i in letter.items)


def test_response_example_answers_each_comment():
    letter = read_letter(str(EXAMPLES / "response_2008-01-04.htm"))
    assert letter.kind == "response"
    assert [i.number for i in letter.items] == [1, 2, 3, 4]
    assert all(i.response for i in letter.items)
    assert letter.acknowledgments.tandy
