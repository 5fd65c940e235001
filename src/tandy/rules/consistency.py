"""Consistency family (TDY1xx): the document must not contradict itself.

These are the cheapest and most reliable checks, and where the 2008 trust review opened: the
trustee section said the Trust had 44 portfolios and the fund-complex footnote listed 36.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from tandy.rules.base import MONTHS, Arithmetic, Consistency, Fact, Rule
from tandy.rules.model import Finding, Subject

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_COUNT = r"(?P<count>\d{1,4}|" + "|".join(NUMBER_WORDS) + r")"
_TRUST_COUNT = re.compile(
    r"\b(?:the\s+)?(?:Trust|Fund|Company|Corporation)\s+(?:currently\s+)?(?:offers|consists\s+of|has|comprises|"
    r"is\s+comprised\s+of|includes|is\s+made\s+up\s+of)\s+" + _COUNT + r"\s+(?:separate\s+)?(?:portfolios|series|funds)\b",
    re.I,
)


def count_value(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text.lower()]


def registrant_member(subject: Subject):
    """The fund complex's entry for the registrant itself ("the Trust (44 portfolios)")."""
    proxy = subject.proxy
    if not proxy or not proxy.fund_complex:
        return None
    names = {"the trust", "trust", "the fund", "the company", (proxy.registrant or "").lower()}
    return next((m for m in proxy.fund_complex.members if m.name.lower() in names and m.location), None)


class PortfolioCountReconciles(Consistency):
    """The registrant's number of portfolios agrees wherever the document states it.

    What it checks:
    Every sentence that says how many portfolios (series, funds) the Trust has, and the Trust's
    own entry in the fund-complex footnote, give the same number.

    Why staff ask:
    Item 22(b)(1) of Schedule 14A asks for the portfolios each trustee oversees in the fund
    complex; a count that differs between the text and the footnote leaves shareholders unsure
    what the trustees oversee, and makes the column (5) figure impossible to check.

    Failing example:
        fund: yes
        ---
        The Trust currently offers 44 portfolios.

        + The Fund Complex includes the Trust (36 portfolios), Metropolitan Series
          Fund, Inc. (36 portfolios) and Metropolitan Series Fund II (1 portfolio).

    Passing example:
        fund: yes
        ---
        The Trust currently offers 44 portfolios.

        + The Fund Complex includes the Trust (44 portfolios), Metropolitan Series
          Fund, Inc. (36 portfolios) and Metropolitan Series Fund II (1 portfolio).
    """

    name = "fund-complex-count-mismatch"
    citation = "Item 22(b)(1) of Schedule 14A"
    registrant = "fund"
    message = "{label} gives the Trust {value} portfolios; {other_label} gives {other_value}. Please reconcile."

    def facts(self, subject: Subject) -> list[Fact]:
        text = subject.document.text
        facts = [
            Fact(count_value(m.group("count")), m.start(), m.end(), _where(subject, m.start(), "the text"))
            for m in _TRUST_COUNT.finditer(text)
        ]
        member = registrant_member(subject)
        if member and member.portfolios is not None:
            loc = member.location
            facts.append(Fact(member.portfolios, loc.start, loc.end, _where(subject, loc.start, "the fund-complex footnote")))
        return facts

    def confirmation(self, subject: Subject) -> str | None:
        values = {f.value for f in self.facts(subject)}
        return f"the Trust's portfolio count agrees everywhere it is stated ({values.pop()})" if values else None


class FundComplexAddsUp(Arithmetic):
    """The members of the fund complex add up to the portfolios the trustees oversee.

    What it checks:
    The portfolio counts of the fund complex's members (the Trust and its sister funds, as the
    footnote lists them) sum to the number in the trustees' "portfolios in fund complex
    overseen" column.

    Why staff ask:
    Item 22(b)(1) of Schedule 14A, column (5), counts the portfolios of the whole fund complex
    that a trustee oversees; if the listed members do not add up to it, one of the figures is
    wrong.

    Failing example:
        fund: yes
        ---
        Name and Age          Position     Number of Portfolios in Fund Complex Overseen
        -------------         --------     ---------------------------------------------
        Jane Roe (50)         Trustee      81
        John Doe (60)         Trustee      81

        + The Fund Complex includes the Trust (36 portfolios), Metropolitan Series
          Fund, Inc. (36 portfolios) and Metropolitan Series Fund II (1 portfolio).

    Passing example:
        fund: yes
        ---
        Name and Age          Position     Number of Portfolios in Fund Complex Overseen
        -------------         --------     ---------------------------------------------
        Jane Roe (50)         Trustee      81
        John Doe (60)         Trustee      81

        + The Fund Complex includes the Trust (44 portfolios), Metropolitan Series
          Fund, Inc. (36 portfolios) and Metropolitan Series Fund II (1 portfolio).
    """

    name = "fund-complex-sum-mismatch"
    citation = "Item 22(b)(1) of Schedule 14A"
    registrant = "fund"
    message = "The fund complex's members add up to {sum} portfolios, but {label} gives {total}. Please reconcile."

    def parts(self, subject: Subject) -> list[Fact]:
        fc = subject.proxy.fund_complex if subject.proxy else None
        if not fc or not fc.members:
            return []
        return [Fact(m.portfolios, m.location.start, m.location.end, m.name) for m in fc.members if m.location]

    def total(self, subject: Subject) -> Fact | None:
        proxy = subject.proxy
        if not proxy or not proxy.fund_complex or proxy.fund_complex.overseen is None:
            return None
        overseen = proxy.fund_complex.overseen
        person = next((p for p in proxy.people if p.portfolios_overseen == overseen and p.location), None)
        if person is None:
            return None
        return Fact(overseen, person.location.start, person.location.end, f"the table ({person.name})")


def _where(subject: Subject, offset: int, what: str) -> str:
    page = subject.document.location(offset).page
    return f"{what} on page {page}" if page else what


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DATE = r"(?P<month>" + "|".join(MONTHS) + r")\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)"
NOTICE_WINDOW = 60_000
"""The notice, the cover letter and the opening Q&A lie within this many characters of the start."""


def parse_date(match: re.Match, prefix: str = "") -> date | None:
    """The date a match of ``_DATE`` names (group names optionally prefixed), or None if impossible."""
    try:
        month = MONTHS.index(match.group(prefix + "month").title()) + 1
        return date(int(match.group(prefix + "year")), month, int(match.group(prefix + "day")))
    except ValueError:
        return None


def label_at(subject: Subject, offset: int, what: str = "the text") -> str:
    """How a reader finds a place: "page 12" where pages are printed, else ``what``."""
    return _where(subject, offset, what)


