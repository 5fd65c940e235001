"""What kind of letter this is: staff comments, a response, a closing, a no-review notice, an
acceleration request, or another.

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
        r"\bour comment letter\b|\bin response to our comments?\b|\bwe refer you to our\b",
        r"^\s*mail\s*stop\s*:?\s*\d",
        r"\bwe have not reviewed and will not review\b",
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
_NO_REVIEW = re.compile(r"\b(?:do|does|did) not intend to review\b|\bwill not (?:be )?review(?:ed)?\b|\bhave not reviewed and will not\b", re.I)
_NOT_YET_REVIEWED = re.compile(r"\bwill notify you (?:of|if we have) any comments\b", re.I)  # redacted exhibits: paper copies first
#: A filer asking for its registration statement to be declared effective (Rule 461).
_ACCELERATION = re.compile(
    r"\brequests?\b[\s\S]{0,600}?\b(?:be\s+)?(?:declared|become|made)\s+effective\b"
    r"|\baccelerat(?:e|ion\s+of)\s+(?:the\s+)?effective(?:ness|\s+date)\b|\bRule\s+461\b",
    re.I,
)
#: A note about when the answer will come, not the answer: an extension asked for or a date confirmed.
_EXTENSION = re.compile(
    r"\brequest(?:s|ing)?\s+(?:an?\s+)?(?:additional\s+)?(?:extension|more\s+time|additional\s+time)\b"
    r"|\bwill\s+(?:respond|provide\s+(?:its|our)\s+responses?)\s+to\b[^.]{0,160}?\b(?:no\s+later\s+than|on\s+or\s+before|by|within)\b",
    re.I,
)
_EXCHANGE_OFFER = re.compile(r"\bExxon\s+Capital\b|\bShearman\s+&\s+Sterling\b\s*\(|\bMorgan\s+Stanley\s+and\s+Co\.,?\s+Inc\.", re.I)
#: A filer's letter answering staff comments without numbered items ("As requested, we confirm
#: that we will enhance future proxy disclosures").
_ANSWERS_STAFF = re.compile(
    r"\b(?:your|the\s+staff'?s?|the\s+commission'?s?|the\s+division'?s?|the)\s+(?:comment\s+)?letter\s+dated\b"
    r"|\b(?:respond|responds|response|responding)\s+to\s+(?:the\s+)?(?:staff'?s?\s+|your\s+|sec'?s?\s+)?(?:comments?|letter)\b"
    r"|\bwe\s+received\s+your\s+(?:comment\s+)?letter\b|\bletter\s+dated\b",
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

    A staff letter that will not review the filing is "no_review"; one that reviews nothing yet (a
    request for unredacted exhibits) is "other", numbered paragraphs or not. A filer's letter
    asking for effectiveness is an "acceleration_request"; one that answers a staff letter
    without numbered items (a paragraph promising better future disclosure) is still a
    "response", with no items. A proxy statement that opens with a letter to stockholders is
    "other".
    """
    if staff and _NO_REVIEW.search(text):
        return "no_review"
    if staff and _NOT_YET_REVIEWED.search(text):
        return "other"
    if _PROXY_STATEMENT.search(text[:PROXY_HEAD_CHARS]):
        return "other"  # a proxy statement's "Dear Stockholder" letter and numbered proposals
    if not staff and _ACCELERATION.search(text) and (not items or not _ANSWERS_STAFF.search(text)):
        return "acceleration_request"  # numbered paragraphs there are representations, not answers
    if not staff and items and _EXCHANGE_OFFER.search(text) and not _ANSWERS_STAFF.search(text):
        return "other"  # an exchange offer's Exxon Capital representations, numbered
    if items:
        return "staff_comment" if staff else "response"
    if staff and _CLOSING.search(text):
        return "closing"
    if not staff and _ANSWERS_STAFF.search(text) and not _EXTENSION.search(text):
        return "response"
    return "other"
