"""Required-disclosure family (TDY2xx): statements Schedule 14A and Regulation S-K require.

A finding about a missing statement points at the section where the statement belongs (the
nominating committee's description, the board-meetings paragraph), because that is where staff
would ask for it and where counsel will add it.

Which rules speak to a document depends on what it is and when it was filed. A fund's statement
of additional information (Form N-1A, filed as 485BPOS/485APOS) is not a proxy statement: only
the few rules whose requirement Form N-1A repeats (board leadership and risk oversight, Item
17(b)(1); principal holders and management ownership, Item 18) apply to it. Disclosures adopted
later are not asked of earlier filings: the 2003 nominating-committee and shareholder-
communication release, Item 407 (December 2006), the 2009 proxy disclosure enhancements (Item
407(h), from February 28, 2010), Item 407(i) hedging (fiscal years beginning on or after July 1,
2019). Where the EDGAR header gives no filing date, the first date on the notice stands in for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from tandy.rules.base import HEAD_CHARS, MONTHS, Conditional, Existence, Rule, document_kind, filing_date, search
from tandy.rules.model import Finding, Severity, Subject

# --- What the document is, and when it was filed -------------------------------------------

NOTICE_CHARS = 60_000
"""The notice of meeting and the opening "about the meeting" pages fit in this much text."""

_CHECKED = r"(?:\[\s*[xX]\s*\]|☒|⌧|þ|■)"
_CHECKED_PRELIMINARY = re.compile(_CHECKED + r"\s*Preliminary\s+Proxy\s+Statement", re.I)
_NUMBER = (
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty(?:[- ]\w+)?|once|twice)"
)


def preliminary(subject: Subject) -> bool:
    """A preliminary filing: by its form, or by the checked "Preliminary Proxy Statement" box."""
    if subject.stage:
        return subject.stage == "preliminary"
    return bool(_CHECKED_PRELIMINARY.search(subject.document.text[:HEAD_CHARS]))


_ELECTION_PROPOSAL = (
    r"\bto\s+elect\b[^.;]{0,120}?\b(?:directors?|trustees?|nominees?|members\s+of\s+the\s+board)\b",
    r"(?<!meeting\sfor\sthe\s)(?<!in\sthe\s)\belection\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:directors?|trustees?)\b",
    r"\bnominees?\s+for\s+(?:election\s+(?:as\s+)?)?(?:directors?|trustees?)\b",
)
"""How a notice puts an election to shareholders ("To elect three directors", "Proposal 1 -
Election of Directors"); "a meeting for the election of directors" or the voting power "in the
election of directors" that a merger proxy speaks of are not proposals."""


def elects_directors(subject: Subject) -> bool:
    """Directors or trustees are up for election: nominees presented, or an election proposal in
    the notice and opening pages.

    Only then do Item 7 of Schedule 14A (and through it Item 407 of Regulation S-K) and Item 9
    apply: a merger proxy for a special meeting elects no one, though its merger agreement and
    charter annexes speak of the election of directors throughout.
    """
    proxy = subject.proxy
    if proxy and any("nominee" in p.roles for p in proxy.people):
        return True
    return search(_ELECTION_PROPOSAL, subject.document.text[:NOTICE_CHARS]) is not None


class Scoped(Rule):
    """A rule for proxy statements (and, where Form N-1A asks the same, fund SAIs), in its era.

    ``documents`` names the kinds of document (:func:`document_kind`) it reads: rules that look
    for a statement anywhere in a proxy statement read only whole ones, rules about a section's
    own content read excerpts too. ``elections_only`` limits it to proxy statements that elect
    directors. The era is judged on :func:`filing_date` (by :meth:`Rule.in_era`), so a filing
    whose header gives no date is still not asked for disclosures adopted after it was made.
    """

    documents: ClassVar[tuple[str, ...]] = ("proxy",)
    elections_only: ClassVar[bool] = False

    def applies(self, subject: Subject) -> bool:
        if not super().applies(subject):
            return False
        kind = document_kind(subject)
        if kind not in self.documents:
            return False
        return kind == "sai" or not self.elections_only or elects_directors(subject)



# --- Where a missing statement belongs -------------------------------------------------------

HEADING_CHARS = 120
"""Longer lines are paragraphs, not headings."""


def heading(subject: Subject, pattern: re.Pattern) -> tuple[int, int] | None:
    """The first heading the document marks (or, in plain text, the first line standing alone)
    that names the section, to point a finding about a missing statement at."""
    doc = subject.document
    text = doc.text
    for block in doc.blocks:
        if block.kind == "heading" and block.furniture is None and block.end - block.start <= HEADING_CHARS:
            if pattern.search(text, block.start, block.end):
                return block.start, block.end
    for lines in (_STANDALONE_LINE, _CAPITALS_LINE):
        for line in lines.finditer(text):
            if pattern.search(line.group(1)):
                return line.start(1), line.end(1)
    return None


_STANDALONE_LINE = re.compile(r"(?:\A|\n[ \t]*\n)[ \t]*(\S[^\n]{0,%d}?)[ \t]*(?=\n[ \t]*\n|\Z)" % HEADING_CHARS)
"""A line with blank lines above and below: how plain-text filings set off their headings."""
_CAPITALS_LINE = re.compile(r"^[ \t]*([A-Z0-9][A-Z0-9 ,.'&()\-:/]{2,%d}[A-Z0-9)])[ \t]*$" % HEADING_CHARS, re.M)
"""A line in capitals: the other way plain-text filings mark a heading."""


def section_heading(subject: Subject, pattern: re.Pattern) -> tuple[int, int] | None:
    """The first heading or paragraph start that names a section, to point a finding at."""
    match = pattern.search(subject.document.text)
    return (match.start(), match.end()) if match else None


# --- Shape: a checklist of elements, each with its own weight --------------------------------


@dataclass(frozen=True, slots=True)
class Element:
    """One thing a disclosure item requires: how to recognise it, what staff would ask if it is
    missing, and how serious its absence is."""

    label: str
    patterns: tuple[re.Pattern, ...]
    request: str
    severity: Severity = "error"


_WEIGHT = {"info": 0, "warning": 1, "error": 2}


class Checklist(Scoped):
    """Shape: an item with several required elements. One finding names every missing element,
    with the severity of the weightiest; it points at the section where they belong.

    ``window`` bounds the search to the opening pages where an item customarily sits (the notice
    and "about the meeting" questions), which also keeps the check fast on long filings.
    """

    elements: ClassVar[tuple[Element, ...]]
    sections: ClassVar[re.Pattern | None] = None
    window: ClassVar[int | None] = None

    def present(self, subject: Subject, element: Element) -> bool:
        text = subject.document.text[: self.window] if self.window else subject.document.text
        return any(p.search(text) for p in element.patterns)

    def check(self, subject: Subject) -> Iterator[Finding]:
        missing = [e for e in self.elements if not self.present(subject, e)]
        if not missing:
            return
        span = heading(subject, self.sections) if self.sections else None
        finding = self.finding(subject, " ".join(e.request for e in missing), *(span or (None, None)))
        finding.severity = max((e.severity for e in missing), key=_WEIGHT.__getitem__)
        yield finding

    def confirmation(self, subject: Subject) -> str | None:
        return "states " + ", ".join(e.label for e in self.elements)


def patterns(*sources: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(s, re.I) for s in sources)


# --- TDY201, TDY202: the 2008 trust review's comments 3 and 2 --------------------------------

_NEW_NOMINEE = (
    r"standing\s+for\s+election\b[^.]{0,120}?\bfor\s+the\s+first\s+time",
    r"\bnew\s+(?:nominees?|trustees?|directors?)\b",
    r"nominated\s+(?:for\s+election\s+)?for\s+the\s+first\s+time",
    r"(?:has|have)\s+not\s+(?:previously\s+)?(?:been\s+elected|served)\s+(?:by\s+shareholders|as\s+a\s+(?:trustee|director))",
)
_RECOMMENDED_BY = re.compile(
    r"\b(?:was|were|had\s+been|has\s+been)\s+(?:initially\s+)?(?:recommended|identified|proposed|suggested|introduced|referred)\b"
    r"[^.]{0,200}?\bby\b",
    re.I,
)
_NOT_NAMES = {"Trust", "Trustee", "Trustees", "Director", "Directors", "Fund", "Funds", "Board", "Committee", "Company", "Nominee", "Nominees"}
_GOVERNANCE_WORDS = _NOT_NAMES | {
    "Annual", "Special", "Meeting", "Independent", "Interested", "Corporate", "Governance", "Nominating", "Nomination",
    "Compensation", "Audit", "Executive", "Chief", "Officer", "Chair", "Chairman", "Lead", "Proxy", "Statement", "Shareholders",
    "Stockholders", "Series", "Portfolio", "Portfolios", "Inc", "Corporation", "Securities", "Exchange", "Commission", "Act",
}
_GOVERNANCE_WORDS |= {"General", "Counsel", "Effective", "Date", "Affiliate", "Plan", "Agreement", "Section", "Rule", "New", "Two", "Board's"}
"""Words that make a run of capitals a body, a title or a defined term, not a person."""
_ELECTION_WORD = re.compile(r"\b(?:nominees?|standing|stand|elect(?:ed|ion)?|nominated|candidates?)\b", re.I)
_NAME = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+)+)\b")
_NOMINATING_SECTION = re.compile(r"^[^\n]{0,80}\bNominating\b[^\n]{0,80}Committee\b", re.M)
_SEVENTY_FIVE = r"(?:(?<![\d.])75\s*(?:%|percent|per\s+cent)|seventy[- ]five\s+(?:%|percent|per\s+cent)|three[- ]quarters)"
_ATTENDANCE = (
    _SEVENTY_FIVE + r"[^.]{0,200}?\bmeetings",
    r"\bmeetings\b[^.]{0,200}?" + _SEVENTY_FIVE,
    r"attended\s+(?:all|each)\s+(?:of\s+the\s+)?(?:regular\s+)?meetings",
    r"attended\s+(?:or\s+participated\s+in\s+)?(?:100\s*%|all|each)\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+){0,3}meetings",
)
_MEETINGS_HEADING = re.compile(r"board\s+(?:of\s+\w+\s+)?(?:meetings|committees)|meetings\s+of\s+the\s+board|committees\s+of\s+the\s+board", re.I)
NOMINATING_RELEASE = "2004-01-01"
"""Release 33-8340 (November 2003): nominating-committee, annual-meeting attendance and
shareholder-communication disclosure, for proxy statements first sent from January 1, 2004;
later Items 407(b)(2), 407(c) and 407(f)."""