class _KeyedConsistency(Consistency):
    """Consistency per key: each person's age, each committee's meeting count, each proposal's
    vote standard is a fact of its own, stated in several places.

    (A ``key`` on :class:`~tandy.rules.base.Fact` and a grouped ``Consistency.check`` in base.py
    would make this unnecessary.)
    """

    message = "{label} gives {key} as {value}; {other_label} gives {other_value}. Please reconcile."

    def groups(self, subject: Subject) -> dict[str, list[Fact]]:
        raise NotImplementedError

    def facts(self, subject: Subject) -> list[Fact]:
        return [f for facts in self.groups(subject).values() for f in facts]

    def check(self, subject: Subject) -> Iterator[Finding]:
        doc = subject.document
        for key, facts in self.groups(subject).items():
            values = [f.value for f in facts]
            if len(set(values)) < 2:
                continue
            majority = max(set(values), key=lambda v: (values.count(v), -min(f.start for f in facts if f.value == v)))
            agreeing = [f for f in facts if f.value == majority]
            for fact in facts:
                if fact.value == majority:
                    continue
                text = self.message.format(
                    key=key, label=fact.label, value=fact.value, other_label=agreeing[0].label, other_value=majority
                )
                yield self.finding(subject, text[0].upper() + text[1:], fact.start, fact.end, [doc.location(f.start, f.end) for f in agreeing])


# --- TDY103: one name spelled two ways ---------------------------------------------------------

_NAME_WORD = re.compile(r"(?<=[ \t])(?P<word>[A-Z][a-z]{2,}(?:['’-][a-z]+)*)\b(?![ \t]+[A-Z]|['’-])")
_PREVIOUS = re.compile(r"(?P<prev>[A-Za-z][A-Za-z.'’-]*) +$")
"""The word before a name, in the same cell: a tab is the boundary between table cells in HTML and Word rows."""
CONTEXT_WINDOW = 40
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
_NOT_CONTEXT = frozenset(
    "the The a A an An and And or Or of Of to To in In for For by By with With on On at At as As is Is are from From "
    "Mr. Ms. Mrs. Dr. Messrs. Mr Ms Mrs Dr".split()
)
"""Words too common before a name to tell two people apart ("Mr. Johnson", "Mr. Jonson" may be two)."""
MIN_NAME_LENGTH = 5


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (returning ``limit + 1``) once it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _inflections(a: str, b: str) -> bool:
    """Plural or possessive forms of one word ("Director", "Directors", "Director's")."""
    a, b = a.replace("’", "'"), b.replace("’", "'")
    if a.replace("'", "") == b.replace("'", ""):
        return True
    short, long = sorted((a, b), key=len)
    return long in (short + "s", short + "es", short + "'s", short + "’s") or short.rstrip("y") + "ies" == long


class NameSpelledTwoWays(Rule):
    """A proper name or place name is spelled the same way throughout.

    What it checks:
    Capitalised names that follow the same word (a first name, "Avenue de") and differ by one
    or two letters ("Bryan Anderson" and "Bryan Andersen"). Words the document also uses in
    lower case, plurals and possessives are not names and are left alone.

    Why staff ask:
    Rule 14a-9 forbids misleading statements and staff read for accuracy; a trustee, officer or
    office spelled two ways leaves the reader unsure which is right, and the proxy card and the
    biographies must name the same person.

    Failing example:
        The Valuation Committee consists of Elizabeth M. Forget, Richard C. Pearson and
        Bryan Andersen.

        Mr. Pearson, Ms. Forget and Bryan Anderson may be reached at 2 Avenue de
        Lafayette, Boston, Massachusetts.

    Passing example:
        The Valuation Committee consists of Elizabeth M. Forget, Richard C. Pearson and
        Bryan Andersen. The Committee reports to the Directors; each Director may attend.

        Mr. Pearson, Ms. Forget and Bryan Andersen may be reached at 2 Avenue de
        Lafayette, Boston, Massachusetts.
    """

    name = "name-spelled-two-ways"
    citation = "Rule 14a-9"
    severity = "warning"
    target = "any"

    def check(self, subject: Subject) -> Iterator[Finding]:
        text = subject.document.text
        common = set(_LOWER_WORD.findall(text))
        places: dict[tuple[str, str], list[re.Match]] = defaultdict(list)
        for m in _NAME_WORD.finditer(text):
            word = m.group("word")
            if len(word) < MIN_NAME_LENGTH or word.lower() in common:
                continue
            before = _PREVIOUS.search(text, max(0, m.start() - CONTEXT_WINDOW), m.start())
            if before and before.group("prev") not in _NOT_CONTEXT:
                places[(before.group("prev"), word)].append(_Spelling(before.group("prev"), word, before.start(), m.end()))
        by_context: dict[str, list[str]] = defaultdict(list)
        for prev, word in places:
            by_context[prev].append(word)
        reported: set[frozenset[str]] = set()
        for prev, words in by_context.items():
            for i, a in enumerate(words):
                for b in words[i + 1 :]:
                    pair = frozenset((a, b))
                    if pair in reported or not _variants(a, b):
                        continue
                    reported.add(pair)
                    yield self._finding(subject, places[(prev, a)], places[(prev, b)])

    def _finding(self, subject: Subject, first: list[_Spelling], second: list[_Spelling]) -> Finding:
        """Point at the rarer spelling (the later one on a tie), quoting both."""
        rare, usual = (first, second) if (len(first), -first[0].start) < (len(second), -second[0].start) else (second, first)
        at, other = rare[0], usual[0]
        message = (
            f'The name is spelled "{at.prev} {at.word}" {_place(subject, at.start)} and "{other.prev} {other.word}" '
            f"{_place(subject, other.start)}. Please correct the spelling."
        )
        doc = subject.document
        return self.finding(subject, message, at.start, at.end, [doc.location(m.start, m.end) for m in usual])


@dataclass(slots=True)
class _Spelling:
    """One place a name is written: the word before it, the name word, and the span of both."""

    prev: str
    word: str
    start: int
    end: int


def _place(subject: Subject, offset: int) -> str:
    page = subject.document.location(offset).page
    return f"on page {page}" if page else f"at line {subject.document.line_at(offset)}"


def _variants(a: str, b: str) -> bool:
    if a[0] != b[0] or min(len(a), len(b)) < MIN_NAME_LENGTH or _inflections(a, b):
        return False
    limit = 1 if min(len(a), len(b)) < 8 else 2
    return edit_distance(a, b, limit) <= limit


# --- TDY104: unfilled placeholders -------------------------------------------------------------

_PLACEHOLDERS = re.compile(
    r"\[\s*(?:●|•|_{2,}|\.{3}|…|[xX]{2,}|TBD|insert[^\]\n]{0,60}|to\s+come|"
    r"[a-z ]{0,20}\b(?:date|number|amount|percentage|name)\b[a-z ]{0,20})\s*\]"
    r"|(?<=[a-z0-9,] )\[ ?\](?=,|\.|%| [a-z0-9])"
    r"|(?:(?<=[A-Za-z0-9,] )|(?<=\$))_{3,}(?=[ ,.%)]|$)"
    r"|\bTBD\b"
    r"|(?<=\$)X{2,}\b|\bX{2,}(?:,X{3})+|\bX{2,}\s?%|(?<=\s)X{2,}(?=[\s,.;])",
    re.M,
)
_FORM_LINE = re.compile(r"signature|\bdated?\b|\bname\b|\btitle\b|\bprint|\baddress|\baccount|witness|\bby\b:?", re.I)
"""A proxy card's or certificate's lines to fill in (signature, date, name) are no blanks."""
_ROMAN_CONTEXT = re.compile(r"(?:Article|Section|Part|Chapter|Title|Item|Schedule|Volume|Class|Series)\s*$", re.I)


