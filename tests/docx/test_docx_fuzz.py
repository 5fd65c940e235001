"""Robustness: Word bodies assembled at random from the features the reader handles, and damaged
packages. Whatever the input, the reader either reads it with every offset in range and every
change's text where it says, or refuses it as an :class:`InputError`; it never fails otherwise."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tandy.document import parse
from tandy.errors import InputError
from test_word_reader import NUMBERING, num, p, r, write

WORDS = st.sampled_from(["Trust", "44", "portfolios", "(a)", "Item 407", "", " ", "&amp;", "naïve", "page"])
INLINE = st.one_of(
    WORDS.map(r),
    WORDS.map(lambda w: r(w, "<w:b/>")),
    WORDS.map(lambda w: f'<w:ins w:id="9" w:author="A">{r(w)}</w:ins>'),
    WORDS.map(lambda w: f'<w:del w:id="8" w:author="B"><w:r><w:delText>{w}</w:delText></w:r></w:del>'),
    st.just("<w:r><w:lastRenderedPageBreak/></w:r>"),
    st.just('<w:r><w:br w:type="page"/></w:r>'),
    st.just("<w:r><w:tab/><w:br/></w:r>"),
    st.just('<w:commentRangeStart w:id="0"/>'),
    st.just('<w:commentRangeEnd w:id="0"/>'),
    st.just('<w:r><w:footnoteReference w:id="5"/></w:r>'),
)
PPR = st.sampled_from(["", num(0), num(1), num(2, 2), '<w:rPr><w:ins w:id="7" w:author="C"/></w:rPr>', '<w:rPr><w:del w:id="6" w:author="C"/></w:rPr>', "<w:pageBreakBefore/>", '<w:sectPr><w:type w:val="continuous"/></w:sectPr>'])
PARAGRAPH = st.builds(lambda ppr, runs: p(ppr=ppr, runs="".join(runs)), PPR, st.lists(INLINE, max_size=6))
CELL = st.lists(PARAGRAPH, min_size=1, max_size=2).map(lambda ps: "<w:tc>" + "".join(ps) + "</w:tc>")
TABLE = st.lists(st.lists(CELL, min_size=1, max_size=3).map(lambda cs: "<w:tr>" + "".join(cs) + "</w:tr>"), min_size=1, max_size=3).map(
    lambda rows: "<w:tbl>" + "".join(rows) + "</w:tbl>"
)
BODY = st.lists(st.one_of(PARAGRAPH, PARAGRAPH, TABLE), max_size=10).map("".join)


def check(doc) -> None:
    text = doc.text
    assert doc.pages and doc.pages[0].start == 0 and doc.pages[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(doc.pages, doc.pages[1:]))
    assert all(0 <= b.start < b.end <= len(text) and text[b.start : b.end].strip() for b in doc.blocks)
    assert all(a.start < b.start for a, b in zip(doc.blocks, doc.blocks[1:]))
    for change in doc.revisions:
        assert text[change.location.start : change.location.end] == change.after
        assert doc.before.text[change.before_location.start : change.before_location.end] == change.before


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=BODY)
def test_random_bodies_read_consistently(body, tmp_path):
    footnotes = '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>note</w:t></w:r></w:p></w:footnote></w:footnotes>'
    path = write(tmp_path / "random.docx", body, numbering=NUMBERING, footnotes=footnotes)
    try:
        doc = parse(str(path)).main
    except InputError as exc:
        assert "no text" in exc.problem
        return
    check(doc)
    if doc.before is not None:
        check(doc.before)


def test_damaged_packages_are_refused_or_read(tmp_path):
    body = "".join(p(f"Paragraph {i} of the Trust's 44 portfolios.", num(0)) for i in range(40))
    good = write(tmp_path / "good.docx", body, numbering=NUMBERING).read_bytes()
    rng = random.Random(14)
    for trial in range(150):
        data = bytearray(good)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path = tmp_path / f"damaged{trial}.docx"
        path.write_bytes(bytes(data))
        try:
            check(parse(str(path)).main)
        except InputError as exc:
            assert exc.path == str(path) and exc.problem
