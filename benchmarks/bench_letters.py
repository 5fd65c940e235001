"""How fast letters read, against the document stage alone on the same files in the same run.

    .venv/bin/python benchmarks/bench_letters.py [FOLDER]   (default ../shared/corpus/letters)

Prints letters/s and MB/s for ``tandy.parse`` and for ``tandy.read_letter``, and their ratio: what
reading a file as a letter costs on top of laying it out.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import tandy

DEFAULT_FOLDER = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "letters"
ROUNDS = 3
"""Each stage is timed over the whole folder this many times; the best round counts."""


def best_seconds(read, paths: list[str]) -> float:
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for path in paths:
            read(path)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FOLDER
    paths = sorted(str(p) for p in folder.iterdir() if p.suffix in (".htm", ".html", ".pdf", ".txt"))
    if not paths:
        sys.exit(f"no letters in {folder}")
    megabytes = sum(Path(p).stat().st_size for p in paths) / 1e6
    parse = best_seconds(tandy.parse, paths)
    letter = best_seconds(tandy.read_letter, paths)
    print(f"{len(paths)} files, {megabytes:.1f} MB, best of {ROUNDS} rounds")
    print(f"{'stage':<18}{'seconds':>9}{'letters/s':>11}{'MB/s':>8}{'vs parse':>10}")
    for name, seconds in (("tandy.parse", parse), ("tandy.read_letter", letter)):
        print(f"{name:<18}{seconds:>9.2f}{len(paths) / seconds:>11.1f}{megabytes / seconds:>8.2f}{parse / seconds:>10.2f}")


if __name__ == "__main__":
    main()