_CANDIDATE = re.compile(r"\[|___|XX|TBD")
"""Where a blank may start: checked first, so the full pattern runs at few places."""


def placeholders(text: str) -> Iterator[re.Match]:
    """Unfilled blanks in ``text``, leaving out form lines to be filled by the holder and Roman numerals."""
    for candidate in _CANDIDATE.finditer(text):
        m = _PLACEHOLDERS.match(text, candidate.start())
        if not m:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : line_end if line_end != -1 else len(text)]
        if m.group(0).startswith("_") and _FORM_LINE.search(line):
            continue
        if "X" in m.group(0) and _ROMAN_CONTEXT.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        yield m


class UnfilledPlaceholders(Rule):
    """The filing has no unfilled blanks.

    What it checks:
    Bracketed blanks ("[●]", "[insert date]", "[ ]" in a sentence), runs of underscores in a
    sentence ("met ___ times"), "XX" amounts and "TBD". Signature and date lines of the proxy
    card, and the cover page's check boxes, are required and are not blanks. In a definitive
    filing a blank is an error; in a preliminary one, a reminder.

    Why staff ask:
    Note 2 to Rule 14a-6(a) makes the filer responsible for the accuracy and completeness of
    what it files, and Rule 14a-5(b) allows information to be omitted only if it is unknown and
    the omission is explained; staff routinely ask counsel to confirm that the blanks of a
    preliminary filing will be completed before the definitive one is mailed.

    Failing example:
        form: DEF 14A
        ---
        The Annual Meeting of Shareholders will be held on [●], 2024. Shareholders of
        record at the close of business on [insert record date] may vote. The Audit
        Committee met ___ times during the fiscal year.

    Passing example:
        form: DEF 14A
        ---
        [ ] Preliminary Proxy Statement
        [X] Definitive Proxy Statement

        The Annual Meeting of Shareholders will be held on May 3, 2024.

        Signature: ______________________________    Date: ______________
    """

    name = "unfilled-placeholder"
    citation = "Rule 14a-6(a), Note 2; Rule 14a-5(b)"
    severity = "error"
    MAX_RELATED = 20

    def check(self, subject: Subject) -> Iterator[Finding]:
        found = list(placeholders(subject.document.text))
        if not found:
            return
        first, doc = found[0], subject.document
        stage = _stage(subject)
        count = f"{len(found)} blank{'s' if len(found) > 1 else ''}"
        where = _place(subject, first.start())
        if stage == "definitive":
            message = f"The definitive filing contains {count} (the first {where}). Please complete the missing information."
        else:
            message = (
                f"The filing contains {count} (the first {where}). Please confirm that all missing information "
                "will be completed before the definitive proxy statement is mailed."
            )
        finding = self.finding(
            subject, message, first.start(), first.end(), [doc.location(m.start(), m.end()) for m in found[1 : 1 + self.MAX_RELATED]]
        )
        finding.severity = {"definitive": "error", "preliminary": "info"}.get(stage, "warning")
        yield finding


def _stage(subject: Subject) -> str | None:
    """Preliminary or definitive; a fund's 485APOS is not yet effective, a 485BPOS is."""
    form = (subject.form or "").upper().replace(" ", "")
    if form == "485BPOS":
        return "definitive"
    if form == "485APOS":
        return "preliminary"
    return subject.stage


# --- TDY105: the number of nominees -----------------------------------------------------------

_ELECT_COUNT = re.compile(
    r"\belect(?:ion\s+of)?\s+(?:a\s+total\s+of\s+)?" + _COUNT +
    r"\s+(?:(?:Class\s+(?:I{1,3}|[123])|independent|new|incumbent)\s+)?(?:directors|trustees|nominees|members\s+of\s+the\s+Board)\b",
    re.I,
)
_NOMINEES = re.compile(r"\bnominees\b", re.I)
_NOMINEE_COUNT = re.compile(r"\b(?:the|all|these|our)\s+" + _COUNT + r"\s+(?:director\s+|trustee\s+)?$", re.I)


class NomineeCount(Consistency):
    """The number of nominees is the same wherever it is stated.

    What it checks:
    Statements of how many directors are to be elected ("to elect nine directors", "the nine
    nominees") agree with each other. (The nominee tables are not counted: on a classified
    board they list continuing directors too.)

    Why staff ask:
    Rule 14a-4(b)(2) and (d) require the card to name the bona fide nominees, and Item 7 of
    Schedule 14A (Item 22(b)(1) for funds) asks for information on each; a count that differs
    from the roster means a nominee is missing somewhere, or a seat is left unfilled without
    the explanation Instruction 4 to Item 401(a) expects.

    Failing example:
        NOTICE OF ANNUAL MEETING

        1. To elect nine directors to serve until the next annual meeting.

        PROPOSAL 1 - ELECTION OF DIRECTORS

        The Board has nominated the eight nominees named below.

    Passing example:
        NOTICE OF ANNUAL MEETING

        1. To elect nine directors to serve until the next annual meeting.

        PROPOSAL 1 - ELECTION OF DIRECTORS

        The Board has nominated the nine nominees named below.
    """

    name = "nominee-count-mismatch"
    meeting_only = True
    citation = "Rule 14a-4(b)(2); Item 7 of Schedule 14A"
    severity = "warning"
    message = "{label} gives {value} nominees; {other_label} gives {other_value}. Please reconcile, or explain why fewer nominees are named than seats."

    def facts(self, subject: Subject) -> list[Fact]:
        text = subject.document.text
        stated = list(_ELECT_COUNT.finditer(text))
        stated += [c for m in _NOMINEES.finditer(text) if (c := _NOMINEE_COUNT.search(text, max(0, m.start() - 30), m.start()))]
        return [Fact(count_value(m.group("count")), m.start(), m.end(), label_at(subject, m.start())) for m in stated]


# --- TDY106: board size and independence ---------------------------------------------------------

_BOARD_SIZE = re.compile(
    r"\bBoard(?:\s+of\s+(?:Directors|Trustees))?\s+(?:is\s+)?(?:currently\s+|presently\s+|now\s+)?"
    r"(?:consists|is\s+(?:currently\s+)?(?:comprised|composed|made\s+up)|has)\s+of\s+" + _COUNT +
    r"\s+(?:members|directors|trustees|individuals|persons)\b(?P<rest>[^.]{0,80})",
    re.I,
)
_INDEPENDENT_PART = re.compile(r"^,?\s+" + _COUNT + r"\s+of\s+whom\s+(?:are|is)\s+(?:independent|not\s+[\"“]?interested)", re.I)


