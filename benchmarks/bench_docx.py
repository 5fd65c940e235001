"""How fast ``tandy.parse`` reads .docx files, against python-docx merely opening the same files.

The files are Word versions of real corpus documents, written here with python-docx the way
the tests write them (tests/docx/wordfiles.py: real text, numbered paragraphs as automatic
numbering, tables as Word tables, pages recorded as Word saves them): every HTML response
letter and the HTML proxy statements up to ``MAX_PROXY_BYTES``. The baseline is
``docx.Document(path)``, which unzips the package and parses its XML parts into python-docx's
element classes, and reading nothing yet; tandy's parse does that and lays the document out
(numbering, tables, pages, styles). A ratio of 1.0 means tandy reads a file in the time
python-docx takes only to open it.

Each file is timed ``REPEATS`` times, tandy and the baseline interleaved so that noise from the
machine hits both, and the best time of each is kept.

Run: ``nice .venv/bin/python benchmarks/bench_docx.py`` (``REPEATS=5`` for steadier figures).
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
REPEATS = int(os.environ.get("REPEATS", "3"))
MAX_PROXY_BYTES = int(os.environ.get("MAX_PROXY_BYTES", "1500000"))
MB = 1_000_000


def sources() -> list[Path]:
    letters = sorted((CORPUS / "letters").glob("*_corresp_*.htm"))
    proxies = [p for p in sorted((CORPUS / "proxies").glob("*.htm*")) if p.stat().st_size <= MAX_PROXY_BYTES]
    return letters + proxies


def best(fn, path: str) -> float:
    gc.collect()
    start = time.perf_counter()
    fn(path)
    return time.perf_counter() - start


def main() -> int:
    if not CORPUS.is_dir():
        print(f"{CORPUS} is absent: no documents to build Word files from")
        return 2
    sys.path.insert(0, str(ROOT / "tests" / "docx"))
    from docx import Document as OpenWord

    from tandy.document import parse
    from wordfiles import build_docx

    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for source in sources():
            target = Path(tmp) / (source.name + ".docx")
            build_docx(source, target, pages=True)
            files.append(target)
        print(f"{len(files)} .docx files built from corpus letters and proxies, {REPEATS} runs each (best kept)")
        rows = []
        for path in files:
            ours = base = float("inf")
            for _ in range(REPEATS):
                ours = min(ours, best(lambda p: parse(p), str(path)))
                base = min(base, best(lambda p: OpenWord(p), str(path)))
            rows.append((path, path.stat().st_size, ours, base))
    size = sum(r[1] for r in rows)
    ours, base = sum(r[2] for r in rows), sum(r[3] for r in rows)
    print(f"{'':28} {'files':>5} {'MB':>7} {'tandy s':>8} {'MB/s':>6} {'open s':>8} {'MB/s':>6} {'ratio':>6}")
    for label, part in (("letters", [r for r in rows if "_corresp_" in r[0].name]), ("proxies", [r for r in rows if "_corresp_" not in r[0].name]), ("all", rows)):
        s, o, b = sum(r[1] for r in part), sum(r[2] for r in part), sum(r[3] for r in part)
        print(f"{label:28} {len(part):>5} {s / MB:>7.2f} {o:>8.3f} {s / MB / o:>6.2f} {b:>8.3f} {s / MB / b:>6.2f} {b / o:>6.2f}")
    slowest = max(rows, key=lambda r: r[2] / r[3])
    print(f"lowest ratio: {slowest[0].name} ({slowest[1] / MB:.2f} MB): tandy {slowest[2]:.3f} s, python-docx open {slowest[3]:.3f} s")
    print(f"ratio (python-docx open time / tandy parse time, all files): {base / ours:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
