"""Self-checks that need no labels: what the document says of itself against what was read.

Each check sets a count or a list the document states against what the reader extracted, so
that a reading gone wrong on a layout nobody has seen shows itself: the nominees the notice says
are to be elected against the nominees found; the people named in the beneficial-ownership table
against the people found; the committees the text describes against the committees extracted;
and ages (and birth years) a board or an officer can have. A check whose statement is absent
(no notice count, no ownership table) is "not_applicable", never "passed".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from tandy.proxy.model import Proxy
from tandy.proxy.biographies import TITLE_WORDS
from tandy.proxy.people import HONORIFIC

Status = Literal["passed", "failed", "not_applicable"]

NOTICE_CHARS = 80_000
"""The notice and the proxy summary that restates its items lie within this much text."""
WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20,
}
_COUNT = r"(?P<count>\d{1,2}|" + "|".join(WORDS) + r")"
_ELECT_COUNT = re.compile(
    r"\b(?:to\s+elect|election\s+of|elect)\s+(?:the\s+|our\s+|all\s+)?" + _COUNT + r"\s+(?:(?!class(?:es)?\b)\w+\s+){0,3}?"
    r"(?:directors?|trustees?|nominees?|members\s+of\s+the\s+board)\b",
    re.I,
)
AGE_RANGE = (21, 100)
"""Ages a director, trustee or officer is printed with; a number outside is a misread cell."""

_OWNERSHIP_HEAD = re.compile(r"beneficial(?:ly)?\s+own|security\s+ownership|amount\s+and\s+nature|shares\s+owned", re.I)
_GROUP_ROW = re.compile(
    r"\b(?:all|total|group|persons|inc|llc|l\.?p|ltd|corp|corporation|company|trust|fund|funds|group|partners|capital|management|"
    r"advisors|associates|holdings|bank|plan|vanguard|blackrock|foundation|investments?|securities|n\.a|officers|directors|executive|"
    r"amusements|information|matters|common|stock)\b\.?",
    re.I,
)
_PERSON_CELL = re.compile(r"^(?P<name>[A-Z][\w'’\-]*\.?(?:\s+(?:[A-Z][\w'’\-]*\.?|de|van|von|del|la)){1,4})(?:,?\s+(?:Jr|Sr|II|III|IV)\.?)?(?=$|[\s(*,\d†‡§])")
_DESCRIBED = re.compile(
    r"\b(?:The|Our|the)\s+(?P<name>(?:[A-Z][a-z]+,?\s+(?:and\s+|&\s+)?){1,6})Committee\s+(?:met|held|consists|is\s+composed|is\s+comprised|"
    r"currently\s+consists|is\s+responsible|oversees|assists|reviews|is\s+charged|has\s+(?:the\s+)?responsibilit)",
)
_NOT_BOARD = {"Disclosure", "Management", "Investment", "Valuation", "Proxy", "Pricing", "Retirement", "Pension", "Benefits", "Plan", "Special", "Transaction", "Independent", "Negotiating", "Strategic", "Advisory"}
_STOP = {"the", "and", "committee", "of", "board"}


@dataclass(slots=True)
class SelfCheck:
    """One self-check: what the document states, what was read, and whether they agree."""

    name: str
    status: Status
    expected: int | None = None
    found: int | None = None
    detail: str | None = None


def self_checks(proxy: Proxy) -> list[SelfCheck]:
    """Every self-check, in a fixed order."""
    return [nominee_count(proxy), ownership_people(proxy), committees_described(proxy), ages_plausible(proxy)]


def nominee_count(proxy: Proxy) -> SelfCheck:
    """The notice's "to elect eight directors" against the nominees found."""
    text = proxy.document.text[:NOTICE_CHARS]
    stated = [_number(m.group("count")) for m in _ELECT_COUNT.finditer(text)]
    found = sum("nominee" in p.roles for p in proxy.people)
    if not stated:
        return SelfCheck("nominee-count", "not_applicable", None, found, "the notice states no number of directors to elect")
    expected = max(set(stated), key=stated.count)
    status: Status = "passed" if found == expected else "failed"
    return SelfCheck("nominee-count", status, expected, found, None if status == "passed" else f"the notice elects {expected}; {found} nominees found")


def ownership_people(proxy: Proxy) -> SelfCheck:
    """The individuals named in the beneficial-ownership table against the people found.

    Directors and executive officers fill that table (Item 403(b)); one the reader did not
    find, and whose age the document prints, is a biography it missed. Groups, funds and firms
    holding 5% are not people; nor is anyone whose age is printed nowhere (a former officer, or
    a named executive officer whose biography is in the 10-K), and a document that prints no
    biography at all (a merger proxy) has no one to miss.
    """
    names = ownership_names(proxy)
    if not names:
        return SelfCheck("ownership-people", "not_applicable", None, None, "no beneficial-ownership table of individuals")
    if not any(BOARD_ROLES & set(p.roles) for p in proxy.people) and not _biographies_printed(proxy):
        return SelfCheck("ownership-people", "not_applicable", len(names), 0, "no biographies or board table: holders are named only in tables")
    text = proxy.document.text
    names = [n for n in names if _has_biography(text, n)]
    have = {person_key(p.name) for p in proxy.people}
    missing = [n for n in names if person_key(n) not in have]
    status: Status = "passed" if not missing else "failed"
    return SelfCheck("ownership-people", status, len(names), len(names) - len(missing), ("not found: " + "; ".join(missing)) if missing else None)


