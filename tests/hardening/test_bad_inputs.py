"""Every reading command on every kind of bad file: one line naming it, exit 2, nothing written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hardening.conftest import EXAMPLES, assert_refused, snapshot, tandy

LETTER = str(EXAMPLES / "staff_letter_2007-12-20.txt")


def _zero_page_pdf(path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.save(str(path))
    pdf.close()


#: name -> (how to make it, words the error must hold)
BAD_FILES = {
    "missing.txt": (None, "no such file"),
    "empty.txt": (lambda p: p.write_bytes(b""), "empty"),
    "fifo.txt": (lambda p: os.mkfifo(p), "not a regular file"),
    "binary.txt": (lambda p: p.write_bytes(bytes(range(256)) * 64), "binary"),
    "blank.htm": (lambda p: p.write_text("<html><body><p> </p><!-- x --></body></html>"), "no text"),
    "truncated.txt": (lambda p: p.write_text("<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>CORRESP\n<TEXT>\nDear Sir:\n"), "truncated"),
    "damaged.pdf": (lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj garbage\n"), "damaged PDF"),
    "zero-pages.pdf": (_zero_page_pdf, "no pages"),
    "deep.htm": (lambda p: p.write_text("<html><body>" + "<div>" * 3000 + "deep" + "</div>" * 3000), "deeper than"),
    "no-docs": (lambda p: (p.mkdir(), (p / "notes.xyz").write_text("x")), "holds no documents"),
}

COMMANDS = {
    "parse": ["parse"],
    "letter": ["letter"],
    "proxy": ["proxy"],
    "review": ["review"],
    "index": ["index", "--db", "t.db"],
}


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    for name, (make, _) in BAD_FILES.items():
        if make is not None:
            make(folder / name)
    return folder


@pytest.mark.parametrize("name", BAD_FILES)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_bad_file_is_one_line_naming_it(bad_files, tmp_path, command, name):
    path = bad_files / name
    before = snapshot(bad_files)
    run = tandy(*COMMANDS[command], str(path), cwd=tmp_path)
    assert_refused(run, str(path), BAD_FILES[name][1])
    assert snapshot(bad_files) == before
    if command != "index":
        assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["parse", "letter", "proxy", "index"])
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, command):
    big = tmp_path / "big.txt"
    big.write_bytes(b"Dear Sir:\n" + b"x" * 5000)
    run = tandy(*COMMANDS[command], str(big), "--max-size", "1000", cwd=tmp_path)
    assert_refused(run, str(big), "over the 1,000-byte limit")


def test_review_takes_the_size_limit_from_the_environment(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"Dear Sir:\n" + b"x" * 5000)
    run = tandy("review", str(big), cwd=tmp_path, env={"TANDY_MAX_BYTES": "1000"})
    assert_refused(run, str(big), "over the 1,000-byte limit")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_never_read(tmp_path, device):
    if not os.path.exists(device):
        pytest.skip(f"{device} is absent")
    run = tandy("index", device, "--db", "t.db", cwd=tmp_path)
    assert_refused(run, device, "not a regular file")


def test_a_name_with_a_newline_and_markup_stays_one_line(tmp_path):
    path = tmp_path / "bad\n[bold]name.txt"
    path.write_bytes(b"")
    run = tandy("parse", str(path), cwd=tmp_path)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    (line,) = run.stderr.splitlines()
    assert "bad\\n[bold]name.txt" in line and "empty" in line


def test_a_batch_goes_on_past_a_bad_file_and_exits_2(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    run = tandy("letter", str(bad), LETTER, "--json", cwd=tmp_path)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 2 and '"error"' in lines[0] and '"items"' in lines[1]


def test_review_json_is_format_json(tmp_path):
    run = tandy("review", str(EXAMPLES / "proxy_pre14a_excerpt.txt"), "--json", cwd=tmp_path)
    assert run.returncode in (0, 1) and '"findings"' in run.stdout


def test_review_json_with_another_format_is_refused(tmp_path):
    run = tandy("review", str(EXAMPLES / "proxy_pre14a_excerpt.txt"), "--json", "--format", "sarif", cwd=tmp_path)
    assert_refused(run, "--json", "--format sarif")


def test_a_tool_tandy_block_works_in_tandy_toml(tmp_path):
    (tmp_path / "tandy.toml").write_text('[tool.tandy]\nselect = ["TDY1"]\nfail-on = "warning"\n')
    run = tandy("review", str(EXAMPLES / "proxy_pre14a_excerpt.txt"), "--json", cwd=tmp_path)
    assert run.returncode in (0, 1) and "Traceback" not in run.stderr and "unknown" not in run.stderr
    assert all(f["rule"].startswith("TDY1") for f in __import__("json").loads(run.stdout)["findings"])


def test_an_invalid_tandy_toml_is_one_line_naming_it(tmp_path):
    (tmp_path / "tandy.toml").write_text("select = [\n")
    run = tandy("review", str(EXAMPLES / "proxy_pre14a_excerpt.txt"), cwd=tmp_path)
    assert_refused(run, "tandy.toml", "not valid TOML")


def test_option_help_keeps_bracketed_words(tmp_path):
    run = tandy("search", "--help", cwd=tmp_path)
    assert run.returncode == 0 and "semantic extra" in run.stdout
