"""``read_proxy``: a proxy statement or SAI read for the governance facts staff check.

Stages, each adding to what is known: the document (:func:`tandy.parse`), people from tables
(:mod:`tandy.proxy.people`) and from prose biographies (:mod:`tandy.proxy.biographies`) merged by
name, committees and board meetings (:mod:`tandy.proxy.committees`), the fund complex, the
meeting and the auditor.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from tandy.document import Document, Submission, parse
from tandy.proxy.biographies import find_biographies
from tandy.proxy.committees import find_committees
from tandy.proxy.fund_complex import find_fund_complex
from tandy.proxy.meeting import find_auditor, find_meeting
from tandy.proxy.model import Person, Proxy, Role
from tandy.proxy.people import HONORIFIC, html_people, people_from_text_table, text_tables

_DEFINED_REGISTRANT = re.compile(
    r"(?P<name>[A-Z][A-Za-z0-9&.,' -]{2,80}?)\s*\(\s*(?:the\s+)?[\"']?(?:Trust|Fund|Company|Corporation|Registrant)[\"']?\s*\)"
)
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def read_proxy(path: str | Path, *, max_bytes: int | None = None) -> Proxy:
    """Read a proxy statement (DEF 14A, PRE 14A) or a fund SAI into a :class:`Proxy`."""
    return proxy_from_submission(parse(os.fspath(path), max_bytes=max_bytes))


def proxy_from_submission(submission: Submission) -> Proxy:
    """A :class:`Proxy` from a file the document stage has read (its main document)."""
    document = submission.main
    filing = submission.source.filing
    registrant = registrant_name(document, filing.filers[0].name if filing and filing.filers else None)
    proxy = Proxy(
        path=submission.source.path,
        sha256=submission.source.sha256,
        document=document,
        registrant=registrant,
        form=filing.form if filing else None,
        filed=filing.filed if filing else None,
    )
    proxy.investment_company = is_investment_company(document, proxy.form, registrant)
    corporate = not proxy.investment_company
    board_role: Role = "trustee" if is_business_trust(document, registrant) else "director"
    people: list[Person] = []
    for table, heading in text_tables(document):
        proxy_table, found = people_from_text_table(document, table, heading, board_role, corporate)
        proxy.tables.append(proxy_table)
        people = merge_people(people, found)
    html_tables, found = html_people(document, board_role, corporate)
    proxy.tables += html_tables
    people = merge_people(people, found)
    proxy.people = merge_people(people, find_biographies(document, registrant))
    proxy.committees, proxy.board_meetings, proxy.attendance_statement = find_committees(document)
    proxy.fund_complex = find_fund_complex(document, registrant, proxy.people) if proxy.investment_company else None
    proxy.meeting = find_meeting(document)
    proxy.auditor = find_auditor(document)
    return proxy


def registrant_name(document: Document, filer: str | None) -> str | None:
    """The registrant as the document defines it ("Met Investors Series Trust (the "Trust")"),
    else the filer's name from the EDGAR header."""
    m = _DEFINED_REGISTRANT.search(document.text[:200_000])
    if m:
        return re.sub(r"\s+", " ", m.group("name")).strip(" ,")
    return filer.title() if filer and filer.isupper() else filer


def is_investment_company(document: Document, form: str | None, registrant: str | None) -> bool:
    """A fund: an N-1A filing, or a document that speaks of a fund complex, or of the Investment
    Company Act and its "interested persons", and of portfolios or series.

    An operating company says "any interested person may communicate with the board" and "a
    series of related transactions", and a "disinterested person" under Rule 16b-3: none of
    these makes it a fund without the Act itself.
    """
    if form and form.upper().startswith(("485", "497", "N-")):
        return True
    text = document.text
    act = re.search(r"fund complex", text, re.I) or (
        re.search(r"\binterested persons?\b", text, re.I) and re.search(r"Investment\s+Company\s+Act", text, re.I)
    )
    return bool(act) and bool(re.search(r"\bportfolios?\b|\bseries\b", text, re.I))


def is_business_trust(document: Document, registrant: str | None) -> bool:
    """Trustees or directors follow the legal form: a business trust has trustees."""
    if registrant and re.search(r"\b(?:Inc|Corporation|Corp|Company)\b\.?", registrant):
        return False
    if registrant and re.search(r"\bTrust\b", registrant):
        return True
    return bool(re.search(r"business trust|declaration of trust|statutory trust", document.text[:400_000], re.I))


def name_key(name: str) -> tuple[str, str, str]:
    """First word, surname and suffix: how a name in a table matches the same name in a bio."""
    words = [w for w in re.findall(r"[a-z\u00e0-\u00ff]+", HONORIFIC.sub("", name).lower()) if w not in {"md", "phd", "esq"}]
    suffix = words[-1] if words and words[-1] in _SUFFIXES else ""
    core = [w for w in words if w not in _SUFFIXES]
    return (core[0], core[-1], suffix) if core else ("", "", suffix)


def merge_people(people: list[Person], more: list[Person]) -> list[Person]:
    """``people`` with ``more`` merged in by name: roles united, missing fields filled."""
    index = {name_key(p.name): p for p in people}
    for person in more:
        same = index.get(name_key(person.name))
        if same is None:
            people.append(person)
            index[name_key(person.name)] = person
            continue
        for role in person.roles:
            if role not in same.roles:
                same.roles.append(role)
        for field_name in Person.__slots__:
            if getattr(same, field_name) is None and getattr(person, field_name) is not None:
                setattr(same, field_name, getattr(person, field_name))
    return people
