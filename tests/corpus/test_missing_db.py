"""Reading commands never make a corpus where none was: a mistyped --db is an input error."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tandy.corpus import Corpus
from tandy.errors import InputError


@pytest.mark.parametrize("command", [["search", "Tandy"], ["threads"], ["stats"], ["export", "--format", "csv", "-o", "out"]])
def test_missing_database_exits_2_and_creates_nothing(tmp_path, command):
    result = subprocess.run(
        [sys.executable, "-m", "tandy", *command, "--db", str(tmp_path / "none.db")],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert result.returncode == 2
    assert "no corpus database" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_library_refuses_to_open_a_missing_corpus_for_reading(tmp_path):
    with pytest.raises(InputError, match="no corpus database"):
        Corpus(tmp_path / "none.db", create=False)
    assert not (tmp_path / "none.db").exists()
