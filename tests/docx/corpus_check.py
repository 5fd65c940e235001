"""Label-free self-check over the whole corpus: every letter and proxy written as a .docx (as the
tests write them) must read as the original does.

    .venv/bin/python tests/docx/corpus_check.py [letters|proxies] [--show]

Letters compare kind, item numbers and the first eight words of each comment and response;
proxies compare the people (name, age, roles). Prints one line per file and the totals.
"""

from __future__ import annotations

import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1].parent / "shared" / "corpus"
sys.path.insert(0, str(HERE))

from wordfiles import build_docx  # noqa: E402

from tandy.errors import InputError  # noqa: E402
from tandy.letters import read_letter  # noqa: E402
from tandy.proxy import read_proxy  # noqa: E402


def letter_view(path: str):
    letter = read_letter(path)
    first = lambda text: " ".join((text or "").split()[:8])  # noqa: E731
    return letter.kind, [(i.number, first(i.comment), first(i.response)) for i in letter.items]


def proxy_view(path: str):
    return [(p.name, p.age, tuple(p.roles)) for p in read_proxy(path).people]


def main(argv: list[str]) -> int:
    which = [a for a in argv if not a.startswith("-")] or ["letters", "proxies"]
    show = "--show" in argv
    for group in which:
        files = sorted(f for f in (CORPUS / group).iterdir() if f.suffix.lower() in (".htm", ".html", ".pdf", ".txt"))
        view = letter_view if group == "letters" else proxy_view
        same = numbered = 0
        with tempfile.TemporaryDirectory() as tmp:
            for source in files:
                target = Path(tmp) / (source.name + ".docx")
                try:
                    build_docx(source, target, pages=True)
                    original, word = view(str(source)), view(str(target))
                except InputError as exc:
                    print(f"skip {source.name}: {exc.problem}")
                    continue
                ok = original == word
                same += ok
                auto = b"<w:numPr>" in zipfile.ZipFile(target).read("word/document.xml")
                numbered += auto
                print(f"{'same' if ok else 'DIFF'} {'auto-numbered ' if auto else ''}{source.name}")
                if show and not ok:
                    print(f"   original: {original}\n   word:     {word}")
        print(f"{group}: {same} of {len(files)} read the same from .docx ({numbered} with automatic numbering)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
