"""Bad Word input: one line naming the file and what is wrong, exit 2, nothing written.

The .doc and the password-protected file are OLE compound files as Word writes them (a header
and the stream names that tell them apart); the renamed ZIP, the truncated .docx and the bomb are
made from a real Word file built here.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tandy.cli import app
from tandy.document import parse
from tandy.errors import InputError

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def word_file(path: Path) -> Path:
    from docx import Document

    document = Document()
    document.add_paragraph("1. Please revise the disclosure.")
    document.save(str(path))
    return path


def old_doc(tmp_path: Path) -> Path:
    path = tmp_path / "letter.doc"
    path.write_bytes(OLE + "Root Entry".encode("utf-16-le") + b"\x00" * 64 + "WordDocument".encode("utf-16-le") + b"\x00" * 2048)
    return path


def encrypted(tmp_path: Path) -> Path:
    path = tmp_path / "locked.docx"
    path.write_bytes(OLE + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 2048)
    return path


def renamed_zip(tmp_path: Path) -> Path:
    path = tmp_path / "draft.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("notes.txt", "not a Word document")
    return path


def truncated(tmp_path: Path) -> Path:
    data = word_file(tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def bomb(tmp_path: Path) -> Path:
    """A real Word file whose document part inflates to 64 MB of one repeated run."""
    source = zipfile.ZipFile(word_file(tmp_path / "seed.docx"))
    path = tmp_path / "bomb.docx"
    run = b"<w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body><w:p>" + run * (64 * 1024 * 1024 // len(run)) + b"</w:p>", 1)
            z.writestr(info.filename, data)
    return path


CASES = {
    "old .doc": (old_doc, "old binary word document (.doc)"),
    "password-protected .docx": (encrypted, "password-protected word document"),
    "renamed zip": (renamed_zip, "not a word document"),
    "truncated .docx": (truncated, "damaged or truncated .docx"),
    "docx bomb": (bomb, "decompresses past the"),
}


@pytest.mark.parametrize("case", CASES)
def test_library_says_what_is_wrong(case, tmp_path):
    make, problem = CASES[case]
    path = make(tmp_path)
    with pytest.raises(InputError) as caught:
        parse(str(path), max_bytes=32 * 1024 * 1024)
    assert caught.value.path == str(path) and problem in caught.value.problem.lower()


@pytest.mark.parametrize("command", ["parse", "letter", "proxy", "review"])
@pytest.mark.parametrize("case", CASES)
def test_command_prints_one_line_exits_2_and_writes_nothing(case, command, tmp_path, monkeypatch):
    make, problem = CASES[case]
    path = make(tmp_path)
    monkeypatch.setenv("TANDY_MAX_BYTES", str(32 * 1024 * 1024))
    before = sorted(tmp_path.iterdir())
    extra = ["-o", str(tmp_path / "out.html"), "--format", "html"] if command == "review" else []
    result = CliRunner().invoke(app, [command, str(path), *extra])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.strip().splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and str(path) in lines[0] and problem in lines[0].lower(), result.stderr
    assert "Traceback" not in result.output
    assert sorted(tmp_path.iterdir()) == before


def test_the_size_limit_counts_decompressed_bytes(tmp_path):
    path = word_file(tmp_path / "small.docx")
    inflated = sum(info.file_size for info in zipfile.ZipFile(path).infolist())
    assert path.stat().st_size < inflated // 2
    parse(str(path), max_bytes=inflated)
    with pytest.raises(InputError, match="decompresses past"):
        parse(str(path), max_bytes=path.stat().st_size + 1)
