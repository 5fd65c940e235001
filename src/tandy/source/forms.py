"""EDGAR form types, grouped by what a reader does with a filing of that type.

The form in the header is the strongest evidence of what a file is: a DEF 14A is a proxy
statement whatever it quotes, a CORRESP is a letter from the filer, an UPLOAD one from staff.
Later stages ask here rather than keep lists of their own.
"""

from __future__ import annotations

PROXY_FORMS = frozenset(
    {
        "DEF 14A", "PRE 14A", "DEFA14A", "DEFM14A", "PREM14A", "DEFR14A", "PRER14A", "DEFC14A",
        "PREC14A", "DEF 14C", "PRE 14C", "DEFM14C", "PREM14C", "485BPOS", "485APOS", "497",
        "N-1A", "N-2", "N-14", "N-14 8C",
    }
)
"""Proxy and information statements and fund registration statements: read for people and
committees, never as letters."""

STAFF_FORMS = frozenset({"UPLOAD", "LETTER", "SEC STAFF LETTER", "SEC STAFF ACTION"})
"""Letters from the SEC staff (an UPLOAD submission's document is typed LETTER)."""

FILER_FORMS = frozenset({"CORRESP"})
"""Letters from the filer or its counsel to the staff."""


def base_form(form: str | None) -> str:
    """The form without its amendment suffix, in capitals ("def 14a/a" → "DEF 14A")."""
    return (form or "").split("/")[0].strip().upper()


def is_proxy_form(form: str | None) -> bool:
    return base_form(form) in PROXY_FORMS


def is_correspondence(form: str | None) -> bool:
    """Filed as a letter of the review loop, from either side."""
    return base_form(form) in STAFF_FORMS | FILER_FORMS
