"""draft-response on real staff letters of different offices and eras: the response goes to the
right division and people, repeats the whole Re: block and heading path, and restates each comment
as the staff set it out (bullets kept, nothing after it merged in)."""

from __future__ import annotations

import re

import pytest
from docx import Document as WordDocument

from conftest import corpus
from tandy.letters import read_letter
from tandy.letters.draft import draft_response, restated, staff_office, to_markdown, write_docx

EXAMPLE = __import__("pathlib").Path(__file__).resolve().parents[2] / "examples" / "staff_letter_2007-12-20.txt"


def draft(name: str):
    letter = read_letter(str(corpus("letters", name)))
    return letter, draft_response(letter, date="2026-01-05")


def words(text: str) -> str:
    """A comment's words without bullet marks or line breaks, to compare restatement with the letter."""
    return " ".join(re.sub(r"[•\uf0b7]", " ", text).split())


def test_a_2016_office_letter_keeps_filed_line_heading_path_and_bullets():
    letter, d = draft("len_upload_2016-03-11_0000000000-16-068040.pdf")
    assert d.addressee[:3] == ["Terence O'Brien", "Division of Corporation Finance", "Office of Manufacturing and Construction"]
    assert d.salutation == "Dear Terence O'Brien:"
    assert d.re_block == ["Lennar Corporation", "Form 10-K for Fiscal Year Ended November 30, 2015", "Filed January 22, 2016", "File No. 1-11749"]
    assert d.items[0].headings == [
        "Form 10-K for the fiscal year ended September 30, 2015",
        "Management's Discussion and Analysis of Financial Condition and Results of Operations, page 24",
        "Results of Operations, page 27",
    ]
    assert d.items[1].headings == ["Rialto-Investments in Unconsolidated Entities, page 58"]
    second = d.items[1].paragraphs
    assert len(second) == 5 and not second[0].startswith("•") and all(p.startswith("• ") for p in second[1:])
    for item, source in zip(d.items, letter.items):
        assert words(" ".join(item.paragraphs)) == words(source.comment)
    assert d.tandy is not None  # March 2016: inside the Tandy window


def test_a_2022_program_letter_goes_to_the_staff_it_names():
    _, d = draft("bxp_upload_2022-08-31_0000000000-22-009471.pdf")
    # signed by the Disclosure Review Program, not a person: the contact paragraph names the staff
    assert d.salutation == "Dear Amanda Ravitz and Barbara Jacobs:"
    assert d.addressee[:2] == ["Amanda Ravitz", "Division of Corporation Finance"]
    assert d.re_block == ["Boston Properties, Inc.", "Definitive Proxy Statement on Schedule 14A", "Filed April 6, 2022", "File No. 001-13087"]
    assert [i.headings for i in d.items] == [["Definitive Proxy Statement on Schedule 14A filed April 6, 2022", "General"], [], []]
    assert [sum(p.startswith("• ") for p in i.paragraphs) for i in d.items] == [0, 2, 5]
    assert d.tandy is None
    assert not any("We remind you" in p for i in d.items for p in i.paragraphs)


def test_a_2024_mergers_letter_signed_by_the_office():
    _, d = draft("cci_upload_2024-03-07_0000000000-24-002523.pdf")
    assert d.addressee[1:3] == ["Division of Corporation Finance", "Office of Mergers & Acquisitions"]
    assert d.salutation == "Dear Shane Callaghan and Christina Chalk:"
    assert d.re_block == ["Crown Castle Inc.", "DEFA14A Filed March 5, 2024", "File No. 001-16441"]
    assert d.items[0].headings == ["DEFA14A Filed March 5, 2024", "Press Release Dated March 5, 2024"]
    assert sum(p.startswith("• ") for p in d.items[0].paragraphs) == 3
    assert not any("remind you" in p or "Please direct any questions" in p for p in d.items[0].paragraphs)


def test_investment_management_in_capitals_over_two_lines():
    assert staff_office("DIVISION OF\nINVESTMENT MANAGEMENT\n\nDecember 20, 2007")[0] == "Division of Investment Management"
    letter = read_letter(str(EXAMPLE))
    d = draft_response(letter, date="2008-01-04")
    assert d.addressee[1] == "Division of Investment Management" and "Division of Investment Management of the" in d.opening
    assert "Filed December 14, 2007" in d.re_block
    # the letter's closing request is not part of comment 4
    assert not any("Please respond to these comments" in p for p in d.items[-1].paragraphs)


def test_closing_text_run_into_a_comment_is_left_out():
    comment = "Please revise the table. Please contact Jane Roe at 202-551-0100 or John Doe at 202-551-0101 with any questions."
    assert restated(comment) == ["Please revise the table."]
    assert restated("Tell us:\n\n• the first; and • the second.") == ["Tell us:", "• the first; and", "• the second."]


def test_docx_and_markdown_show_every_heading_line_and_bullet(tmp_path):
    _, d = draft("len_upload_2016-03-11_0000000000-16-068040.pdf")
    path = write_docx(d, tmp_path / "r.docx")
    texts = [p.text for p in WordDocument(str(path)).paragraphs]
    assert "Management's Discussion and Analysis of Financial Condition and Results of Operations, page 24" in texts
    assert any(t.startswith("• The timing of the recognition") for t in texts)
    markdown = to_markdown(d)
    assert "*Results of Operations, page 27*" in markdown and "- **The timing of the recognition" in markdown
