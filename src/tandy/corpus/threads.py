"""Review threads rebuilt from the letters themselves: who, which filing, which letter answers which.

A review is the letters about one filing under review: the staff's comment letter, the company's
response, follow-up comments and responses, and the closing letter ("we have completed our
review"). Folders, accession numbers and download batches say nothing reliable about that, so
letters are grouped on what they print:

* the company: its CIK, else a Commission file number another letter ties to a CIK, else its name;
* the filing: the form under review and the file numbers of the Re: block, which must not
  contradict the thread's, and the date the reviewed filing was filed, when the letter gives it;
* the links: a letter that names another letter's date ("your letter dated June 25, 2019") joins
  that letter's review, whatever else its Re: block omits;
* the turns of the loop: a closing letter or a no-review notice ends a review, so a later comment
  letter opens a new one; letters far apart in time belong to different reviews.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

from tandy.corpus.model import ItemRecord, LetterRecord, Thread, ThreadStatus

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class ThreadSettings:
    """How letters are grouped into reviews and how reissued comments are recognised.

    ``max_gap_days``: a review rarely pauses longer; a letter further from the thread's last letter
    starts a new one unless it names a letter of the thread. ``subject_slack_days``: two subject
    filing dates further apart are different filings (this year's 10-K and last year's), nearer
    ones are one filing misprinted. ``late_days``: a company letter this soon after the closing
    letter still belongs to the closed review (responses and closings cross in the mail).
    ``reissue_similarity``: a follow-up comment this close to a prior one is that comment again.
    """

    max_gap_days: int = 180
    subject_slack_days: int = 31
    late_days: int = 14
    reissue_similarity: float = 0.9


SETTINGS = ThreadSettings()

#: Same-day letters in the order the loop runs: the staff write, the company answers, the staff close.
_KIND_ORDER = {"staff_comment": 0, "other": 1, "no_review": 1, "response": 2, "acceleration_request": 2, "closing": 3}
_STAFF_OPENERS = {"staff_comment"}
_REISSUE = re.compile(r"\breissu(?:e|es|ed|ing)\b", re.IGNORECASE)
_COMMENT_NUMBERS = re.compile(r"\bcomments?\s+((?:\d+(?:\s*(?:,|and|&)\s*)?)+)", re.IGNORECASE)
_NAME_NOISE = re.compile(
    r"\b(?:the|inc|incorporated|corp|corporation|company|co|ltd|limited|plc|llc|lp|group|holdings?)\b|[^a-z0-9 ]"
)


def build_threads(
    letters: Iterable[LetterRecord],
    items: Mapping[int, list[ItemRecord]] | None = None,
    settings: ThreadSettings = SETTINGS,
) -> list[Thread]:
    """Group letters into review threads, each in date order; threads ordered by CIK, then date.

    ``items`` (by letter id) lets the summary count comments per round and find reissued ones;
    without it those are taken from the letters' item counts and left empty respectively.
    """
    ordered = sorted(letters, key=_loop_order)
    companies = _company_keys(ordered)
    drafts: dict[str, list[list[LetterRecord]]] = {}
    for letter in ordered:
        threads = drafts.setdefault(companies[id(letter)], [])
        home = _best_thread(threads, letter, settings)
        if home is None:
            threads.append([letter])
        else:
            home.append(letter)
    built = [summarize(group, items or {}, settings) for groups in drafts.values() for group in groups]
    return sorted(built, key=lambda t: (t.cik or "", (t.registrant or "").lower(), t.first_date or ""))


def summarize(letters: list[LetterRecord], items: Mapping[int, list[ItemRecord]], settings: ThreadSettings = SETTINGS) -> Thread:
    """A :class:`Thread` from its letters in date order: status, rounds, dates, comments per round."""
    staff = [l for l in letters if l.kind in _STAFF_OPENERS]
    first, last = letters[0].date, letters[-1].date
    closing = next((l.date for l in letters if l.kind == "closing"), None)
    return Thread(
        registrant=_most_common(l.registrant for l in letters),
        cik=_most_common(l.cik for l in letters),
        file_numbers=list(dict.fromkeys(n for l in letters for n in l.file_numbers)),
        form_reviewed=_thread_form(letters),
        status=_status(letters),
        letters=letters,
        rounds=len(staff),
        first_date=first,
        last_date=last,
        days=_days(first, closing) if closing else None,
        comments_per_round=[len(items[l.id]) if l.id in items else l.items for l in staff],
        reissued=reissued_comments([items.get(l.id, []) for l in staff], settings),
    )


def reissued_comments(rounds: list[list[ItemRecord]], settings: ThreadSettings = SETTINGS) -> list[int]:
    """Numbers of earlier comments the staff asked again in a later round, in order of first reissue.

    A follow-up comment reissues an earlier one when the letter links it (``refers_to``), when it
    says so ("we reissue comment 2"), or when its text is nearly the earlier comment's.
    """
    found: list[int] = []
    for later in range(1, len(rounds)):
        earlier = [item for round_items in rounds[:later] for item in round_items]
        for item in rounds[later]:
            found.extend(_reissued_by(item, earlier, settings))
    return list(dict.fromkeys(found))


def thread_json(thread: Thread) -> dict:
    """One thread as ``tandy threads --json`` prints it (``shared/docs/contracts.md``)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "registrant": thread.registrant,
        "cik": thread.cik,
        "file_numbers": thread.file_numbers,
        "form_reviewed": thread.form_reviewed,
        "status": thread.status,
        "rounds": thread.rounds,
        "first_date": thread.first_date,
        "last_date": thread.last_date,
        "days": thread.days,
        "comments_per_round": thread.comments_per_round,
        "reissued": thread.reissued,
        "letters": [
            {"kind": l.kind, "date": l.date, "items": l.items, "path": l.path, "no_review": l.no_review}
            for l in thread.letters
        ],
    }


