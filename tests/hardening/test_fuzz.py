"""The fuzzer's findings stay fixed, and a minute of fuzzing runs with every test run."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hardening.conftest import ROOT

FUZZ = ROOT / "fuzz"
REGRESSIONS = sorted((FUZZ / "regressions").iterdir())


@pytest.mark.parametrize("path", REGRESSIONS, ids=[p.name for p in REGRESSIONS])
def test_a_crasher_found_by_the_fuzzer_reads_cleanly(path):
    code = f"import sys; sys.path.insert(0, {str(FUZZ)!r}); from harness import run_one; run_one(open({str(path)!r}, 'rb').read())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris is not installed")
def test_a_minute_of_fuzzing_finds_no_crash(tmp_path):
    done = subprocess.run(
        [
            sys.executable, str(FUZZ / "fuzz_tandy.py"), "-max_total_time=60", "-timeout=30", "-max_len=65536",
            "-rss_limit_mb=3072", f"-dict={FUZZ / 'tandy.dict'}", f"-artifact_prefix={tmp_path}/",
            str(tmp_path), str(FUZZ / "seeds"), str(FUZZ / "regressions"),
        ],
        capture_output=True, text=True, timeout=300,
    )
    found = sorted(p.name for p in Path(tmp_path).glob("crash-*")) + sorted(p.name for p in Path(tmp_path).glob("timeout-*"))
    assert done.returncode == 0 and not found, (found, done.stderr[-3000:])
    assert "Done" in done.stderr
