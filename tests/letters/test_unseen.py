"""What a new user's letters need, on real corpus letters no label covers: every comment whole past
page furniture of each style, every kind of letter, and the header fields as printed.

Each case is a letter of ``../shared/corpus`` chosen for its layout; the assertions name what the
letter itself says (its bullets, its printed date, its signature), so they fail if the reader
loses or invents text.
"""

from __future__ import annotations

import dataclasses

import pytest

from conftest import corpus, needs_shared
from tandy.document import parse
from tandy.letters import read_letter
from tandy.letters.reader import layout
from tandy.letters.selfcheck import body_share, kind_fits_form, numbering_gaps, unanswered

pytestmark = needs_shared


def letter(*parts: str):
    return read_letter(str(corpus(*parts)))


def thread_file(ticker: str, folder: str, accession: str):
    path = next(corpus("threads", ticker, folder, "filings", accession).glob("filename1.*"))
    return read_letter(str(path))


# --- page furniture of each style, removed where it interrupts an item --------------------------------


def test_2019_staff_continuation_header_inside_a_comment_is_removed_and_its_bullets_kept():
    """Berkshire 2022: "Mark Hamburg / Berkshire Hathaway Inc. / September 2, 2022 / Page 2" opens
    the same PDF block as the last three bullets of comment 2."""
    comment = letter("letters", "brkb_upload_2022-09-02_0000000000-22-009598.pdf").items[1].comment
    assert "Page 2" not in comment and "Mark Hamburg" not in comment and "September 2, 2022" not in comment
    bullets = [line for line in comment.splitlines() if line.startswith("•")]
    assert len(bullets) == 6, "each bullet a line of its own, those after the page break too"
    assert bullets[-1] == "• how your risk oversight process aligns with your disclosure controls and procedures."


def test_2018_staff_continuation_header_without_a_page_mark_is_furniture():
    """Baker Hughes 2018: page 2 opens with the addressee, company and date, and no "Page 2"."""
    laid = layout(parse(str(corpus("letters", "bkr_upload_2018-09-27_0000000000-18-030596.pdf"))))
    page_two = [p.text for p in laid.paragraphs if p.page == 1]
    assert not any("Brian Worrell" in text for text in page_two)
    assert page_two[0].startswith("We remind you that the company")


def test_template_leftovers_of_staff_pdfs_stay_out_of_the_comments():
    """Autodesk 2018: "FirstName LastName" and "Comapany Name" in the text layer of page 2."""
    found = letter("letters", "adsk_upload_2018-12-20_0000000000-18-038827.pdf")
    assert found.items and not any("FirstName" in i.comment or "Comapany" in i.comment for i in found.items)


def test_a_response_table_split_by_a_page_break_stays_in_its_answer():
    """Xylem 2017: both answers end in a table of figures, set as short unpunctuated rows that read
    like headings; none of the rows is cut off as the next item's heading."""
    items = letter("letters", "xyl_corresp_2017-12-20_0001524472-17-000052.htm").items
    assert "Adjusted EBITDA" in items[0].response.splitlines()[-1]
    assert "Net income" in items[1].response and items[1].response.endswith("NM Not Meaningful")


@pytest.mark.parametrize(
    "name",
    [
        "brkb_upload_2022-09-02_0000000000-22-009598.pdf",
        "xyl_corresp_2017-12-20_0001524472-17-000052.htm",
        "kmi_corresp_2016-07-12_0001506307-16-000098.htm",
        "fox_corresp_2019-09-26_0001193125-19-256073.htm",
    ],
)
def test_every_body_paragraph_is_inside_an_item(name):
    laid = layout(parse(str(corpus("letters", name))))
    share = body_share(laid)
    assert share.body > 1000 and share.lost == [] and share.furniture == []


