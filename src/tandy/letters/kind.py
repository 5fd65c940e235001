"""What kind of letter this is: staff comments, a response to them, a closing letter, or another.

The EDGAR form says who sent a letter (UPLOAD is staff, CORRESP is the filer), but a bare file has
no header and CORRESP also carries acceleration requests and extension notes. So the form is one
piece of evidence and the text decides: who signs and whom it addresses, what it says it is
("We have completed our review", "request that the effective date ... be accelerated"), and
whether it holds numbered comments at all.
"""

from __future__ import annotations

import re

from tandy.letters.model import LetterKind
from tandy.source.forms import FILER_FORMS, STAFF_FORMS, base_form


_STAFF_SIGNS = [
    re.compile(p, re.I)
    for p in (
        r"\bwe have reviewed your\b",
        r"\bplease respond to (?:this letter|these comments|this comment)\b",
        r"\bsincerely,?\s*(?:/s/[^\n]*\n\s*)?(?:[^\n]*\n\s*){0,3}division of (?:corporation finance|investment management)",
        r"\bwe urge all persons who are responsible\b",
        r"\bsecurities and exchange commission logo\b",
        r"\bafter reviewing (?:your response|any amendment|the information)\b",
        r"\bwe have completed our review\b",
        r"\bour references to prior comments\b",
        r"\bwe remind you that the company and its management are responsible\b",
        r"\bplease provide,?(?: in writing,)? a (?:written )?statement from the (?:company|registrant|trust|fund)\b",
        r"\A\s*(?:united states\s+)?securities and exchange commission\s+washington,? d\.?\s?c\.?",
    )
]
_FILER_SIGNS = [
    re.compile(p, re.I)
    for p in (
        r"\bon behalf of (?:our client|the company|the registrant|the trust|the fund)\b",
        r"\bladies and gentlemen\b",
        r"\b(?:in|set forth (?:below|herein) (?:are|is)|this letter (?:sets forth|is in|responds))[^.]{0,80}\bresponses?\b",
        r"^\s*(?:company |registrant'?s? |our )?response\s*[:.]",
        r"\bthe (?:company|registrant|trust|fund) (?:hereby )?acknowledges\b",
        r"\bvia edgar\b",
        r"\bstaff'?s? comments?\b",
    )
]
_PROXY_STATEMENT = re.compile(
    r"proxy\s+statement\s+pursuant\s+to\s+section\s+14\s*\(\s*a\s*\)"  # the Schedule 14A cover
    r"|notice\s+of\s+(?:the\s+)?(?:\d{4}\s+)?annual\s+meeting\s+of\s+(?:share|stock)holders",
    re.I,
)
PROXY_HEAD_CHARS = 3000
"""A proxy statement opens with its cover or its notice of meeting; a letter may quote either later."""
_CLOSING = re.compile(r"\bwe have completed our review\b|\bwe have no further comments\b|\bno further comments\b", re.I)
_NOT_A_REVIEW = re.compile(
    r"\bwill notify you (?:of|if we have) any comments\b"  # redacted exhibits: paper copies first
    r"|\b(?:do|does|did) not intend to review\b|\bwill not (?:be )?review(?:ed)?\b",
    re.I,
)


SIGN_WINDOW = 30_000
"""Who wrote a letter shows in its opening and its close; only that much of each end is read,
so that a long document that is no letter at all costs little to rule out."""


def from_staff(text: str, form: str | None) -> bool:
    """Whether the SEC staff wrote the letter: the form when it is known, else the wording."""
    if base_form(form) in STAFF_FORMS:
        return True
    if base_form(form) in FILER_FORMS:
        return False
    ends = text if len(text) <= 2 * SIGN_WINDOW else text[:SIGN_WINDOW] + "\n" + text[-SIGN_WINDOW:]
    staff = sum(bool(p.search(ends)) for p in _STAFF_SIGNS)
    filer = sum(bool(p.search(ends)) for p in _FILER_SIGNS)
    return staff > filer


def letter_kind(text: str, *, staff: bool, items: int) -> LetterKind:
    """The kind, from who wrote the letter, what it says it is, and how many items it holds.

    A filer's letter without comments to answer (an acceleration request, a note asking for more
    time) is "other"; so is a staff letter that reviews nothing yet (a request for unredacted
    exhibits, a no-review notice), numbered paragraphs or not, and so is a proxy statement that
    opens with a letter to stockholders.
    """
    if staff and _NOT_A_REVIEW.search(text):
        return "other"
    if _PROXY_STATEMENT.search(text[:PROXY_HEAD_CHARS]):
        return "other"  # a proxy statement's "Dear Stockholder" letter and numbered proposals
    if items:
        return "staff_comment" if staff else "response"
    if staff and _CLOSING.search(text):
        return "closing"
    return "other"
