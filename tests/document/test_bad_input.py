"""Bad input to ``tandy parse``: one line naming the file and the problem, exit code 2, no traceback.

Every broken file is crafted here in ``tmp_path`` (no binary fixtures in the repository). Each is
checked twice: the library raises :class:`tandy.InputError` naming the file and the problem, and
the command prints one line on stderr (and an error object with ``--json``), exits with code 2,
writes nothing, and still parses the good files of the same batch, in order.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import tandy
from conftest import CORPUS, SEED_LETTER
from crafted import HEADER, encrypted_pdf, plain_pdf, sgml_submission, uuencoded_document
from tandy.cli import app
from tandy.document import read_document
from tandy.source import Part

# --- crafting broken files ---------------------------------------------------------------------


def corpus_pdf() -> Path:
    pdfs = sorted((CORPUS / "letters").glob("*.pdf")) if CORPUS.is_dir() else []
    if not pdfs:
        pytest.skip(f"no PDF in {CORPUS / 'letters'}: real EDGAR documents not available")
    return pdfs[0]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def missing(tmp_path: Path) -> Path:
    return tmp_path / "missing.htm"


def empty_file(tmp_path: Path) -> Path:
    return write(tmp_path, "empty.txt", b"")


def whitespace_only(tmp_path: Path) -> Path:
    return write(tmp_path, "blank.txt", " \n\t\r\n   \n")


def folder_without_documents(tmp_path: Path) -> Path:
    folder = tmp_path / "filings"
    folder.mkdir()
    write(folder, "notes.md", "not a filing")
    write(folder, "logo.jpg", b"\xff\xd8\xff\xe0 not read")
    return folder


def folder_named_htm(tmp_path: Path) -> Path:
    folder = tmp_path / "letter.htm"
    folder.mkdir()
    return folder


def binary_junk(tmp_path: Path) -> Path:
    noise = random.Random(7).randbytes(4096)
    return write(tmp_path, "junk.txt", noise[:100] + b"\x00\x00" + noise[100:])


def truncated_submission(tmp_path: Path) -> Path:
    text = HEADER + "<DOCUMENT>\n<TYPE>CORRESP\n<SEQUENCE>1\n<TEXT>\nDear Mr. Smith:\n\nWe respond to"
    return write(tmp_path, "truncated.txt", text)


def submission_without_documents(tmp_path: Path) -> Path:
    return write(tmp_path, "header_only.txt", HEADER + "</SEC-DOCUMENT>\n")


def submission_of_images_only(tmp_path: Path) -> Path:
    image = uuencoded_document(b"\xff\xd8\xff\xe0" + bytes(200), "logo.jpg", kind="GRAPHIC")
    return write(tmp_path, "images.txt", sgml_submission(image))


def encrypted(tmp_path: Path) -> Path:
    return write(tmp_path, "encrypted.pdf", encrypted_pdf(b"secret"))


def pdf_cut_in_half(tmp_path: Path) -> Path:
    data = corpus_pdf().read_bytes()
    return write(tmp_path, "half.pdf", data[: len(data) // 2])


def pdf_header_then_garbage(tmp_path: Path) -> Path:
    return write(tmp_path, "garbage.pdf", b"%PDF-1.4\n" + random.Random(3).randbytes(2048))


def pdf_without_text(tmp_path: Path) -> Path:
    return write(tmp_path, "scanned.pdf", plain_pdf(""))


def uuencoded_pdf_with_bad_characters(tmp_path: Path) -> Path:
    body = uuencoded_document(b"%PDF-1.4\n" + bytes(300), "letter.pdf")
    lines = body.split("\n")
    lines[8] = "M" + "~" * 60
    return write(tmp_path, "bad_uu.txt", sgml_submission("\n".join(lines)))


def uuencoded_pdf_that_is_not_a_pdf(tmp_path: Path) -> Path:
    return write(tmp_path, "not_pdf_uu.txt", sgml_submission(uuencoded_document(b"ordinary words " * 40, "letter.pdf")))


def tags_only_html(tmp_path: Path) -> Path:
    html = "<html><head><title></title></head><body><div><p>&nbsp;</p><table><tr><td></td></tr></table></div></body></html>"
    return write(tmp_path, "tags.htm", html)


def doctype_only_html(tmp_path: Path) -> Path:
    return write(tmp_path, "doctype.htm", "<!DOCTYPE html>\n<!-- nothing here -->\n")


def over_size(tmp_path: Path) -> Path:
    return write(tmp_path, "large.txt", "Dear Mr. Smith:\n\n" + "We respond to your comments. " * 50)


def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes need a POSIX system")
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def name_too_long(tmp_path: Path) -> Path:
    return tmp_path / ("x" * 300 + ".txt")


MAX_SIZE = 100
"""The limit the over-size cases set; ``over_size`` writes a file well over it."""

CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing": (missing, "no such file"),
    "empty file": (empty_file, "file is empty"),
    "whitespace only": (whitespace_only, "no text"),
    "folder without documents": (folder_without_documents, "folder"),
    "folder named .htm": (folder_named_htm, "folder"),
    "binary junk": (binary_junk, "binary data"),
    "truncated submission": (truncated_submission, "no </document>"),
    "submission without documents": (submission_without_documents, "no <document>"),
    "submission of images only": (submission_of_images_only, "no readable document"),
    "encrypted PDF": (encrypted, "encrypted pdf"),
    "PDF cut in half": (pdf_cut_in_half, "damaged pdf"),
    "PDF header then garbage": (pdf_header_then_garbage, "damaged pdf"),
    "PDF without text": (pdf_without_text, "pdf holds no text"),
    "uuencoded PDF with bad characters": (uuencoded_pdf_with_bad_characters, "damaged uuencoded letter.pdf"),
    "uuencoded PDF that is not a PDF": (uuencoded_pdf_that_is_not_a_pdf, "damaged pdf letter.pdf"),
    "HTML of tags only": (tags_only_html, "no text"),
    "HTML of a doctype only": (doctype_only_html, "no text"),
    "named pipe": (fifo, "not a regular file"),
    "name too long": (name_too_long, "name too long"),
}


@pytest.fixture(params=list(CASES), ids=list(CASES))
def bad_input(request, tmp_path) -> tuple[Path, str]:
    craft, problem = CASES[request.param]
    return craft(tmp_path), problem


# --- running the command -----------------------------------------------------------------------


def run_tandy(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python -m tandy parse ARGS`` in ``cwd``; asserts that it wrote nothing there."""
    before = snapshot(cwd)
    result = subprocess.run(
        [sys.executable, "-m", "tandy", "parse", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )
    assert snapshot(cwd) == before, "tandy parse wrote to the working directory"
    assert "Traceback" not in result.stderr + result.stdout
    return result


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.lstat().st_size, p.lstat().st_mtime_ns) for p in folder.rglob("*")}


