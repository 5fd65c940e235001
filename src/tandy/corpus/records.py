"""A read :class:`~tandy.letters.Letter` flattened into the records the corpus keeps.

Thread building groups letters by CIK, file number and form under review, and letters spell
those several ways ("1-07434" and "001-07434", "Form 10-K" and "10-K", "4977" and "0000004977").
Normalizing here, once, means the store, the thread builder and the exports all compare the same
strings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from tandy.corpus.model import ItemRecord, LetterRecord
from tandy.letters import Letter, read_letter
from tandy.letters.header import iso_date
from tandy.source.model import Filer, Filing

#: Digits of a CIK as EDGAR prints it, zero-padded.
CIK_DIGITS = 10
#: Digits of the prefix and of the serial of a Commission file number ("001-07434", "333-273722").
FILE_PREFIX_DIGITS = 3
FILE_SERIAL_DIGITS = 5

_FILE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*[-\u2010-\u2015]\s*(\d{1,8})\s*$")
_FORM_PREFIX = re.compile(r"^\s*(?:form|schedule)\s+", re.IGNORECASE)
_AMENDMENT = re.compile(r"\s*/\s*A\b|\s+amendment.*$", re.IGNORECASE)

#: What staff write when they decline to review a filing ("we have not reviewed and will not review
#: your registration statement"): the whole of a no-review notice.
_NO_REVIEW = re.compile(r"\b(?:have\s+not\s+reviewed\s+and\s+)?will\s+not\s+review\s+(?:your|the)\b", re.IGNORECASE)

#: Characters between a date and the word "letter" or "comments" for the date to name a letter:
#: "your letter dated June 25, 2019", "the March 27, 2018 comment letter", "comments ... on November 7".
LETTER_DATE_REACH = 60
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"{_MONTH}\s+\d{{1,2}}\s*,?\s+\d{{4}}"
_LETTER_WORD = r"\b(?:letters?|comments?)\b"
_DATE_AFTER_LETTER = re.compile(rf"{_LETTER_WORD}[^.;]{{0,{LETTER_DATE_REACH}}}?\b({_DATE})", re.IGNORECASE)
_DATE_BEFORE_LETTER = re.compile(rf"({_DATE})[^.;]{{0,{LETTER_DATE_REACH // 2}}}?{_LETTER_WORD}", re.IGNORECASE)

#: The EDGAR directory listing saved beside a downloaded document ("/Archives/edgar/data/4977/...").
EDGAR_LISTING = "index.json"
_ARCHIVE_DIR = re.compile(r"/Archives/edgar/data/(\d+)/(\d{10})(\d{2})(\d{6})/?$")


def letter_record(letter: Letter, filing: Filing | None = None) -> LetterRecord:
    """The stored form of a letter; ``filing`` adds EDGAR's accession and form when known.

    The letter reader already takes the CIK from an EDGAR header when the Re: block has none;
    ``filing`` is for callers that know the submission (the store, reading whole submissions).
    Without it, the EDGAR directory listing saved beside a bare downloaded document supplies the
    CIK and accession: letters themselves seldom print the CIK, and threads group on it.
    """
    subject = letter.subject_filing
    filing = filing or edgar_listing(letter.path)
    cik = subject.cik or _filer_cik(filing)
    body = letter.document.body_text()
    return LetterRecord(
        path=letter.path,
        sha256=letter.sha256,
        kind=letter.kind,
        date=letter.date,
        registrant=letter.registrant,
        cik=normal_cik(cik),
        file_numbers=normal_file_numbers(subject.file_numbers),
        form_reviewed=normal_form(subject.form),
        subject_filed=subject.filed,
        response_dated=subject.response_dated,
        sender=letter.sender,
        edgar_form=filing.form if filing else None,
        accession=filing.accession if filing else None,
        tandy=letter.acknowledgments.tandy,
        items=len(letter.items),
        no_review=letter.kind == "no_review" or (letter.kind == "other" and bool(_NO_REVIEW.search(body))),
        letters_cited=letters_cited(body, letter.date),
    )


def item_records(letter: Letter, letter_id: int) -> list[ItemRecord]:
    """One record per item, in the letter's order; citations kept as the letter spells them."""
    return [
        ItemRecord(
            letter_id=letter_id,
            number=item.number,
            heading=item.heading,
            comment=item.comment,
            response=item.response,
            disposition=item.disposition,
            pages=list(item.pages),
            citations=[c.text for c in item.citations],
            refers_to=list(item.refers_to),
        )
        for item in letter.items
    ]


