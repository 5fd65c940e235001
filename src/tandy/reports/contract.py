"""The ``tandy review --json`` shape (``shared/docs/contracts.md``): a public interface.

Field names are promises to scripts; add fields freely, rename none. Beyond the contract: per
finding ``excerpt`` and ``section``; ``checks`` (every rule that ran, passed ones with what they
confirmed) and ``subject`` (what the applicability tests saw: target, form, filed, fund or not).
The ``tandy verify --json`` shapes are here too. Named ``contract`` rather than ``json`` so it
does not shadow the standard library module.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from tandy.document.contract import location_json
from tandy.rules.model import Check, Finding, Review
from tandy.rules.verify import Change, StaffCheck, Verification

SCHEMA_VERSION = 1


def review_json(review: Review) -> dict:
    """One review as the contract prints it."""
    subject = review.subject
    return {
        "schema_version": SCHEMA_VERSION,
        "source": {"path": subject.path, "sha256": subject.sha256},
        "subject": {
            "target": subject.target,
            "form": subject.form,
            "filed": subject.filed,
            "investment_company": subject.investment_company,
        },
        "findings": [finding_json(f) for f in review.findings],
        "checks": [check_json(c) for c in review.checks],
        "skipped": [
            {"family": s.family, "rules": s.rules, "reason": s.reason, "option": s.option} for s in review.skipped
        ],
    }


def finding_json(finding: Finding) -> dict:
    return {
        "rule": finding.rule,
        "name": finding.name,
        "severity": finding.severity,
        "citation": finding.citation,
        "message": finding.message,
        "location": location_json(finding.location),
        "related": [location_json(r) for r in finding.related],
        "excerpt": finding.excerpt,
        "section": finding.section,
    }


def check_json(check: Check) -> dict:
    return {"rule": check.rule, "name": check.name, "status": check.status, "detail": check.detail}


def failure_json(path: str, problem: str) -> dict:
    """The line a file that could not be read gets in place of its review."""
    return {"source": {"path": str(path)}, "error": problem}


def render(review: Review) -> str:
    """One review as an indented JSON object."""
    return json.dumps(review_json(review), ensure_ascii=False, indent=2)


def render_lines(objects: Iterable[dict]) -> str:
    """JSON Lines: one object a line, for a batch of files in the order given."""
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects)


# --- tandy verify --json ----------------------------------------------------------------------------


def verification_json(result: Verification) -> dict:
    """``tandy verify --before --after``: each response item, its status and evidence; the unclaimed.

    Beyond the contract: ``disposition`` per item, ``kind`` and ``before_location`` per piece of
    evidence, what about each piece of evidence ``fit`` the claim, the ``unclaimed`` list (each
    change with its ``page``), and the two versions' sources.
    """
    return {
        "schema_version": SCHEMA_VERSION,
        "source": {"path": result.response.path, "sha256": result.response.sha256},
        "before": {"path": result.before.path, "sha256": result.before.sha256},
        "after": {"path": result.after.path, "sha256": result.after.sha256},
        "items": [
            {
                "number": item.number,
                "claim": item.claim,
                "pages": item.pages,
                "status": item.status,
                "disposition": item.disposition,
                "evidence": [{**change_json(c), "fit": fit} for c, fit in zip(item.evidence, item.fits)],
            }
            for item in result.items
        ],
        "unclaimed": [change_json(c) for c in result.unclaimed],
    }


def change_json(change: Change) -> dict:
    return {
        "kind": change.kind,
        "page": change.page,
        "before": change.before,
        "after": change.after,
        "location": location_json(change.location),
        "before_location": location_json(change.before_location),
    }


def staff_check_json(result: StaffCheck) -> dict:
    """``tandy verify --staff``: every staff comment, answered or not, and how it was matched."""
    return {
        "schema_version": SCHEMA_VERSION,
        "source": {"path": result.response.path, "sha256": result.response.sha256},
        "staff": {"path": result.staff.path, "sha256": result.staff.sha256},
        "items": [
            {
                "number": a.number,
                "comment": a.comment,
                "status": a.status,
                "matched_by": a.matched_by,
                "response_number": a.response_number,
                "response": a.response,
                "similarity": a.similarity,
            }
            for a in result.answers
        ],
        "unanswered": [a.number for a in result.unanswered],
    }
