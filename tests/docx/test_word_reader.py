"""The .docx reader on small packages written part by part: each Word feature the reader must
render as printed (list numbers, notes, text boxes, merged cells, pages, tracked changes)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tandy.document import parse
from tandy.document.word_numbering import format_number

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def write(path: Path, body: str, **parts: str) -> Path:
    """A package with ``body`` inside ``<w:body>`` and the named parts (numbering, footnotes,
    comments, footer1) related to the main part."""
    rels = ['<Relationship Id="rIdDoc" Type="%s/officeDocument" Target="word/document.xml"/>' % REL]
    doc_rels = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % "".join(rels))
        z.writestr("word/document.xml", f"<w:document {NS}><w:body>{body}</w:body></w:document>")
        for name, xml in parts.items():
            kind = "footer" if name.startswith("footer") else name
            doc_rels.append(f'<Relationship Id="rId{name}" Type="{REL}/{kind}" Target="{name}.xml"/>')
            z.writestr(f"word/{name}.xml", xml)
        z.writestr("word/_rels/document.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % "".join(doc_rels))
    return path


def p(text: str = "", ppr: str = "", runs: str | None = None) -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs if runs is not None else r(text)}</w:p>"


def r(text: str, rpr: str = "") -> str:
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def num(level: int, num_id: int = 1) -> str:
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'


NUMBERING = f"""<w:numbering {NS}>
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Part %1"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def text_of(path: Path) -> str:
    return parse(str(path)).main.text


def test_automatic_numbering_is_printed_with_levels_restarts_and_formats(tmp_path):
    body = (
        p("First comment", num(0)) + p("sub one", num(1)) + p("sub two", num(1)) + p("deep", num(2))
        + p("Second comment", num(0)) + p("sub again", num(1))
        + p("Seventh, restarted", num(0, 2)) + p("Eighth", num(0, 2))
        + p("roman part", num(0, 3)) + p("next part", num(0, 3))
    )
    text = text_of(write(tmp_path / "n.docx", body, numbering=NUMBERING))
    lines = text.split("\n\n")
    assert lines == [
        "1. First comment", "(a) sub one", "(b) sub two", "1.b.i deep", "2. Second comment", "(a) sub again",
        "7. Seventh, restarted", "8. Eighth", "Part III roman part", "Part IV next part",
    ]


@pytest.mark.parametrize(
    "value, fmt, printed",
    [(4, "lowerRoman", "iv"), (1994, "upperRoman", "MCMXCIV"), (28, "lowerLetter", "bb"), (3, "ALPHABETIC", "C"), (5, "decimalZero", "05"), (22, "ordinal", "22nd")],
)
def test_number_formats(value, fmt, printed):
    assert format_number(value, fmt) == printed


def test_emphasis_headings_and_merged_cells(tmp_path):
    table = (
        "<w:tbl>"
        "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + p("Name and Age") + "</w:tc><w:tc>" + p("Position") + "</w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" + p("Jane Roe") + "</w:tc><w:tc>" + p("(61)") + "</w:tc><w:tc>" + p("Trustee") + "</w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>" + p("") + "</w:tc><w:tc>" + p("") + "</w:tc><w:tc>" + p("Chair") + "</w:tc></w:tr>"
        "</w:tbl>"
    )
    body = p("Board Matters", '<w:outlineLvl w:val="1"/>') + p(runs=r("Response: ", "<w:b/>") + r("We have revised the disclosure", "<w:b/>") + r(".")) + table
    doc = parse(str(write(tmp_path / "t.docx", body))).main
    assert doc.blocks[0].kind == "heading"
    assert doc.blocks[1].bold and not doc.blocks[1].italic
    assert doc.tables[0].rows == [["Name and Age", "", "Position"], ["Jane Roe", "(61)", "Trustee"], ["", "", "Chair"]]


