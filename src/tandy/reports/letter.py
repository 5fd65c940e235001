"""A draft staff comment letter from one or several reviews, in the form staff letters take.

Date, addressee placeholder, a Re: block (registrant, form and filing date, file number where the
filing says it), the standard opening, the comments numbered in one sequence and grouped under the
heading of the part of the document they concern (the rule family where no heading is found), each
pointing at its page, then the closing paragraphs and a signature placeholder.

Only errors and warnings become comments: an ``info`` finding is a note for the reviewer, not
something staff would ask a registrant to change. The closing is kept generic: the wording of the
"accuracy and adequacy" paragraph changed over the years, and the draft's author knows the era.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from datetime import date as Date

from tandy.letters.draft import FORM_TITLES, long_date
from tandy.reports import page_label, reviews_of
from tandy.rules.catalogue import FAMILIES
from tandy.rules.model import Finding, Review

WIDTH = 78
OPENING = (
    "We have reviewed your filing and have the following comments. In some of our comments, we may ask you "
    "to provide us with information so we may better understand your disclosure."
)
RESPOND = (
    "Please respond to this letter by amending your filing, by providing the requested information, or by "
    "advising us when you will provide the requested response. If you do not believe our comments apply to "
    "your facts and circumstances or do not believe an amendment is appropriate, please tell us why in your response."
)
AFTER = (
    "After reviewing any amendment to your filing and the information you provide in response to these "
    "comments, we may have additional comments."
)
CLOSING = (
    "We remind you that the registrant and its management are responsible for the accuracy and adequacy of "
    "their disclosures, notwithstanding any review, comments, action or absence of action by the staff."
)
CONTACT = "Please contact [staff reviewer] at [telephone number] if you have questions regarding these comments."
COMMENTED = ("error", "warning")


def render(reviews: Review | Iterable[Review], *, date: str | None = None) -> str:
    """The draft letter as plain text; ``date`` (ISO) defaults to today."""
    reviews = reviews_of(reviews)
    findings = [f for review in reviews for f in review.findings if f.severity in COMMENTED]
    registrant = _registrant(reviews)
    lines = [long_date(date or Date.today().isoformat()), ""]
    lines += ["[Name of addressee]", "[Title]", registrant or "[Registrant]", "[Address]", ""]
    lines += _re_block(reviews, registrant) + ["", "Dear [Addressee]:", ""]
    lines += [*_paragraph(OPENING), "", *_paragraph(RESPOND), "", *_paragraph(AFTER), ""]
    number = 0
    for heading, group in grouped(reviews, findings):
        lines += [heading, ""]
        for finding in group:
            number += 1
            lines += [*_paragraph(comment_text(finding), f"{number}.".ljust(4)), ""]
    if not number:
        lines += ["[No comments: the review found nothing to raise.]", ""]
    lines += [*_paragraph(CLOSING), "", *_paragraph(CONTACT), "", "Sincerely,", "", "", "[Staff reviewer]"]
    lines += [_division(reviews), ""]
    return "\n".join(lines)


def comment_text(finding: Finding) -> str:
    """The finding's message, pointed at its page unless the message already names it."""
    where = page_label(finding)
    if where and where not in finding.message.lower():
        return f"{finding.message} See {where}."
    return finding.message


def grouped(reviews: list[Review], findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings under headings, the headings in order of their first comment."""
    groups: dict[str, list[Finding]] = {}
    heading_of = {id(f): _heading(review, f) for review in reviews for f in review.findings}
    for finding in findings:
        groups.setdefault(heading_of[id(finding)], []).append(finding)
    return list(groups.items())


def _heading(review: Review, finding: Finding) -> str:
    """The finding's section, else the nearest heading above it, else its rule family."""
    if finding.section:
        return finding.section
    if finding.location:
        doc = review.subject.document
        above = [b for b in doc.body_blocks() if b.kind == "heading" and b.end <= finding.location.start]
        if above:
            return _title(doc.text[above[-1].start : above[-1].end])
    return FAMILIES.get(finding.rule[:4], "General").capitalize()


def _title(heading: str) -> str:
    """A heading as a letter writes it: one line, and headline case if the document shouts."""
    text = " ".join(heading.split()).rstrip(":")
    if text.isupper():
        small = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}
        words = text.lower().split()
        text = " ".join(w if i and w in small else w.capitalize() for i, w in enumerate(words))
    return text


def _registrant(reviews: list[Review]) -> str | None:
    for review in reviews:
        subject = review.subject
        name = (subject.proxy.registrant if subject.proxy else None) or (subject.letter.registrant if subject.letter else None)
        if name:
            return name
    return None


def _re_block(reviews: list[Review], registrant: str | None) -> list[str]:
    subject = next((r.subject for r in reviews if r.subject.form), reviews[0].subject if reviews else None)
    form = subject.form if subject else None
    title = FORM_TITLES.get(form, f"Form {form}") if form else "[Form]"
    filed = f"Filed {long_date(subject.filed)}" if subject and subject.filed and _iso(subject.filed) else "Filed [date]"
    numbers = _file_numbers(reviews)
    label = "File No." if len(numbers) <= 1 else "File Nos."
    lines = [registrant or "[Registrant]", title, filed, f"{label} {', '.join(numbers) or '[file number]'}"]
    return ["Re:  " + lines[0], *("     " + line for line in lines[1:])]


def _file_numbers(reviews: list[Review]) -> list[str]:
    numbers = [n for r in reviews if r.subject.letter for n in r.subject.letter.subject_filing.file_numbers]
    return list(dict.fromkeys(numbers))


def _iso(value: str) -> bool:
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None


def _division(reviews: list[Review]) -> str:
    fund = any(r.subject.investment_company for r in reviews)
    return "Division of Investment Management" if fund else "Division of Corporation Finance"


def _paragraph(text: str, label: str = "") -> list[str]:
    indent = " " * len(label)
    return textwrap.wrap(text, WIDTH, initial_indent=label, subsequent_indent=indent) or [label.rstrip()]
