"""Label-free checks of the letter reader over every corpus letter (letters/ and threads/).

    nice .venv/bin/python benchmarks/check_letters.py [--show N] [--only letters|threads]

No hand-made answers: each letter is checked against what it states about itself
(:mod:`tandy.letters.selfcheck`) and, in a review thread, against the staff letter it answers.
Prints each share with the letters that fail it:

* kind fits form — the kind read is one the EDGAR form allows (UPLOAD: staff_comment, closing,
  no_review; CORRESP: response, acceleration_request); and, counting "other" as fitting either,
  whether the kind contradicts the form;
* numbering — item numbers run on without gaps or repeats;
* answered — every item of a response has an answer;
* body in items — characters of body text (first item to sign-off) inside items, summed;
* thread answers — each response answers every comment of the staff letter it names (or the
  latest before it), as many items as comments.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tandy.document import parse
from tandy.errors import InputError
from tandy.letters import Letter, letter_from_submission
from tandy.letters.header import iso_date
from tandy.letters.reader import layout
from tandy.letters.selfcheck import body_share, kind_fits_form, numbering_gaps, unanswered
from tandy.rules.verify import verify_against_staff

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
LETTER_KINDS = ("staff_letter", "response_letter")
_NAMES_LETTER = re.compile(r"letter\s+(?:to\s+\S+(?:\s+\S+){0,6}\s+)?dated\s+([A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})")


@dataclass
class Checked:
    path: str
    form: str | None
    letter: Letter | None = None
    error: str | None = None
    share: object = None


@dataclass
class Tally:
    name: str
    passed: int = 0
    total: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, ok: bool, why: str) -> None:
        self.total += 1
        self.passed += ok
        if not ok:
            self.failures.append(why)

    def line(self) -> str:
        share = self.passed / self.total if self.total else 1.0
        return f"{self.name}: {self.passed}/{self.total} = {share:.3f}"


def corpus_letters(only: str | None) -> list[tuple[str, str | None, str | None]]:
    """(path, EDGAR form, thread folder) for every letter of the corpus."""
    out = []
    if only in (None, "letters"):
        with (CORPUS / "MANIFEST.tsv").open(newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row["kind"] in LETTER_KINDS:
                    form = re.search(r"EDGAR form ([A-Z ]+?);", row["notes"])
                    out.append((str(CORPUS / row["file"]), form.group(1) if form else None, None))
    if only in (None, "threads"):
        for meta in sorted((CORPUS / "threads").glob("*/*/metadata.json")):
            data = json.loads(meta.read_text())
            for form, accession in zip(data["forms_in_thread"], data["accessions"]):
                for path in sorted((meta.parent / "filings" / accession).glob("filename1.*")):
                    out.append((str(path), form, str(meta.parent)))
    return out


def read(path: str, form: str | None) -> Checked:
    checked = Checked(path, form)
    try:
        submission = parse(path)
        laid = layout(submission)
        checked.letter = letter_from_submission(submission, laid)
        checked.share = body_share(laid)
    except InputError as exc:
        checked.error = exc.problem
    return checked


def named_staff_letter(response: Letter, staff: list[Letter]) -> Letter | None:
    """The staff letter a response names by date, else the latest staff letter with items before it."""
    named = [iso_date(m.group(1)) for m in _NAMES_LETTER.finditer(response.document.text[:4000])]
    for date in named:
        for letter in staff:
            if letter.date == date:
                return letter
    earlier = [s for s in staff if s.items and s.date and response.date and s.date <= response.date]
    return earlier[-1] if earlier else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=20, help="failing letters listed per check")
    ap.add_argument("--only", choices=("letters", "threads"))
    args = ap.parse_args()
    entries = corpus_letters(args.only)
    kind, numbering, answered, thread = (Tally(n) for n in ("kind fits form", "numbering", "answered", "thread answers"))
    contradicts = Tally("kind does not contradict form (other fits either)")
    inside = body = 0
    share_fail: list[str] = []
    threads: dict[str, list[Checked]] = {}
    for k, (path, form, folder) in enumerate(entries, start=1):
        print(f"\r{k}/{len(entries)}", end="", file=sys.stderr, flush=True)
        c = read(path, form)
        short = str(Path(path).relative_to(CORPUS))
        if c.letter is None:
            kind.add(False, f"{short}: {c.error}")
            contradicts.add(False, f"{short}: {c.error}")
            continue
        letter = c.letter
        kind.add(kind_fits_form(letter.kind, form), f"{short}: {form} read as {letter.kind}")
        contradicts.add(kind_fits_form(letter.kind, form, other_fits=True), f"{short}: {form} read as {letter.kind}")
        if letter.items:
            gaps = numbering_gaps(letter)
            numbering.add(not gaps, f"{short}: {', '.join(gaps)}")
        if letter.kind == "response" and letter.items:
            missing = unanswered(letter)
            answered.add(not missing, f"{short}: items {missing} unanswered")
        share = c.share
        inside, body = inside + share.inside, body + share.body
        if share.lost or share.furniture:
            lost = "; ".join(f"lost {p.text[:60]!r}" for p in share.lost[:2])
            furniture = "; ".join(f"furniture {p.text[-60:]!r}" for p in share.furniture[:2])
            share_fail.append(f"{short}: {share.share:.3f} {lost} {furniture}".rstrip())
        if folder:
            threads.setdefault(folder, []).append(c)
    print(file=sys.stderr)
    for folder, checked in threads.items():
        staff = [c.letter for c in checked if c.letter and c.letter.kind == "staff_comment"]
        for c in checked:
            if not (c.letter and c.letter.kind == "response" and c.letter.items):
                continue
            short = str(Path(c.path).relative_to(CORPUS))
            named = named_staff_letter(c.letter, staff)
            if named is None:
                thread.add(False, f"{short}: no staff letter before it in the thread")
                continue
            try:
                result = verify_against_staff(c.letter, named)
            except InputError as exc:
                thread.add(False, f"{short}: {exc.problem}")
                continue
            ok = not result.unanswered and len(c.letter.items) == len(named.items)
            thread.add(ok, f"{short}: {len(result.unanswered)} of {len(named.items)} comments of {named.date} unanswered, {len(c.letter.items)} items")
    for tally in (kind, contradicts, numbering, answered):
        report(tally, args.show)
    print(f"body in items: {inside}/{body} chars = {inside / body if body else 1:.4f}; letters with text outside items or furniture inside: {len(share_fail)}")
    for line in share_fail[: args.show]:
        print("    " + line)
    report(thread, args.show)


def report(tally: Tally, show: int) -> None:
    print(tally.line())
    for line in tally.failures[:show]:
        print("    " + line)


if __name__ == "__main__":
    main()
