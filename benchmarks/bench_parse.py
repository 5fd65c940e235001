"""How fast ``tandy.parse`` reads the shared corpus, against the raw parsers it is built on.

The goal (issue: "benchmarks/ measures parse ..."): on one core, ``tandy.parse`` reads HTML at
least half as fast as lxml merely parses the same bytes (ratio >= 0.5), and its peak memory on the
largest corpus file stays under 5x the file's size.

Every document file under ``../shared/corpus`` is parsed, grouped by what it is (HTML, EDGAR
SGML/plain text, PDF). Each file is timed ``REPEATS`` times, tandy and its baseline interleaved so
that noise from the machine hits both, and the best time of each is kept. Baselines:

* HTML: ``lxml.html.document_fromstring`` on the file's bytes;
* SGML with HTML inside: the same, on the bytes of each HTML document inside;
* PDF: pypdfium2 opening the document and extracting each page's text.

Peak memory is read in a fresh process: peak RSS of a child that parses the largest file, minus
that of a child that only imports tandy (``RUSAGE_CHILDREN`` of a wrapper around each, so that
the two never share a maximum).

Run with ``make bench``; ``REPEATS=5 make bench`` for steadier figures.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
REPEATS = int(os.environ.get("REPEATS", "3"))
RATIO_GOAL = 0.5
MEMORY_GOAL = 5.0
MB = 1_000_000

GROUPS = ("html", "sgml/text", "pdf")


@dataclass
class Sample:
    """One file's best times; ``baseline`` is None where there is no raw parser to compare with."""

    path: Path
    size: int
    group: str
    tandy: float = float("inf")
    baseline: float | None = None
    html_inside: bool = False


@dataclass
class Row:
    """Totals for one line of the table; a baseline total only over files that have one."""

    label: str
    files: int = 0
    size: int = 0
    tandy: float = 0.0
    base_size: int = 0
    base_tandy: float = 0.0
    baseline: float = 0.0
    samples: list = field(default_factory=list)

    def add(self, s: Sample) -> None:
        self.files += 1
        self.size += s.size
        self.tandy += s.tandy
        if s.baseline is not None:
            self.base_size += s.size
            self.base_tandy += s.tandy
            self.baseline += s.baseline

    @property
    def ratio(self) -> float | None:
        """tandy MB/s over baseline MB/s on the same files, i.e. baseline time over tandy time."""
        return self.baseline / self.base_tandy if self.base_tandy and self.baseline else None


def main() -> int:
    if not CORPUS.is_dir():
        print(f"bench_parse: skipped, no corpus at {CORPUS} (the shared folder sits beside the project)")
        return 0
    _one_core()
    import tandy
    from tandy.source import open_source
    from tandy.source.reader import DOCUMENT_SUFFIXES

    paths = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
    if not paths:
        print(f"bench_parse: skipped, no documents under {CORPUS}")
        return 0
    samples, inputs = [], []
    for path in paths:
        source = open_source(str(path))
        group = "pdf" if source.format == "pdf" else "html" if source.format == "html" else "sgml/text"
        sample = Sample(path, source.size, group)
        baseline = _baseline_input(source, path)
        sample.html_inside = group == "sgml/text" and baseline is not None
        samples.append(sample)
        inputs.append(baseline)

    largest = max(samples, key=lambda s: s.size)
    memory = _peak_memory(largest.path)

    print(f"tandy {tandy.__version__} parse benchmark: {len(samples)} files under {CORPUS}, "
          f"best of {REPEATS}, one core, Python {sys.version.split()[0]}")
    for _ in range(REPEATS):
        for sample, baseline in zip(samples, inputs):
            sample.tandy = min(sample.tandy, _time(tandy.parse, str(sample.path)))
            if baseline is not None:
                elapsed = _time(*baseline)
                sample.baseline = elapsed if sample.baseline is None else min(sample.baseline, elapsed)

    _print_table(samples)
    _print_largest([s for s in samples if s.baseline is not None and s.group != "pdf"])
    _print_memory(largest, memory)
    _print_summary(samples, largest, memory)
    return 0


def _one_core() -> None:
    """Pin the process to one CPU so that no library can spread work over several."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def _baseline_input(source, path: Path):
    """The raw parser's call for a file, as ``(function, argument)``, or None where there is none."""
    from lxml import html as lxml_html

    if source.format == "pdf":
        return _pdfium_text, path.read_bytes()
    if source.format == "html":
        return lxml_html.document_fromstring, path.read_bytes()
    html_parts = [p.content.encode("utf-8") for p in source.parts if p.format == "html" and p.content.strip()]
    if html_parts:
        return _lxml_each, html_parts
    return None