class BoardComposition(_KeyedConsistency):
    """The board's size and the number of independent members agree wherever stated.

    What it checks:
    Sentences that give the board's size ("the Board consists of nine Trustees, seven of whom
    are not interested persons") agree with one another, for the size and for the number of
    independent members.

    Why staff ask:
    Items 401(a) and 407(a) of Regulation S-K, and Item 22(b)(1) of Schedule 14A for funds,
    describe the board member by member; a total that differs from one page to the next means
    a member or a classification is wrong somewhere.

    Failing example:
        The Board of Trustees currently consists of nine Trustees, seven of whom are
        independent.

        Board Leadership. The Board is composed of ten members, seven of whom are
        independent.

    Passing example:
        The Board of Trustees currently consists of nine Trustees, seven of whom are
        independent.

        Board Leadership. The Board is composed of nine members, seven of whom are
        independent.
    """

    name = "board-size-mismatch"
    citation = "Item 401(a) and Item 407(a) of Regulation S-K; Item 22(b)(1) of Schedule 14A"
    severity = "warning"

    def groups(self, subject: Subject) -> dict[str, list[Fact]]:
        groups: dict[str, list[Fact]] = defaultdict(list)
        for m in _BOARD_SIZE.finditer(subject.document.text):
            label = label_at(subject, m.start())
            groups["the size of the Board"].append(Fact(count_value(m.group("count")), m.start(), m.end("count"), label))
            part = _INDEPENDENT_PART.match(m.group("rest"))
            if part:
                at = m.start("rest") + part.start("count")
                groups["the number of independent members"].append(Fact(count_value(part.group("count")), at, at + len(part.group("count")), label))
        return groups


# --- TDY107: committees and meeting counts -------------------------------------------------------

_MET = re.compile(
    r"\bCommittee\s+(?:of\s+the\s+Board\s+)?(?:held|met)\s+(?:a\s+total\s+of\s+)?" + _COUNT + r"\s+(?:times|(?:regular\s+|formal\s+)?meetings)\b"
)
_COMMITTEE_NAME = re.compile(r"(?P<name>(?:[A-Z][\w&-]*,?\s+(?:and\s+|of\s+|&\s+)?){1,6})$")
NAME_WINDOW = 80
_BOARD_MET = re.compile(
    r"\bThe\s+Board(?:\s+of\s+(?:Directors|Trustees))?\s+(?:held|met)\s+(?:a\s+total\s+of\s+)?" + _COUNT + r"\s+(?:times|(?:regular\s+)?meetings)\b",
)
_STANDING = re.compile(r"\bstanding\s+committees\b(?P<list>[^.]{0,400})", re.I)
_COUNT_BEFORE = re.compile(r"\b" + _COUNT + r"\s+$", re.I)
_LIST_START = re.compile(r"^\s*(?:of\s+the\s+Board\s*)?(?::|[-–—]+|,\s*(?:namely|which\s+are)|\s*\(|\s+-+\s+)", re.I)


class CommitteeRoster(_KeyedConsistency):
    """Committee counts and meeting counts agree wherever stated.

    What it checks:
    The number of standing committees ("three standing committees: the Audit, ...") matches
    the committees listed in the same sentence, and a committee's (or the board's) number of
    meetings in the year is the same each time it is stated.

    Why staff ask:
    Items 407(b)(1), (b)(3) and 407(d) of Regulation S-K (Item 22(b)(14) and (15) of
    Schedule 14A for funds) ask for the standing committees and how often each met; counts
    that differ within one document cannot both be right.

    Failing example:
        The Board of Trustees has three standing committees: the Audit Committee, the
        Nominating Committee, the Valuation Committee and the Pricing Committee.

        The Audit Committee held four meetings during the fiscal year. As noted above,
        the Audit Committee met five times during the fiscal year.

    Passing example:
        The Board of Trustees has three standing committees: the Audit Committee, the
        Nominating Committee and the Valuation Committee.

        The Audit Committee held four meetings during the fiscal year. As noted above,
        the Audit Committee met four times during the fiscal year.
    """

    name = "committee-count-mismatch"
    citation = "Item 407(b) of Regulation S-K; Item 22(b)(14) of Schedule 14A"
    severity = "warning"
    message = "{label} says {key} met {value} times; {other_label} says {other_value}. Please reconcile."

    def groups(self, subject: Subject) -> dict[str, list[Fact]]:
        text = subject.document.text
        groups: dict[str, list[Fact]] = defaultdict(list)
        for m in _MET.finditer(text):
            named = _COMMITTEE_NAME.search(text, max(0, m.start() - NAME_WINDOW), m.start())
            if named:
                name = " ".join(named.group("name").split()).rstrip(",")
                groups[f"the {name} Committee"].append(Fact(count_value(m.group("count")), named.start(), m.end(), label_at(subject, m.start())))
        for m in _BOARD_MET.finditer(text):
            groups["the Board"].append(Fact(count_value(m.group("count")), m.start(), m.end(), label_at(subject, m.start())))
        return groups

    def check(self, subject: Subject) -> Iterator[Finding]:
        yield from super().check(subject)
        text = subject.document.text
        for m in _STANDING.finditer(text):
            counted = _COUNT_BEFORE.search(text, max(0, m.start() - 20), m.start())
            listed = _listed_committees(m.group("list"))
            if not counted or not listed:
                continue
            stated = count_value(counted.group("count"))
            if listed != stated:
                message = (
                    f"The proxy statement says the Board has {counted.group('count')} standing committees, but lists {listed} "
                    f"{_place(subject, m.start())}. Please reconcile."
                )
                yield self.finding(subject, message, counted.start(), m.end())


def _listed_committees(tail: str) -> int | None:
    """How many committees the enumeration right after "N standing committees" names, if it is one."""
    start = _LIST_START.match(tail)
    if not start:
        return None
    items = tail[start.end() :]
    named = len(re.findall(r"\bCommittee\b", items))
    if named >= 2 and not re.search(r"\bCommittees\b", items):
        return named
    return None


# --- TDY108: a person's age ---------------------------------------------------------------------

_PERSON = r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)*(?:\s+[A-Z][a-z]+)?\s+(?:Mc|Mac|O'|De|Van\s)?[A-Z][a-z'’-]+)(?:,?\s+(?:Jr\.|Sr\.|III|II))?"
_NAME_AGE = re.compile(_PERSON + r"\*{0,3}(?:\s*\((?:age\s+)?(?P<age>[2-9]\d)\)|,\s+(?:age\s+)?(?P<age2>[2-9]\d),)")


_NOT_PERSON = frozenset(
    "Fund Funds Trust Portfolio Series Company Corporation Inc Group Index Market Class Shares Stock Act Committee "
    "Board Street Avenue Road Plaza Suite Floor Plan Account Report Securities Partners Capital".split()
)
"""Words that make a capitalised phrase before a parenthesised number a fund or a place, not a person."""


