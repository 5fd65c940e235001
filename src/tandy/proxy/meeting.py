"""The meeting a proxy solicits for: its date, the record date, the proposals; and the auditor.

Staff compare these wherever they are stated (notice, body, card), so each is read from the
first place the document states it in the usual words ("will be held on Friday, March 3, 2000",
"holders of record at the close of business on January 7").
"""

from __future__ import annotations

import re
from datetime import date

from tandy.document import Document
from tandy.proxy.model import Meeting, Proposal

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = rf"(?P<month>{MONTHS})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
_MEETING_DATE = re.compile(
    rf"meeting\s+of\s+(?:share|stock)holders[^.]{{0,250}}?\b(?:held|convene|take\s+place)\b[^.]{{0,100}}?{_DATE}", re.I | re.S
)
_RECORD_DATE = re.compile(rf"(?:close\s+of\s+business|record\s+date)[^.]{{0,80}}?{_DATE}", re.I | re.S)
_PROPOSAL = re.compile(r"^[ \t]*PROPOSAL\s+(?:NO\.?\s*)?(?P<number>\d{1,2})\b[ \t]*[:.\-]?[ \t]*(?P<title>[^\n]*)$", re.I | re.M)
_AUDITOR = re.compile(
    r"(?P<firm>(?:(?:[A-Z][A-Za-z'.,]*|&)\s+){0,4}?[A-Z][A-Za-z'.]*\s+(?:LLP|L\.L\.P\.|& Co\.))"
    r"[^.]{0,200}?\bindependent\s+(?:registered\s+public\s+)?(?:accountants|auditors|accounting\s+firm|public\s+accountants)",
    re.S,
)


def find_meeting(document: Document) -> Meeting:
    """Meeting date, record date and proposals (numbered, in order of first mention)."""
    text = document.text
    meeting = Meeting(date=_iso(_MEETING_DATE.search(text)), record_date=_iso(_RECORD_DATE.search(text)))
    seen: set[int] = set()
    for m in _PROPOSAL.finditer(text):
        number = int(m.group("number"))
        title = re.sub(r"(?:\s*\.{2,}|\t)\s*\d+\s*$", "", m.group("title")).strip()  # a contents line's page number
        if number in seen or not title or len(title) > 200:
            continue
        seen.add(number)
        meeting.proposals.append(Proposal(number, title, document.location(m.start(), m.end())))
    meeting.proposals.sort(key=lambda p: p.number or 0)
    return meeting


def find_auditor(document: Document) -> str | None:
    """The accounting firm named as the independent accountants, as printed."""
    m = _AUDITOR.search(document.text)
    return re.sub(r"\s+", " ", m.group("firm")).strip() if m else None


def _iso(m: re.Match | None) -> str | None:
    if not m:
        return None
    month = MONTHS.split("|").index(m.group("month").title()) + 1
    try:
        return date(int(m.group("year")), month, int(m.group("day"))).isoformat()
    except ValueError:
        return None