def test_notes_text_boxes_and_hidden_text(tmp_path):
    footnotes = f'<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1">{p("---")}</w:footnote><w:footnote w:id="2">{p(runs="<w:r><w:footnoteRef/></w:r>" + r("Includes 44 portfolios."))}</w:footnote></w:footnotes>'
    box = '<w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:txbxContent>' + p("Text in a box") + "</w:txbxContent></wp:anchor></w:drawing></w:r>"
    body = p(runs=r("The Trust") + '<w:r><w:footnoteReference w:id="2"/></w:r>' + r(" offers funds.") + r(" secret", "<w:vanish/>") + box) + p("Next")
    text = text_of(write(tmp_path / "f.docx", body, footnotes=footnotes))
    assert text.split("\n\n") == ["The Trust(1) offers funds.", "Text in a box", "Next", "(1) Includes 44 portfolios."]


FOOTER = f'<w:ftr {NS}><w:p>{r("A-")}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE \\* roman </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{r("i")}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>'
SECTION = '<w:sectPr><w:footerReference w:type="default" r:id="rIdfooter1"/><w:pgNumType w:start="12"/></w:sectPr>'


def test_pages_from_recorded_breaks_and_the_footer_page_field(tmp_path):
    body = p("page one") + p(runs="<w:r><w:lastRenderedPageBreak/></w:r>" + r("page two starts")) + p(runs=r("still two") + '<w:r><w:br w:type="page"/></w:r>') + p(runs="<w:r><w:lastRenderedPageBreak/></w:r>" + r("page three")) + SECTION
    doc = parse(str(write(tmp_path / "p.docx", body, footer1=FOOTER))).main
    assert doc.page_numbers() == ["A-xii", "A-xiii", "A-xiv"]
    assert doc.location(doc.text.index("page three")).page == "A-xiv"
    assert "lastRenderedPageBreak" in doc.pagination


def test_without_recorded_layout_page_numbers_are_unknown(tmp_path):
    body = p("page one") + p(runs='<w:r><w:br w:type="page"/></w:r>' + r("page two")) + SECTION
    doc = parse(str(write(tmp_path / "u.docx", body, footer1=FOOTER))).main
    assert doc.page_numbers() == [None, None]
    assert "unknown" in doc.pagination


def test_tracked_changes_give_two_texts_and_each_change(tmp_path):
    ins = '<w:ins w:id="1" w:author="Counsel" w:date="2008-01-03T10:00:00Z">%s</w:ins>'
    dele = '<w:del w:id="2" w:author="Counsel" w:date="2008-01-03T10:00:00Z"><w:r><w:delText>36</w:delText></w:r></w:del>'
    added_paragraph = '<w:p><w:pPr><w:rPr><w:ins w:id="3" w:author="Staff" w:date="2008-01-04T00:00:00Z"/></w:rPr></w:pPr>' + ins.replace("Counsel", "Staff").replace("2008-01-03T10", "2008-01-04T00") % r("A new sentence.") + "</w:p>"
    comments = f'<w:comments {NS}><w:comment w:id="0" w:author="Reviewer" w:date="2008-01-02T00:00:00Z">{p("Check this figure")}</w:comment></w:comments>'
    body = (
        p(runs=r("The Trust (") + '<w:commentRangeStart w:id="0"/>' + dele + ins % r("44") + '<w:commentRangeEnd w:id="0"/>' + r(" portfolios)."), ppr=num(0))
        + added_paragraph + p("Unchanged.", num(0))
    )
    doc = parse(str(write(tmp_path / "c.docx", body, numbering=NUMBERING, comments=comments))).main
    assert doc.text.split("\n\n") == ["1. The Trust (44 portfolios).", "A new sentence.", "2. Unchanged."]
    assert doc.before.text.split("\n\n") == ["1. The Trust (36 portfolios).", "2. Unchanged."]
    replaced, inserted = doc.revisions
    assert (replaced.kind, replaced.before, replaced.after, replaced.author) == ("replaced", "36", "44", "Counsel")
    assert doc.text[replaced.location.start : replaced.location.end] == "44"
    assert doc.before.text[replaced.before_location.start : replaced.before_location.end] == "36"
    assert (inserted.kind, inserted.after, inserted.author, inserted.date) == ("inserted", "A new sentence.", "Staff", "2008-01-04T00:00:00Z")
    (balloon,) = doc.balloons
    assert (balloon.author, balloon.text, balloon.anchor) == ("Reviewer", "Check this figure", "44")
