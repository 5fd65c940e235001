"""A read :class:`~tandy.letters.Letter` flattened into the records the corpus keeps.

Thread building groups letters by CIK, file number and form under review, and letters spell
those several ways ("1-07434" and "001-07434", "Form 10-K" and "10-K", "4977" and "0000004977").
Normalizing here, once, means the store, the thread builder and the exports all compare the same
strings.
"""

from __future__ import annotations

import re

from tandy.corpus.model import ItemRecord, LetterRecord
from tandy.letters import Letter
from tandy.source.model import Filing

#: Digits of a CIK as EDGAR prints it, zero-padded.
CIK_DIGITS = 10
#: Digits of the prefix and of the serial of a Commission file number ("001-07434", "333-273722").
FILE_PREFIX_DIGITS = 3
FILE_SERIAL_DIGITS = 5

_FILE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*[-\u2010-\u2015]\s*(\d{1,8})\s*$")
_FORM_PREFIX = re.compile(r"^\s*(?:form|schedule)\s+", re.IGNORECASE)
_AMENDMENT = re.compile(r"\s*/\s*A\b|\s+amendment.*$", re.IGNORECASE)


def letter_record(letter: Letter, filing: Filing | None = None) -> LetterRecord:
    """The stored form of a letter; ``filing`` adds EDGAR's accession and form when known.

    The letter reader already takes the CIK from an EDGAR header when the Re: block has none;
    ``filing`` is for callers that know the submission (the store, reading whole submissions).
    """
    subject = letter.subject_filing
    cik = subject.cik or _filer_cik(filing)
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


def _filer_cik(filing: Filing | None) -> str | None:
    if not filing:
        return None
    return next((f.cik for f in filing.filers if f.cik), None)