class PersonAge(_KeyedConsistency):
    """A person's age is the same wherever it is given.

    What it checks:
    Ages given after a name ("Jane Roe, 61," or "Jane Roe (61)") in the biographies, the
    nominee table and the officer table: one person, one age.

    Why staff ask:
    Item 401(a) and (b) of Regulation S-K and column (1) of the Item 22(b)(1) table ask for
    each director's and officer's age; two ages for one person means one of them is wrong.

    Failing example:
        Nominees for Director

        Jane A. Roe, 61, has been a director since 2015.

        Executive Officers

        Jane A. Roe (64)      Chair of the Board

    Passing example:
        Nominees for Director

        Jane A. Roe, 61, has been a director since 2015.

        Executive Officers

        Jane A. Roe (61)      Chair of the Board
    """

    name = "person-age-mismatch"
    citation = "Item 401(a), (b) of Regulation S-K; Item 22(b)(1) of Schedule 14A"
    severity = "warning"
    message = "{label} gives the age of {key} as {value}; {other_label} gives {other_value}. Please correct."

    def groups(self, subject: Subject) -> dict[str, list[Fact]]:
        groups: dict[str, list[Fact]] = defaultdict(list)
        for m in _NAME_AGE.finditer(subject.document.text):
            name = " ".join(m.group("name").split())
            if _NOT_PERSON.intersection(name.split()):
                continue
            age = int(m.group("age") or m.group("age2"))
            groups[_person_key(name)].append(Fact(age, m.start(), m.end(), label_at(subject, m.start())))
        return {_display(facts, subject): facts for key, facts in groups.items()}


def _person_key(name: str) -> str:
    """First and last name: "Jane A. Roe" and "Jane Roe" are one person."""
    words = [w for w in name.split() if not w.endswith(".")]
    return f"{words[0]} {words[-1]}" if len(words) > 1 else name


def _display(facts: list[Fact], subject: Subject) -> str:
    first = facts[0]
    return " ".join(subject.document.text[first.start : first.end].split()).split(",")[0].split("(")[0].rstrip("* ")


# --- TDY109: dates in a possible order ----------------------------------------------------------

_MEETING_ON = re.compile(
    r"\bmeeting\s+of\s+(?:the\s+)?(?:share|stock|unit)holders\b[^.]{0,200}?(?<!previously\sscheduled\s)(?<!originally\sscheduled\s)"
    r"\b(?:will\s+be|to\s+be|is\s+scheduled\s+to\s+be)\s+held\b[^.]{0,120}?" + _DATE,
    re.I | re.S,
)
"""A meeting's date; a meeting "previously scheduled to be held" on another day (an annual meeting
a merger proxy postpones) is another meeting."""
_RECORD_ON = re.compile(r"(?:close\s+of\s+business\s+on|record\s+date\s+(?:is|was|of|for\s+the\s+\w+\s+Meeting\s+is)|as\s+of\s+the\s+record\s+date,)\s+(?:\w+,\s+)?" + _DATE, re.I | re.S)
_MAILED_ON = re.compile(
    r"\b(?:first\s+)?(?:being\s+|to\s+be\s+|will\s+be\s+|are\s+being\s+|were\s+)?(?:mailed|sent|given|released|made\s+available|distributed)\b"
    r"[^.]{0,80}?\bon\s+or\s+about\s+(?:\w+,\s+)?" + _DATE,
    re.I | re.S,
)


class DateSequence(Rule):
    """The record date, the mailing date and the meeting date come in that order.

    What it checks:
    The record date (the close of business that fixes who may vote) falls before the meeting,
    and the proxy statement is mailed after the record date and before the meeting.

    Why staff ask:
    Item 1(b) of Schedule 14A asks for the mailing date and Item 6(b) for the record date;
    Rule 14a-6(a) runs the ten-day clock to the mailing. A record date after the meeting, or a
    mailing after it, is a misprint that changes who may vote.

    Failing example:
        The Annual Meeting of Shareholders will be held on Tuesday, May 4, 2004 at 10:00
        a.m. Shareholders of record at the close of business on June 1, 2004 are entitled
        to vote. This proxy statement is first being mailed on or about March 20, 2004.

    Passing example:
        The Annual Meeting of Shareholders will be held on Tuesday, May 4, 2004 at 10:00
        a.m. Shareholders of record at the close of business on March 1, 2004 are entitled
        to vote. This proxy statement is first being mailed on or about March 20, 2004.
    """

    name = "date-sequence"
    meeting_only = True
    citation = "Items 1(b) and 6(b) of Schedule 14A; Rule 14a-6(a)"
    severity = "error"

    def check(self, subject: Subject) -> Iterator[Finding]:
        head = subject.document.text[:NOTICE_WINDOW]
        meeting, record, mailed = (_first_date(p, head) for p in (_MEETING_ON, _RECORD_ON, _MAILED_ON))
        if not meeting:
            return
        doc = subject.document
        for other, what in ((record, "record date"), (mailed, "mailing date")):
            if other and other[0] >= meeting[0]:
                message = (
                    f"The {what} {_place(subject, other[1].start())} ({_spoken(other[0])}) is not before the meeting date "
                    f"({_spoken(meeting[0])}). Please correct the dates."
                )
                yield self.finding(subject, message, other[1].start(), other[1].end(), [doc.location(meeting[1].start(), meeting[1].end())])
        if record and mailed and mailed[0] < record[0]:
            message = (
                f"The proxy statement is to be mailed on {_spoken(mailed[0])}, before the record date ({_spoken(record[0])}). "
                "Please correct the dates."
            )
            yield self.finding(subject, message, mailed[1].start(), mailed[1].end(), [doc.location(record[1].start(), record[1].end())])


def _first_date(pattern: re.Pattern, text: str) -> tuple[date, re.Match] | None:
    for m in pattern.finditer(text):
        when = parse_date(m)
        if when:
            return when, m
    return None


def _spoken(when: date) -> str:
    return f"{MONTHS[when.month - 1]} {when.day}, {when.year}"


# --- TDY110: meeting date and weekday ------------------------------------------------------------

_WEEKDAY_DATE = re.compile(r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r"),?\s+" + _DATE)


