"""What a response did about a staff comment: revised, added, declined, deferred, explained, complied.

Responses mix idioms ("We respectfully advise the Staff that ... However, we have revised the
disclosure on page 8"), so the answer is decided by the strongest commitment the response makes,
not by its first words: a change already made to the filing outranks a promise for future filings,
which outranks a refusal, which outranks an explanation, which outranks a bare acknowledgment.
"""

from __future__ import annotations

import re

from tandy.letters.model import Disposition

_CHANGE_VERBS = r"(?:revised|amended|updated|corrected|modified|clarified|expanded|enhanced|deleted|removed|replaced|reconciled|conformed|restated)"
_ADD_VERBS = r"(?:added|included|inserted|provided)"
_ADVERB = r"(?:\w+ly\s+)?"
#: The next version of the filing under review, where a promised change will appear.
_NEXT_VERSION = r"(?:in|to)\s+(?:the\s+|its\s+|our\s+)?(?:Amendment|amended|revised|definitive|next\s+amendment|pre-effective)"
_SUBJECT = r"(?:we|the\s+(?:Company|Registrant|Trust|Fund|Partnership|Issuer|Bank)|it)"

#: Patterns in order of strength; the first tier that matches (and is not negated) decides.
TIERS: tuple[tuple[tuple[Disposition, str], ...], ...] = (
    (
        ("complied", r"(?:is|are|has\s+been|have\s+been)\s+(?:set\s+forth|included|provided)\s+(?:in|with|below\s+in)\s+this\s+(?:letter|response)"),
    ),
    (
        ("added", r"(?:additional|new|the\s+following|the\s+requested)\s+(?:disclosure|language|sentence|text|information)\s+(?:has|have)\s+been\s+" + _ADD_VERBS),
        ("added", rf"(?:has|have)\s+{_ADVERB}(?:added|inserted)\b"),
        ("added", rf"(?:has|have)\s+been\s+{_ADVERB}(?:added|inserted|included)\b"),
        ("revised", rf"(?:has|have)\s+(?:been\s+)?{_ADVERB}{_CHANGE_VERBS}\b"),
        ("revised", rf"{_SUBJECT}\s+(?:has|have)\s+{_ADVERB}(?:made|reflected)\s+(?:the\s+)?(?:requested\s+)?(?:change|revision)"),
    ),
    (
        ("future_filings", r"\bfuture\s+(?:\w+\s+){0,2}(?:filings|disclosures?|reports?|statements?|releases|materials|periods)\b"),
        ("future_filings", r"\bbeginning\s+(?:with|in)\s+(?:our|its|the\s+Company's|the)\s+(?:next\s+|upcoming\s+)?(?:Form|Quarterly|Annual|proxy|\d{4})"),
        ("future_filings", r"\bwill\b[^.]{0,160}\bin\s+(?:our|its|the\s+Company's)\s+(?:\w+\s+)?(?:filings|reports)\b"),
        ("future_filings", r"\b(?:going\s+forward|prospectively)\b"),
    ),
    (
        ("revised", rf"{_SUBJECT}\s+will\s+{_ADVERB}(?:revise|amend|update|correct|modify|clarify|expand)\b"),
        ("revised", rf"\bwill\s+be\s+{_ADVERB}(?:revised|amended|updated|corrected|modified|clarified|expanded)\s+{_NEXT_VERSION}"),
        ("added", rf"{_SUBJECT}\s+will\s+{_ADVERB}(?:add|include|insert)\b"),
        ("added", rf"\bwill\s+be\s+{_ADVERB}(?:added|included|inserted)\s+{_NEXT_VERSION}"),
        ("revised", r"\bcomment\s+(?:is\s+)?accepted\b"),
    ),
    (
        ("no_change", r"\bno\s+(?:additional|further|other|such)?\s*(?:disclosure|revisions?|changes?|amendments?)\s+(?:is|are|was|were|would\s+be|has\s+been)\s+(?:required|necessary|needed|appropriate|warranted)"),
        ("no_change", r"\b(?:do|does)\s+not\s+believe\b[^.]{0,160}?\b(?:necessary|required|warranted|appropriate|needed|material)\b"),
        ("no_change", r"\brespectfully\s+(?:submits?|declines?|disagrees?|believes?)\b"),
        ("no_change", r"\b(?:is|are)\s+not\s+(?:required|applicable)\b"),
    ),
    (
        ("supplemental", r"\bsupplementally\b"),
        ("supplemental", r"\bunder\s+separate\s+cover\b"),
        ("supplemental", r"\b(?:respectfully\s+)?(?:advises?|informs?)\s+the\s+Staff\b"),
        ("supplemental", r"\b(?:we|the\s+\w+)\s+(?:are|is)\s+providing\b"),
    ),
    (
        ("complied", r"\backnowledges?\b"),
        ("complied", r"\bconfirms?\b"),
        ("complied", r"\bundertakes?\b"),
        ("complied", r"\bwill\s+(?:file|comply|not)\b"),
    ),
)

#: What a comment asks for, when the response gives no idiom of its own.
COMMENT_REQUESTS: tuple[tuple[Disposition, str], ...] = (
    ("supplemental", r"\b(?:tell\s+us|explain|provide\s+us|advise\s+us|describe\s+to\s+us)\b"),
    ("complied", r"\b(?:confirm|acknowledge|include\s+tandy)\b"),
)

_NEGATION = re.compile(r"\b(?:not|no|never|neither|nor)\b|n't\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.;:,]|\b(?:but|however|although|though|and)\b", re.IGNORECASE)


def _negated(text: str, start: int) -> bool:
    """Whether the clause that leads up to a match denies it ("we do not believe it has been ...")."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    clause = text[breaks[-1] if breaks else 0 : start]
    return bool(_NEGATION.search(clause))


def _first_in_tier(text: str, tier: tuple[tuple[Disposition, str], ...]) -> Disposition | None:
    """The disposition of the earliest match among a tier's patterns.

    A denied change ("we do not believe it should be revised") is no change; refusals are
    negative by nature, so their patterns already carry the "not".
    """
    found: list[tuple[int, Disposition]] = []
    for disposition, pattern in tier:
        for match in re.finditer(pattern, text, re.IGNORECASE):
            if disposition == "no_change" or not _negated(text, match.start()):
                found.append((match.start(), disposition))
                break
    return min(found)[1] if found else None


def classify_disposition(comment: str | None, response: str | None) -> Disposition | None:
    """How a response disposes of a comment, or None where there is no response to judge."""
    if not response or not response.strip():
        return None
    text = " ".join(response.split())
    for tier in TIERS:
        disposition = _first_in_tier(text, tier)
        if disposition:
            return disposition
    if comment:
        for disposition, pattern in COMMENT_REQUESTS:
            if re.search(pattern, comment, re.IGNORECASE):
                return disposition
    return None
