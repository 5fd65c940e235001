"""Run the rules: read a file as a proxy statement or a letter, apply every enabled rule.

``review(path)`` is the whole API: it decides what the file is (a staff letter, a response or a
closing letter is a letter; anything else is read as a proxy statement), gathers the facts the
applicability tests need, runs the rules the configuration enables, and returns the findings in
document order together with the checks that passed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from tandy.document import parse
from tandy.letters import Letter
from tandy.letters.reader import letter_from_submission
from tandy.proxy import Proxy
from tandy.proxy.reader import proxy_from_submission
from tandy.rules.base import document_kind, filing_date
from tandy.rules.catalogue import FAMILIES, all_rules
from tandy.rules.config import Config, load_config
from tandy.rules.model import Check, Review, Skipped, Subject
from tandy.source.forms import is_correspondence, is_proxy_form

LETTER_KINDS = ("staff_comment", "response", "closing")
COVER_CHARS = 20_000
"""The Schedule 14A cover, with its check boxes, sits within the first pages."""
_CHECKED_BOX = re.compile(r"(?:\[\s*[xX]\s*\]|/\s*[xX]\s*/|☒|þ|⌧|■|✔|✓|\(\s*[xX]\s*\))[\s\t]*(Preliminary|Definitive)\s+Proxy\s+Statement", re.I)
_PRELIMINARY_LEGEND = re.compile(r"PRELIMINARY (?:PROXY STATEMENT|COPY)\b[^\n]{0,40}SUBJECT TO COMPLETION|\bPRELIMINARY COPY\b")
LETTER_MAX_CHARS = 250_000
"""Longer documents are not read as letters: the longest response in the corpus runs to about
60,000 characters (27 pages), a proxy statement to several hundred thousand."""


def review(
    path: str,
    *,
    config: Config | None = None,
    form: str | None = None,
    filed: str | None = None,
    fund: bool | None = None,
) -> Review:
    """Review one file. ``form``, ``filed`` and ``fund`` override what the file says of itself."""
    subject = subject_for(path, form=form, filed=filed, fund=fund)
    return apply_rules(subject, config or load_config())


def subject_for(path: str, *, form: str | None = None, filed: str | None = None, fund: bool | None = None) -> Subject:
    """Read the file once as a letter; if it is no letter of the review loop, as a proxy."""
    submission = parse(path)
    filing = submission.source.filing
    maybe_letter = not (filing and is_proxy_form(filing.form)) and len(submission.main.text) <= LETTER_MAX_CHARS
    letter = letter_from_submission(submission) if maybe_letter else None
    if letter is not None and (letter.kind in LETTER_KINDS or _filed_as_letter(submission)):
        return letter_subject(letter, form=form, filed=filed, fund=fund)
    return proxy_subject(proxy_from_submission(submission), form=form, filed=filed, fund=fund)


def letter_subject(letter: Letter, *, form: str | None = None, filed: str | None = None, fund: bool | None = None) -> Subject:
    """What the letter rules read, from a letter already read (the corpus index has one)."""
    return Subject(
        path=letter.path,
        sha256=letter.sha256,
        document=letter.document,
        target="letter",
        form=form or letter.subject_filing.form,
        filed=filed or letter.date,
        investment_company=fund if fund is not None else _fund_letter(letter),
        letter=letter,
    )


def proxy_subject(proxy: Proxy, *, form: str | None = None, filed: str | None = None, fund: bool | None = None) -> Subject:
    """What the proxy rules read, from a proxy statement already read."""
    return Subject(
        path=proxy.path,
        sha256=proxy.sha256,
        document=proxy.document,
        target="proxy",
        form=form or proxy.form or _form_from_text(proxy.document.text),
        filed=filed or proxy.filed,
        investment_company=fund if fund is not None else proxy.investment_company,
        proxy=proxy,
    )


def apply_rules(subject: Subject, config: Config) -> Review:
    findings, checks = [], []
    for rule in all_rules():
        if not config.enabled(rule.id) or not rule.applies(subject):
            continue
        found = list(rule.check(subject))
        for finding in found:
            finding.severity = config.severity_of(rule.id, finding.severity)
        findings += found
        detail = None if found else rule.confirmation(subject)
        checks.append(Check(rule.id, rule.name, "failed" if found else "passed", detail))
    findings.sort(key=lambda f: (f.location.start if f.location else -1, f.rule))
    return Review(subject, findings, checks, skipped_rules(subject, config, {c.rule for c in checks}))


UNKNOWNS = (
    ("form", "the form is not known", '--form "DEF 14A" (or "PRE 14A")'),
    ("filed", "the filing date is not known", "--filed YYYY-MM-DD"),
)
"""What a file may leave unknown that decides which rules apply, and the option that says it."""


def skipped_rules(subject: Subject, config: Config, ran: set[str]) -> list[Skipped]:
    """The enabled rules that did not run only because the form or the filing date is unknown,
    by family: a review that quietly runs fewer checks reads as a clean bill of health.

    A rule counts as skipped for an unknown when it would run had the user supplied it (a
    definitive or preliminary proxy's form; today's date for the filing date). A document that
    reads as a fund's registration statement is not told to call itself a proxy statement.
    """
    skipped = []
    for what, reason, option in UNKNOWNS:
        if what == "form" and (subject.stage is not None or subject.target != "proxy" or document_kind(subject) == "sai"):
            continue
        if what == "filed" and filing_date(subject) is not None:
            continue
        values = ("DEF 14A", "PRE 14A") if what == "form" else (date.today().isoformat(),)
        supplied = [replace(subject, **{what: value}) for value in values]
        missed = [r.id for r in all_rules() if r.id not in ran and config.enabled(r.id) and any(r.applies(s) for s in supplied)]
        by_family: dict[str, list[str]] = {}
        for rule_id in missed:
            by_family.setdefault(FAMILIES.get(rule_id[:4], rule_id[:4]), []).append(rule_id)
        skipped += [Skipped(family, ids, reason, option) for family, ids in by_family.items()]
    return skipped


def _filed_as_letter(submission) -> bool:
    """EDGAR filed it as correspondence (CORRESP, UPLOAD): a letter, even one that is not part of
    a review (an acceleration request), and never to be reviewed as a proxy statement."""
    forms = {submission.source.filing.form if submission.source.filing else None, submission.main.type}
    return any(is_correspondence(f) for f in forms)


def _fund_letter(letter: Letter) -> bool:
    """A letter about an investment company: an 811- file number, or the Division of
    Investment Management on either end of it."""
    numbers = letter.subject_filing.file_numbers
    if any(n.startswith("811-") for n in numbers):
        return True
    return "Investment Management" in letter.document.text[:4000]


def _form_from_text(text: str) -> str | None:
    """PRE 14A or DEF 14A from the Schedule 14A cover's checked box or a preliminary legend."""
    head = text[:COVER_CHARS]
    checked = _CHECKED_BOX.search(head)
    if checked:
        return "PRE 14A" if checked.group(1).lower() == "preliminary" else "DEF 14A"
    if _PRELIMINARY_LEGEND.search(head):
        return "PRE 14A"
    return None