class MeetingDate(Consistency):
    """The meeting date is the same wherever it is given, and its weekday is right.

    What it checks:
    Each "meeting of shareholders ... will be held on <date>" in the notice, the letter to
    shareholders and the body names the same date; and where a weekday is printed with the
    meeting date, the calendar agrees.

    Why staff ask:
    Item 1(a) of Schedule 14A asks for the date, time and place of the meeting, and
    Rule 14a-9 forbids misleading statements; a wrong weekday is a common misprint (a
    definitive additional filing was once made only to fix one).

    Failing example:
        The Annual Meeting of Shareholders will be held on Thursday, May 14, 2024.

        The Annual Meeting of Shareholders is to be held on May 21, 2024.

    Passing example:
        The Annual Meeting of Shareholders will be held on Tuesday, May 14, 2024.

        The Annual Meeting of Shareholders is to be held on May 14, 2024.
    """

    name = "meeting-date-mismatch"
    meeting_only = True
    citation = "Item 1(a) of Schedule 14A; Rule 14a-9"
    severity = "error"
    message = "{label} gives the meeting date as {value}; {other_label} gives {other_value}. Please reconcile."

    def facts(self, subject: Subject) -> list[Fact]:
        head = subject.document.text[:NOTICE_WINDOW]
        facts = []
        for m in _MEETING_ON.finditer(head):
            when = parse_date(m)
            if when:
                facts.append(Fact(_spoken(when), m.start("month"), m.end("year"), label_at(subject, m.start())))
        return facts

    def check(self, subject: Subject) -> Iterator[Finding]:
        yield from super().check(subject)
        head = subject.document.text[:NOTICE_WINDOW]
        for m in _MEETING_ON.finditer(head):
            weekday = _WEEKDAY_DATE.search(head, m.start(), m.end())
            when = parse_date(weekday) if weekday else None
            if when and WEEKDAYS[when.weekday()] != weekday.group("weekday"):
                message = (
                    f"The meeting date is given as {weekday.group('weekday')}, {_spoken(when)} {_place(subject, weekday.start())}, "
                    f"but {_spoken(when)} is a {WEEKDAYS[when.weekday()]}. Please correct."
                )
                yield self.finding(subject, message, weekday.start(), weekday.end())


# --- TDY111: the set of proposals ----------------------------------------------------------------

_PROPOSALS_STATED = re.compile(r"\b(?:on|upon|consider|following|are|of\s+the)\s+" + _COUNT + r"\s+(?:separate\s+)?(?:proposals|matters|items)\b", re.I)
_PROPOSAL_REF = re.compile(r"\bProposal\s+(?:No\.\s*)?(?P<number>\d{1,2})\b", re.I)
_OTHER_PROPONENT = re.compile(r"(?:share|stock)holder\s+proposals?|proposals?\s+(?:of|by)\s+(?:a\s+)?(?:share|stock)holders?", re.I)


class ProposalSet(Consistency):
    """The number of proposals is the same in the notice, the body and the card.

    What it checks:
    A stated number of proposals ("to vote on three proposals") agrees with other such
    statements and with the highest proposal number the document uses ("Proposal 4").

    Why staff ask:
    Rule 14a-4(a)(3) requires each matter to be identified separately on the card, and the
    notice, the body and the card must present the same matters; a count that is off means a
    matter is missing from one of them.

    Failing example:
        You are being asked to vote on three proposals.

        PROPOSAL 1 - ELECTION OF DIRECTORS

        PROPOSAL 2 - RATIFICATION OF AUDITORS

        PROPOSAL 3 - ADVISORY VOTE ON EXECUTIVE COMPENSATION

        PROPOSAL 4 - APPROVAL OF THE 2024 STOCK PLAN

    Passing example:
        You are being asked to vote on four proposals.

        PROPOSAL 1 - ELECTION OF DIRECTORS

        PROPOSAL 2 - RATIFICATION OF AUDITORS

        PROPOSAL 3 - ADVISORY VOTE ON EXECUTIVE COMPENSATION

        PROPOSAL 4 - APPROVAL OF THE 2024 STOCK PLAN
    """

    name = "proposal-count-mismatch"
    meeting_only = True
    citation = "Rule 14a-4(a)(3)"
    severity = "warning"
    message = "{label} gives {value} proposals; {other_label} gives {other_value}. Please reconcile."

    def facts(self, subject: Subject) -> list[Fact]:
        text = subject.document.text
        stated = [
            Fact(count_value(m.group("count")), m.start(), m.end(), label_at(subject, m.start()))
            for m in _PROPOSALS_STATED.finditer(text[:NOTICE_WINDOW])
            if m.group(0).lower().endswith("proposals")
        ]
        if not stated or _OTHER_PROPONENT.search(text):
            return []
        numbered = [m for m in _PROPOSAL_REF.finditer(text)]
        if numbered:
            last = max(numbered, key=lambda m: int(m.group("number")))
            stated.append(Fact(int(last.group("number")), last.start(), last.end(), f"the numbering ({last.group(0)}, {_place(subject, last.start())})"))
        return stated


# --- TDY112: one vote standard per proposal -------------------------------------------------------

VOTE_STANDARDS = {
    "a 1940 Act majority": r"1940\s+Act\s+majority|67%\s+or\s+more|majority\s+of\s+the\s+outstanding\s+voting\s+securities",
    "a plurality of the votes cast": r"\bplurality\b",
    "a majority of the votes cast": r"majority\s+of\s+(?:the\s+)?votes\s+cast",
    "a majority of the shares present": r"majority\s+of\s+(?:the\s+)?(?:shares|votes|voting\s+power)\s+(?:present|represented)",
    "a majority of the outstanding shares": r"majority\s+of\s+(?:the\s+|all\s+)?(?:outstanding\s+shares|shares\s+outstanding|votes\s+entitled)",
}
_STANDARDS = [(label, re.compile(pattern, re.I)) for label, pattern in VOTE_STANDARDS.items()]
_CLAUSE = re.compile(r"[^.;]{10,600}[.;]")
_VOTE_CONTEXT = re.compile(r"\b(?:approv|requir|vote|elect|adopt|pass)", re.I)


class VoteStandard(_KeyedConsistency):
    """Each proposal is given one vote standard.

    What it checks:
    Every clause that names a single proposal ("Proposal 2") and a vote standard (plurality,
    majority of votes cast, majority of shares present, majority of the outstanding shares, a
    1940 Act majority) gives that proposal the same standard.

    Why staff ask:
    Item 21(a) of Schedule 14A asks for the vote required for approval of each matter; two
    standards for one proposal leave shareholders unsure how abstentions and broker non-votes
    count, and for fund matters the Investment Company Act fixes the standard.

    Failing example:
        Approval of Proposal 2 requires the affirmative vote of a majority of the votes
        cast at the Meeting.

        Voting Information. Proposal 2 must be approved by a 1940 Act majority of the
        outstanding voting securities of the Fund.

    Passing example:
        Approval of Proposal 2 requires the affirmative vote of a majority of the votes
        cast at the Meeting.

        Voting Information. Approval of Proposal 2 requires a majority of the votes cast,
        and abstentions are not votes cast.
    """

    name = "vote-standard-conflict"
    meeting_only = True
    citation = "Item 21(a) of Schedule 14A"
    severity = "warning"
    message = "{label} gives {key} the standard of {value}; {other_label} gives {other_value}. Please reconcile."

    def groups(self, subject: Subject) -> dict[str, list[Fact]]:
        groups: dict[str, list[Fact]] = defaultdict(list)
        text = subject.document.text
        for ref in _PROPOSAL_REF.finditer(text):
            clause = _clause_around(text, ref.start())
            if clause is None:
                continue
            start, end = clause
            body = text[start:end]
            numbers = {m.group("number") for m in _PROPOSAL_REF.finditer(body)}
            standards = [label for label, pattern in _STANDARDS if pattern.search(body)]
            if len(numbers) == 1 and standards and _VOTE_CONTEXT.search(body) and not _defines_terms(body):
                groups[f"Proposal {ref.group('number')}"].append(Fact(standards[0], start, end, label_at(subject, start)))
        return {key: _one_per_clause(facts) for key, facts in groups.items()}