class NomineeSource(Scoped, Conditional):
    """Who recommended each new nominee is stated.

    What it checks:
    When the proxy statement presents a nominee standing for election for the first time, it
    says which category of person recommended that nominee to the nominating committee (a
    security holder, a non-management director, the chief executive officer, another executive
    officer, a third-party search firm, or, for funds, an employee of the adviser or principal
    underwriter). Proxy statements first sent before 2004 are not asked.

    Why staff ask:
    Item 407(c)(2)(vii) of Regulation S-K (applied to funds by Item 22(b)(15) of Schedule 14A)
    requires it for each nominee other than executive officers and directors standing for
    re-election; shareholders weigh a nominee differently when management proposed them.

    Failing example:
        fund: yes
        filed: 2008-03-01
        ---
        Susan C. Gause and Robert Boulware are standing for election as Independent
        Trustees for the first time.

        Nominating Committee. The Nominating Committee consists of all of the
        Independent Trustees and nominates Independent Trustee candidates.

    Passing example:
        fund: yes
        filed: 2008-03-01
        ---
        Susan C. Gause and Robert Boulware are standing for election as Independent
        Trustees for the first time.

        Nominating Committee. The Nominating Committee consists of all of the
        Independent Trustees and nominates Independent Trustee candidates.

        Susan C. Gause was recommended to the Nominating Committee by an Independent
        Trustee and Robert Boulware was recommended to the Committee by the chief
        executive officer of the Trust's investment manager.
    """

    name = "nominee-source-missing"
    citation = "Item 407(c)(2)(vii) of Regulation S-K"
    documents = ("proxy", "excerpt")
    era = (NOMINATING_RELEASE, None)
    trigger = _NEW_NOMINEE
    required = ()
    message = (
        "The proxy statement names nominees standing for election for the first time but does not "
        "state who recommended each of them. Please state the category of persons (security holder, "
        "director, chief executive officer, other executive officer, or employee of the investment "
        "adviser, principal underwriter or an affiliate) that recommended each new nominee."
    )

    def triggers(self, subject: Subject) -> list[tuple[int, int]]:
        """The first sentence that presents a named person as a new nominee.

        "The orientation of new directors" or "the Board has recommended one new nominee at
        each of our last three meetings" speaks of no nominee at this meeting: a trigger counts
        only where its sentence names someone (one of the people the proxy presents, where it
        presents any).
        """
        text = subject.document.text
        people = subject.proxy.people if subject.proxy else []
        surnames = {f"{p.name.split()[0]} {p.name.split()[-1].strip(',.')}" for p in people if len(p.name.split()) > 1}
        for pattern in self.trigger:
            for match in re.finditer(pattern, text, re.I | re.S):
                sentence = text[_sentence_start(text, match.start()) : _sentence_end(text, match.end())]
                named = {m.group(1) for m in _NAME.finditer(sentence) if not _GOVERNANCE_WORDS & set(m.group(1).split())}
                if _ELECTION_WORD.search(sentence) and (named or any(re.search(rf"\b{re.escape(n)}\b", sentence) for n in surnames)):
                    return [(match.start(), match.end())]
        return []

    def satisfied(self, subject: Subject, span: tuple[int, int]) -> bool:
        """Each new nominee named where the trigger is has a "was recommended ... by" sentence
        of their own (a policy on candidates "recommended by shareholders" does not count)."""
        text = subject.document.text
        start = _sentence_start(text, span[0])
        surnames = {m.group(1).split()[-1] for m in _NAME.finditer(text[start : span[1]])} - _NOT_NAMES
        statements = [m.group(0) for m in _RECOMMENDED_BY.finditer(text)]
        if not surnames:
            return bool(statements)
        return all(any(surname in statement or _names_before(text, statement, surname) for statement in statements) for surname in surnames)

    def anchor(self, subject: Subject, span: tuple[int, int]) -> tuple[int, int]:
        """The nominating committee's description, where the statement belongs."""
        return section_heading(subject, _NOMINATING_SECTION) or span


class AttendanceStatement(Scoped, Existence):
    """The Item 407(b)(1) attendance statement is made, either way.

    What it checks:
    A proxy statement that elects directors states the number of board meetings held and either
    names each director who attended fewer than 75% of the board and committee meetings, or
    says that every director attended at least 75% of them.

    Why staff ask:
    Item 407(b)(1) of Regulation S-K (Item 22(b)(15) of Schedule 14A for funds) requires the
    names of directors under 75%; staff ask for the affirmative sentence when none is given, so
    that shareholders can tell "none" from "not disclosed" (the 2008 trust review, comment 2).

    Failing example:
        ---
        Shareholders are being asked to elect the nominees listed below as Trustees.

        Board Meetings

        The Board of Trustees held four meetings during the fiscal year ended
        December 31, 2007.

    Passing example:
        ---
        Shareholders are being asked to elect the nominees listed below as Trustees.

        Board Meetings

        The Board of Trustees held four meetings during the fiscal year ended
        December 31, 2007. Each Trustee attended at least 75% of the meetings of the
        Board and of the committees on which he or she served.
    """

    name = "attendance-statement-missing"
    citation = "Item 407(b)(1) of Regulation S-K"
    documents = ("proxy", "excerpt")
    severity = "warning"
    elections_only = True
    required = _ATTENDANCE
    message = (
        "Please state whether any director attended fewer than 75% of the total number of meetings of "
        "the board and of the committees on which he or she served during the last fiscal year, and "
        "name each such director, or state that each director attended at least 75%."
    )

    def anchor(self, subject: Subject) -> tuple[int, int] | None:
        return heading(subject, _MEETINGS_HEADING)


_SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)\.\s|\n[ \t]*\n")
"""A full stop that ends a sentence (not an initial's, "Jane Q. Roe", or an honorific's), or a
blank line."""
SENTENCE_CHARS = 1_500


def _sentence_start(text: str, at: int) -> int:
    starts = [m.end() for m in _SENTENCE_BREAK.finditer(text, max(0, at - SENTENCE_CHARS), at)]
    return starts[-1] if starts else max(0, at - SENTENCE_CHARS)


def _sentence_end(text: str, at: int) -> int:
    end = _SENTENCE_BREAK.search(text, at, at + SENTENCE_CHARS)
    return end.start() if end else min(len(text), at + SENTENCE_CHARS)


def _names_before(text: str, statement: str, surname: str) -> bool:
    """The statement's subject is named just before it ("Susan C. Gause was recommended ...")."""
    at = text.find(statement)
    return surname in text[max(0, at - 60) : at]


# --- Sections findings point at ---------------------------------------------------------------