def _lxml_each(parts: list[bytes]) -> None:
    from lxml import html as lxml_html

    for data in parts:
        lxml_html.document_fromstring(data)


def _pdfium_text(data: bytes) -> None:
    """What any PDF reader must do at least: open the document and take each page's text."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        pdf.close()


def _time(function, argument) -> float:
    """Seconds for one call, with the collector run before so its pauses land on neither side."""
    gc.collect()
    start = time.perf_counter()
    function(argument)
    return time.perf_counter() - start


_WRAPPER = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def _peak_rss_kib(code: str) -> int:
    """Peak RSS (KiB on Linux) of a fresh Python running ``code``, read by a wrapper process."""
    out = subprocess.run(
        [sys.executable, "-c", _WRAPPER, sys.executable, "-c", code],
        check=True, capture_output=True, text=True,
    )
    return int(out.stdout.strip().splitlines()[-1])


def _peak_memory(path: Path) -> dict:
    """Peak RSS added by parsing ``path`` over a process that only imports tandy, in bytes."""
    imported = _peak_rss_kib("import tandy")
    parsed = _peak_rss_kib(f"import tandy; tandy.parse({str(path)!r})")
    return {"import": imported * 1024, "parse": parsed * 1024, "delta": max(0, parsed - imported) * 1024}


def _rows(samples: list[Sample]) -> list[Row]:
    rows = {g: Row(g) for g in GROUPS}
    inside = Row("  sgml with html")
    for s in samples:
        rows[s.group].add(s)
        if s.html_inside:
            inside.add(s)
    total = Row("all")
    for s in samples:
        total.files += 1
        total.size += s.size
        total.tandy += s.tandy
    out = [rows["html"], rows["sgml/text"]]
    if inside.files:
        out.append(inside)
    return out + [rows["pdf"], total]


def _print_table(samples: list[Sample]) -> None:
    print()
    header = f"{'format':<18}{'files':>6}{'MB':>9}{'tandy MB/s':>12}{'baseline MB/s':>15}{'ratio':>8}  baseline"
    print(header)
    print("-" * (len(header) + 30))
    names = {"html": "lxml document_fromstring", "pdf": "pypdfium2 open + page text",
             "  sgml with html": "lxml on the html inside", "sgml/text": "(text: none)"}
    for row in _rows(samples):
        tandy_rate = row.size / MB / row.tandy if row.tandy else 0.0
        if row.label == "sgml/text":
            base_rate, ratio = "", ""
        elif row.baseline:
            base_rate = f"{row.base_size / MB / row.baseline:.2f}"
            ratio = f"{row.ratio:.2f}"
        else:
            base_rate, ratio = "", ""
        print(f"{row.label:<18}{row.files:>6}{row.size / MB:>9.2f}{tandy_rate:>12.2f}{base_rate:>15}{ratio:>8}"
              f"  {names.get(row.label, '')}")


def _print_largest(samples: list[Sample], count: int = 6) -> None:
    print()
    print(f"largest HTML inputs{'':<51}{'MB':>7}{'tandy MB/s':>12}{'lxml MB/s':>11}{'ratio':>7}")
    for s in sorted(samples, key=lambda s: -s.size)[:count]:
        name = str(s.path.relative_to(CORPUS))
        name = name if len(name) <= 68 else "..." + name[-65:]
        print(f"  {name:<68}{s.size / MB:>7.2f}{s.size / MB / s.tandy:>12.2f}"
              f"{s.size / MB / s.baseline:>11.2f}{s.baseline / s.tandy:>7.2f}")


def _print_memory(largest: Sample, memory: dict) -> None:
    print()
    print(f"peak memory, largest file {largest.path.relative_to(CORPUS)} ({largest.size / MB:.2f} MB):")
    print(f"  import only {memory['import'] / MB:.1f} MB, import + parse {memory['parse'] / MB:.1f} MB, "
          f"parse adds {memory['delta'] / MB:.1f} MB = {memory['delta'] / largest.size:.1f}x the file")


def _print_summary(samples: list[Sample], largest: Sample, memory: dict) -> None:
    html = _rows(samples)[0]
    ratio = html.ratio or 0.0
    mem = memory["delta"] / largest.size
    print()
    print(f"summary: HTML {ratio:.2f}x lxml's speed (goal >= {RATIO_GOAL}: {'met' if ratio >= RATIO_GOAL else 'NOT met'}), "
          f"peak memory {mem:.1f}x the largest file (goal < {MEMORY_GOAL:g}x: "
          f"{'met' if mem < MEMORY_GOAL else 'NOT met'})")


if __name__ == "__main__":
    sys.exit(main())
