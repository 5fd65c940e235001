"""Consistency family (TDY1xx): the document must not contradict itself.

These are the cheapest and most reliable checks, and where the 2008 trust review opened: the
trustee section said the Trust had 44 portfolios and the fund-complex footnote listed 36.
"""

from __future__ import annotations

import re

from tandy.rules.base import Arithmetic, Consistency, Fact
from tandy.rules.model import Subject

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


RULES = {
    "TDY101": PortfolioCountReconciles,
    "TDY102": FundComplexAddsUp,
}