# --- grouping ------------------------------------------------------------------------------------


def _loop_order(letter: LetterRecord) -> tuple:
    return (letter.date or "9999", _KIND_ORDER.get(letter.kind, 1), letter.path)


def _company_keys(letters: list[LetterRecord]) -> dict[int, str]:
    """Each letter's company: its CIK, else one its file numbers share with a letter that has one,
    else its squashed name. Letters print the CIK seldom and the file number often."""
    cik_of_file = {n: l.cik for l in letters if l.cik for n in l.file_numbers}
    keys = {}
    for letter in letters:
        cik = letter.cik or next((cik_of_file[n] for n in letter.file_numbers if n in cik_of_file), None)
        if cik:
            keys[id(letter)] = cik
        elif letter.registrant:
            keys[id(letter)] = f"name:{squash_company(letter.registrant)}"
        else:
            keys[id(letter)] = f"path:{letter.path}"
    return keys


def squash_company(name: str | None) -> str:
    """A company name without case, punctuation or legal form: "Expedia Group, Inc." -> "expedia"."""
    return " ".join(_NAME_NOISE.sub(" ", (name or "").lower()).split())


def _best_thread(threads: list[list[LetterRecord]], letter: LetterRecord, settings: ThreadSettings) -> list[LetterRecord] | None:
    candidates = [t for t in threads if _belongs(t, letter, settings)]
    if not candidates:
        return None
    return max(
        candidates,
        key=lambda t: (_cites(t, letter), _thread_form(t) == letter.form_reviewed, _shared_files(t, letter), t[-1].date or ""),
    )


def _belongs(thread: list[LetterRecord], letter: LetterRecord, settings: ThreadSettings) -> bool:
    """Whether a letter can be part of a thread: nothing contradicts it, and it is linked or near."""
    form = _thread_form(thread)
    if _ended(thread) and (letter.kind in _STAFF_OPENERS or letter.no_review):
        return False
    if _cites(thread, letter):
        return True
    if letter.form_reviewed and letter.form_reviewed != form:
        return False
    if _other_files(thread, letter) or _other_filing(thread, letter, settings):
        return False
    if _days(thread[-1].date, letter.date) is None or _days(thread[-1].date, letter.date) > settings.max_gap_days:
        return False
    closed_on = next((l.date for l in thread if l.kind == "closing"), None)
    return not closed_on or (letter.kind != "closing" and (_days(closed_on, letter.date) or 0) <= settings.late_days)


def _ended(thread: list[LetterRecord]) -> bool:
    return any(l.kind == "closing" or l.no_review for l in thread)


def _cites(thread: list[LetterRecord], letter: LetterRecord) -> bool:
    """A letter names a thread letter's date, or a thread letter names this one's."""
    dates = {l.date for l in thread}
    return bool(dates.intersection(letter.letters_cited)) or any(letter.date in l.letters_cited for l in thread)


def _other_files(thread: list[LetterRecord], letter: LetterRecord) -> bool:
    """Both name file numbers and none agree; letters that name none contradict nothing."""
    files = {n for l in thread for n in l.file_numbers}
    return bool(letter.file_numbers and files and not files.intersection(letter.file_numbers))


def _shared_files(thread: list[LetterRecord], letter: LetterRecord) -> int:
    return len({n for l in thread for n in l.file_numbers}.intersection(letter.file_numbers))


def _other_filing(thread: list[LetterRecord], letter: LetterRecord, settings: ThreadSettings) -> bool:
    """The letter's subject filing date is none of the thread's, give or take a misprint."""
    filed = {l.subject_filed for l in thread if l.subject_filed}
    if not letter.subject_filed or not filed:
        return False
    gaps = [abs(_days(f, letter.subject_filed) or 0) for f in filed]
    return min(gaps) > settings.subject_slack_days


def _thread_form(letters: list[LetterRecord]) -> str | None:
    """The form under review as the staff name it, else as the company does."""
    staff = _most_common(l.form_reviewed for l in letters if l.kind in ("staff_comment", "closing") or l.no_review)
    return staff or _most_common(l.form_reviewed for l in letters)


def _status(letters: list[LetterRecord]) -> ThreadStatus:
    if any(l.kind == "closing" for l in letters):
        return "closed"
    if any(l.no_review for l in letters) and not any(l.kind == "staff_comment" for l in letters):
        return "no_review"
    return "open"


# --- reissued comments ---------------------------------------------------------------------------


def _reissued_by(item: ItemRecord, earlier: list[ItemRecord], settings: ThreadSettings) -> list[int]:
    earlier_numbers = {e.number for e in earlier if e.number is not None}
    if item.refers_to:
        return [n for n in item.refers_to if n in earlier_numbers] or list(item.refers_to)
    if _REISSUE.search(item.comment):
        named = [int(n) for m in _COMMENT_NUMBERS.finditer(item.comment) for n in re.findall(r"\d+", m.group(1))]
        if named:
            return named
    twin = _nearest(item, earlier, settings)
    return [twin.number] if twin is not None and twin.number is not None else []


def _nearest(item: ItemRecord, earlier: list[ItemRecord], settings: ThreadSettings) -> ItemRecord | None:
    text = _squash(item.comment)
    for prior in earlier:
        matcher = SequenceMatcher(None, text, _squash(prior.comment), autojunk=False)
        if matcher.real_quick_ratio() >= settings.reissue_similarity and matcher.ratio() >= settings.reissue_similarity:
            return prior
    return None


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


# --- small helpers -------------------------------------------------------------------------------


def _days(start: str | None, end: str | None) -> int | None:
    if not start or not end:
        return None
    return (date.fromisoformat(end) - date.fromisoformat(start)).days


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None
