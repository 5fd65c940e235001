"""The layouts letters use, each on a small made-up letter, and inputs that are not letters at all."""

from __future__ import annotations

import pytest

from tandy.letters import read_letter

STAFF_OPENING = (
    "<p>March 1, 2020</p><p>Jane Roe<br>Chief Financial Officer<br>Acme Corp.</p>"
    "<p>Re: Acme Corp.<br>Form 10-K for the Fiscal Year Ended December 31, 2019<br>Filed February 20, 2020<br>"
    "File No. 001-12345</p><p>Dear Ms. Roe:</p>"
    "<p>We have reviewed your filing and have the following comments.</p>"
)
STAFF_CLOSING = (
    "<p>We remind you that the company and its management are responsible for the accuracy and adequacy "
    "of their disclosures.</p><p>Sincerely,</p><p>Division of Corporation Finance<br>Office of Manufacturing</p>"
)
RESPONSE_OPENING = (
    "<p>Smith &amp; Jones LLP</p><p>April 2, 2020</p><p>VIA EDGAR</p>"
    "<p>Securities and Exchange Commission<br>Attention: Jane Doe</p>"
    "<p>Re: Acme Corp.<br>Form 10-K for the Fiscal Year Ended December 31, 2019<br>File No. 001-12345</p>"
    "<p>Ladies and Gentlemen:</p>"
    "<p>On behalf of Acme Corp., we respond below to the comments of the Staff.</p>"
)
RESPONSE_CLOSING = "<p>If you have any questions, please call me.</p><p>Very truly yours,</p><p>/s/ John Smith</p>"


def letter_of(html: str, tmp_path, name: str = "letter.htm"):
    path = tmp_path / name
    path.write_text("<html><body>" + html + "</body></html>", encoding="utf-8")
    return read_letter(str(path))


def test_staff_letter_items_with_headings_and_a_numbered_quote_list(tmp_path):
    letter = letter_of(
        STAFF_OPENING
        + "<p><u>Risk Factors, page 12</u></p>"
        + "<p>1. Refer to the following statements:</p>"
        + "<p>1. \"We are the leader.\"</p><p>2. \"We never lose.\"</p>"
        + "<p>Please provide support for these statements.</p>"
        + "<p>2. Please revise the table on pages 14-15 to show each year.</p>"
        + STAFF_CLOSING,
        tmp_path,
    )
    assert letter.kind == "staff_comment"
    assert [i.number for i in letter.items] == [1, 2]
    assert letter.items[0].heading == "Risk Factors, page 12"
    assert letter.items[0].pages == ["12"]
    assert "We never lose" in letter.items[0].comment
    assert letter.items[1].heading is None
    assert letter.items[1].pages == ["14-15"]
    assert all(i.response is None for i in letter.items)
    assert letter.registrant == "Acme Corp."
    assert letter.subject_filing.form == "10-K"
    assert letter.subject_filing.filed == "2020-02-20"
    assert letter.sender == "Division of Corporation Finance, Office of Manufacturing"


def test_bold_comments_with_unlabelled_answers_and_a_list_inside_an_answer(tmp_path):
    letter = letter_of(
        RESPONSE_OPENING
        + "<p><b>1. Please disclose the number of customers.</b></p>"
        + "<p>The Company has revised the disclosure. The revised text reads:</p>"
        + "<p>1. Customers in retail.</p><p>2. Customers in wholesale.</p>"
        + "<p><b>2. Please tell us why the margin fell.</b></p>"
        + "<p>The margin fell because of freight costs.</p>"
        + RESPONSE_CLOSING,
        tmp_path,
    )
    assert letter.kind == "response"
    assert [i.number for i in letter.items] == [1, 2]
    assert letter.items[0].comment == "Please disclose the number of customers."
    assert letter.items[0].response.startswith("The Company has revised the disclosure.")
    assert "Customers in wholesale." in letter.items[0].response
    assert letter.items[1].response == "The margin fell because of freight costs."
    assert letter.sender == "Smith & Jones LLP"
    assert letter.addressee == "Jane Doe\nSecurities and Exchange Commission"  # the Attention name, then the address
    assert letter.signatories == ["John Smith"]


