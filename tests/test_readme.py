"""The README's Python example runs, and each line's commented result is what it gives."""

from __future__ import annotations

import os
import re
from pathlib import Path

from conftest import needs_shared

README = Path(__file__).resolve().parents[1] / "README.md"


@needs_shared
def test_python_example_gives_the_results_it_shows():
    block = re.search(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S).group(1)
    scope: dict = {}
    checked = 0
    cwd = os.getcwd()
    os.chdir(README.parent)
    try:
        for line in block.splitlines():
            code, _, expected = line.partition("  # ")
            if expected and not code.lstrip().startswith("#"):
                assert eval(code, scope) == eval(expected, scope), line
                checked += 1
            elif code.strip():
                exec(code, scope)
    finally:
        os.chdir(cwd)
    assert checked >= 2