def test_a_paragraph_dropped_from_an_item_is_counted_as_lost():
    """The self-check can fail: take one paragraph out of an answer and it is reported."""
    laid = layout(parse(str(corpus("letters", "xyl_corresp_2017-12-20_0001524472-17-000052.htm"))))
    span = laid.spans[1]
    dropped = span.response[3]
    laid.spans[1] = dataclasses.replace(span, response=[p for p in span.response if p is not dropped])
    share = body_share(laid)
    assert share.lost == [dropped] and share.share < 1


# --- kinds ---------------------------------------------------------------------------------------------


def test_a_response_without_numbered_items_is_a_response_with_its_commitment():
    found = letter("letters", "brkb_corresp_2022-09-08_0001193125-22-240791.htm")
    assert found.kind == "response" and found.items == []
    [promise] = found.commitments
    assert promise.text.startswith("enhance future proxy disclosures") and promise.date is None
    assert unanswered(found) == [] and kind_fits_form(found.kind, "CORRESP")


def test_a_response_to_an_oral_comment_is_a_response():
    """Starwood 2016: "this letter responds to the comment issued by the staff" on the telephone."""
    found = thread_file("MAR", "MAR_0000000000-16-061961", "0001193125-16-464982")
    assert found.kind == "response" and found.items == []


@pytest.mark.parametrize(
    ("parts", "registrant"),
    [
        (("letters", "fox_upload_2020-01-21_0000000000-20-000490.pdf"), "Fox Corporation"),
        (("letters", "nuvectis_upload_2026-02-18_0000000000-26-001655.txt"), None),
    ],
)
def test_we_have_not_reviewed_and_will_not_review_is_no_review(parts, registrant):
    found = letter(*parts)
    assert found.kind == "no_review" and found.items == []
    assert found.sender.startswith("Division of Corporation Finance")
    if registrant:
        assert found.registrant == registrant


def test_a_no_review_notice_without_its_form_is_known_by_its_wording():
    """Molson Coors 2017: a bare PDF ("Mail Stop: 3561"), no EDGAR header to say it is staff's."""
    found = thread_file("TAP", "TAP_0000000000-16-060314", "0000000000-17-039686")
    assert found.kind == "no_review"


@pytest.mark.parametrize(
    "parts",
    [
        ("letters", "len_corresp_2017-01-10_0001193125-17-006734.htm"),  # "be declared effective", counsel signs
        ("letters", "fox_corresp_2020-02-26_0001193125-20-049646.htm"),
        ("letters", "carr_corresp_2025-07-31_0000950142-25-002053.htm"),
        ("threads", "EXPE", "EXPE_0000000000-17-016265", "filings", "0001193125-17-352522"),  # "be made effective"
    ],
)
def test_rule_461_requests_are_acceleration_requests(parts):
    path = corpus(*parts)
    found = read_letter(str(next(path.glob("filename1.*")) if path.is_dir() else path))
    assert found.kind == "acceleration_request" and found.items == []


@pytest.mark.parametrize(
    "accession",
    ["0001104659-16-110081", "0001104659-16-118362"],
)
def test_notes_about_when_the_answer_comes_are_not_responses(accession):
    """Molson Coors 2016: "confirms that it will respond ... no later than April 15" is other; its
    supplemental response of May 5 (no numbered items) answers the staff."""
    found = thread_file("TAP", "TAP_0000000000-16-060314", accession)
    assert found.kind == ("other" if accession.endswith("110081") else "response")


def test_a_staff_letter_with_one_unnumbered_comment_has_that_item():
    """Ford, November 2017: "... and have the following comment", under a stack of headings."""
    found = thread_file("F", "F_0000000000-17-029248", "0000000000-17-039400")
    [item] = found.items
    assert found.kind == "staff_comment" and item.number is None and item.heading == "Note 3. Revenue, page 10"
    assert item.comment.startswith("We have reviewed your response to prior comment 2.")
    assert numbering_gaps(found) == []


def test_a_redacted_exhibit_letter_stays_other():
    assert letter("letters", "ea_sec-staff-letter_2021-03-29_9999999997-21-000527.pdf").kind == "other"