def _clause_around(text: str, offset: int) -> tuple[int, int] | None:
    start = max(text.rfind(".", 0, offset), text.rfind(";", 0, offset), offset - 600) + 1
    end_candidates = [i for i in (text.find(".", offset), text.find(";", offset)) if i != -1]
    end = min(end_candidates + [offset + 600])
    return (start, end) if end > start else None


def _defines_terms(clause: str) -> bool:
    """Explanations of what the terms mean ("a plurality means ...", "unlike a majority ...") set no standard."""
    return re.search(r"\b(?:means|defined|unlike|rather\s+than|instead\s+of|if\s+the)\b", clause, re.I) is not None


def _one_per_clause(facts: list[Fact]) -> list[Fact]:
    seen, kept = set(), []
    for fact in facts:
        if fact.start not in seen:
            seen.add(fact.start)
            kept.append(fact)
    return kept


# --- TDY113: internal references resolve ---------------------------------------------------------

_PAGE_REF = re.compile(r"\bpage\s+(?P<page>\d{1,3})\b(?P<after>[^\n.]{0,60})", re.I)
_REFERRING = re.compile(r"\b(?:see|on|at)\s+$", re.I)
_OTHER_DOCUMENT = re.compile(r"^\s*(?:of|in)\s+(?:the|our|its|this|each|such|that)\s+(?!proxy\s+statement)", re.I)
_APPENDIX_REF = re.compile(
    r"\b(?P<label>Appendix|Annex|Exhibit|Attachment)\s+(?P<id>[A-Z])\b(?!\s+(?:thereto|to\s+(?:the|our|its|this)\s+(?!Proxy)))", re.I
)
_ATTACHED = re.compile(
    r"(?:(?:attached|included|set\s+forth|reproduced|contained|appears|provided)\s+(?:hereto\s+|herein\s+)?(?:as|in|at)|\bsee)\s+$", re.I
)
MIN_NUMBERED_SHARE = 0.5
"""Page references are checked only where at least this share of the pages print a number."""


class CrossReferences(Rule):
    """Page references and appendix references point to something in the document.

    What it checks:
    A reference to a printed page ("see page 45") names a page the document has, and an
    appendix, annex or exhibit said to be attached ("attached as Appendix A") is there.

    Why staff ask:
    Rule 14a-5(a) requires the information to be clearly presented, and a reference to a page
    or an appendix that is not there sends shareholders looking for disclosure they cannot
    find; staff ask that the appendix be included or the reference revised.

    Failing example:
        The Committee's charter is attached as Appendix A. For the fees paid to the
        auditors, see page 45.

        <PAGE>
                                        1

    Passing example:
        The Committee's charter is attached as Appendix A. For the fees paid to the
        auditors, see page 1.

        <PAGE>
                                        1

        Appendix A

        Charter of the Audit Committee
    """

    name = "dangling-reference"
    citation = "Rule 14a-5(a)"
    severity = "warning"

    def check(self, subject: Subject) -> Iterator[Finding]:
        yield from self._pages(subject)
        yield from self._appendices(subject)

    def _pages(self, subject: Subject) -> Iterator[Finding]:
        doc = subject.document
        printed = [int(p.number) for p in doc.pages if p.number and p.number.isdigit()]
        if not printed or len(printed) < MIN_NUMBERED_SHARE * len(doc.pages):
            return
        last = max(printed)
        for m in _PAGE_REF.finditer(doc.text):
            page = int(m.group("page"))
            referring = _REFERRING.search(doc.text, max(0, m.start() - 8), m.start())
            if page > last and referring and not _OTHER_DOCUMENT.match(m.group("after")):
                message = f"The reference to page {page} {_place(subject, m.start())} points past the last page ({last}). Please correct the reference."
                yield self.finding(subject, message, m.start(), m.end("page"))

    def _appendices(self, subject: Subject) -> Iterator[Finding]:
        text = subject.document.text
        reported = set()
        for m in _APPENDIX_REF.finditer(text):
            if not _ATTACHED.search(text, max(0, m.start() - CONTEXT_WINDOW), m.start()):
                continue
            label, ident = m.group("label").title(), m.group("id").upper()
            if (label, ident) in reported or _appendix_present(text, label, ident, m.start()):
                continue
            reported.add((label, ident))
            message = f"The proxy statement refers to {label} {ident} {_place(subject, m.start())}, but no {label} {ident} is included. Please include it or revise the reference."
            yield self.finding(subject, message, m.start(), m.end())


def _appendix_present(text: str, label: str, ident: str, reference: int) -> bool:
    """A line that starts with the appendix's name (its heading or a contents entry), other than the reference's."""
    heading = re.compile(rf"^[ \t]*{label}[ \t]+{re.escape(ident)}\b", re.I | re.M)
    reference_line = text.rfind("\n", 0, reference)
    return any(text.rfind("\n", 0, m.start() + 1) != reference_line for m in heading.finditer(text))


# --- TDY114: table totals -----------------------------------------------------------------------

