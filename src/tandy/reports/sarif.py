"""SARIF 2.1.0, so that code-scanning tools, editors and dashboards show tandy's findings.

One run for all the files reviewed; the driver lists every rule in the catalogue (its docstring as
``help``, its citation in ``properties``), and each result points into the normalised text of its
file: ``startLine``, ``charOffset`` and ``charLength`` are those of the finding's location, the
``snippet`` its excerpt. ``partialFingerprints`` hash the rule, page and quoted text rather than
offsets, so a finding keeps its identity when text above it moves.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from tandy import __version__
from tandy.document import Location
from tandy.reports import reviews_of
from tandy.rules.catalogue import FAMILIES, all_rules
from tandy.rules.examples import sections
from tandy.rules.model import Finding, Review, Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
INFORMATION_URI = "https://github.com/tandy-project/tandy"
LEVELS: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "note"}


def render(reviews: Review | Iterable[Review]) -> str:
    """A SARIF log of one or several reviews, as one run."""
    return json.dumps(sarif_log(reviews_of(reviews)), ensure_ascii=False, indent=2)


def sarif_log(reviews: list[Review]) -> dict:
    rules = all_rules()
    index = {rule.id: i for i, rule in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "tandy",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [rule_descriptor(rule) for rule in rules],
                    }
                },
                "artifacts": [artifact(review) for review in reviews],
                "results": [
                    result(review, finding, index, i)
                    for i, review in enumerate(reviews)
                    for finding in review.findings
                ],
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


def rule_descriptor(rule) -> dict:
    parts = sections(type(rule))
    summary = parts.get("summary") or rule.name
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": summary.splitlines()[0]},
        "fullDescription": {"text": parts.get("What it checks") or summary},
        "help": {"text": help_text(parts)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"citation": rule.citation, "family": FAMILIES.get(rule.id[:4]), "tags": [FAMILIES.get(rule.id[:4], "")]},
    }


def help_text(parts: dict[str, str]) -> str:
    """The rule's docstring, its four parts under their headings."""
    chunks = [parts["summary"]] if parts.get("summary") else []
    chunks += [f"{heading}:\n{body}" for heading, body in parts.items() if heading != "summary" and body]
    return "\n\n".join(chunks)


def uri(path: str) -> str:
    """A relative path stays relative (resolved against the working folder); others become file: URIs."""
    given = Path(path)
    return given.resolve().as_uri() if given.is_absolute() else given.as_posix()


def artifact(review: Review) -> dict:
    subject = review.subject
    return {
        "location": {"uri": uri(subject.path)},
        "hashes": {"sha-256": subject.sha256},
        "length": len(subject.document.text),
    }


def result(review: Review, finding: Finding, index: dict[str, int], artifact_index: int) -> dict:
    doc_text = review.subject.document.text
    entry = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [physical(review, finding.location, artifact_index, finding.excerpt)] if finding.location else [],
        "relatedLocations": [
            {"id": i, **physical(review, loc, artifact_index, _snippet(doc_text, loc)), "message": {"text": "related"}}
            for i, loc in enumerate(finding.related, start=1)
        ],
        "partialFingerprints": {"tandyFinding/v1": fingerprint(finding)},
        "properties": {"citation": finding.citation, "page": finding.location.page if finding.location else None},
    }
    if not finding.location:
        entry["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": uri(review.subject.path), "index": artifact_index}}}]
    return entry


def physical(review: Review, location: Location, artifact_index: int, snippet: str | None) -> dict:
    region = {
        "startLine": location.line,
        "charOffset": location.start,
        "charLength": max(0, location.end - location.start),
    }
    if snippet:
        region["snippet"] = {"text": snippet}
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": uri(review.subject.path), "index": artifact_index},
            "region": region,
        }
    }


def _snippet(text: str, location: Location) -> str | None:
    quoted = " ".join(text[location.start : location.end].split())
    return quoted or None


def fingerprint(finding: Finding) -> str:
    page = finding.location.page if finding.location else ""
    key = "\x1f".join([finding.rule, page or "", " ".join((finding.excerpt or "").split())])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
