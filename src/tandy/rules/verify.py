"""Did the revised filing change what the response letter says it changed?

Counsel's response claims changes item by item ("The footnote on page 12 has been corrected",
"Additional disclosure has been added to page 14"); staff check each claim against the revised
filing. :func:`verify` does that check: it diffs the two versions — paragraphs first, then words
within the paragraphs that changed — and gives each claiming item the differences at the pages it
names (or, failing that, the next page either side, where a change that moved the page break
lands). A claim with no difference there is ``not_found``; a difference no claim accounts for is
reported as ``unclaimed``, for the reviewer to read.

:func:`verify_against_staff` does the check one step earlier: did every staff comment get an
answer? Items match by number when the response restates the comment it answers (or does not
restate it at all), otherwise by the comment's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Literal

from tandy.document import Document, Location, parse
from tandy.letters import Letter, read_letter
from tandy.letters.model import Item

Status = Literal["confirmed", "not_found", "no_change_claimed"]
ChangeKind = Literal["changed", "added", "removed"]

#: Dispositions that say the filing itself was changed.
CHANGING = ("revised", "added")
#: Wording of a response that claims a change, for items whose disposition is unclear.
CLAIM = re.compile(
    r"\b(?:has|have)\s+been\s+(?:corrected|revised|added|amended|updated|expanded|modified|changed|deleted|"
    r"removed|clarified|inserted|restated|supplemented|included)\b"
    r"|\bwe\s+have\s+(?:corrected|revised|added|amended|updated|expanded|modified|changed|deleted|removed|clarified|inserted)\b",
    re.I,
)
#: Words of unchanged text shown either side of a change, so that a reader can find it.
CONTEXT_WORDS = 4
#: Changes fewer than this many equal words apart are one change.
MERGE_GAP = 5
#: Longest quotation of an added or removed paragraph.
EVIDENCE_CHARS = 600
#: A response item restating the comment it answers resembles it at least this much.
SAME_COMMENT = 0.3
#: An unnumbered (or renumbered) answer matches a staff comment by text at least this close.
TEXT_MATCH = 0.5


@dataclass(slots=True)
class Change:
    """One difference between the versions: the words before and after, and where each stands."""

    kind: ChangeKind
    before: str | None
    after: str | None
    location: Location | None
    before_location: Location | None

    @property
    def pages(self) -> list[str]:
        """Printed pages the change touches, in the revised version first."""
        pages = [loc.page for loc in (self.location, self.before_location) if loc and loc.page]
        return list(dict.fromkeys(pages))


@dataclass(slots=True)
class ClaimCheck:
    """One response item: what it claims, where, and the differences that bear it out."""

    number: int | None
    claim: str | None
    pages: list[str]
    status: Status
    evidence: list[Change] = field(default_factory=list)
    disposition: str | None = None


@dataclass(slots=True)
class Version:
    """One version of the filing as compared: where it came from and its text."""

    path: str
    sha256: str
    document: Document


@dataclass(slots=True)
class Verification:
    """The result of :func:`verify`: each response item checked, and the changes nobody claimed."""

    response: Letter
    before: Version
    after: Version
    items: list[ClaimCheck]
    unclaimed: list[Change]

    @property
    def not_found(self) -> list[ClaimCheck]:
        return [item for item in self.items if item.status == "not_found"]


@dataclass(slots=True)
class Answer:
    """One staff comment and the response item that answers it, if any."""

    number: int | None
    comment: str
    status: Literal["answered", "unanswered"]
    matched_by: Literal["number", "text"] | None = None
    response_number: int | None = None
    response: str | None = None
    similarity: float | None = None


@dataclass(slots=True)
class StaffCheck:
    """The result of :func:`verify_against_staff`."""

    staff: Letter
    response: Letter
    answers: list[Answer]

    @property
    def unanswered(self) -> list[Answer]:
        return [a for a in self.answers if a.status == "unanswered"]


# --- claims against the two versions ---------------------------------------------------------------


def verify(response: str | Path | Letter, before: str | Path, after: str | Path) -> Verification:
    """Check each change the response claims against the difference between the two versions."""
    letter = response if isinstance(response, Letter) else read_letter(str(response))
    old, new = _version(before), _version(after)
    changes = differences(old.document, new.document)
    items = [_claim_check(item) for item in letter.items]
    claimed = _assign(items, changes)
    unclaimed = [c for i, c in enumerate(changes) if i not in claimed]
    return Verification(letter, old, new, items, unclaimed)


def _version(path: str | Path) -> Version:
    submission = parse(str(path))
    return Version(str(path), submission.source.sha256, submission.main)


def claims_change(item: Item) -> bool:
    """Whether the response says the filing was changed (not merely explained or promised)."""
    if item.disposition in CHANGING:
        return True
    if item.disposition not in (None, "complied"):
        return False
    return bool(item.response and CLAIM.search(item.response))


def _claim_check(item: Item) -> ClaimCheck:
    claiming = claims_change(item)
    pages = (item.response_pages or item.pages) if claiming else item.response_pages
    status: Status = "not_found" if claiming else "no_change_claimed"
    return ClaimCheck(item.number, item.response, list(pages), status, disposition=item.disposition)


def _assign(items: list[ClaimCheck], changes: list[Change]) -> set[int]:
    """Give each claiming item its evidence: changes on its pages, else the next page either side.

    Exact pages are settled for every item before any item looks next door, so a neighbour's
    change is not taken as evidence while it is some other item's exact match.
    """
    claiming = [item for item in items if item.status != "no_change_claimed"]
    used: set[int] = set()
    for near in (False, True):
        for item in claiming:
            if item.evidence or not item.pages:
                continue
            found = [i for i, c in enumerate(changes) if (not near or i not in used) and _on_pages(c, item.pages, near)]
            item.evidence = [changes[i] for i in found]
            used |= set(found)
    for item in claiming:
        if item.evidence:
            item.status = "confirmed"
    return used


def _on_pages(change: Change, pages: list[str], near: bool) -> bool:
    if not near:
        return any(p in pages for p in change.pages)
    numbers = [int(p) for p in pages if p.isdigit()]
    return any(p.isdigit() and any(abs(int(p) - n) <= 1 for n in numbers) for p in change.pages)


# --- differences ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Word:
    text: str
    start: int
    end: int


def paragraphs(doc: Document) -> list[tuple[int, int]]:
    """The spans compared as units: the author's paragraphs, page furniture left out.

    Page numbers and ``<PAGE>`` markers move when text is added, and are no change of substance.
    """
    spans = [(b.start, b.end) for b in doc.body_blocks()]
    if spans:
        return spans
    return [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", doc.text)]


def differences(old: Document, new: Document) -> list[Change]:
    """Every difference between two versions, in the order of the revised text.

    Paragraphs are compared with whitespace collapsed, so re-wrapped lines are no change; where
    paragraphs differ, their words are compared, so that "(36 portfolios)" → "(44 portfolios)"
    is reported as that, not as two whole paragraphs.
    """
    a, b = paragraphs(old), paragraphs(new)
    keys_a = [_key(old.text, s, e) for s, e in a]
    keys_b = [_key(new.text, s, e) for s, e in b]
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "insert":
            changes.append(_whole(new, b[j1:j2], "added", old.location(*_point(a, i1))))
        elif tag == "delete":
            change = _whole(old, a[i1:i2], "removed", new.location(*_point(b, j1)))
            changes.append(change)
        else:
            changes += _word_changes(old, a[i1:i2], new, b[j1:j2])
    return changes


def _key(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())


def _point(spans: list[tuple[int, int]], index: int) -> tuple[int, int]:
    """Where something inserted before ``spans[index]`` stands: the end of the paragraph before it."""
    if index == 0:
        at = spans[0][0] if spans else 0
    else:
        at = spans[index - 1][1]
    return at, at


def _whole(doc: Document, spans: list[tuple[int, int]], kind: ChangeKind, other: Location) -> Change:
    """Paragraphs added or removed whole, quoted up to :data:`EVIDENCE_CHARS`."""
    start, end = spans[0][0], spans[-1][1]
    quoted = "\n\n".join(_key(doc.text, s, e) for s, e in spans)
    if len(quoted) > EVIDENCE_CHARS:
        quoted = quoted[: EVIDENCE_CHARS - 3] + "..."
    here = doc.location(start, end)
    if kind == "added":
        return Change(kind, None, quoted, here, other)
    return Change(kind, quoted, None, other, here)


def _words(doc: Document, spans: list[tuple[int, int]]) -> list[_Word]:
    """The words of some paragraphs, each with its offsets in the document."""
    words = []
    for start, end in spans:
        for match in re.finditer(r"\S+", doc.text[start:end]):
            words.append(_Word(match.group(), start + match.start(), start + match.end()))
    return words


def _word_changes(old: Document, a: list[tuple[int, int]], new: Document, b: list[tuple[int, int]]) -> list[Change]:
    """The changed runs of words within paragraphs that differ, nearby runs taken together."""
    wa, wb = _words(old, a), _words(new, b)
    ops = [op for op in SequenceMatcher(None, [w.text for w in wa], [w.text for w in wb], autojunk=False).get_opcodes() if op[0] != "equal"]
    groups: list[list[int]] = []
    for _, i1, i2, j1, j2 in ops:
        if groups and i1 - groups[-1][1] < MERGE_GAP and j1 - groups[-1][3] < MERGE_GAP:
            groups[-1][1], groups[-1][3] = i2, j2
        else:
            groups.append([i1, i2, j1, j2])
    return [_run_change(old, wa, i1, i2, new, wb, j1, j2) for i1, i2, j1, j2 in groups]


def _run_change(old, wa, i1, i2, new, wb, j1, j2) -> Change:
    kind: ChangeKind = "added" if i1 == i2 else "removed" if j1 == j2 else "changed"
    return Change(
        kind,
        _quote(wa, i1, i2),
        _quote(wb, j1, j2),
        _span(new, wb, j1, j2),
        _span(old, wa, i1, i2),
    )


def _quote(words: list[_Word], i: int, j: int) -> str:
    """The changed words with a few unchanged ones either side; "..." where the text goes on."""
    lo, hi = max(0, i - CONTEXT_WORDS), min(len(words), j + CONTEXT_WORDS)
    text = " ".join(w.text for w in words[lo:hi])
    return ("..." if lo > 0 else "") + text + ("..." if hi < len(words) else "")


def _span(doc: Document, words: list[_Word], i: int, j: int) -> Location:
    """The changed words' span; an empty run is the point where the other version's words stand."""
    if i < j:
        return doc.location(words[i].start, words[j - 1].end)
    at = words[i].start if i < len(words) else words[-1].end if words else 0
    return doc.location(at, at)


# --- answers against the staff letter --------------------------------------------------------------


def verify_against_staff(response: str | Path | Letter, staff: str | Path | Letter) -> StaffCheck:
    """Whether every staff comment got an answer in the response."""
    answer_letter = response if isinstance(response, Letter) else read_letter(str(response))
    staff_letter = staff if isinstance(staff, Letter) else read_letter(str(staff))
    taken: set[int] = set()
    answers = [_answer(comment, answer_letter.items, taken) for comment in staff_letter.items]
    return StaffCheck(staff_letter, answer_letter, answers)


def _answer(comment: Item, replies: list[Item], taken: set[int]) -> Answer:
    """Match by number if the reply restates this comment (or restates nothing); else by text."""
    match, how, score = None, None, None
    for i, reply in enumerate(replies):
        if i in taken or comment.number is None or reply.number != comment.number:
            continue
        score = similarity(comment.comment, reply.comment)
        if not reply.comment.strip() or score >= SAME_COMMENT:
            match, how = i, "number"
        break
    if match is None:
        scored = [(similarity(comment.comment, r.comment), i) for i, r in enumerate(replies) if i not in taken]
        best = max(scored, default=(0.0, None))
        if best[1] is not None and best[0] >= TEXT_MATCH:
            score, match, how = best[0], best[1], "text"
    if match is None or not (replies[match].response or "").strip():
        return Answer(comment.number, comment.comment, "unanswered", similarity=_rounded(score))
    taken.add(match)
    reply = replies[match]
    return Answer(comment.number, comment.comment, "answered", how, reply.number, reply.response, _rounded(score))


def _rounded(score: float | None) -> float | None:
    return round(score, 3) if score is not None else None


def similarity(a: str, b: str) -> float:
    """How alike two comments read: difflib's ratio over their first 80 words, case and spacing aside."""
    wa, wb = a.lower().split()[:80], b.lower().split()[:80]
    if not wa or not wb:
        return 0.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()
