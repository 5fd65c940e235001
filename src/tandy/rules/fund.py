"""Fund-specific family (TDY3xx): Item 22 of Schedule 14A and the Investment Company Act.

Funds present their trustees in a table with six required columns, separate interested
trustees from independent ones, and count portfolios across the fund complex.
"""

from __future__ import annotations

from tandy.rules.base import Rule
from tandy.rules.model import Subject


class PortfoliosOverseenGiven(Rule):
    """Each trustee's row gives the number of portfolios in the fund complex they oversee.

    What it checks:
    In a fund's trustee or nominee table, every trustee has a figure for the portfolios in the
    fund complex overseen (column (5) of the Item 22(b)(1) table).

    Why staff ask:
    Item 22(b)(1) of Schedule 14A requires the column for every director or nominee; a blank
    leaves shareholders unable to judge how stretched each trustee is.

    Failing example:
        fund: yes
        ---
        Name and Age          Position     Number of Portfolios in Fund Complex Overseen
        -------------         --------     ---------------------------------------------
        Jane Roe (50)         Trustee      81
        John Doe (60)         Trustee

    Passing example:
        fund: yes
        ---
        Name and Age          Position     Number of Portfolios in Fund Complex Overseen
        -------------         --------     ---------------------------------------------
        Jane Roe (50)         Trustee      81
        John Doe (60)         Trustee      81
    """

    name = "portfolios-overseen-missing"
    citation = "Item 22(b)(1) of Schedule 14A"
    registrant = "fund"

    def check(self, subject: Subject):
        proxy = subject.proxy
        board = [p for p in proxy.people if {"trustee", "director", "nominee"} & set(p.roles)]
        if not any(p.portfolios_overseen is not None for p in board):
            return
        for person in board:
            if person.portfolios_overseen is None and person.location:
                yield self.finding(
                    subject,
                    f"The table gives no number of portfolios in the fund complex overseen by {person.name}. "
                    "Please complete column (5) for each trustee.",
                    person.location.start,
                    person.location.end,
                )


RULES = {
    "TDY301": PortfoliosOverseenGiven,
}
