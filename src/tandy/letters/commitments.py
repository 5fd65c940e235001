"""Dated promises a letter makes: "The Trust will file its definitive Proxy Statement on or about
January 7, 2008", "we intend to file Amendment No. 2 by March 15, 2024", "will respond within ten
business days".

A thread's next step is often announced this way, and checking it against what was actually filed
(and when) is how a reviewer knows whether a promise was kept, so each promise keeps its date as an
ISO string and its location in the letter.
"""

from __future__ import annotations

import re
from datetime import date

from tandy.document import Document
from tandy.letters.model import Commitment

MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE = re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)

_NUMBER_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty|ninety|\d{1,3})"
PERIOD = re.compile(
    rf"\bwithin\s+(?:the\s+next\s+)?{_NUMBER_WORDS}(?:\s+\(\d+\))?\s+(?:business\s+|calendar\s+)?(?:days|weeks|months)\b",
    re.IGNORECASE,
)

#: A promise: a modal of intent followed by what will be done.
PROMISE = re.compile(
    r"\b(?:will|shall|intends?\s+to|expects?\s+to|plans?\s+to|undertakes?\s+to|agrees?\s+to|anticipates?\s+(?=\w+ing\b))"
    r"\s+(?:(?:also|then|promptly|supplementally)\s+)?(?P<verb>\w+)",
)  # lower case on purpose: "the Strategic Plan to the Board" is no promise
#: Words just before a date that make it the promise's deadline rather than a date it mentions.
DEADLINE = re.compile(
    r"(?:\bon\s+or\s+(?:about|before)|\bby|\bon|\bbefore|\bno\s+later\s+than|\bprior\s+to|\buntil)\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?$",
    re.IGNORECASE,
)
#: Whose promises are not the writer's: staff requests and instructions to the reader.
NOT_A_PROMISE = re.compile(r"\b(?:please|you|your|staff|commission)\s*$|^\s*please\b", re.IGNORECASE)

_SENTENCE_END = re.compile(r"(?<!\bNo)(?<!\bInc)(?<!\bCo)(?<!\b[A-Z])[.!?](?=\s+[A-Z(\"]|\s*$)|\n\s*\n")
_NOT_ACTIONS = frozenset({"be", "have", "not", "also", "need", "continue", "remain", "depend", "contact", "call"})


#: What an undated promise of a response is about: the disclosure in filings to come.
_FUTURE_DISCLOSURE = re.compile(r"\bfuture\b|\bgoing\s+forward\b|\bnext\s+(?:annual|proxy|filing)|\bsubsequent\s+filings?\b", re.IGNORECASE)


def parse_date(match: re.Match[str]) -> str | None:
    """ISO date of a "Month D, YYYY" match, or None when the day does not exist."""
    try:
        return date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"])).isoformat()
    except ValueError:
        return None


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _is_promise(sentence: str, promise: re.Match[str]) -> bool:
    """A promise by the writer, to do something (not "will be effective", not "you will")."""
    lead = sentence[: promise.start()]
    if NOT_A_PROMISE.search(lead) or re.match(r"\s*please\b", sentence, re.IGNORECASE):
        return False
    verb = promise["verb"].lower()
    if verb == "be":
        return bool(re.match(r"\s*\w+ed\b", sentence[promise.end() :]))
    return verb not in _NOT_ACTIONS


def _deadline(sentence: str, start: int, end: int) -> tuple[int, int, str | None] | None:
    """The date or period after a promise that sets its deadline, as (start, end, ISO date).

    Only a date introduced as a deadline ("on or about", "by", "no later than") counts: "the
    year ended December 31, 2022" names a period the promise is about, not when it falls due.
    """
    dates = DATE.finditer(sentence, start, end)
    chosen = next((m for m in dates if DEADLINE.search(sentence[max(start, m.start() - 25) : m.start()])), None)
    if chosen is not None:
        return chosen.start(), chosen.end(), parse_date(chosen)
    period = PERIOD.search(sentence, start, end)
    return (period.start(), period.end(), None) if period else None


def find_commitments(document: Document, *, undated: bool = False) -> list[Commitment]:
    """Every dated (or time-limited) promise in a letter, in order, with its location.

    With ``undated``, promises without a deadline count too: a response with no numbered items
    ("we confirm that we will enhance future proxy disclosures") answers with that promise alone.
    """
    text = document.text
    commitments: list[Commitment] = []
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        promises = [p for p in PROMISE.finditer(sentence) if _is_promise(sentence, p)]
        for i, promise in enumerate(promises):
            limit = promises[i + 1].start() if i + 1 < len(promises) else len(sentence)
            deadline = _deadline(sentence, promise.start("verb"), limit)
            if deadline is None and not (undated and _FUTURE_DISCLOSURE.search(sentence)):
                continue
            start = s_start + promise.start("verb")
            end = s_start + (deadline[1] if deadline else len(sentence.rstrip()))
            deadline = deadline or (0, 0, None)
            commitments.append(
                Commitment(text=" ".join(text[start:end].split()), date=deadline[2], location=document.location(start, end))
            )
    return commitments