def assert_one_line_naming(stderr: str, path: Path, problem: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert str(path) in lines[0]
    assert problem in lines[0].lower()


def good_file() -> Path:
    if not SEED_LETTER.exists():
        pytest.skip(f"{SEED_LETTER} is absent: the good file of a batch comes from ../shared/seed")
    return SEED_LETTER


# --- the library -------------------------------------------------------------------------------


def test_library_raises_input_error_naming_file_and_problem(bad_input):
    path, problem = bad_input
    with pytest.raises(tandy.InputError) as raised:
        tandy.parse(str(path), max_bytes=None)
    assert raised.value.path == str(path)
    assert str(path) in str(raised.value)
    assert problem in raised.value.problem.lower()


def test_over_size_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = over_size(tmp_path)
    opened = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: opened.append(self))
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self))
    with pytest.raises(tandy.InputError) as raised:
        tandy.parse(str(path), max_bytes=MAX_SIZE)
    assert opened == []
    assert raised.value.path == str(path)
    assert f"over the {MAX_SIZE:,}-byte limit" in raised.value.problem


def test_size_limit_comes_from_the_environment(tmp_path, monkeypatch):
    path = over_size(tmp_path)
    monkeypatch.setenv("TANDY_MAX_BYTES", str(MAX_SIZE))
    with pytest.raises(tandy.InputError, match="over the 100-byte limit"):
        tandy.parse(str(path))
    monkeypatch.setenv("TANDY_MAX_BYTES", str(10 * MAX_SIZE**2))
    assert tandy.parse(str(path)).main.text.startswith("Dear Mr. Smith")


def test_file_that_cannot_be_read_is_an_input_error(tmp_path, monkeypatch):
    path = write(tmp_path, "letter.txt", "Dear Mr. Smith:")

    real_open = os.open

    def refuse(name, *args, **kwargs):
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(tandy.InputError, match="cannot be read \\(Permission denied\\)"):
        tandy.parse(str(path))


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads a chmod 000 file anyway")
def test_unreadable_file(tmp_path):
    path = write(tmp_path, "secret.txt", "Dear Mr. Smith:")
    path.chmod(0)
    with pytest.raises(tandy.InputError, match="cannot be read"):
        tandy.parse(str(path))
    result = run_tandy(tmp_path, str(path))
    assert result.returncode == 2
    assert_one_line_naming(result.stderr, path, "cannot be read")


