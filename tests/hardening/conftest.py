"""Running tandy as a user meets it: a subprocess, a time bound, and what it left behind.

Every case asserts the promise of the README for a bad input or a fault: exit code 2, one line
naming the path the user gave, no traceback, nothing written or changed, and an exit within
:data:`TIMEOUT` seconds (enforced by the subprocess timeout, never by a timed assertion).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

#: Seconds any one command may take on the inputs here; a hang fails the test, it does not block it.
TIMEOUT = 120


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def tandy(*args: str, cwd: Path, env: dict | None = None, preexec=None) -> Run:
    """``python -m tandy ARGS`` in ``cwd``; fails the test if it runs past :data:`TIMEOUT`."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tandy", *args],
            cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL,
            env={**os.environ, "COLUMNS": "200", **(env or {})}, preexec_fn=preexec,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"tandy {' '.join(args)} did not exit within {TIMEOUT} s")
    return Run(done.returncode, done.stdout, done.stderr)


def assert_refused(run: Run, path: str, *words: str) -> None:
    """Exit 2 and exactly one ``error:`` line, naming ``path`` (and ``words``), no traceback."""
    assert run.returncode == 2, (run.returncode, run.stderr[-2000:])
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout, run.stderr[-3000:]
    errors = [line for line in run.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 1, run.stderr
    assert str(path) in errors[0], (path, errors[0])
    for word in words:
        assert word in errors[0], (word, errors[0])


def assert_ran(run: Run) -> None:
    """A command that had to finish on adversarial input: no crash (exit 0, 1 or a clean 2)."""
    assert run.returncode in (0, 1, 2), (run.returncode, run.stderr[-2000:])
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr[-3000:]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) with its content hash: what "unchanged" means."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            found[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir():
            found[str(path.relative_to(folder)) + "/"] = ""
    return found
