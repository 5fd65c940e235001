"""The fund complex: which funds a trustee oversees, and how many portfolios each has.

Item 22(b)(1) column (5) counts portfolios "in the fund complex overseen", and a footnote or a
sentence usually says what the complex is: "The Fund Complex includes the Trust (44 portfolios),
Metropolitan Series Fund, Inc. (36 portfolios) and Metropolitan Series Fund II (1 portfolio)."
Staff add the members up and compare with the column, so each count keeps where it was read.
"""

from __future__ import annotations

import re

from tandy.document import Document
from tandy.proxy.model import FundComplex, FundComplexMember, Person

_INCLUDES = re.compile(
    r"(?i:fund\s+complex|complex)\s+(?i:includes|consists\s+of|is\s+comprised\s+of|comprises)\s+(?P<list>.{1,600}?)\.(?=\s+[A-Z\"]|\s*$)",
    re.S,
)
_MEMBER = re.compile(r"(?P<name>(?:the\s+)?[A-Z][^()]*?)\s*\((?P<count>\d+|_+)\s+(?:portfolios?|series|funds?)\)", re.S)


def find_fund_complex(document: Document, registrant: str | None, people: list[Person]) -> FundComplex | None:
    """Members and counts from the first sentence that lists the complex, and the figure
    the trustee rows give as overseen (the most common one)."""
    overseen_counts = [p.portfolios_overseen for p in people if p.portfolios_overseen is not None]
    overseen = max(set(overseen_counts), key=overseen_counts.count) if overseen_counts else None
    m = _INCLUDES.search(document.text)
    if not m and overseen is None:
        return None
    complex_ = FundComplex(overseen=overseen)
    if m:
        complex_.location = document.location(m.start(), m.end())
        for member in _MEMBER.finditer(m.group("list")):
            name = _member_name(member.group("name"), registrant)
            count = member.group("count")
            start = m.start("list") + member.start()
            complex_.members.append(
                FundComplexMember(name, int(count) if count.isdigit() else None, document.location(start, start + len(member.group())))
            )
    return complex_


def _member_name(text: str, registrant: str | None) -> str:
    """A member's name, with "the Trust" (the registrant's defined term) replaced by its name."""
    name = re.sub(r"\s+", " ", text).strip(" ,;")
    name = re.sub(r"^(?:and|,)\s+", "", name).strip()
    if registrant and re.fullmatch(r"(?:the\s+)?(?:Trust|Fund|Company|Corporation|Registrant)", name, re.I):
        return registrant
    return name
