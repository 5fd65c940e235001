"""Every rule, registered in one place: each family module's ``RULES`` table, ID to class.

IDs are stable and grouped by family, as ruff's codes are: TDY1xx consistency, TDY2xx required
disclosure, TDY3xx fund-specific, TDY4xx response letters.
"""

from __future__ import annotations

from functools import cache

from tandy.rules import consistency, disclosure, fund, letters
from tandy.rules.base import Rule

FAMILIES = {
    "TDY1": "consistency",
    "TDY2": "required disclosure",
    "TDY3": "fund-specific",
    "TDY4": "response letter",
}
CATALOGUE: dict[str, type[Rule]] = {**consistency.RULES, **disclosure.RULES, **fund.RULES, **letters.RULES}


@cache
def all_rules() -> tuple[Rule, ...]:
    """One instance of each rule, with its ID set, in ID order."""
    rules = []
    for rule_id in sorted(CATALOGUE):
        rule = CATALOGUE[rule_id]()
        rule.id = rule_id
        rules.append(rule)
    return tuple(rules)


def rule_by_id(rule_id: str) -> Rule | None:
    """A rule by its ID ("TDY101") or its name ("fund-complex-count-mismatch")."""
    wanted = rule_id.strip()
    return next((r for r in all_rules() if wanted.upper() == r.id or wanted.lower() == r.name), None)