_VOTING_SECTION = re.compile(r"\bvot(?:e|ing)\b|\bproxies\b|general\s+information|about\s+(?:the|this)\s+(?:annual\s+|special\s+)?meeting|questions\s+and\s+answers", re.I)
_NOTICE_SECTION = re.compile(r"notice\s+of\s+(?:the\s+)?(?:\d{4}\s+)?(?:annual|special)|annual\s+meeting|special\s+meeting", re.I)
_SOLICITATION_SECTION = re.compile(r"solicitation|expenses?\s+of|cost\s+of", re.I)
_OWNERSHIP_SECTION = re.compile(r"ownership|principal\s+(?:share|stock)?holders|control\s+persons|voting\s+securities", re.I)
_GOVERNANCE_SECTION = re.compile(r"corporate\s+governance|board\s+of\s+(?:directors|trustees)|committees\s+of\s+the\s+board|board\s+committees|governance", re.I)
_NOMINATING_HEADING = re.compile(r"nominating|nominations|governance\s+committee", re.I)
_AUDIT_SECTION = re.compile(r"audit\s+committee|audit(?:ors|ing)?\b|accountants|accounting\s+firm", re.I)
_ELECTION_SECTION = re.compile(r"election\s+of\s+(?:directors|trustees)|nominees", re.I)
_SECTION16_SECTION = re.compile(r"section\s+16\(a\)", re.I)


# --- Rule 14a-6 and Items 1-6 of Schedule 14A --------------------------------------------------

_PRELIMINARY_LEGEND = re.compile(
    r"preliminary\s+cop(?:y|ies)|subject\s+to\s+completion|preliminary\s+proxy\s+(?:statement|materials)\s*(?:[-\u2013\u2014:,]|dated)",
    re.I,
)


class PreliminaryLegend(Scoped):
    """A preliminary filing is marked as preliminary copies.

    What it checks:
    A proxy statement filed as a preliminary (PRE 14A, PRER14A and kin) carries a
    "Preliminary Copy" or "Preliminary Proxy Statement, Subject to Completion" legend on its
    cover or first page. The cover's checked "Preliminary Proxy Statement" box is not the
    legend: it is seen by the Commission, not by those who read the copies.

    Why staff ask:
    Rule 14a-6(e)(1) requires preliminary copies to be clearly marked, so that a draft the staff
    may still comment on is never mistaken for the definitive solicitation.

    Failing example:
        form: PRE 14A
        ---
        NOTICE OF SPECIAL MEETING OF SHAREHOLDERS
        To Be Held on March 14, 2008

        PROXY STATEMENT

        The Board of Trustees of the Trust is soliciting proxies for use at the
        special meeting of shareholders.

    Passing example:
        form: PRE 14A
        ---
        PRELIMINARY COPY -- SUBJECT TO COMPLETION

        NOTICE OF SPECIAL MEETING OF SHAREHOLDERS
        To Be Held on March 14, 2008

        PROXY STATEMENT

        The Board of Trustees of the Trust is soliciting proxies for use at the
        special meeting of shareholders.
    """

    name = "preliminary-legend-missing"
    citation = "Rule 14a-6(e)(1)"
    stages = ("preliminary",)
    message = (
        "Rule 14a-6(e)(1) requires preliminary proxy materials to be clearly marked as preliminary "
        "copies. Please mark the cover and first page of the proxy statement and the form of proxy "
        '"Preliminary Copy".'
    )

    def check(self, subject: Subject) -> Iterator[Finding]:
        text = subject.document.text[:HEAD_CHARS]
        if _PRELIMINARY_LEGEND.search(text):
            return
        span = heading(subject, _NOTICE_SECTION) or heading(subject, re.compile(r"proxy\s+statement", re.I))
        yield self.finding(subject, self.message, *(span or (None, None)))


_MEETING_HELD = re.compile(
    r"\b(?:will|shall|is\s+to|is\s+scheduled\s+to)\s+be\s+(?:held|conducted|hosted|convened)\b|\bto\s+be\s+held\b|\bwill\s+take\s+place\b|\bwill\s+convene\b",
    re.I,
)
_BLANK = r"\[[\s\u2022_X*-]*\]"
"""A blank a preliminary leaves for the date or time still to be set ("[    ], 2024")."""
_MEETING_DATE = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\s+(?:\d{1,2}\b|" + _BLANK + r")|\b\d{1,2}(?:st|nd|rd|th)?\s+day\s+of\b|" + _BLANK + r",\s+\d{4}", re.I)
_MEETING_TIME = re.compile(r"(?:\b\d{1,2}(?::\d\d)?|" + _BLANK + r")\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)|\bnoon\b|o'clock|\b\d{1,2}:\d\d\b", re.I)
_MEETING_PLACE = re.compile(
    r"\bat\s+(?:the\s+)?(?:[A-Z0-9][\w.&'-]*\s+){0,6}(?:Hotel|Center|Centre|Building|Auditorium|Theater|Theatre|Club|Hall|Plaza|"
    r"Avenue|Street|Road|Drive|Boulevard|Place|Parkway|Way|Lane|Tower|Inn|Conference|Campus|Park|Square|Offices?|Headquarters)\b"
    r"|\bat\s+the\s+(?:principal\s+|executive\s+|corporate\s+)*(?:offices|headquarters)\b|\bheadquarters\b|\boffices\s+of\b"
    r"|\b\d{5}(?:-\d{4})?\b|\bvirtual(?:ly)?\b|\bwebcast\b|\bonline\b|www\.|https?://|\bvia\s+(?:live\s+)?(?:audio|video|internet)",
    re.I,
)
_MEETING_NAMED = re.compile(
    r"\bnotice\s+of\s+(?:the\s+)?(?:\d{4}\s+)?(?:annual|special)\s+(?:general\s+)?meeting\b|\binvite\s+you\s+to\s+(?:attend\s+)?(?:our|the)\b",
    re.I,
)
"""Where a notice laid out as a panel ("Notice of 2026 Annual Meeting ... When ... Where") or an
invitation gives the meeting's particulars without saying it "will be held"."""
MEETING_WINDOW = 700
"""The meeting's date, time and place sit within this many characters of "will be held"."""