_NUMBER_CELL = re.compile(r"^\(?\$?\s*\(?(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<decimals>\d+))?\)?$")
_TOTAL_LABEL = re.compile(r"^\s*total\b(?!\s+(?:shareholder|stockholder|return|number|voting|outstanding|compensation\s+paid\s+to))", re.I)
_RESET_LABEL = re.compile(r"\b(?:sub-?total|less|net|excluding|percent|%)\b", re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
"""A bare year is a column heading ("2023"), not an amount."""
MIN_PARTS = 2


def cell_number(cell: str) -> tuple[float, float] | None:
    """A cell's amount and its rounding (half a unit of its last digit), or None if it is no amount."""
    cleaned = cell.replace("\u00a0", " ").strip().rstrip("*").strip()
    m = _NUMBER_CELL.match(cleaned)
    if not m or _YEAR.match(cleaned):
        return None
    value = float(m.group("digits").replace(",", "") + ("." + m.group("decimals") if m.group("decimals") else ""))
    if cleaned.startswith("(") or cleaned.endswith(")"):
        value = -value
    return value, 0.5 * 10 ** -len(m.group("decimals") or "")


class TableTotals(Rule):
    """A table's Total row is the sum of the rows above it.

    What it checks:
    In each table with a row labelled "Total", every column's total equals the sum of the
    amounts above it (back to the header or the previous total), allowing for rounding.

    Why staff ask:
    Item 9(e) of Schedule 14A (audit fees), Item 22(b)(13) (fund compensation) and Item 402
    tables are read by their totals; a total that is not the sum of its parts means an amount
    is wrong, and staff ask which one.

    Failing example:
        suffix: .htm
        ---
        <table>
        <tr><td>Fee category</td><td>2023</td><td>2022</td></tr>
        <tr><td>Audit Fees</td><td>$1,200,000</td><td>$1,100,000</td></tr>
        <tr><td>Audit-Related Fees</td><td>150,000</td><td>140,000</td></tr>
        <tr><td>Tax Fees</td><td>80,000</td><td>75,000</td></tr>
        <tr><td>Total</td><td>$1,530,000</td><td>$1,315,000</td></tr>
        </table>

    Passing example:
        suffix: .htm
        ---
        <table>
        <tr><td>Fee category</td><td>2023</td><td>2022</td></tr>
        <tr><td>Audit Fees</td><td>$1,200,000</td><td>$1,100,000</td></tr>
        <tr><td>Audit-Related Fees</td><td>150,000</td><td>140,000</td></tr>
        <tr><td>Tax Fees</td><td>80,000</td><td>75,000</td></tr>
        <tr><td>Total</td><td>$1,430,000</td><td>$1,315,000</td></tr>
        </table>
    """

    name = "table-total-mismatch"
    citation = "Item 9(e) and Item 22(b)(13) of Schedule 14A; Item 402 of Regulation S-K"
    severity = "warning"

    def check(self, subject: Subject) -> Iterator[Finding]:
        for table in subject.document.tables:
            if table.rows:
                yield from self._table(subject, table)

    def _table(self, subject: Subject, table) -> Iterator[Finding]:
        parts: list[list[str]] = []
        for row in table.rows:
            label = next((c for c in row if c.strip()), "")
            if _TOTAL_LABEL.match(label):
                yield from self._total(subject, table, row, parts)
                parts = []
            elif _RESET_LABEL.search(label):
                parts = []
            else:
                parts.append(row)

    def _total(self, subject: Subject, table, total_row: list[str], parts: list[list[str]]) -> Iterator[Finding]:
        for column, cell in enumerate(total_row[1:], 1):
            total = cell_number(cell)
            amounts = [cell_number(row[column]) for row in parts if column < len(row)]
            amounts = [a for a in amounts if a]
            if not total or len(amounts) < MIN_PARTS:
                continue
            tolerance = total[1] + sum(a[1] for a in amounts)
            added = sum(a[0] for a in amounts)
            if abs(added - total[0]) > tolerance:
                header = next((r[column] for r in table.rows if column < len(r) and r[column].strip()), "")
                message = (
                    f"The Total row of the table {_place(subject, table.start)} gives {cell.strip()} in the "
                    f"{header.strip() or 'column ' + str(column)} column, but the amounts above it add up to {_amount(added, total[1])}. Please revise."
                )
                yield self.finding(subject, message, table.start, table.end)


def _amount(value: float, rounding: float) -> str:
    return f"{value:,.0f}" if rounding >= 0.5 else f"{value:,.{len(str(rounding)) - 3}f}"


# --- TDY115: share counts and percentages --------------------------------------------------------

_OUTSTANDING = re.compile(
    r"(?P<shares>\d{1,3}(?:,\d{3}){2,})\s+(?:shares|outstanding\s+shares)\s+of\s+(?:the\s+Company's\s+|our\s+|its\s+)?"
    r"(?:\w+\s+){0,3}?(?:Stock|stock|Shares|shares|beneficial\s+interest)\b[^.]{0,80}?\boutstanding",
)
_PERCENT = re.compile(r"^(?P<value>\d{1,3}(?:\.\d+)?)\s*%?$")
PERCENT_TOLERANCE = 0.2
"""Percentage points allowed between the stated and the computed percent of class (rounding,
and the shares acquirable within 60 days that Instruction 1 to Item 403 adds to both)."""


class ShareCounts(Rule):
    """Each holder's percent of class matches their shares over the shares outstanding.

    What it checks:
    Where the document states one number of shares outstanding, each row of an ownership
    table that gives both a number of shares and a percent of class is recomputed; a percent
    off by more than rounding, or over 100, is reported.

    Why staff ask:
    Item 6(a) and (d) of Schedule 14A and Item 403 of Regulation S-K ask for each holder's
    shares and percent of class; a percent that does not follow from the shares misstates
    who controls the vote.

    Failing example:
        suffix: .htm
        ---
        <p>As of the record date, 20,000,000 shares of Common Stock were outstanding.</p>
        <table>
        <tr><td>Name</td><td>Shares Beneficially Owned</td><td>Percent of Class</td></tr>
        <tr><td>ABC Holdings</td><td>1,240,000</td><td>12.4%</td></tr>
        </table>

    Passing example:
        suffix: .htm
        ---
        <p>As of the record date, 20,000,000 shares of Common Stock were outstanding.</p>
        <table>
        <tr><td>Name</td><td>Shares Beneficially Owned</td><td>Percent of Class</td></tr>
        <tr><td>ABC Holdings</td><td>1,240,000</td><td>6.2%</td></tr>
        </table>
    """

    name = "ownership-percent-mismatch"
    citation = "Item 6(d) of Schedule 14A; Item 403 of Regulation S-K"
    severity = "warning"

    def check(self, subject: Subject) -> Iterator[Finding]:
        counts = {m.group("shares") for m in _OUTSTANDING.finditer(subject.document.text)}
        if len(counts) != 1:
            return
        outstanding = int(counts.pop().replace(",", ""))
        for table in subject.document.tables:
            yield from self._table(subject, table, outstanding)

    def _table(self, subject: Subject, table, outstanding: int) -> Iterator[Finding]:
        if not table.rows:
            return
        header = table.rows[0]
        percent_columns = [i for i, c in enumerate(header) if re.search(r"percent|%", c, re.I)]
        share_columns = [i for i, c in enumerate(header) if re.search(r"shares|amount|number", c, re.I)]
        if len(percent_columns) != 1 or len(share_columns) != 1:
            return
        pc, sc = percent_columns[0], share_columns[0]
        for row in table.rows[1:]:
            if max(pc, sc) >= len(row):
                continue
            shares, percent = cell_number(row[sc]), _PERCENT.match(row[pc].strip())
            if not shares or not percent:
                continue
            stated = float(percent.group("value"))
            computed = 100 * shares[0] / outstanding
            if stated > 100 or abs(stated - computed) > max(PERCENT_TOLERANCE, 0.05 * computed):
                holder = next((c for c in row if c.strip()), "a holder").strip()
                message = (
                    f"The ownership table {_place(subject, table.start)} shows {stated:g}% for {holder}, but "
                    f"{row[sc].strip()} shares of the {outstanding:,} outstanding is {computed:.1f}%. Please check the figures."
                )
                yield self.finding(subject, message, table.start, table.end)


RULES = {
    "TDY101": PortfolioCountReconciles,
    "TDY102": FundComplexAddsUp,
    "TDY103": NameSpelledTwoWays,
    "TDY104": UnfilledPlaceholders,
    "TDY105": NomineeCount,
    "TDY106": BoardComposition,
    "TDY107": CommitteeRoster,
    "TDY108": PersonAge,
    "TDY109": DateSequence,
    "TDY110": MeetingDate,
    "TDY111": ProposalSet,
    "TDY112": VoteStandard,
    "TDY113": CrossReferences,
    "TDY114": TableTotals,
    "TDY115": ShareCounts,
}