def records_from_files(paths: Iterable[str]) -> tuple[list[LetterRecord], dict[int, list[ItemRecord]]]:
    """Letters read straight from files, numbered in the order given, with their items by number.

    The same records a store would hand back, for working on a folder of letters without indexing
    it first (and for tests on real letters).
    """
    letters: list[LetterRecord] = []
    items: dict[int, list[ItemRecord]] = {}
    for letter_id, path in enumerate(paths, start=1):
        letter = read_letter(str(path))
        record = letter_record(letter)
        record.id = letter_id
        letters.append(record)
        items[letter_id] = item_records(letter, letter_id)
    return letters, items


def normal_cik(cik: str | None) -> str | None:
    """A CIK zero-padded to ten digits, as EDGAR prints it, or None when it has no digits."""
    digits = re.sub(r"\D", "", cik or "")
    return digits.zfill(CIK_DIGITS) if digits and int(digits) else None


def normal_file_number(number: str) -> str:
    """A Commission file number with its prefix and serial zero-padded: "1-7434" -> "001-07434".

    Anything that is not prefix-dash-serial is kept as written (stripped), so nothing is lost.
    """
    match = _FILE_NUMBER.match(number)
    if not match:
        return number.strip()
    prefix, serial = match.groups()
    return f"{prefix.zfill(FILE_PREFIX_DIGITS)}-{serial.zfill(FILE_SERIAL_DIGITS)}"


def normal_file_numbers(numbers: list[str]) -> list[str]:
    return list(dict.fromkeys(normal_file_number(n) for n in numbers if n.strip()))


def normal_form(form: str | None) -> str | None:
    """The form under review without "Form" and without its amendment mark: "Form 10-K/A" -> "10-K".

    An amendment is reviewed in the same thread as the filing it amends, so they compare equal.
    """
    if not form or not form.strip():
        return None
    bare = _AMENDMENT.sub("", _FORM_PREFIX.sub("", form.strip()))
    return bare.upper() or None


def letters_cited(text: str, own_date: str | None = None) -> list[str]:
    """Dates of other letters a letter names: "your letter dated June 25, 2019" -> "2019-06-25".

    Responses, extension requests and follow-up comment letters name the letter they answer; that
    date ties them to their review more surely than the Re: block, which may be incomplete.
    """
    found = [iso_date(m.group(1)) for pattern in (_DATE_AFTER_LETTER, _DATE_BEFORE_LETTER) for m in pattern.finditer(text)]
    return sorted({d for d in found if d and d != own_date})


def edgar_listing(path: str) -> Filing | None:
    """Accession and CIK from the EDGAR directory listing (``index.json``) beside a document.

    The listing's ``parent-dir`` names the company's archive folder, so it gives the registrant's
    CIK even for a response a filing agent submitted under its own accession prefix.
    """
    listing = Path(path).parent / EDGAR_LISTING
    try:
        directory = json.loads(listing.read_text(encoding="utf-8"))["directory"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    match = _ARCHIVE_DIR.search(str(directory.get("name", "")))
    if not match:
        return None
    cik, prefix, year, serial = match.groups()
    return Filing(accession=f"{prefix}-{year}-{serial}", form=None, filed=None, filers=[Filer(name=None, cik=cik)])


def _filer_cik(filing: Filing | None) -> str | None:
    if not filing:
        return None
    return next((f.cik for f in filing.filers if f.cik), None)
