"""Random text, bytes, HTML and SGML fragments: tandy either reads them or says what is wrong.

Whatever the input, :func:`tandy.parse` and :func:`tandy.document.read_document` end in a
document or an :class:`tandy.InputError`, never another exception, and every page, block and
table they give is an ordered range inside the document's text.
"""

from __future__ import annotations

import binascii

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tandy
from crafted import HEADER, plain_pdf
from tandy.document import Document, read_document
from tandy.source import Part, has_text

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HTML_PIECES = [
    "<html>", "</html>", "<body>", "</body>", "<head>", "<title>", "</title>", "<style>", "</style>",
    "<script>", "</script>", "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<b>", "</b>", "<i>",
    "<u>", "<table>", "<tr>", "<td>", "<td colspan=3>", "</td>", "</tr>", "</table>", "<th>",
    "<font style='font-weight:bold'>", "<span style='display:none'>", "<hr>",
    "<div style='page-break-before:always'>", "<hr style='page-break-after:always'>",
    "<!DOCTYPE html>", "<?xml version='1.0'?>", "<!--", "-->", "&nbsp;", "&amp;", "&#", "&#8212;",
    "<", ">", "\n", "\r\n", "  ", "\t", "\xa0", "\u00ad", "\u2028", "Page 3", "- 4 -", "F-3", "ii",
    "12", "1,234", "$ (5.6)", "Comment 1.", "Response:", "We note your disclosure",
]
SGML_PIECES = [
    "<SEC-DOCUMENT>", "</SEC-DOCUMENT>", "<SEC-HEADER>", "</SEC-HEADER>", "<IMS-HEADER>",
    "ACCESSION NUMBER:\t0000000000-18-000001\n", "CONFORMED SUBMISSION TYPE:\tCORRESP\n",
    "FILED AS OF DATE:\t20180101\n", "FILER:\n", "\tCOMPANY CONFORMED NAME:\tACME CORP\n",
    "\tCENTRAL INDEX KEY:\t0000000001\n", "<DOCUMENT>", "</DOCUMENT>", "<TYPE>CORRESP\n",
    "<TYPE>GRAPHIC\n", "<SEQUENCE>1\n", "<SEQUENCE>\u00b2\n", "<FILENAME>letter.pdf\n",
    "<FILENAME>logo.jpg\n", "<DESCRIPTION>x\n", "<TEXT>\n", "</TEXT>\n", "<PDF>\n", "</PDF>\n",
    "<XBRL>", "begin 644 letter.pdf\n", "M" + "!" * 60 + "\n", "`\n", "end\n", "%PDF-1.4\n",
    "<PAGE>", "\f", "<TABLE>", "</TABLE>", "<S>", "<C>", "<CAPTION>", "-----", "   12   ",
    "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n", "\n", "Dear Mr. Smith:\n",
]


def fragments(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=12)), max_size=50).map("".join)


html_text = fragments(HTML_PIECES)
sgml_text = fragments(SGML_PIECES + HTML_PIECES[:30])
uuencoded_pdfs = st.binary(max_size=400).map(
    lambda noise: HEADER
    + "<DOCUMENT>\n<TYPE>LETTER\n<FILENAME>letter.pdf\n<TEXT>\n<PDF>\nbegin 644 letter.pdf\n"
    + "".join(binascii.b2a_uu(noise[i : i + 45]).decode() for i in range(0, len(noise), 45))
    + "end\n</PDF>\n</TEXT>\n</DOCUMENT>\n"
)


@st.composite
def damaged_pdfs(draw) -> bytes:
    """A good small PDF, cut short and with some bytes overwritten."""
    data = bytearray(plain_pdf(draw(st.text("abc ()\\", min_size=1, max_size=30))))
    del data[draw(st.integers(1, len(data))) :]
    for _ in range(draw(st.integers(0, 8))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


def encodings(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    return st.tuples(text, st.sampled_from(["utf-8", "cp1252", "latin-1", "utf-16", "utf-16-le"])).map(
        lambda pair: pair[0].encode(pair[1], errors="replace")
    )


any_file = st.one_of(
    st.binary(max_size=2000),
    encodings(st.text(max_size=300)),
    encodings(html_text),
    encodings(sgml_text),
    uuencoded_pdfs.map(str.encode),
    damaged_pdfs(),
)


def assert_well_formed(document: Document) -> None:
    """Pages cover the text in order; blocks and tables lie inside it, blocks in order."""
    size = len(document.text)
    assert document.pages and document.pages[0].start == 0 and document.pages[-1].end == size
    assert all(0 <= p.start <= p.end <= size for p in document.pages)
    assert all(a.end == b.start for a, b in zip(document.pages, document.pages[1:]))
    assert all(0 <= b.start <= b.end <= size for b in document.blocks)
    assert all(a.start <= b.start for a, b in zip(document.blocks, document.blocks[1:]))
    assert all(0 <= t.start <= t.end <= size for t in document.tables)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz") / "input.txt"


@FUZZ
@given(data=any_file)
def test_parse_reads_or_refuses(scratch, data):
    scratch.write_bytes(data)
    try:
        submission = tandy.parse(str(scratch))
    except tandy.InputError as error:
        assert error.path == str(scratch) and error.problem
        return
    assert submission.documents
    for document in submission.documents:
        assert_well_formed(document)


@FUZZ
@given(text=st.one_of(st.text(), html_text, sgml_text), format=st.sampled_from(["text", "html"]))
def test_read_document_reads_or_refuses(text, format):
    """Parts as the source stage hands them on: HTML with some text outside its tags.

    (HTML with no element at all is a known bug of :mod:`tandy.document.html`; see
    ``test_bad_input.test_read_document_on_html_without_elements``.)
    """
    part = Part(format, text)
    if format == "html" and not has_text(part):
        return
    try:
        document = read_document("fuzz.htm", part)
    except tandy.InputError:
        return
    assert_well_formed(document)


@FUZZ
@given(data=damaged_pdfs())
def test_read_document_on_damaged_pdf(data):
    try:
        document = read_document("fuzz.pdf", Part("pdf", data))
    except tandy.InputError as error:
        assert "pdf" in error.problem.lower()
        return
    assert_well_formed(document)