def test_two_column_table_and_response_to_comment_labels(tmp_path):
    letter = letter_of(
        RESPONSE_OPENING
        + "<p><b>Comment No. 1</b></p>"
        + "<table><tr><td>1.</td><td><i>Please expand your discussion of leadership.</i></td></tr></table>"
        + "<p><u>Response to Comment No. 1</u></p><p>We will expand it in future filings.</p>"
        + "<p><b>Comment No. 2</b></p>"
        + "<table><tr><td>2.</td><td><i>Please describe risk oversight.</i></td></tr></table>"
        + "<p><u>Response to Comment No. 2</u></p><p>We will describe it.</p>"
        + RESPONSE_CLOSING,
        tmp_path,
    )
    assert [(i.number, i.comment, i.response) for i in letter.items] == [
        (1, "Please expand your discussion of leadership.", "We will expand it in future filings."),
        (2, "Please describe risk oversight.", "We will describe it."),
    ]
    assert all(i.heading is None for i in letter.items)


def test_follow_up_records_the_prior_comment_it_refers_to(tmp_path):
    letter = letter_of(
        STAFF_OPENING + "<p>1. We note your response to prior comment 3. Please revise.</p>" + STAFF_CLOSING, tmp_path
    )
    assert letter.items[0].refers_to == [3]


def test_closing_letter_has_no_items(tmp_path):
    letter = letter_of(
        STAFF_OPENING.replace("We have reviewed your filing and have the following comments.", "")
        + "<p>We have completed our review of your filing. We remind you that the company is responsible.</p>"
        + "<p>Sincerely,</p><p>Division of Corporation Finance</p>",
        tmp_path,
    )
    assert letter.kind == "closing"
    assert letter.items == []


def test_a_proxy_page_is_not_a_letter(tmp_path):
    path = tmp_path / "proxy.txt"
    path.write_text(
        "PROPOSAL 1: ELECTION OF TRUSTEES\n\nThe Board recommends a vote FOR each nominee.\n\n"
        "1. Elizabeth M. Forget, 41, President and Trustee.\n\n2. Richard C. Pearson, 64, Vice President.\n",
        encoding="utf-8",
    )
    letter = read_letter(str(path))
    assert letter.kind == "other"
    assert letter.items == []


def test_proxy_statement_opening_with_a_letter_is_other(tmp_path):
    letter = letter_of(
        "<p>NOTICE OF ANNUAL MEETING OF STOCKHOLDERS</p><p>March 1, 2020</p><p>Dear Stockholder:</p>"
        "<p>You are invited to vote on the following matters:</p>"
        "<p>1. The election of seven directors;</p><p>2. The ratification of the auditors.</p>"
        "<p>Sincerely,</p><p>/s/ Jane Roe</p>",
        tmp_path,
    )
    assert letter.kind == "other"
    assert letter.items == []


def test_letter_without_numbered_comments_is_other(tmp_path):
    letter = letter_of(
        RESPONSE_OPENING.replace("we respond below to the comments of the Staff", "we enclose the exhibits you asked for")
        + RESPONSE_CLOSING,
        tmp_path,
    )
    assert letter.kind == "other"
    assert letter.items == []


def _pdf(pages: list[str]) -> bytes:
    """A PDF with one page per string (an empty string makes a blank page)."""
    n = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode()]
    font = 3 + 2 * n
    for i, text in enumerate(pages):
        lines = "".join(f"({line}) Tj 0 -16 Td " for line in text.split("\n")) if text else ""
        stream = f"BT /F1 11 Tf 72 720 Td {lines}ET".encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_with_an_empty_page_reads_without_crashing(tmp_path):
    path = tmp_path / "letter.pdf"
    path.write_bytes(
        _pdf(["March 1, 2020\nDear Ms. Roe:\nWe have reviewed your filing.\n1. Please revise the table.", "", "Sincerely,"])
    )
    letter = read_letter(str(path))
    assert letter.kind in ("staff_comment", "other")
    assert [i.number for i in letter.items] in ([], [1])


@pytest.mark.parametrize("text", [" x\n\n\n", "1.\n\n2.\n\n3.", "Response:\n\nComment:", "Re:\n\nDear Sir:", "Sincerely,"])
def test_odd_text_never_crashes(text, tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text(text, encoding="utf-8")
    letter = read_letter(str(path))
    assert letter.kind in ("staff_comment", "response", "closing", "other")
    assert all(item.comment is not None for item in letter.items)
