"""Did the revised filing change what the response letter says it changed?

Counsel's response claims changes item by item ("The footnote on page 12 has been corrected",
"Additional disclosure has been added to page 14"); staff check each claim against the revised
filing. :func:`verify` does that in two steps: :func:`~tandy.rules.changes.differences` lists the
changes between the versions, and :func:`match_claims` gives each claim the changes that *fit*
it — the words it quotes, a figure or name it gives, or text on its subject, at (or next to) the
pages it names. A change on the right page that fits nothing the response says is no evidence:
it is ``unclaimed``, listed with its page, and so is every other change no claim accounts for.
Any other reader of changes (tracked changes, a marked copy) hands its records to
:func:`match_claims` for the same matching.

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

from tandy.document import Document, parse
from tandy.errors import InputError
from tandy.letters import Letter, read_letter
from tandy.letters.model import Item
from tandy.rules.changes import Change, ChangeKind, differences, paragraphs

__all__ = [
    "Answer", "Change", "ChangeKind", "ClaimCheck", "StaffCheck", "Verification", "Version",
    "claims_change", "differences", "match_claims", "paragraphs", "similarity", "verify",
    "verify_against_staff",
]

Status = Literal["confirmed", "not_found", "no_change_claimed"]

#: Dispositions that say the filing itself was changed.
CHANGING = ("revised", "added")
#: Wording of a response that claims a change, for items whose disposition is unclear.
CLAIM = re.compile(
    r"\b(?:has|have)\s+been\s+(?:corrected|revised|added|amended|updated|expanded|modified|changed|deleted|"
    r"removed|clarified|inserted|restated|supplemented|included)\b"
    r"|\bwe\s+have\s+(?:corrected|revised|added|amended|updated|expanded|modified|changed|deleted|removed|clarified|inserted)\b",
    re.I,
)
#: A response item restating the comment it answers resembles it at least this much.
SAME_COMMENT = 0.3
#: An unnumbered (or renumbered) answer matches a staff comment by text at least this close.
TEXT_MATCH = 0.5
#: A change is on a claim's subject when it shares at least this many distinctive word stems
#: with the comment and answer, and at least :data:`SUBJECT_SHARE` of the smaller set of stems.
SUBJECT_STEMS = 2
SUBJECT_SHARE = 0.2
#: Words of the review loop itself, which say nothing about a claim's subject.
GENERIC = frozenset(
    """about above added addition additional also amend amended amendment annual applicable
    below board change changed clarify comment comments commission company consider
    describe described disclose disclosed disclosure disclosures document does filing filings
    following form further future have include included including information letter make
    note noted page pages please proxy provide provided refer reference registrant report
    request requested respond response revise revised revision section should staff statement
    statements supplementally tell that their there these this those trust under update updated
    which will with would your""".split()
)
#: Capitalized words that are no name: the parties and parts of any filing.
TITLES = frozenset("Board Commission Committee Company Fund Item Note Page Proxy Registrant Rule Section Staff Statement The Trust".split())
QUOTE = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{12,}?)[\"\u201d]")
FIGURE = re.compile(r"(?<![\w.-])\$?\d[\d,]*(?:\.\d+)?%?(?![\w(])")
PAGE_REFS = re.compile(r"\bpages?\s+[\dA-Za-z-]+(?:(?:\s*,\s*|\s+and\s+|\s+to\s+|\s*-\s*)[\dA-Za-z-]+)*", re.I)
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+)*")


@dataclass(slots=True)
class ClaimCheck:
    """One response item: what it claims, where, and the changes that bear it out.

    ``fits`` says, for each piece of evidence in turn, what about it fits the claim.
    """

    number: int | None
    claim: str | None
    pages: list[str]
    status: Status
    evidence: list[Change] = field(default_factory=list)
    disposition: str | None = None
    fits: list[str] = field(default_factory=list)


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

    @property
    def failed(self) -> bool:
        """A claim not borne out, or a change nobody announced: either is for the reviewer."""
        return bool(self.not_found or self.unclaimed)


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
    """Check each change the response claims against the changes between the two versions."""
    letter = _response(response)
    old, new = _version(before), _version(after)
    items, unclaimed = match_claims(letter, differences(old.document, new.document))
    return Verification(letter, old, new, items, unclaimed)


def _response(response: str | Path | Letter) -> Letter:
    letter = response if isinstance(response, Letter) else read_letter(str(response))
    if letter.kind != "response":
        raise InputError(letter.path, f"not a response letter (it reads as {letter.kind.replace('_', ' ')}); give the CORRESP that answers the staff")
    return letter


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


def match_claims(response: Letter, changes: list[Change]) -> tuple[list[ClaimCheck], list[Change]]:
    """Each item of the response checked against the changes; and the changes no claim accounts for.

    Each change goes to the claiming item it fits best (quoted words first, then the exact page
    named, then how much fits); an item with no fitting change is ``not_found``, whatever else
    changed on its pages.
    """
    items = [_claim_check(item) for item in response.items]
    claims = [(check, _Claim.of(item)) for check, item in zip(items, response.items) if check.status != "no_change_claimed"]
    unclaimed = []
    for change in changes:
        fits = [(fit, check) for check, claim in claims if (fit := claim.fit(change))]
        if not fits:
            unclaimed.append(change)
            continue
        fit, check = max(fits, key=lambda pair: pair[0].rank)
        check.evidence.append(change)
        check.fits.append(fit.reason)
    for check, _ in claims:
        if check.evidence:
            check.status = "confirmed"
    return items, unclaimed


def _claim_check(item: Item) -> ClaimCheck:
    claiming = claims_change(item)
    pages = (item.response_pages or item.pages) if claiming else item.response_pages
    status: Status = "not_found" if claiming else "no_change_claimed"
    return ClaimCheck(item.number, item.response, list(pages), status, disposition=item.disposition)


@dataclass(slots=True)
class _Fit:
    """Why a change fits a claim, and how strongly (for choosing between claims)."""

    rank: tuple[int, int, int]
    reason: str


@dataclass(slots=True)
class _Claim:
    """What a claiming item says, as the features a fitting change must share."""

    pages: list[str]
    quotes: list[list[str]]
    figures: set[str]
    text: str
    stems: set[str]

    @classmethod
    def of(cls, item: Item) -> _Claim:
        said = "\n".join(t for t in (item.heading, item.comment, item.response) if t)
        plain = PAGE_REFS.sub(" ", _without_citations(item, said))
        quotes = [w for q in QUOTE.findall(item.response or "") if len(w := _tokens(q)) >= 4]
        pages = (item.response_pages or item.pages)
        return cls(pages, quotes, _figures(plain), " ".join(said.split()), _stems(plain))

    def fit(self, change: Change) -> _Fit | None:
        """How the change fits this claim, or None: quoted words anywhere; else, on the claimed
        pages (or next to them), a figure, a name or the subject."""
        changed = " ".join(t for t in (change.added_text, change.removed_text) if t)
        if any(_quoted_in(q, change.added_text or change.removed_text) for q in self.quotes):
            return _Fit((2, 1, 0), "the words quoted")
        exact = self._on_pages(change, near=False)
        if not exact and not self._on_pages(change, near=True):
            return None
        figures = sorted(_figures(changed) & self.figures)
        names = sorted(n for n in _names(changed) if re.search(rf"\b{re.escape(n)}\b", self.text))
        stems = _stems(changed)  # the words changed only: unchanged words either side are no evidence
        subject = sorted(stems & self.stems)
        on_subject = len(subject) >= SUBJECT_STEMS and len(subject) >= SUBJECT_SHARE * min(len(self.stems), len(stems) or 1)
        if not (figures or names or on_subject):
            return None
        reason = "; ".join(
            part for part in (
                figures and "figures " + ", ".join(figures),
                names and "names " + ", ".join(names),
                on_subject and "subject (" + ", ".join(subject[:6]) + ")",
            ) if part
        )
        return _Fit((1, int(exact), 10 * len(figures) + 5 * len(names) + len(subject)), reason)

    def _on_pages(self, change: Change, *, near: bool) -> bool:
        if not self.pages:
            return True
        if not near:
            return any(p in self.pages for p in change.pages)
        numbers = [int(p) for p in self.pages if p.isdigit()]
        return any(p.isdigit() and any(abs(int(p) - n) <= 1 for n in numbers) for p in change.pages)


def _without_citations(item: Item, text: str) -> str:
    """The text with rule and item citations blanked: "407(b)(1)" and "14a-6" are no figures."""
    for citation in item.citations:
        text = text.replace(citation.text, " ")
    return re.sub(r"\b(?:Item|Rule|Section|Regulation|Form|ASC|Topic|Note|Schedule)\s+[\w.()-]+", " ", text, flags=re.I)


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9$%]+", text.lower())


def _quoted_in(quote: list[str], text: str) -> bool:
    """Whether a run of at least four quoted words stands in the changed text (or all of it in the quote)."""
    words = _tokens(text)
    if not words:
        return False
    grams = {tuple(words[i : i + 4]) for i in range(len(words) - 3)} or {tuple(words)}
    quoted = {tuple(quote[i : i + 4]) for i in range(len(quote) - 3)}
    shared = len(grams & quoted)
    return shared >= max(1, min(3, len(grams) // 2))


def _figures(text: str) -> set[str]:
    """Amounts, counts and percentages, without their punctuation; years are dates, not figures."""
    out = set()
    for match in FIGURE.finditer(text):
        figure = match.group().strip("$%").replace(",", "").rstrip(".")
        if figure and not re.fullmatch(r"(?:19|20)\d\d", figure):
            out.add(figure)
    return out


def _names(text: str) -> set[str]:
    """Capitalized words not opening a sentence, less the titles every filing uses."""
    names = set()
    for match in NAME.finditer(text):
        words = [w for w in match.group().split() if w not in TITLES]
        if words:
            names.add(" ".join(words) if len(words) == len(match.group().split()) else words[0])
    return names


def _stems(text: str) -> set[str]:
    """Distinctive words cut to five letters, so that "nominee" and "nominating" meet."""
    return {w[:5] for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in GENERIC}


# --- answers against the staff letter --------------------------------------------------------------


def verify_against_staff(response: str | Path | Letter, staff: str | Path | Letter) -> StaffCheck:
    """Whether every staff comment got an answer in the response."""
    answer_letter = _response(response)
    staff_letter = staff if isinstance(staff, Letter) else read_letter(str(staff))
    _same_review(staff_letter, answer_letter)
    taken: set[int] = set()
    answers = [_answer(comment, answer_letter.items, taken) for comment in staff_letter.items]
    return StaffCheck(staff_letter, answer_letter, answers)


def _same_review(staff: Letter, response: Letter) -> None:
    """A staff letter to another registrant, or about another filing, answers nothing here: say so."""
    if staff.kind != "staff_comment":
        raise InputError(staff.path, f"not a staff comment letter (it reads as {staff.kind.replace('_', ' ')})")
    ciks = [(letter.subject_filing.cik or "").lstrip("0") for letter in (staff, response)]
    if all(ciks) and ciks[0] != ciks[1]:
        raise InputError(staff.path, f"a staff letter to CIK {staff.subject_filing.cik} ({staff.registrant or 'unnamed'}), "
                                     f"but the response is from CIK {response.subject_filing.cik} ({response.registrant or 'unnamed'})")
    names = [_name_words(letter.registrant) for letter in (staff, response)]
    if not all(ciks) and all(names) and not names[0] & names[1]:
        raise InputError(staff.path, f"a staff letter to {staff.registrant}, but the response is from {response.registrant}")
    numbers = [{_file_number(n) for n in letter.subject_filing.file_numbers} for letter in (staff, response)]
    forms = [letter.subject_filing.form for letter in (staff, response)]
    same_form = all(forms) and forms[0] == forms[1]  # one 10-K, a file number mistyped (GIS 2018)
    if all(numbers) and not numbers[0] & numbers[1] and not same_form:
        raise InputError(staff.path, f"a staff letter about file no. {', '.join(staff.subject_filing.file_numbers)}, "
                                     f"but the response is about file no. {', '.join(response.subject_filing.file_numbers)}")


def _name_words(name: str | None) -> set[str]:
    """The words that tell one registrant from another: "Kinder Morgan, Inc." is {"kinder", "morgan"}."""
    words = set(re.findall(r"[a-z0-9]+", (name or "").lower()))
    return words - {"inc", "incorporated", "corp", "corporation", "company", "co", "ltd", "llc", "lp", "plc", "the", "of", "and", "group", "holdings", "trust", "fund"}


def _file_number(number: str) -> str:
    """ "001-01234" and "1-1234" are one file number."""
    return "-".join(part.lstrip("0") or "0" for part in re.findall(r"\d+", number))


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