# --- header fields -----------------------------------------------------------------------------------


def test_the_letters_own_date_below_the_re_block_not_the_filing_date():
    """Capital One 2022: the Re: block says "Filed March 21, 2022"; the letter is dated below it."""
    found = letter("letters", "cof_corresp_2022-09-29_0000950103-22-016715.htm")
    assert found.date == "2022-09-29" and found.subject_filing.filed == "2022-03-21"
    assert found.registrant == "Capital One Financial Corporation"
    assert found.subject_filing.form == "DEF 14A"
    assert found.addressee.splitlines()[-1] == "Washington, DC 20549"


def test_the_sender_is_the_signers_company_never_a_cc_line():
    """Xylem 2017: signed by the Controller; the last cc is Deloitte & Touche LLP."""
    found = letter("letters", "xyl_corresp_2017-12-20_0001524472-17-000052.htm")
    assert found.sender == "Xylem Inc."
    assert found.cc[-3:] == ["Robert Grosso, Engagement Partner, Deloitte & Touche LLP",
                             "Dennis Hult, Securities and Exchange Commission",
                             "Martin James, Securities and Exchange Commission"]


@pytest.mark.parametrize(
    ("name", "sender"),
    [
        ("glw_corresp_2022-07-25_0001206774-22-001835.htm", "Corning Incorporated"),  # "Executive Vice President & CFO" signs
        ("glw_corresp_2022-05-26_0001206774-22-001446.htm", "Latham & Watkins LLP"),  # counsel's letterhead
        ("abbv_corresp_2022-10-04_0001104659-22-105695.htm", "AbbVie Inc."),  # the CFO signs; counsel only in cc
        ("amt_upload_2016-05-04_0000000000-16-074877.pdf", "Office of Real Estate and Commodities"),  # wrapped office
        ("brkb_upload_2022-09-02_0000000000-22-009598.pdf", "Division of Corporation Finance"),
    ],
)
def test_sender(name, sender):
    assert letter("letters", name).sender == sender


def test_the_addressee_is_name_and_address_only():
    """Agilent 2016: name, title, company and street address; the Re: block and body are not in it."""
    found = letter("letters", "a_upload_2016-09-14_0000000000-16-092800.pdf")
    lines = found.addressee.splitlines()
    assert lines[0] == "Didier Hirsch" and "Agilent Technologies, Inc." in lines
    assert lines[-1].endswith("95051") and len(lines) <= 8
    ste = letter("letters", "ste_corresp_2024-05-15_0001757898-24-000007.htm")
    assert ste.addressee is None or len(ste.addressee) < 400, "an addressee never swallows the body"


def test_an_attention_line_names_the_addressee_and_an_office_list_is_no_address():
    """Corning 2022: Latham's letterhead sets its offices ("Dubai", "San Diego" ...) among the lines."""
    found = letter("letters", "glw_corresp_2022-05-26_0001206774-22-001446.htm")
    lines = found.addressee.splitlines()
    assert lines[0] == "Erin Donahue" and "Dubai" not in lines and "San Diego" not in lines


def test_a_cc_line_under_the_office_that_signs():
    """2019-and-later staff PDFs set "cc: Jenifer Broder" as the last line of the signature block."""
    assert letter("letters", "brkb_upload_2022-09-02_0000000000-22-009598.pdf").cc == ["Jenifer Broder"]


def test_the_re_block_every_line():
    found = letter("letters", "bkr_upload_2018-09-27_0000000000-18-030596.pdf")
    assert found.subject_filing.lines == [
        "Baker Hughes, a GE company", "Form 10-K for the Fiscal Year ended December 31, 2017",
        "Filed February 23, 2018", "File No. 1-38143",
    ]
    assert (found.subject_filing.form, found.subject_filing.filed, found.subject_filing.file_numbers) == ("10-K", "2018-02-23", ["1-38143"])