def test_encrypted_pdf_is_a_real_one(tmp_path):
    """The crafted PDF is refused for want of a password, not for damage: with it, it reads."""
    pdfium = pytest.importorskip("pypdfium2")
    pdf = pdfium.PdfDocument(encrypted_pdf(b"secret"), password="secret")
    assert pdf[0].get_textpage().get_text_range().strip() == "Dear Mr. Smith"
    opened = write(tmp_path, "owner_only.pdf", encrypted_pdf(b""))
    assert tandy.parse(str(opened)).main.text.strip() == "Dear Mr. Smith"


def test_mixed_encodings_parse(tmp_path):
    """UTF-8 and Windows-1252 in one file (curly quotes at 0x93/0x94) is read, not refused."""
    path = write(tmp_path, "mixed.txt", "Caf\u00e9 ".encode() + b"\x93quoted\x94 and \x81 undefined\n")
    submission = tandy.parse(str(path))
    assert submission.source.encoding in ("cp1252", "latin-1")
    assert "quoted" in submission.main.text and "Caf" in submission.main.text


def test_windows_1252_file_parses(tmp_path):
    path = write(tmp_path, "letter.txt", b"We note your \x93Risk Factors\x94 \x96 page 12.\n")
    submission = tandy.parse(str(path))
    assert submission.source.encoding == "cp1252"
    assert '"Risk Factors" \u2013 page 12' in submission.main.text


UTF16_TEXT = "Dear Mr. Smith:\n\nWe respond to comment 1 on page 12 \u2013 the caf\u00e9 segment.\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test_utf16_is_decoded(tmp_path, encoding):
    """UTF-16 (with a byte-order mark, or without one) is decoded, never refused as binary."""
    data = UTF16_TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    submission = tandy.parse(str(write(tmp_path, "letter.txt", data)))
    assert submission.source.encoding.startswith("utf-16")
    assert submission.main.text.strip() == UTF16_TEXT.strip()


def test_utf16_html_is_decoded(tmp_path):
    html = "<html><body><p>We respond to comment 1.</p></body></html>"
    submission = tandy.parse(str(write(tmp_path, "letter.htm", html.encode("utf-16"))))
    assert submission.main.format == "html"
    assert submission.main.text.strip() == "We respond to comment 1."


def test_submission_keeps_its_readable_documents(tmp_path):
    """An exhibit with no text does not sink the letter beside it."""
    letter = "<DOCUMENT>\n<TYPE>CORRESP\n<SEQUENCE>1\n<TEXT>\n<html><body><p>Dear Mr. Smith:</p></body></html>\n</TEXT>\n</DOCUMENT>\n"
    blank = "<DOCUMENT>\n<TYPE>EX-99\n<SEQUENCE>2\n<TEXT>\n<html><!-- intentionally blank --></html>\n</TEXT>\n</DOCUMENT>\n"
    parsed = tandy.parse(str(write(tmp_path, "two.txt", sgml_submission(letter, blank))))
    assert [d.sequence for d in parsed.documents] == [1]
    assert parsed.main.text.strip() == "Dear Mr. Smith:"


def test_digits_that_are_not_numbers_are_ignored(tmp_path, monkeypatch):
    """``"\u00b2".isdigit()`` is true but ``int("\u00b2")`` fails: a superscript is no sequence or limit."""
    letter = "<DOCUMENT>\n<TYPE>CORRESP\n<SEQUENCE>\u00b2\n<TEXT>\nDear Mr. Smith:\n</TEXT>\n</DOCUMENT>\n"
    path = write(tmp_path, "letter.txt", sgml_submission(letter))
    monkeypatch.setenv("TANDY_MAX_BYTES", "\u00b2")
    assert tandy.parse(str(path)).main.sequence is None


def test_read_document_on_html_without_elements():
    document = read_document("comment.htm", Part("html", "<!-- nothing -->"))
    assert document.text == ""


# --- the command -------------------------------------------------------------------------------


def test_command_prints_one_line_and_exits_2(bad_input, tmp_path):
    path, problem = bad_input
    result = run_tandy(tmp_path, str(path))
    assert result.returncode == 2
    assert_one_line_naming(result.stderr, path, problem)
    assert result.stdout == ""


def test_command_json_prints_the_error_object(bad_input, tmp_path):
    path, problem = bad_input
    result = run_tandy(tmp_path, str(path), "--json")
    assert result.returncode == 2
    assert_one_line_naming(result.stderr, path, problem)
    (line,) = result.stdout.splitlines()
    error = json.loads(line)
    assert error["source"] == {"path": str(path)}
    assert problem in error["error"].lower()


