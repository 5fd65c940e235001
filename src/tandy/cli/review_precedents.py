"""``tandy review --precedents tandy.db``: each finding with the past staff comments on the same
requirement, each section of the draft with the comments such sections drew before.

Glue only: the ranking is :meth:`tandy.corpus.Corpus.requirement_precedents` and
:meth:`~tandy.corpus.Corpus.similar_comments`, the sections are the letter report's captions,
the renderers are the usual ones with the precedents added beside what they print.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from tandy.corpus.precedent import Match, first_words, outcome_text, precedent_json
from tandy.rules.model import Review

#: Formats that can show precedents; the others have no place for them.
FORMATS = ("terminal", "json", "letter")
#: Characters of a section (after its caption) that its precedents are matched on.
SECTION_CHARS = 1500


@dataclass(slots=True)
class SectionPrecedents:
    heading: str
    page: str | None
    matches: list[Match]


@dataclass(slots=True)
class ReviewPrecedents:
    findings: dict[int, list[Match]] = field(default_factory=dict)
    sections: list[SectionPrecedents] = field(default_factory=list)


def attach(corpus, review: Review, k: int) -> ReviewPrecedents:
    """Precedents for every finding (by ``id``) and every captioned section of the reviewed document."""
    from tandy.reports.letter import captions

    found = ReviewPrecedents()
    for finding in review.findings:
        found.findings[id(finding)] = corpus.requirement_precedents(finding.message, finding.citation, k=k)
    doc = review.subject.document
    for start, end, caption in captions(doc):
        page = doc.page_at(start)
        text = caption + "\n" + doc.body_text(start, min(end, start + SECTION_CHARS))
        found.sections.append(SectionPrecedents(caption, page.number if page else None, corpus.similar_comments(text, k=k)))
    return found


def render(format: str, reviews: list[Review], attached: list[ReviewPrecedents], *, color: bool) -> str:
    from tandy.reports import contract, letter, terminal

    if format == "json":
        objects = [_review_json(r, a) for r, a in zip(reviews, attached)]
        if len(objects) == 1:
            return json.dumps(objects[0], ensure_ascii=False, indent=2) + "\n"
        return contract.render_lines(objects)
    if format == "letter":
        notes = {key: [staff_wording(m) for m in matches[:1]] for a in attached for key, matches in a.findings.items()}
        return letter.render(reviews, precedents=notes) + "\n"
    return "".join(terminal.render(r, color=color) + _terminal_block(r, a) for r, a in zip(reviews, attached))


def staff_wording(match: Match) -> str:
    """The closest real staff comment as the letter offers it beside the drafted one."""
    p = match.precedent
    return f'staff to {p.letter.registrant or "a registrant"}, {p.date or "undated"}, comment {p.comment.number}: "{first_words(p.comment.comment, 400)}"'


def _review_json(review: Review, attached: ReviewPrecedents) -> dict:
    """The review contract, each finding with ``precedents``, and ``section_precedents`` added."""
    from tandy.reports import contract

    shape = contract.review_json(review)
    for finding, out in zip(review.findings, shape["findings"]):
        out["precedents"] = [precedent_json(m) for m in attached.findings.get(id(finding), [])]
    shape["section_precedents"] = [
        {"heading": s.heading, "page": s.page, "precedents": [precedent_json(m) for m in s.matches]} for s in attached.sections
    ]
    return shape


def _terminal_block(review: Review, attached: ReviewPrecedents) -> str:
    lines = ["", "Precedents: past staff comments on the same requirement"]
    for finding in review.findings:
        matches = attached.findings.get(id(finding), [])
        if matches:
            lines.append(f"  {finding.rule} ({finding.citation})")
            lines += [_line(m) for m in matches]
    lines += ["", "What staff asked of similar sections"]
    for section in attached.sections:
        lines.append(f"  {section.heading}" + (f", page {section.page}" if section.page else ""))
        lines += [_line(m) for m in section.matches] or ["    (nothing similar in the corpus)"]
    return "\n".join(lines) + "\n"


def _line(match: Match) -> str:
    p = match.precedent
    answer = f"; answered {p.disposition.replace('_', ' ')}" if p.disposition else ""
    return (
        f"    {p.letter.registrant or '-'}, {p.date or '-'}, {p.letter.form_reviewed or '-'}, comment {p.comment.number}: "
        f"{first_words(p.comment.comment, 160)}{answer}; {outcome_text(p)}"
    )