BOARD_ROLES = {"nominee", "director", "trustee"}
_BIOGRAPHY_AGE = re.compile(r"\b(?:age|aged)\s*:?\s*\d{2}\b|,\s\d{2},\s(?:has|is|was|serves|joined)\b|\bis\s\d{2}\s+years\s+old\b", re.I)


def _biographies_printed(proxy: Proxy) -> bool:
    return len(_BIOGRAPHY_AGE.findall(proxy.document.text)) >= 3


def _has_biography(text: str, name: str) -> bool:
    """Whether the document prints the person's age anywhere ("Ms. Kress, 58,", "Casiano (68)",
    "Kate Adams / ... / Age: 61", a "Name  61  Position" row): a biography or a board or officer
    row, which a reader should find. A named executive officer the proxy gives no biography (it
    is in the 10-K) is named only in compensation and holdings tables."""
    words = name.split()
    surname = re.escape(words[-1])
    full = r"\s+".join(re.escape(w) for w in words)
    patterns = (
        rf"\b{surname},?\s+(?:age[sd]?\s+)?\d{{2}}(?:,(?!\d)|\s*\))",
        rf"\b{surname}\s*\(\s*\d{{2}}\s*\)",
        rf"\b{surname}\s+is\s+\d{{2}}\s+years\s+old",
        rf"\b{full}\b[^\d]{{0,400}}?\bAge\s*:?\s*\d{{2}}\b",
        rf"\b{full}\b[^\n\d]{{0,6}}\t\s*\d{{2}}(?![\d,.%])",
        rf"\bAge\s*:?\s*\d{{2}}\b[^\d]{{0,400}}?\b{full}\b",
    )
    return any(re.search(p, text) for p in patterns)


def ownership_names(proxy: Proxy) -> list[str]:
    """Individuals' names in the first column of the beneficial-ownership tables."""
    document = proxy.document
    names: list[str] = []
    for table in document.tables:
        if table.kind != "html" or not table.rows:
            continue
        head = " ".join(" ".join(r) for r in table.rows[:3])
        if not _OWNERSHIP_HEAD.search(head) or re.search(r"dollar\s+range", head, re.I):
            continue
        if not re.search(r"\bname\b|beneficial\s+owner", head, re.I):
            continue
        for row in table.rows:
            cells = [c.strip() for c in row if c.strip()]
            if len(cells) < 2 or not any(re.search(r"\d", c) for c in cells[1:]):
                continue  # a heading or group row, not a holder's
            person = _ownership_person(cells[0])
            if person and person not in names:
                names.append(person)
    return names


def _ownership_person(cell: str) -> str | None:
    text = HONORIFIC.sub("", cell.split("\n")[0]).strip()
    if not text or _GROUP_ROW.search(text) or any(ch.isdigit() for ch in text[:3]):
        return None
    m = _PERSON_CELL.match(text)
    if not m or m.group("name").isupper() or len(text) > 80 or TITLE_WORDS & set(m.group("name").split()):
        return None
    return m.group("name").strip(" ,")


def person_key(name: str) -> tuple[str, str]:
    """Surname and first initial, as the scorer matches people (suffixes and titles dropped)."""
    words = [w for w in re.findall(r"[a-z\u00e0-\u00ff]+", HONORIFIC.sub("", name).lower()) if w not in {"jr", "sr", "ii", "iii", "iv", "md", "phd"}]
    return (words[-1], words[0][0]) if words else ("", "")


def committees_described(proxy: Proxy) -> SelfCheck:
    """Committees the text describes ("The Audit Committee met eight times") against those extracted."""
    described: dict[frozenset[str], str] = {}
    for m in _DESCRIBED.finditer(proxy.document.text):
        name = m.group("name").strip(" ,")
        if set(name.replace(",", " ").split()) & _NOT_BOARD:
            continue
        described.setdefault(_committee_key(name), f"{name} Committee")
    if not described:
        return SelfCheck("committees", "not_applicable", None, len(proxy.committees), "the text describes no committee")
    extracted = {_committee_key(c.name) for c in proxy.committees}
    missing = [label for key, label in described.items() if not any(key <= e or e <= key for e in extracted if e)]
    status: Status = "passed" if not missing else "failed"
    return SelfCheck("committees", status, len(described), len(described) - len(missing), ("not extracted: " + "; ".join(missing)) if missing else None)


def _committee_key(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+", name.lower()) if w not in _STOP)


def ages_plausible(proxy: Proxy) -> SelfCheck:
    """Every age within what a director or officer can be, every birth year a working adult's."""
    low, high = AGE_RANGE
    filed_year = int((proxy.filed or "2100")[:4])
    odd = [f"{p.name} ({p.age})" for p in proxy.people if p.age is not None and not low <= p.age <= high]
    odd += [f"{p.name} (b. {p.birth_year})" for p in proxy.people if p.birth_year is not None and not 1900 <= p.birth_year <= filed_year - low]
    aged = sum(p.age is not None or p.birth_year is not None for p in proxy.people)
    if not aged:
        return SelfCheck("ages", "not_applicable", None, 0, "no ages found")
    status: Status = "passed" if not odd else "failed"
    return SelfCheck("ages", status, aged, aged - len(odd), ("implausible: " + "; ".join(odd)) if odd else None)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else WORDS[word.lower()]

