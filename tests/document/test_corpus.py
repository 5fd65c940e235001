"""Every real document in ../shared parses, and what its EDGAR header says matches the manifest."""

from __future__ import annotations

import re

import pytest

import tandy
from conftest import CORPUS, SEED, manifest, needs_shared

ROWS = manifest()
THREAD_FILES = sorted(p for p in (CORPUS / "threads").rglob("*") if p.suffix in (".htm", ".pdf", ".txt")) if CORPUS.is_dir() else []
FORMS = ("CORRESP", "UPLOAD", "DEF 14A", "485APOS", "485BPOS", "PRE 14A")


@needs_shared
@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_manifest_file_parses_with_its_header(row):
    submission = tandy.parse(str(CORPUS / row["file"]))
    main = submission.main
    assert main.text.strip(), "the main document has no text"
    assert main.pages and main.pages[0].start == 0 and main.pages[-1].end == len(main.text)
    assert all(a.end == b.start for a, b in zip(main.pages, main.pages[1:]))
    assert all(0 <= b.start < b.end <= len(main.text) for b in main.blocks)
    filing = submission.source.filing
    if row["format"] != "sgml" or filing is None:
        return
    accession = re.search(r"\d{10}-\d{2}-\d{6}", row["file"])
    if accession:
        assert filing.accession == accession.group(0)
    filed = re.search(r"_(\d{4}-\d{2}-\d{2})_", row["file"])
    assert filing.filed == filed.group(1)
    form = next(f for f in FORMS if f in row["notes"])
    assert filing.form == form
    for cik in re.findall(r"CIK (\d{10})", row["notes"]):
        assert cik in [f.cik for f in filing.filers]


@needs_shared
@pytest.mark.parametrize("path", THREAD_FILES, ids=[str(p.relative_to(CORPUS)) for p in THREAD_FILES])
def test_thread_file_parses(path):
    assert tandy.parse(str(path)).main.text.strip()


@needs_shared
def test_sgml_header_of_a_fund_merges_its_file_numbers():
    filing = tandy.parse(str(CORPUS / "proxies/ishares_485apos_2024-04-18_0001193125-24-100942.txt")).source.filing
    assert filing.form == "485APOS" and filing.filed == "2024-04-18"
    assert [(f.cik, f.file_numbers) for f in filing.filers] == [("0001100663", ["811-09729", "333-92935"])]


@needs_shared
def test_upload_submission_reads_its_pdf_letter_first():
    submission = tandy.parse(str(CORPUS / "letters/aapl_upload_2024-04-02_0000000000-24-003505.txt"))
    assert [(d.type, d.format) for d in submission.documents] == [("LETTER", "pdf"), ("TEXT-EXTRACT", "text")]
    assert submission.source.filing.filers[0].role == "filed_for"
    assert "Apple" in submission.main.text


@needs_shared
def test_bare_corresp_envelope_is_read_as_html():
    submission = tandy.parse(str(CORPUS / "letters/a_corresp_2016-09-23_0001090872-16-000078.htm"))
    assert submission.source.format == "html" and submission.source.filing is None
    assert submission.main.type == "CORRESP"
    assert "<TYPE>" not in submission.main.text


@needs_shared
@pytest.mark.parametrize("path", [p for p in sorted(SEED.glob("*.txt"))] if SEED.is_dir() else [])
def test_seed_parses(path):
    doc = tandy.parse(str(path)).main
    assert "Trust" in doc.text
