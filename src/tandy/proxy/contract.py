"""The ``tandy proxy --json`` shape (``shared/docs/contracts.md``): field names are the contract."""

from __future__ import annotations

from tandy.document.contract import location_json
from tandy.proxy.checks import self_checks
from tandy.proxy.model import Proxy

SCHEMA_VERSION = 1


def proxy_json(proxy: Proxy) -> dict:
    """The contract object for one proxy statement."""
    fc = proxy.fund_complex
    return {
        "schema_version": SCHEMA_VERSION,
        "source": {"path": proxy.path, "sha256": proxy.sha256},
        "registrant": proxy.registrant,
        "form": proxy.form,
        "filed": proxy.filed,
        "investment_company": proxy.investment_company,
        "meeting": {
            "date": proxy.meeting.date,
            "record_date": proxy.meeting.record_date,
            "proposals": [
                {"number": p.number, "title": p.title, "location": location_json(p.location)} for p in proxy.meeting.proposals
            ],
        },
        "people": [
            {
                "name": p.name, "age": p.age, "birth_year": p.birth_year, "roles": list(p.roles),
                "interested": p.interested, "interested_reason": p.interested_reason,
                "positions": p.positions, "term": p.term, "occupation": p.occupation,
                "portfolios_overseen": p.portfolios_overseen, "other_directorships": p.other_directorships,
                "address": p.address, "location": location_json(p.location),
            }
            for p in proxy.people
        ],
        "committees": [
            {
                "name": c.name, "members": c.members, "function": c.function, "meetings": c.meetings,
                "period_end": c.period_end, "location": location_json(c.location),
            }
            for c in proxy.committees
        ],
        "fund_complex": None if fc is None else {
            "overseen": fc.overseen,
            "members": [{"name": m.name, "portfolios": m.portfolios, "location": location_json(m.location)} for m in fc.members],
            "location": location_json(fc.location),
        },
        "board_meetings": proxy.board_meetings,
        "attendance_statement": location_json(proxy.attendance_statement),
        "auditor": proxy.auditor,
        "tables": [
            {"kind": t.kind, "header": t.header, "rows": t.rows, "location": location_json(t.location)} for t in proxy.tables
        ],
        "checks": [
            {"name": c.name, "status": c.status, "expected": c.expected, "found": c.found, "detail": c.detail}
            for c in self_checks(proxy)
        ],
    }