class MeetingInformation(Scoped):
    """The date, time and place of the meeting are stated.

    What it checks:
    Near a sentence saying the meeting "will be held" in the opening pages, the proxy statement
    gives the meeting's date, its time and its place (an address, or for a virtual meeting
    the website where it is held).

    Why staff ask:
    Item 1(a) of Schedule 14A requires the date, time and place of the meeting; shareholders
    who wish to attend or to revoke in person need all three, and for virtual meetings staff
    ask how to attend, vote and ask questions.

    Failing example:
        form: DEF 14A
        ---
        NOTICE OF ANNUAL MEETING OF SHAREHOLDERS

        The Annual Meeting of Shareholders of Harbor Ridge Industries, Inc. will be
        held on Thursday, May 15, 2008, to elect three directors and to ratify the
        selection of the Company's independent auditors.

    Passing example:
        form: DEF 14A
        ---
        NOTICE OF ANNUAL MEETING OF SHAREHOLDERS

        The Annual Meeting of Shareholders of Harbor Ridge Industries, Inc. will be
        held on Thursday, May 15, 2008, at 10:00 a.m., local time, at the Harbor Ridge
        Hotel, 400 Lakeshore Drive, Cleveland, Ohio 44114, to elect three directors and
        to ratify the selection of the Company's independent auditors.
    """

    name = "meeting-information-missing"
    citation = "Item 1(a) of Schedule 14A"

    def check(self, subject: Subject) -> Iterator[Finding]:
        text = subject.document.text
        best: tuple[int, list[str], int] | None = None
        anchors = sorted([*_MEETING_HELD.finditer(text, 0, NOTICE_CHARS), *_MEETING_NAMED.finditer(text, 0, NOTICE_CHARS)], key=lambda m: m.start())
        for match in anchors:
            window = text[max(0, match.start() - MEETING_WINDOW // 2) : match.end() + MEETING_WINDOW]
            missing = [what for what, pattern in (("date", _MEETING_DATE), ("time", _MEETING_TIME), ("place", _MEETING_PLACE)) if not pattern.search(window)]
            if not missing:
                return
            if best is None or len(missing) < len(best[1]):
                best = (match.start(), missing, match.end())
        if best is None:
            span = heading(subject, _NOTICE_SECTION)
            yield self.finding(subject, "Please state the date, time and place of the meeting.", *(span or (None, None)))
            return
        start, missing, end = best
        yield self.finding(subject, f"Please state the {_joined(missing)} of the meeting.", start, end)


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


class Revocability(Scoped, Existence):
    """Shareholders are told whether and how a proxy can be revoked.

    What it checks:
    The proxy statement says that a proxy may be revoked (or that it may not) and how: written
    notice to the secretary, a later-dated proxy, or voting at the meeting.

    Why staff ask:
    Item 2 of Schedule 14A requires a statement of whether the person giving the proxy can
    revoke it, and of any limits on that right; staff have also asked fund proxies to repeat
    revocation rights in the shareholder letter.

    Failing example:
        form: DEF 14A
        ---
        VOTING INFORMATION

        Shares represented by properly executed proxies will be voted as directed. If
        no direction is given, they will be voted FOR each proposal.

    Passing example:
        form: DEF 14A
        ---
        VOTING INFORMATION

        Shares represented by properly executed proxies will be voted as directed. If
        no direction is given, they will be voted FOR each proposal. You may revoke your
        proxy at any time before it is voted by giving written notice to the Secretary of
        the Fund, by delivering a later-dated proxy, or by voting in person at the meeting.
    """

    name = "revocability-missing"
    citation = "Item 2 of Schedule 14A"
    required = (r"\brevo[ck]", r"\bchange\s+(?:your|their|his\s+or\s+her)\s+vote", r"later[- ]dated\s+proxy")
    message = (
        "Please state whether shareholders may revoke their proxies and explain how to do so (for "
        "example, by written notice to the Secretary, a later-dated proxy, or voting at the meeting)."
    )

    def anchor(self, subject: Subject) -> tuple[int, int] | None:
        return heading(subject, _VOTING_SECTION)


class SolicitationCost(Scoped, Existence):
    """Who bears the cost of soliciting proxies is stated.

    What it checks:
    The proxy statement says who pays for the solicitation (the company, the fund, its adviser)
    and, by the same token, how proxies will be solicited.

    Why staff ask:
    Item 4(a) of Schedule 14A requires the persons bearing the cost of the solicitation to be
    named; in fund proxies staff look closely at whether shareholders or the adviser pay,
    especially when the meeting arises from a change in the adviser's control.

    Failing example:
        form: DEF 14A
        ---
        SOLICITATION OF PROXIES

        Proxies will be solicited by mail. Officers of the Fund may also solicit
        proxies by telephone or in person.

    Passing example:
        form: DEF 14A
        ---
        SOLICITATION OF PROXIES

        Proxies will be solicited by mail. Officers of the Fund may also solicit
        proxies by telephone or in person. The cost of the solicitation will be borne
        by the Adviser, not by the Fund or its shareholders.
    """

    name = "solicitation-cost-missing"
    citation = "Item 4(a) of Schedule 14A"
    required = (
        r"(?:cost|costs|expense|expenses)\s+(?:of|for|in\s+connection\s+with|incurred\s+in|related\s+to)\s+(?:the\s+|this\s+|such\s+|any\s+)?(?:proxy\s+)?solicit",
        r"solicit\w*[^.]{0,250}?\b(?:borne|paid|bear|bears|pay|pays|paying|reimburse|expense|expenses|cost|costs)\b",
        r"\b(?:borne|paid|bear|bears|pay|pays)\b[^.]{0,120}?\bsolicit",
    )
    message = "Please state who will bear the cost of soliciting proxies, and how proxies will be solicited."

    def anchor(self, subject: Subject) -> tuple[int, int] | None:
        return heading(subject, _SOLICITATION_SECTION) or heading(subject, _VOTING_SECTION)


class VotingSecurities(Checklist):
    """The record date, the shares outstanding and the votes per share are stated.

    What it checks:
    The proxy statement gives the record date, the number of shares of each voting class (or
    each fund) outstanding, and how many votes each share carries.

    Why staff ask:
    Item 6(a) and (b) of Schedule 14A require them: shareholders need to know who may vote and
    how many votes are in play; funds with dollar-weighted voting say so instead.

    Failing example:
        form: DEF 14A
        ---
        VOTING INFORMATION

        Shareholders of record at the close of business on February 1, 2008 are
        entitled to notice of and to vote at the meeting.

    Passing example:
        form: DEF 14A
        ---
        VOTING INFORMATION

        Shareholders of record at the close of business on February 1, 2008 are
        entitled to notice of and to vote at the meeting. On that date 12,406,118
        shares of the Fund were outstanding. Each share is entitled to one vote, and
        each fractional share to a proportionate fractional vote.
    """

    name = "voting-securities-missing"
    citation = "Item 6(a)-(b) of Schedule 14A"
    sections = _VOTING_SECTION
    elements = (
        Element(
            "the record date",
            patterns(r"record\s+date", r"(?:holders|owners)\s+of\s+record\s+(?:at|as\s+of|on)", r"close\s+of\s+business\s+on"),
            "Please state the record date for determining the shareholders entitled to vote.",
        ),
        Element(
            "the shares outstanding",
            patterns(r"\b(?:shares|units)\b[^.]{0,200}?\boutstanding\b", r"\boutstanding\b[^.]{0,80}?\b(?:shares|units|stock)\b"),
            "Please state the number of shares of each voting class (or each Fund) outstanding as of the record date.",
        ),
        Element(
            "the votes per share",
            patterns(
                r"\b(?:one|1|a)\s+vote\s+(?:for|per|on|with\s+respect\s+to)",
                r"entitled\s+to\s+(?:one|1|a)\s+vote",
                r"\bvotes?\s+(?:for|per)\s+(?:each|every)\b",
                r"fractional\s+vote",
                r"\bcumulative\s+voting",
                r"\bvote\s+for\s+each\s+dollar|\bvotes?\s+per\s+dollar",
            ),
            "Please state the number of votes to which each share is entitled.",
            "warning",
        ),
    )


# --- Regulation S-K Items 403 and 405 ---------------------------------------------------------


NOT_YET_OPERATING = r"has\s+not\s+(?:yet\s+)?commenced\s+operations"
"""A new fund has no holders to report (Form N-1A SAIs say so in place of the tables)."""


class BeneficialOwnership(Checklist):
    """Holders of more than 5% and the holdings of management are disclosed.

    What it checks:
    The document has the security-ownership information: the persons known to own more than 5%
    of a voting class (or a statement that none is known) and the holdings of the directors,
    nominees and officers, individually and as a group. A fund's SAI gives the same under
    "Control Persons and Principal Holders" (Form N-1A Item 18), so this rule reads SAIs too.

    Why staff ask:
    Item 6(d) of Schedule 14A calls for Item 403 of Regulation S-K; who controls the vote and
    how much the board owns bear on every matter put to shareholders.

    Failing example:
        form: DEF 14A
        ---
        PROPOSAL 1. ELECTION OF DIRECTORS

        Shareholders are being asked to elect the three nominees named below as
        directors of Harbor Ridge Industries, Inc.

    Passing example:
        form: DEF 14A
        ---
        PROPOSAL 1. ELECTION OF DIRECTORS

        Shareholders are being asked to elect the three nominees named below as
        directors of Harbor Ridge Industries, Inc.

        SECURITY OWNERSHIP OF CERTAIN BENEFICIAL OWNERS AND MANAGEMENT

        The following table shows, as of February 1, 2008, each person known to the
        Company to own beneficially more than 5% of its common stock, and the shares
        owned by each director and nominee and by all directors and executive officers
        as a group.
    """

    name = "beneficial-ownership-missing"
    citation = "Item 403 of Regulation S-K (Item 6(d) of Schedule 14A); Item 18 of Form N-1A"
    documents = ("proxy", "sai")
    sections = _OWNERSHIP_SECTION
    elements = (
        Element(
            "the holders of more than 5%",
            patterns(
                r"(?:more\s+than|in\s+excess\s+of|over|exceeding)\s+(?:5|five)\s*(?:%|percent|per\s+cent)",
                r"(?:5|five)\s*(?:%|percent|per\s+cent)\s+(?:or\s+more|of\s+(?:the|any|its)|beneficial|holders|owners|share|stock)",
                r"principal\s+(?:share|stock|security\s+)?holders",
                r"control\s+persons",
                NOT_YET_OPERATING,
            ),
            "Please disclose, as of a recent practicable date, each person known to own beneficially more than "
            "5% of any class of voting securities, with the amount and percentage owned, or state that there is none.",
        ),
        Element(
            "management's holdings",
            patterns(
                r"(?:directors|trustees|officers|nominees)[^.]{0,80}?\bas\s+a\s+group",
                r"ownership\s+of\s+(?:\w+\s+){0,3}management",
                r"management\s+(?:stock|share|security)\s+ownership",
                r"(?:shares|securities|stock|equity)\s+(?:beneficially\s+)?owned\s+by\s+(?:\w+\s+){0,2}(?:directors|trustees|nominees)",
                NOT_YET_OPERATING,
            ),
            "Please disclose the shares beneficially owned by each director and nominee and by the directors and "
            "executive officers as a group.",
        ),
    )


SECTION16_CAPTION = "2019-05-02"
"""84 FR 12717: from this date Item 405 disclosure goes under "Delinquent Section 16(a) Reports"
and may be left out when nothing was late."""
SECTION16_ADOPTED = "1991-05-01"
"""Item 405 (the 1991 Section 16 rules): the date from which a statement was customary."""
_SECTION16 = re.compile(r"section\s+16\s*\(\s*a\s*\)", re.I)
_NEW_CAPTION = re.compile(r"delinquent\s+section\s+16\s*\(\s*a\s*\)\s+reports", re.I)
_OLD_CAPTION = re.compile(r"section\s+16\s*\(\s*a\s*\)\s+beneficial\s+ownership\s+reporting\s+compliance", re.I)


class Section16Reports(Scoped):
    """Delinquent Section 16(a) reports are disclosed under the caption of the filing's era.

    What it checks:
    In an operating company's proxy statement that elects directors: before May 2019, a
    Section 16(a) compliance statement was customary, so its absence asks for confirmation;
    from May 2019, the caption is "Delinquent Section 16(a) Reports" (and the item may be left
    out when nothing was late), so a filing that still uses only the old caption "Section 16(a)
    Beneficial Ownership Reporting Compliance" is reminded of the new one. Open-end funds are
    not subject to Item 405 and are not asked.

    Why staff ask:
    Item 405 of Regulation S-K (through Item 7(b) of Schedule 14A) requires each insider who
    filed late to be named with the number of late reports and transactions; the 2019 caption
    makes the disclosure easy to find.

    Failing example:
        form: DEF 14A
        filed: 2021-03-15
        ---
        Shareholders are being asked to elect the directors named below.

        SECTION 16(a) BENEFICIAL OWNERSHIP REPORTING COMPLIANCE

        Based on a review of the reports filed, the Company believes that all Section 16(a)
        filing requirements were met during 2020.

    Passing example:
        form: DEF 14A
        filed: 2021-03-15
        ---
        Shareholders are being asked to elect the directors named below.

        DELINQUENT SECTION 16(a) REPORTS

        One report on Form 4, covering one sale of shares by Mr. Alden, was filed two days
        late in 2020 because of an administrative error.
    """

    name = "section-16-reports"
    citation = "Item 405 of Regulation S-K"
    severity = "info"
    registrant = "company"
    era = (SECTION16_ADOPTED, None)
    elections_only = True

    def check(self, subject: Subject) -> Iterator[Finding]:
        text = subject.document.text
        if (filing_date(subject) or SECTION16_CAPTION) >= SECTION16_CAPTION:
            old = _OLD_CAPTION.search(text)
            if old and not _NEW_CAPTION.search(text):
                yield self.finding(
                    subject,
                    'Since May 2019 Item 405 of Regulation S-K calls for the caption "Delinquent Section 16(a) Reports". '
                    "Please use it, or omit the caption if no report was late.",
                    old.start(),
                    old.end(),
                )
            return
        if not _SECTION16.search(text):
            span = heading(subject, _OWNERSHIP_SECTION)
            yield self.finding(
                subject,
                "Please confirm that no director, officer or 10% holder failed to file a report required by "
                "Section 16(a) on time during the last fiscal year, or identify each one with the number of late "
                "reports and transactions.",
                *(span or (None, None)),
            )


# --- Item 407 of Regulation S-K (Item 22(b)(15) of Schedule 14A for funds) ----------------------

ITEM_407 = "2006-12-15"
"""Item 407 (71 FR 53158): for proxy statements filed from December 15, 2006."""
LEADERSHIP_RELEASE = "2010-02-28"
"""74 FR 68362: board leadership structure and risk oversight, from February 28, 2010."""
HEDGING_RULE = "2019-07-01"
"""Item 407(i): proxy statements in fiscal years beginning on or after July 1, 2019."""
HEDGING_PHASE_IN = "2021-07-01"
"""Smaller reporting and emerging growth companies: a year later, so earlier gaps are warnings."""


class DirectorIndependence(Scoped, Existence):
    """The directors the board found independent are identified.

    What it checks:
    An operating company's proxy statement that elects directors identifies which directors
    and nominees are independent, and under which definition (an exchange's listing standards).
    Funds describe interested persons instead and are not asked.

    Why staff ask:
    Item 407(a) of Regulation S-K requires it; shareholders judge the board's oversight by who
    on it is independent of management, and a non-listed company must say whose definition it
    used.

    Failing example:
        form: DEF 14A
        filed: 2008-03-20
        ---
        PROPOSAL 1. ELECTION OF DIRECTORS

        The Board of Directors has nominated Anne Alden, Peter Brandt and Lucia Ortiz
        for election as directors.

    Passing example:
        form: DEF 14A
        filed: 2008-03-20
        ---
        PROPOSAL 1. ELECTION OF DIRECTORS

        The Board of Directors has nominated Anne Alden, Peter Brandt and Lucia Ortiz
        for election as directors. The Board has determined that Ms. Alden and Ms. Ortiz
        are independent under the listing standards of the New York Stock Exchange.
    """

    name = "director-independence-missing"
    citation = "Item 407(a) of Regulation S-K"
    registrant = "company"
    era = (ITEM_407, None)
    elections_only = True
    required = (
        r"\bindependent\b[^.]{0,250}?(?:NYSE|Nasdaq|New\s+York\s+Stock\s+Exchange|American\s+Stock\s+Exchange|listing\s+(?:standards|rules|requirements)|"
        r"Item\s+407|independence\s+(?:standards|guidelines|criteria|requirements)|within\s+the\s+meaning)",
        r"(?:NYSE|Nasdaq|New\s+York\s+Stock\s+Exchange|listing\s+standards)[^.]{0,250}?\bindependent\b",
        r"(?:determined|concluded|affirmed|found)\s+that\s+[^.]{0,300}?\bindependent\b",
    )
    message = (
        "Please identify each director and nominee who is independent, and state the definition of "
        "independence applied (for a company whose shares are not listed, which exchange's definition)."
    )

    def anchor(self, subject: Subject) -> tuple[int, int] | None:
        return heading(subject, _GOVERNANCE_SECTION) or heading(subject, _ELECTION_SECTION)


_BOARD_MET = (
    r"\b(?:Board|Trustees|Directors)\b[^.]{0,150}?\b(?:held|met|convened|holds)\b[^.]{0,60}?\b" + _NUMBER + r"\b[^.]{0,40}?\b(?:meetings?|times)\b",
    r"\b" + _NUMBER + r"\s+(?:\w+\s+){0,3}meetings?\s+of\s+(?:the|its)\s+(?:Board|Trustees|Directors)",
    r"\bmet\s+" + _NUMBER + r"\s+times\b",
    r"\b(?:Board|Trustees|Directors)\b[^.]{0,60}?\bdid\s+not\s+(?:hold|meet)",
)


class BoardMeetingCount(Scoped, Existence):
    """The number of board meetings held in the last fiscal year is stated.

    What it checks:
    A proxy statement that elects directors or trustees says how many meetings (regular and
    special) the board held during the last full fiscal year. The 75% attendance statement is
    a separate rule (TDY202).

    Why staff ask:
    Item 407(b)(1) of Regulation S-K (Item 22(b)(15) of Schedule 14A for funds; before 2006,
    Item 7(e)) requires the count; it is the base against which attendance is measured.

    Failing example:
        fund: yes
        form: DEF 14A
        ---
        Shareholders are being asked to elect the nominees listed below as Trustees.

        Board Meetings

        Each Trustee attended at least 75% of the meetings of the Board and of the
        committees on which he or she served during the fiscal year.

    Passing example:
        fund: yes
        form: DEF 14A
        ---
        Shareholders are being asked to elect the nominees listed below as Trustees.

        Board Meetings

        The Board of Trustees met six times during the fiscal year ended December 31,
        2007. Each Trustee attended at least 75% of the meetings of the Board and of the
        committees on which he or she served.
    """

    name = "board-meeting-count-missing"
    citation = "Item 407(b)(1) of Regulation S-K"
    elections_only = True
    required = _BOARD_MET
    message = "Please state the number of meetings the Board held during the last full fiscal year."

    def check(self, subject: Subject) -> Iterator[Finding]:
        if subject.proxy and subject.proxy.board_meetings is not None:
            return
        yield from super().check(subject)

    def anchor(self, subject: Subject) -> tuple[int, int] | None:
        return heading(subject, _MEETINGS_HEADING) or heading(subject, _GOVERNANCE_SECTION)


class AnnualMeetingAttendance(Scoped, Existence):
    """The policy on directors' attendance at the annual meeting, and last year's attendance.

    What it checks:
    A proxy statement that elects directors describes any policy on board members attending
    the annual meeting of shareholders and says how many attended last year's; a fund that
    holds no annual meetings may say so instead.

    Why staff ask:
    Item 407(b)(2) of Regulation S-K (Item 22(b)(15) of Schedule 14A for funds; from 2004 under
    the nominating-committee release) requires it, as a measure of the board's accessibility
    to shareholders.

    Failing example:
        form: DEF 14A
        filed: 2008-03-20
        ---
        Shareholders are being asked to elect the directors named below.

        CORPORATE GOVERNANCE

        The Board of Directors held six meetings during 2007.

    Passing example:
        form: DEF 14A
        filed: 2008-03-20
        ---
        Shareholders are being asked to elect the directors named below.

        CORPORATE GOVERNANCE

        The Board of Directors held six meetings during 2007. Directors are expected to
        attend the annual meeting of shareholders, and all seven directors attended the
        2007 annual meeting.
    """

    name = "annual-meeting-attendance-missing"
    citation = "Item 407(b)(2) of Regulation S-K"
    severity = "warning"
    era = (NOMINATING_RELEASE, None)
    elections_only = True
    required = (
        r"(?:directors|trustees|board\s+members|members\s+of\s+the\s+board|nominees)\b[^.]{0,200}?\battend\w*[^.]{0,150}?annual\s+(?:general\s+)?meetings?",
        r"annual\s+(?:general\s+)?meetings?[^.]{0,200}?\b(?:directors|trustees|board\s+members|members\s+of\s+the\s+board)\b[^.]{0,150}?\battend",
        r"\battendance\s+(?:of\s+\w+\s+)?(?:at|in)\s+(?:the\s+)?annual\s+meetings?",
        r"annual\s+meeting\s+attendance",
        r"(?:does|do|did)\s+not\s+(?:hold|have|intend\s+to\s+hold)\s+(?:regular(?:ly\s+scheduled)?\s+)?annual\s+(?:shareholder\s+|stockholder\s+)?meetings",
        r"not\s+required\s+to\s+hold\s+annual\s+meetings",
    )
    message = (
        "Please describe the policy, if any, on board members' attendance at annual meetings of shareholders, "
        "and state how many board members attended last year's annual meeting (or that none was held)."
    )

    def anchor(self, subject: Subject) -> tuple[int, int] | None:
        return heading(subject, _MEETINGS_HEADING) or heading(subject, _GOVERNANCE_SECTION)


class NominatingProcess(Checklist):
    """The nominating committee's charter and its policy on shareholders' candidates.

    What it checks:
    A proxy statement that elects directors says whether the nominating committee has a charter
    (and where it is), and whether and how the committee considers candidates recommended by
    shareholders; a board without a nominating committee says so. Proxy statements first sent
    before 2004 are not asked.

    Why staff ask:
    Item 407(c)(1)-(2) of Regulation S-K (Item 22(b)(15)(ii) of Schedule 14A for funds) requires
    them; a shareholder who wants to propose a candidate must be told where to send the name.

    Failing example:
        form: DEF 14A
        filed: 2008-03-01
        fund: yes
        ---
        Shareholders are being asked to elect the nominees listed below as Trustees.

        Nominating Committee. The Nominating Committee, which consists of all of the
        Independent Trustees, selects and nominates candidates for Independent Trustee.

    Passing example:
        form: DEF 14A
        filed: 2008-03-01
        fund: yes
        ---
        Shareholders are being asked to elect the nominees listed below as Trustees.

        Nominating Committee. The Nominating Committee, which consists of all of the
        Independent Trustees, selects and nominates candidates for Independent Trustee
        under a written charter, which is attached as Appendix B. The Committee will
        consider candidates recommended by shareholders; recommendations should be sent
        to the Secretary of the Trust with the candidate's biographical information.
    """

    name = "nominating-process-missing"
    citation = "Item 407(c)(1)-(2) of Regulation S-K"
    era = (NOMINATING_RELEASE, None)
    elections_only = True
    sections = _NOMINATING_HEADING
    elements = (
        Element(
            "the shareholder-recommendation policy",
            patterns(
                r"(?:recommend|nominat|submi|propos|suggest|identifi)\w*[^.]{0,150}?\b(?:by|from)\s+(?:\w+\s+)?(?:share|stock|security\s?|unit\s?)holders?",
                r"(?:share|stock|security\s?|unit\s?)holders?\s+(?:who\s+(?:wish|want|desire)\s+to\s+|wishing\s+to\s+|may\s+|can\s+|desiring\s+to\s+)(?:\w+\s+){0,3}(?:recommend|submit|nominate|propose|suggest)",
                r"(?:share|stock|security\s?|unit\s?)holder\s+(?:recommendations|nominations|nominees|candidates|proposals\s+of\s+(?:director|trustee)\s+candidates)",
                r"(?:does|do|will)\s+not\s+(?:currently\s+)?(?:consider|accept)\s+(?:\w+\s+){0,3}(?:recommended|nominated|submitted)\s+by\s+(?:share|stock)holders",
            ),
            "Please state whether the nominating committee will consider director candidates recommended by "
            "shareholders and, if so, the procedures shareholders should follow to submit them.",
        ),
        Element(
            "the committee's charter",
            patterns(
                r"nominat\w*[^.]{0,300}?\bcharter\b",
                r"\bcharter\b[^.]{0,300}?\bnominat",
                r"(?:does|do)\s+not\s+have\s+(?:a|an)\s+(?:standing\s+)?nominating\s+committee",
                r"(?:each|every|all)\s+(?:of\s+the\s+|three\s+|our\s+)?(?:standing\s+)?committees?\b[^.]{0,80}?\bcharters?\b",
                r"charters?\s+(?:of|for)\s+(?:each|all)\s+(?:of\s+)?(?:the\s+|our\s+)?(?:\w+\s+){0,2}committees",
            ),
            "Please state whether the nominating committee has a charter and, if so, where shareholders can find it.",
            "warning",
        ),
    )


class AuditCommitteeReport(Checklist):
    """The audit committee's report and charter are in the annual-meeting proxy.

    What it checks:
    An operating company's proxy statement that elects directors contains a report of the audit
    committee, with its recommendation that the audited financial statements be included in the
    annual report, and says whether the committee has a charter. Funds (other than closed-end
    funds, under Item 22(b)(16)) are not asked; proxy statements before 2001 predate the report.

    Why staff ask:
    Item 407(d)(1)-(3) of Regulation S-K (formerly Item 306) requires the report, signed with the
    members' names, so that shareholders see the committee's own account of its oversight.

    Failing example:
        form: DEF 14A
        filed: 2008-03-20
        ---
        Shareholders are being asked to elect the directors named below.

        AUDIT COMMITTEE

        The Audit Committee oversees the Company's financial reporting and met five
        times during 2007.

    Passing example:
        form: DEF 14A
        filed: 2008-03-20
        ---
        Shareholders are being asked to elect the directors named below.

        AUDIT COMMITTEE

        The Audit Committee oversees the Company's financial reporting under a written
        charter adopted by the Board, and met five times during 2007.

        REPORT OF THE AUDIT COMMITTEE

        The Audit Committee has reviewed and discussed the audited financial statements
        with management and with the independent auditors. Based on these discussions,
        the Committee recommended to the Board that the audited financial statements be
        included in the Company's Annual Report on Form 10-K for 2007.

        Anne Alden, Chair    Peter Brandt    Lucia Ortiz
    """

    name = "audit-committee-report-missing"
    citation = "Item 407(d)(1)-(3) of Regulation S-K"
    registrant = "company"
    era = ("2001-01-01", None)
    elections_only = True
    sections = _AUDIT_SECTION
    elements = (
        Element(
            "the audit committee report",
            patterns(r"report\s+of\s+the\s+audit\s+(?:and\s+\w+\s+)?committee", r"audit\s+(?:and\s+\w+\s+)?committee(?:'s)?\s+report"),
            "Please include the report of the audit committee required by Item 407(d)(3) of Regulation S-K, with "
            "the names of the committee members printed below it.",
        ),
        Element(
            "the recommendation to include the audited financial statements",
            patterns(r"recommend\w*\s+to\s+the\s+Board[^.]{0,400}?\binclu(?:de|ded|sion)\b[^.]{0,250}?annual\s+report"),
            "Please state in the audit committee report whether the committee recommended to the board that the "
            "audited financial statements be included in the annual report.",
            "warning",
        ),
        Element(
            "the audit committee's charter",
            patterns(r"audit\s+committee[^.]{0,300}?\bcharter\b", r"\bcharter\b[^.]{0,200}?audit\s+committee"),
            "Please state whether the audit committee has a charter and where it is available.",
            "warning",
        ),
    )


class ShareholderCommunications(Scoped, Existence):
    """How shareholders can communicate with the board is described.

    What it checks:
    A proxy statement that elects directors says whether shareholders can send communications
    to the board and how (an address, the secretary, e-mail), including to individual directors.
    Proxy statements first sent before 2004 are not asked.

    Why staff ask:
    Item 407(f) of Regulation S-K (Item 22(b)(15)(i) of Schedule 14A for funds) requires it, or an
    explanation of why the board has no such process.

    Failing example:
        form: DEF 14A
        filed: 2008-03-01
        fund: yes
        ---
        Shareholders are being asked to elect the nominees listed below as Trustees.

        BOARD OF TRUSTEES

        The Board oversees the management of the Trust and meets quarterly.

    Passing example:
        form: DEF 14A
        filed: 2008-03-01
        fund: yes
        ---
        Shareholders are being asked to elect the nominees listed below as Trustees.

        BOARD OF TRUSTEES

        The Board oversees the management of the Trust and meets quarterly. Shareholders
        may send communications to the Board, or to an individual Trustee, in writing to
        the Secretary of the Trust, 100 Federal Street, Boston, Massachusetts 02110, who
        will forward them to the Trustees.
    """

    name = "shareholder-communications-missing"
    citation = "Item 407(f) of Regulation S-K"
    era = (NOMINATING_RELEASE, None)
    elections_only = True
    required = (
        r"communicat\w*\s+(?:directly\s+)?(?:with|to)\s+(?:the\s+|our\s+|its\s+|any\s+|an\s+)?(?:\w+\s+){0,3}(?:Board|Directors|Trustees|director|trustee)",
        r"(?:send|sending|submit|direct|address)\w*\s+(?:\w+\s+){0,2}(?:communications|correspondence|letters|inquiries)\s+(?:\w+\s+){0,3}(?:to\s+)?(?:the\s+)?(?:Board|Directors|Trustees)",
        r"(?:communications|correspondence|letters)\s+(?:to|for|intended\s+for|addressed\s+to)\s+(?:the\s+|our\s+|any\s+|an\s+)?(?:\w+\s+){0,2}(?:Board|Directors|Trustees|director|trustee)",
        r"(?:write|writing)\s+to\s+(?:the\s+|our\s+)?(?:Board|Directors|Trustees)",
        r"interested\s+part(?:y|ies)\s+communications",
    )
    message = (
        "Please state whether shareholders can send communications to the board and, if so, how to send "
        "them, including to individual directors."
    )

    def anchor(self, subject: Subject) -> tuple[int, int] | None:
        return heading(subject, _GOVERNANCE_SECTION)


class LeadershipAndRisk(Checklist):
    """The board's leadership structure and its role in risk oversight are described.

    What it checks:
    From 2010, a proxy statement that elects directors describes the board's leadership
    structure (whether the chair is also the chief executive, or for funds an interested
    person; any lead independent director; why the structure suits the company) and the
    board's role in overseeing risk. A fund's SAI gives the same under Item 17(b)(1) of
    Form N-1A, so this rule reads SAIs too.

    Why staff ask:
    Item 407(h) of Regulation S-K (Item 22(b)(11) of Schedule 14A for funds) requires both;
    staff ask in particular where a fund's chair is an interested person.

    Failing example:
        form: DEF 14A
        filed: 2011-03-20
        ---
        Shareholders are being asked to elect the directors named below.

        CORPORATE GOVERNANCE

        The Board of Directors held six meetings during 2010.

    Passing example:
        form: DEF 14A
        filed: 2011-03-20
        ---
        Shareholders are being asked to elect the directors named below.

        CORPORATE GOVERNANCE

        Board Leadership Structure. The roles of Chairman and Chief Executive Officer
        are separate; the Chairman is an independent director, which the Board believes
        strengthens its oversight of management.

        Risk Oversight. The Board oversees the Company's enterprise risks directly and
        through its Audit Committee, which reviews financial and compliance risks.
    """

    name = "leadership-risk-oversight-missing"
    citation = "Item 407(h) of Regulation S-K; Item 17(b)(1) of Form N-1A"
    era = (LEADERSHIP_RELEASE, None)
    documents = ("proxy", "sai")
    elections_only = True
    sections = _GOVERNANCE_SECTION
    elements = (
        Element(
            "the leadership structure",
            patterns(
                r"leadership\s+structure",
                r"(?:roles|positions|offices|functions)\s+of\s+(?:the\s+)?(?:Chair\w*|Chief\s+Executive\s+Officer|CEO)[^.]{0,160}?\b(?:separate|combined|held\s+by)",
                r"(?:separate|separated|combine|combined|split)\w*\s+the\s+(?:roles|positions|offices)\s+of",
                r"lead\s+independent\s+(?:director|trustee)",
                r"\bindependent\s+Chair(?:man|person|woman)?\b",
                r"Chair(?:man|person|woman)?\s+(?:of\s+the\s+Board\s+)?is\s+(?:an?\s+)?(?:independent|interested|not\s+an?\s+interested)",
            ),
            "Please describe the board's leadership structure, including whether the chair is also the chief "
            "executive officer (for a fund, an interested person), any lead independent director and that "
            "director's role, and why the structure is appropriate.",
        ),
        Element(
            "the board's role in risk oversight",
            patterns(
                r"risk\s+oversight",
                r"oversight\s+of\s+(?:\w+\s+){0,3}risks?\b",
                r"oversee\w*\s+(?:\w+\s+){0,5}risks?\b",
                r"role\s+in\s+(?:the\s+)?(?:\w+\s+){0,2}risk",
            ),
            "Please describe the board's role in the oversight of risk and how it affects the board's leadership structure.",
        ),
    )


class HedgingPolicy(Scoped, Existence):
    """The company's practices or policies on hedging its equity are described.

    What it checks:
    An operating company's proxy statement that elects directors, filed in a fiscal year
    beginning on or after July 1, 2019, describes any practice or policy on employees',
    officers' and directors' hedging of the company's equity securities, or says there is
    none. Gaps before July 2021 are warnings, since smaller reporting and emerging growth
    companies came under the rule a year later. Registered funds are not subject to Item 407(i).

    Why staff ask:
    Item 407(i) of Regulation S-K requires it; hedging lets insiders keep their shares while
    shedding the risk that aligns them with shareholders.

    Failing example:
        form: DEF 14A
        filed: 2022-03-20
        ---
        Shareholders are being asked to elect the directors named below.

        CORPORATE GOVERNANCE

        The Board of Directors held six meetings during 2021.

    Passing example:
        form: DEF 14A
        filed: 2022-03-20
        ---
        Shareholders are being asked to elect the directors named below.

        CORPORATE GOVERNANCE

        The Board of Directors held six meetings during 2021. Our insider trading policy
        prohibits directors, officers and employees from hedging or pledging Company
        stock, including through prepaid variable forwards, swaps and collars.
    """

    name = "hedging-policy-missing"
    citation = "Item 407(i) of Regulation S-K"
    registrant = "company"
    era = (HEDGING_RULE, None)
    elections_only = True
    required = (r"\bhedg",)
    message = (
        "Please describe any practices or policies regarding the ability of employees, officers and directors "
        "to hedge the Company's equity securities, or state that there are none."
    )

    def check(self, subject: Subject) -> Iterator[Finding]:
        for finding in super().check(subject):
            if (filing_date(subject) or HEDGING_PHASE_IN) < HEDGING_PHASE_IN:
                finding.severity = "warning"
            yield finding

    def anchor(self, subject: Subject) -> tuple[int, int] | None:
        return heading(subject, _GOVERNANCE_SECTION)


# --- Items 9, 21 and 23 of Schedule 14A ---------------------------------------------------------

_RATIFICATION = re.compile(r"ratif\w*[^.]{0,200}?(?:accountants|auditors|accounting\s+firm)|(?:selection|appointment)\s+of\s+(?:\w+\s+){0,5}(?:accountants|auditors|accounting\s+firm)", re.I)
_ANNUAL_MEETING = re.compile(r"annual\s+(?:general\s+)?meeting|meeting\s+in\s+lieu\s+of\s+(?:an\s+)?annual", re.I)
_ACCOUNTANT = re.compile(
    r"independent\s+(?:registered\s+)?(?:public\s+|certified\s+public\s+)?(?:accountants|accounting\s+firm|auditors)|certified\s+public\s+accountants|\bauditors\b",
    re.I,
)
_AT_MEETING = re.compile(
    r"(?:expected|anticipated|will|plan|intend|invited)\w*\s+(?:\w+\s+){0,3}(?:be\s+)?(?:present|attend|in\s+attendance|available)"
    r"|opportunity\s+to\s+make\s+a\s+statement|respond\s+to\s+appropriate\s+questions|available\s+to\s+(?:respond|answer)",
    re.I,
)
ACCOUNTANT_WINDOW = 3000
"""The attendance sentence sits within this many characters after the accountant is named."""


class AuditorAttendance(Scoped):
    """The independent accountants are named, with whether they will attend the meeting.

    What it checks:
    A proxy statement for an annual meeting that elects directors, or one that asks shareholders
    to ratify the selection of auditors, names the accountants and says whether their
    representatives are expected at the meeting, may make a statement, and will answer
    questions. A fund's special meeting that elects trustees is a gray zone: there the finding
    is a reminder.

    Why staff ask:
    Item 9(a)-(c) of Schedule 14A requires it, so that shareholders know whom they may question
    about the financial statements.

    Failing example:
        form: DEF 14A
        ---
        ANNUAL MEETING OF SHAREHOLDERS

        PROPOSAL 1. ELECTION OF DIRECTORS

        Shareholders are being asked to elect three directors.

        PROPOSAL 2. RATIFICATION OF INDEPENDENT AUDITORS

        The Audit Committee has selected Brandt & Lowe LLP as the Company's independent
        auditors for 2008.

    Passing example:
        form: DEF 14A
        ---
        ANNUAL MEETING OF SHAREHOLDERS

        PROPOSAL 1. ELECTION OF DIRECTORS

        Shareholders are being asked to elect three directors.

        PROPOSAL 2. RATIFICATION OF INDEPENDENT AUDITORS

        The Audit Committee has selected Brandt & Lowe LLP as the Company's independent
        auditors for 2008. Representatives of Brandt & Lowe LLP are expected to be present
        at the meeting, will have the opportunity to make a statement if they wish, and
        will be available to respond to appropriate questions.
    """

    name = "auditor-attendance-missing"
    citation = "Item 9 of Schedule 14A"

    def applies(self, subject: Subject) -> bool:
        if not super().applies(subject):
            return False
        text = subject.document.text
        annual = _ANNUAL_MEETING.search(text, 0, NOTICE_CHARS) is not None
        return bool(_RATIFICATION.search(text)) or (elects_directors(subject) and (annual or subject.investment_company))

    def check(self, subject: Subject) -> Iterator[Finding]:
        text = subject.document.text
        named = [m for m in _ACCOUNTANT.finditer(text)]
        if any(_AT_MEETING.search(text, m.start(), m.end() + ACCOUNTANT_WINDOW) for m in named):
            return
        span = heading(subject, _AUDIT_SECTION)
        if not named and not (subject.proxy and subject.proxy.auditor):
            message = "Please name the independent public accountants selected for the current year, or state that none has been selected and why."
        else:
            message = (
                "Please state whether representatives of the independent public accountants are expected to be present "
                "at the meeting, whether they will have the opportunity to make a statement, and whether they will be "
                "available to respond to appropriate questions."
            )
        finding = self.finding(subject, message, *(span or (None, None)))
        if subject.investment_company and not _ANNUAL_MEETING.search(text, 0, NOTICE_CHARS):
            finding.severity = "info"
        yield finding


class VotingProcedures(Checklist):
    """The vote required, and how abstentions and broker non-votes count, are stated.

    What it checks:
    The proxy statement states the vote required for the matters to be acted on (plurality,
    majority of votes cast, a 1940 Act majority) and how abstentions and broker non-votes are
    treated for the quorum and the outcome. Giving the treatment once for all proposals is
    enough.

    Why staff ask:
    Item 21(a)-(b) of Schedule 14A requires the vote required and the method by which votes are
    counted, including the effect of abstentions and broker non-votes under state law and the
    charter; without it shareholders cannot tell what an abstention does.

    Failing example:
        form: DEF 14A
        ---
        VOTING INFORMATION

        Proposal 1 requires the affirmative vote of a majority of the votes cast at the
        meeting.

    Passing example:
        form: DEF 14A
        ---
        VOTING INFORMATION

        Proposal 1 requires the affirmative vote of a majority of the votes cast at the
        meeting. Abstentions and broker non-votes will be counted as present for purposes
        of a quorum but will have no effect on the outcome of Proposal 1.
    """

    name = "voting-procedures-missing"
    citation = "Item 21 of Schedule 14A"
    sections = _VOTING_SECTION
    elements = (
        Element(
            "the vote required",
            patterns(
                r"\bplurality\b",
                r"\bmajority\s+of\s+(?:the\s+)?(?:votes|shares|outstanding|voting\s+power|those\s+present)",
                r"affirmative\s+vote\s+of",
                r"\b(?:vote|votes)\s+required\b|\brequired\s+vote\b|\brequires?\s+the\s+(?:approval|vote)",
                r"1940\s+Act\s+Majority|majority\s+of\s+the\s+outstanding\s+voting\s+securities",
                r"(?:\b67|sixty-seven)\s*(?:%|percent)",
            ),
            "Please state the vote required to approve each matter.",
        ),
        Element(
            "the treatment of abstentions",
            patterns(r"\babstention", r"\babstain\w*[^.]{0,200}?\b(?:counted|treated|effect|quorum)"),
            "Please state how abstentions will be treated for purposes of the quorum and what effect they will have on each matter.",
            "warning",
        ),
        Element(
            "the treatment of broker non-votes",
            patterns(r"broker\s+non-?\s?votes?", r"\bbrokers?\b[^.]{0,200}?\b(?:discretion|not\s+(?:vote|voted)|without\s+instructions|no\s+instructions)"),
            "Please state how broker non-votes will be treated for purposes of the quorum and what effect they will have on each matter.",
            "warning",
        ),
    )


_HOUSEHOLDING = (
    r"\bhouseholding\b",
    r"\bshar(?:e|ing)\s+(?:an|the\s+same|a\s+common|a\s+single)\s+(?:mailing\s+)?address",
    r"\b(?:only\s+one|a\s+single)\s+(?:copy|set)\s+of\s+(?:this|the)\s+(?:proxy|annual|notice|\w+\s+report)",
)
_UNDERTAKING = re.compile(r"promptly|upon\s+(?:written\s+or\s+oral\s+|oral\s+or\s+written\s+)?request|if\s+you\s+(?:would\s+like|wish|want)", re.I)
_CONTACT = re.compile(r"\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|1-8\d\d-|\b\d{5}(?:-\d{4})?\b|www\.|@", re.I)
HOUSEHOLDING_WINDOW = 1500
"""The undertaking and the contact details follow the householding statement within this span."""


class Householding(Scoped, Conditional):
    """Where one copy goes to a shared address, the undertaking and contact details are given.

    What it checks:
    A proxy statement that says it is delivering one copy to shareholders sharing an address
    also undertakes to deliver a separate copy promptly on request, and gives the telephone
    number or address to which the request goes.

    Why staff ask:
    Item 23 of Schedule 14A (with Rule 14a-3(e)(1)) requires them whenever householding is used;
    registrants that do not household need say nothing, so this is a reminder.

    Failing example:
        form: DEF 14A
        ---
        DELIVERY OF DOCUMENTS

        Only one copy of this proxy statement is being delivered to shareholders who share
        an address.

    Passing example:
        form: DEF 14A
        ---
        DELIVERY OF DOCUMENTS

        Only one copy of this proxy statement is being delivered to shareholders who share
        an address. The Fund will promptly deliver a separate copy upon written or oral
        request to the Fund at 100 Federal Street, Boston, Massachusetts 02110, or by
        calling 1-800-555-0142.
    """

    name = "householding-undertaking-missing"
    citation = "Item 23 of Schedule 14A"
    severity = "info"
    trigger = _HOUSEHOLDING
    required = ()
    message = (
        "Because the proxy statement is delivered once to shareholders sharing an address, please undertake to "
        "deliver a separate copy promptly on request, and give the telephone number and mailing address for "
        "such requests."
    )

    def satisfied(self, subject: Subject, span: tuple[int, int]) -> bool:
        window = subject.document.text[max(0, span[0] - HOUSEHOLDING_WINDOW // 3) : span[1] + HOUSEHOLDING_WINDOW]
        return bool(_UNDERTAKING.search(window) and _CONTACT.search(window))


RULES = {
    "TDY201": NomineeSource,
    "TDY202": AttendanceStatement,
    "TDY203": PreliminaryLegend,
    "TDY204": MeetingInformation,
    "TDY205": Revocability,
    "TDY206": SolicitationCost,
    "TDY207": VotingSecurities,
    "TDY208": BeneficialOwnership,
    "TDY209": Section16Reports,
    "TDY210": DirectorIndependence,
    "TDY211": BoardMeetingCount,
    "TDY212": AnnualMeetingAttendance,
    "TDY213": NominatingProcess,
    "TDY214": AuditCommitteeReport,
    "TDY215": ShareholderCommunications,
    "TDY216": LeadershipAndRisk,
    "TDY217": HedgingPolicy,
    "TDY218": AuditorAttendance,
    "TDY219": VotingProcedures,
    "TDY220": Householding,
}
