"""Required-disclosure family (TDY2xx): statements Schedule 14A and Regulation S-K require.

A finding about a missing statement points at the section where the statement belongs (the
nominating committee's description, the board-meetings paragraph), because that is where staff
would ask for it and where counsel will add it.
"""

from __future__ import annotations

import re

from tandy.rules.base import Conditional, Existence, search
from tandy.rules.model import Subject

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
_NAME = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+)+)\b")
_NOMINATING_SECTION = re.compile(r"^[^\n]{0,80}\bNominating\b[^\n]{0,80}Committee\b", re.M)
_ATTENDANCE = (
    r"\b(?:75|seventy[- ]five)\s*(?:%|percent)",
    r"three[- ]quarters\s+of\s+the",
    r"attended\s+(?:all|each)\s+(?:of\s+the\s+)?(?:regular\s+)?meetings",
)
_MEETINGS_SECTION = re.compile(r"^[^\n]{0,60}(?:Board\s+(?:of\s+\w+\s+)?(?:Meetings|Committees)|Meetings\s+of\s+the\s+Board)[^\n]{0,40}$", re.M | re.I)


def section_heading(subject: Subject, pattern: re.Pattern) -> tuple[int, int] | None:
    """The first heading or paragraph start that names a section, to point a finding at."""
    match = pattern.search(subject.document.text)
    return (match.start(), match.end()) if match else None


class NomineeSource(Conditional):
    """Who recommended each new nominee is stated.

    What it checks:
    When the proxy statement presents a nominee standing for election for the first time, it
    says which category of person recommended that nominee to the nominating committee (a
    security holder, a non-management director, the chief executive officer, another executive
    officer, a third-party search firm, or, for funds, an employee of the adviser or principal
    underwriter).

    Why staff ask:
    Item 407(c)(2)(vii) of Regulation S-K (applied to funds by Item 22(b)(15) of Schedule 14A)
    requires it for each nominee other than executive officers and directors standing for
    re-election; shareholders weigh a nominee differently when management proposed them.

    Failing example:
        fund: yes
        ---
        Susan C. Gause and Robert Boulware are standing for election as Independent
        Trustees for the first time.

        Nominating Committee. The Nominating Committee consists of all of the
        Independent Trustees and nominates Independent Trustee candidates.

    Passing example:
        fund: yes
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
    trigger = _NEW_NOMINEE
    required = ()
    message = (
        "The proxy statement names nominees standing for election for the first time but does not "
        "state who recommended each of them. Please state the category of persons (security holder, "
        "director, chief executive officer, other executive officer, or employee of the investment "
        "adviser, principal underwriter or an affiliate) that recommended each new nominee."
    )

    def satisfied(self, subject: Subject, span: tuple[int, int]) -> bool:
        """Each new nominee named where the trigger is has a "was recommended ... by" sentence
        of their own (a policy on candidates "recommended by shareholders" does not count)."""
        text = subject.document.text
        start = max(text.rfind(". ", 0, span[0]) + 2, text.rfind("\n\n", 0, span[0]) + 2)
        surnames = {m.group(1).split()[-1] for m in _NAME.finditer(text[start : span[1]])} - _NOT_NAMES
        statements = [m.group(0) for m in _RECOMMENDED_BY.finditer(text)]
        if not surnames:
            return bool(statements)
        return all(any(surname in statement or _names_before(text, statement, surname) for statement in statements) for surname in surnames)

    def anchor(self, subject: Subject, span: tuple[int, int]) -> tuple[int, int]:
        """The nominating committee's description, where the statement belongs."""
        return section_heading(subject, _NOMINATING_SECTION) or span


class AttendanceStatement(Existence):
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
    severity = "warning"
    required = _ATTENDANCE
    message = (
        "Please state whether any director attended fewer than 75% of the total number of meetings of "
        "the board and of the committees on which he or she served during the last fiscal year, and "
        "name each such director, or state that each director attended at least 75%."
    )

    def applies(self, subject: Subject) -> bool:
        return super().applies(subject) and elects_directors(subject)

    def anchor(self, subject: Subject) -> tuple[int, int] | None:
        return section_heading(subject, _MEETINGS_SECTION)


def _names_before(text: str, statement: str, surname: str) -> bool:
    """The statement's subject is named just before it ("Susan C. Gause was recommended ...")."""
    at = text.find(statement)
    return surname in text[max(0, at - 60) : at]


def elects_directors(subject: Subject) -> bool:
    """Directors or trustees are up for election: nominees presented, or an election proposal."""
    proxy = subject.proxy
    if proxy and any("nominee" in p.roles for p in proxy.people):
        return True
    return search((r"\belect(?:ion\s+of|ing)?\s+(?:the\s+)?(?:\w+\s+)?(?:directors|trustees|nominees)\b",), subject.document.text) is not None


RULES = {
    "TDY201": NomineeSource,
    "TDY202": AttendanceStatement,
}
