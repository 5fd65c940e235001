"""Every command that writes a file, against every way the file cannot be written: one line
naming the path the user gave (never a temporary file), exit 2, nothing left behind."""

from __future__ import annotations

import resource
import signal
from pathlib import Path

import pytest

from tandy.corpus import Corpus
from tests.hardening.conftest import EXAMPLES, assert_refused, snapshot, tandy

STAFF = str(EXAMPLES / "staff_letter_2007-12-20.txt")
PROXY = str(EXAMPLES / "proxy_pre14a_excerpt.txt")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("out-store")
    with Corpus(folder / "c.db") as corpus:
        corpus.index([str(EXAMPLES)], embed=False)
    return folder / "c.db"


def _writers(store: Path, target: str) -> dict[str, list[str]]:
    return {
        "review": ["review", PROXY, "--format", "sarif", "-o", target],
        "draft-response": ["draft-response", STAFF, "-o", target if target.endswith((".md", ".docx")) else target + ".md"],
        "stats": ["stats", "--db", str(store), "--html", target],
        "export": ["export", "--format", "jsonl", "--db", str(store), "-o", target],
    }


WRITERS = ["review", "draft-response", "stats", "export"]


def _file_as_folder(tmp_path: Path) -> str:
    (tmp_path / "plain").write_text("a file")
    return str(tmp_path / "plain" / "out.md")


def _missing_folder(tmp_path: Path) -> str:
    return str(tmp_path / "missing" / "out.md")


def _under_proc(tmp_path: Path) -> str:
    return "/proc/tandy-hardening/out.md"


FAULTS = {
    "folder-is-a-file": (_file_as_folder, ""),
    "folder-missing": (_missing_folder, ""),
    "under-proc": (_under_proc, ""),
}


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("writer", WRITERS)
def test_an_unwritable_output_is_one_line_naming_it(store, tmp_path, writer, fault):
    target = FAULTS[fault][0](tmp_path)
    before = snapshot(tmp_path)
    argv = _writers(store, target)[writer]
    run = tandy(*argv, cwd=tmp_path)
    if writer == "export" and fault == "folder-missing":  # export makes the folder it is given
        assert run.returncode == 0 and (tmp_path / "missing" / "out.md" / "items.jsonl").is_file()
        return
    assert_refused(run, argv[argv.index("-o") + 1] if "-o" in argv else target)
    assert ".tmp" not in run.stderr
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("writer", ["review", "draft-response", "stats"])
def test_an_existing_output_is_kept_without_force(store, tmp_path, writer):
    target = tmp_path / "out.md"
    target.write_text("keep me")
    run = tandy(*_writers(store, str(target))[writer], cwd=tmp_path)
    assert_refused(run, str(target), "--force")
    assert target.read_text() == "keep me"


def test_an_existing_export_is_kept_without_force(store, tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "items.jsonl").write_text("keep me")
    before = snapshot(tmp_path)
    run = tandy(*_writers(store, str(tmp_path / "out"))["export"], cwd=tmp_path)
    assert_refused(run, str(tmp_path / "out"), "--force")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("writer", ["review", "draft-response", "stats"])
def test_an_output_that_is_a_folder_is_refused(store, tmp_path, writer):
    target = tmp_path / "out.md"
    target.mkdir()
    run = tandy(*_writers(store, str(target))[writer], "--force", cwd=tmp_path)
    assert_refused(run, str(target), "is a folder")
    assert list(target.iterdir()) == []


def _small_file_limit() -> None:
    """A full disk, as a child process meets it: writes past 2 KB fail with EFBIG, not a signal."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))


@pytest.mark.parametrize("writer", WRITERS)
def test_a_full_disk_leaves_no_partial_file(store, tmp_path, writer):
    argv = _writers(store, str(tmp_path / "out.md"))[writer]
    target = argv[argv.index("-o") + 1] if "-o" in argv else str(tmp_path / "out.md")
    run = tandy(*argv, cwd=tmp_path, preexec=_small_file_limit)
    assert_refused(run, target, "too large")
    assert ".tmp" not in run.stderr
    leftovers = [p.name for p in tmp_path.rglob("*") if p.is_file()]
    assert leftovers == [], leftovers


def test_review_of_an_unreadable_input_writes_no_sarif(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    run = tandy("review", str(bad), "--format", "sarif", "-o", "x.sarif", cwd=tmp_path)
    assert_refused(run, str(bad), "empty")
    assert not (tmp_path / "x.sarif").exists()
    assert "nothing written to x.sarif" in run.stderr


def test_a_refused_output_is_refused_before_any_input_is_read(tmp_path):
    (tmp_path / "out.sarif").write_text("old")
    run = tandy("review", "missing.txt", "--format", "sarif", "-o", "out.sarif", cwd=tmp_path)
    assert_refused(run, "out.sarif", "--force")
    assert (tmp_path / "out.sarif").read_text() == "old"
