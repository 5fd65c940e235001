"""Without the ``ocr`` extra (or without Tesseract) a scan is read with what could be read: a
warning a page, naming what to install, and exit 0."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import warnings

import pytest

from conftest import corpus, needs_shared
from scans import image_only_pdf
from tandy.corpus import Corpus
from tandy.document import UnreadPageWarning, parse
from tandy.document.ocr import INSTALL_EXTRA, INSTALL_TESSERACT

pytestmark = [needs_shared, pytest.mark.corpus]

LETTER = "letters/ste_upload_2024-03-22_0000000000-24-003167.pdf"
WITHOUT_PYTESSERACT = "import sys; sys.modules['pytesseract'] = None; from tandy.cli import main; sys.argv[0] = 'tandy'; main()"


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    path = tmp_path_factory.mktemp("scan") / "scan.pdf"
    path.write_bytes(image_only_pdf(corpus(*LETTER.split("/")).read_bytes()))
    return path


def tandy(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_PYTESSERACT, *args], capture_output=True, text=True, timeout=120, env=env
    )


@pytest.mark.parametrize("command", ["parse", "letter"])
def test_each_image_page_is_a_warning_and_the_command_exits_0(scan, command):
    result = tandy(command, str(scan))
    assert result.returncode == 0, result.stderr
    lines = [l for l in result.stderr.splitlines() if l.startswith("warning:")]
    assert lines == [
        f"warning: {scan}: page 1 is an image; install tandy[ocr] to read it",
        f"warning: {scan}: page 2 is an image; install tandy[ocr] to read it",
    ]


def test_parse_json_says_the_pages_have_no_text_and_why(scan):
    result = tandy("parse", str(scan), "--json")
    assert result.returncode == 0
    document = json.loads(result.stdout)["documents"][0]
    assert [p["text_source"] for p in document["pages"]] == ["none", "none"]
    assert document["warnings"] == [f"page {n} is an image; {INSTALL_EXTRA}" for n in (1, 2)]
    assert document["text_chars"] == 0


def test_without_tesseract_the_warning_says_to_install_it(scan, tmp_path):
    """pytesseract is there but the tesseract program is not on the PATH."""
    empty = tmp_path / "bin"
    empty.mkdir()
    env = dict(os.environ, PATH=str(empty))
    code = "from tandy.cli import main; import sys; sys.argv[0] = 'tandy'; main()"
    result = subprocess.run([sys.executable, "-c", code, "parse", str(scan)], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    install = INSTALL_TESSERACT if importlib.util.find_spec("pytesseract") else INSTALL_EXTRA
    assert f"warning: {scan}: page 1 is an image; {install}" in result.stderr.splitlines()


def test_the_library_warns_and_keeps_the_pages(scan, monkeypatch):
    monkeypatch.setitem(sys.modules, "pytesseract", None)
    with pytest.warns(UnreadPageWarning) as caught:
        submission = parse(str(scan))
    assert [str(w.message) for w in caught] == [f"page {n} is an image; {INSTALL_EXTRA}" for n in (1, 2)]
    assert [p.text_source for p in submission.main.pages] == ["none", "none"]
    assert len(submission.main.warnings) == 2


def test_a_born_digital_letter_gives_no_warning(monkeypatch):
    monkeypatch.setitem(sys.modules, "pytesseract", None)
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnreadPageWarning)
        submission = parse(str(corpus(*LETTER.split("/"))))
    assert [p.text_source for p in submission.main.pages] == ["pdf", "pdf"]


def test_index_counts_the_documents_that_needed_ocr(scan, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pytesseract", None)
    with Corpus(tmp_path / "tandy.db") as db:
        report = db.index([str(scan), str(corpus(*LETTER.split("/")))], embed=False)
    assert (report.ocr_documents, report.ocr_pages, report.unread_pages) == (1, 0, 2)
    assert not report.failed


def test_a_page_tesseract_fails_on_is_a_warning_too(scan, monkeypatch):
    """Tesseract crashing (a damaged image, a killed process) costs the page, not the file."""
    pytesseract = pytest.importorskip("pytesseract")
    from tandy.document import ocr

    monkeypatch.setattr(ocr, "unavailable", lambda: None)

    def crash(*args, **kwargs):
        raise pytesseract.TesseractError(-11, "Segmentation fault")

    monkeypatch.setattr(pytesseract, "image_to_data", crash)
    with pytest.warns(UnreadPageWarning) as caught:
        submission = parse(str(scan))
    assert [str(w.message) for w in caught] == [
        f"page {n} is an image; Tesseract could not read it (Segmentation fault)" for n in (1, 2)
    ]
    assert [p.text_source for p in submission.main.pages] == ["none", "none"]
