"""Output files: written whole, never over an existing file unasked, readable like any other file."""

from __future__ import annotations

import os
import stat

import pytest

from tandy.files import write_text


def test_written_file_gets_the_usual_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        path = write_text(tmp_path / "report.md", "# Findings\n")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert path.read_text(encoding="utf-8") == "# Findings\n"


def test_existing_file_is_kept_unless_forced(tmp_path):
    path = tmp_path / "report.md"
    path.write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_text(path, "theirs")
    assert path.read_text(encoding="utf-8") == "mine"
    write_text(path, "theirs", force=True)
    assert path.read_text(encoding="utf-8") == "theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]
