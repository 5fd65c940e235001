"""A sentence the PDF layout cut in two still opens its comment."""

from __future__ import annotations

from conftest import corpus, needs_shared
from tandy import read_letter
from tandy.letters.body import Paragraph, _rejoined


@needs_shared
def test_comment_cut_after_its_first_line_is_one_item():
    letter = read_letter(str(corpus("threads/LVS/LVS_0000000000-21-011216/filings/0000000000-21-012996/filename1.pdf")))
    assert [i.number for i in letter.items] == [1, 2, 3, 4, 5]
    first = letter.items[0]
    assert first.heading == "General"
    assert first.comment.startswith("You state in response to prior comment 2 that your capital expenditures")
    assert "your climate-related program costs" in first.comment
    assert first.refers_to == [2]


def test_only_a_cut_sentence_is_joined():
    cut = Paragraph(0, 40, "1. You state in response to prior comment 2 that")
    rest = Paragraph(42, 80, "your program costs were immaterial.")
    caption = Paragraph(82, 90, "Risk Factors, page 12")
    lower_after_sentence = Paragraph(92, 120, "and the Company agrees.")
    joined = _rejoined([cut, rest, caption, lower_after_sentence])
    assert [p.text for p in joined] == [
        "1. You state in response to prior comment 2 that your program costs were immaterial.",
        "Risk Factors, page 12",
        "and the Company agrees.",
    ]
    assert (joined[0].start, joined[0].end) == (0, 80)


@needs_shared
def test_response_opening_with_thanks_is_not_taken_for_the_closing():
    """ "We appreciate the Staff's comment." opens an answer; "We appreciate the opportunity to
    respond" closes the letter."""
    letter = read_letter(str(corpus("threads/AVY/AVY_0000000000-23-003698/filings/0000008818-23-000010/filename1.htm")))
    assert [i.number for i in letter.items] == [1, 2]
    answer = letter.items[1].response
    assert answer.startswith("We appreciate the Staff's comment. We will expand the disclosure")
    assert "less than 1% of the annual consolidated revenues" in answer
    assert "opportunity to respond" not in answer