def test_batch_goes_on_past_every_bad_file(tmp_path):
    """All the bad files between good ones: each prints in its place, the good ones still parse.

    (The corpus PDF cut in half is left out, so that the batch runs without ../shared/corpus.)
    """
    good = good_file()
    bad = [craft(tmp_path) for name, (craft, _) in CASES.items() if name != "PDF cut in half"]
    result = run_tandy(tmp_path, str(good), *map(str, bad), str(good), "--json")
    assert result.returncode == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["source"]["path"] for line in lines] == [str(good), *map(str, bad), str(good)]
    assert [("error" in line) for line in lines] == [False] + [True] * len(bad) + [False]
    assert lines[0]["documents"] and lines[0] == lines[-1]
    assert len(result.stderr.strip().splitlines()) == len(bad)


def test_folder_without_documents_in_the_command(tmp_path):
    """The library refuses a folder; the command searches it, and says when it found nothing."""
    for folder in (folder_without_documents(tmp_path), folder_named_htm(tmp_path)):
        result = run_tandy(tmp_path, str(folder))
        assert result.returncode == 2
        assert_one_line_naming(result.stderr, folder, "folder holds no documents")


def test_over_size_is_refused_by_the_command(tmp_path):
    path = over_size(tmp_path)
    for args, env in ([("--max-size", str(MAX_SIZE)), {}], [(), {"TANDY_MAX_BYTES": str(MAX_SIZE)}]):
        result = run_tandy(tmp_path, str(path), *args, env=env)
        assert result.returncode == 2
        assert_one_line_naming(result.stderr, path, f"over the {MAX_SIZE:,}-byte limit")


def test_max_size_must_be_positive(tmp_path):
    result = run_tandy(tmp_path, str(over_size(tmp_path)), "--max-size", "0")
    assert result.returncode == 2
    assert "Invalid value for '--max-size'" in result.stderr


def test_mixed_encodings_and_utf16_parse_in_the_command(tmp_path):
    mixed = write(tmp_path, "mixed.txt", "Caf\u00e9 ".encode() + b"\x93quoted\x94\n")
    utf16 = write(tmp_path, "utf16.txt", UTF16_TEXT.encode("utf-16"))
    result = run_tandy(tmp_path, str(mixed), str(utf16), "--json")
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["source"]["encoding"] for line in result.stdout.splitlines()] == ["cp1252", "utf-16"]


def test_names_with_newlines_and_brackets_stay_on_one_line(tmp_path):
    """A file name is not rich markup and cannot break the one-line message."""
    write(tmp_path, "comment [bold] letter\n2.txt", b"")
    result = run_tandy(tmp_path, "comment [bold] letter\n2.txt", "missing [/].txt")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: comment [bold] letter\\n2.txt: file is empty",
        "error: missing [/].txt: no such file or folder",
    ]


def test_text_with_markup_is_printed_as_is(tmp_path):
    write(tmp_path, "brackets [x].txt", "[/] Dear [bold]Mr. Smith[/bold]:\n")
    result = run_tandy(tmp_path, "brackets [x].txt", "--pages")
    assert result.returncode == 0, result.stderr
    assert "brackets [x].txt" in result.stdout
    assert "[/] Dear [bold]Mr. Smith[/bold]:" in result.stdout


# --- unexpected errors: a bug in tandy, not the input --------------------------------------------


@pytest.fixture
def broken_parse(monkeypatch):
    """Make every parse of a file named ``boom*`` fail the way a bug in tandy would."""
    cli_parse = sys.modules["tandy.cli.parse"]
    real = cli_parse.parse

    def parse(path, **options):
        if Path(path).name.startswith("boom"):
            raise RuntimeError("simulated bug")
        return real(path, **options)

    monkeypatch.setattr(cli_parse, "parse", parse)


def test_internal_error_is_one_line_without_debug(broken_parse, tmp_path):
    boom = write(tmp_path, "boom.txt", "Dear Mr. Smith:")
    result = CliRunner().invoke(app, ["parse", str(boom)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    (line,) = result.stderr.strip().splitlines()
    assert str(boom) in line and "internal error (RuntimeError: simulated bug); rerun with --debug" in line


def test_internal_error_shows_traceback_with_debug(broken_parse, tmp_path):
    boom = write(tmp_path, "boom.txt", "Dear Mr. Smith:")
    result = CliRunner().invoke(app, ["parse", str(boom), "--debug"])
    assert result.exit_code == 2
    assert "Traceback" in result.stderr and "RuntimeError: simulated bug" in result.stderr


def test_internal_error_does_not_stop_the_batch(broken_parse, tmp_path):
    good = good_file()
    boom = write(tmp_path, "boom.txt", "Dear Mr. Smith:")
    result = CliRunner().invoke(app, ["parse", str(boom), str(good), "--json"])
    assert result.exit_code == 2
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["source"] == {"path": str(boom)} and "simulated bug" in first["error"]
    assert second["source"]["path"] == str(good) and second["documents"]
