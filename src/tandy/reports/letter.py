"""A draft staff comment letter from one or several reviews, written the way staff write them.

Date, addressee placeholder, a Re: block (registrant, form and filing date, file number where the
filing says it), the opening for the kind of filing, then the comments in page order under
"Caption, page N" headings (the caption printed above the problem in the document), numbered in
one sequence, each ending with the requirement it rests on ("Refer to Item 407(c)(2)(vii) of
Regulation S-K."), then the closing paragraphs and a signature placeholder.

One problem is one comment: findings whose places in the document overlap (the footnote's 36
portfolios and the sum of the complex's members that the same footnote breaks) are merged, their
facts kept and their request said once. A preliminary filing is asked to revise before it is
final; a definitive one has been mailed, so staff ask for the change in future filings, and the
opening says so.

Only errors and warnings become comments: an ``info`` finding is a note for the reviewer, not
something staff would ask a registrant to change. The closing is kept generic: the wording of the
"accuracy and adequacy" paragraph changed over the years, and the draft's author knows the era.
With precedent notes (``tandy review --precedents``), each comment is followed by the wording of
the closest real staff comment, marked as such, for the reviewer to borrow from or discard.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date as Date

from tandy.letters.draft import FORM_TITLES, long_date
from tandy.reports import reviews_of
from tandy.rules.catalogue import FAMILIES
from tandy.rules.model import SEVERITIES, Finding, Review

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
DEFINITIVE_OPENING = (
    "We have limited our review of your most recent definitive proxy statement to those issues we have "
    "addressed in our comments."
)
DEFINITIVE_RESPOND = (
    "Please respond to these comments by confirming that you will enhance your future proxy disclosures in "
    "accordance with the topics discussed below. If you do not believe our comments apply to your facts and "
    "circumstances, please tell us why in your response."
)
DEFINITIVE_AFTER = "After reviewing your response to these comments, we may have additional comments."
CLOSING = (
    "We remind you that the registrant and its management are responsible for the accuracy and adequacy of "
    "their disclosures, notwithstanding any review, comments, action or absence of action by the staff."
)
CONTACT = "Please contact [staff reviewer] at [telephone number] if you have questions regarding these comments."
COMMENTED = ("error", "warning")

_SENTENCE = re.compile(r"(?<=[.?!])\s+(?=[A-Z\"(])")
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}


@dataclass(slots=True)
class Comment:
    """One problem: the findings that describe it, where it is, and the caption it falls under."""

    findings: list[Finding]
    caption: str
    page: str | None
    start: int
    review: Review
    notes: list[str] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.caption}, page {self.page}" if self.page else self.caption


def render(reviews: Review | Iterable[Review], *, date: str | None = None, precedents: Mapping[int, list[str]] | None = None) -> str:
    """The draft letter as plain text; ``date`` (ISO) defaults to today.

    ``precedents``: by ``id(finding)``, the wording of real staff comments on the same problem,
    printed under the comment as "[Precedent: ...]".
    """
    reviews = reviews_of(reviews)
    registrant = _registrant(reviews)
    definitive = _definitive(reviews)
    lines = [long_date(date or Date.today().isoformat()), ""]
    lines += ["[Name of addressee]", "[Title]", registrant or "[Registrant]", "[Address]", ""]
    lines += _re_block(reviews, registrant) + ["", "Dear [Addressee]:", ""]
    frame = (DEFINITIVE_OPENING, DEFINITIVE_RESPOND, DEFINITIVE_AFTER) if definitive else (OPENING, RESPOND, AFTER)
    for paragraph in frame:
        lines += [*_paragraph(paragraph), ""]
    heading = None
    found = comments(reviews)
    for number, comment in enumerate(found, start=1):
        if comment.heading != heading:
            heading = comment.heading
            lines += [heading, ""]
        lines += [*_paragraph(comment_text(comment, definitive=definitive), f"{number}.".ljust(4)), ""]
        notes = [n for f in comment.findings for n in (precedents or {}).get(id(f), [])]
        for note in dict.fromkeys(notes):
            lines += [*_paragraph(f"[Precedent: {note}]", "    "), ""]
    if not found:
        lines += ["[No comments: the review found nothing to raise.]", ""]
    lines += [*_paragraph(CLOSING), "", *_paragraph(CONTACT), "", "Sincerely,", "", "", "[Staff reviewer]"]
    lines += [_division(reviews), ""]
    return "\n".join(lines)


def comments(reviews: list[Review]) -> list[Comment]:
    """The problems to raise, in page order (file by file), related findings merged into one."""
    found: list[Comment] = []
    for review in reviews:
        commented = [f for f in review.findings if f.severity in COMMENTED]
        for group in _problems(commented):
            first = min(group, key=_start)
            found.append(
                Comment(group, _caption(review, first), first.location.page if first.location else None, _start(first), review)
            )
    order = {id(r): n for n, r in enumerate(reviews)}
    return sorted(found, key=lambda c: (order[id(c.review)], c.start))


def comment_text(comment: Comment | Finding, *, definitive: bool = False) -> str:
    """The comment as staff would write it: the facts of every finding merged into it, the request
    said once, the requirement cited last; on a definitive filing, asked of future filings."""
    findings = comment.findings if isinstance(comment, Comment) else [comment]
    findings = sorted(findings, key=lambda f: (-SEVERITIES.index(f.severity), f.rule))
    facts, requests = [], []
    for finding in findings:
        for sentence in _SENTENCE.split(" ".join(finding.message.split())):
            target = requests if sentence.lower().startswith("please") else facts
            if sentence not in target:
                target.append(sentence)
    if definitive:
        requests = [_future(r) for r in requests] or ["Please confirm that you will address this in future filings."]
    text = " ".join([*facts, *requests])
    parts = [part.strip() for f in findings if f.citation for part in f.citation.split(";")]
    citations = [part for part in parts if part and part.lower() not in text.lower()]
    if citations:
        text += f" Refer to {_and(list(dict.fromkeys(citations)))}."
    return text


def _future(request: str) -> str:
    """"Please state ..." as staff ask it of a definitive proxy: "In future filings, please state ..."."""
    return "In future filings, p" + request[1:] if request.startswith("Please") else request


def _problems(findings: list[Finding]) -> list[list[Finding]]:
    """Findings grouped into problems: two are one when the places they point at overlap."""
    groups: list[list[Finding]] = []
    for finding in sorted(findings, key=_start):
        home = next((g for g in groups if any(_overlap(finding, other) for other in g)), None)
        if home is None:
            groups.append([finding])
        else:
            home.append(finding)
    return groups


def _overlap(first: Finding, second: Finding) -> bool:
    """One finding's place is among the places the other relates to: the footnote figure that one
    finding reports is the figure the other's sum runs through. Two findings merely in the same
    table are different problems (a missing address, a missing dollar range)."""
    return _meets(first.location, second.related) or _meets(second.location, first.related)


def _meets(place, others) -> bool:
    if place is None or place.start is None or place.end is None:
        return False
    return any(o.start is not None and o.end is not None and place.start < o.end and o.start < place.end for o in others)


def _start(finding: Finding) -> int:
    return finding.location.start if finding.location and finding.location.start is not None else 1 << 62


def _caption(review: Review, finding: Finding) -> str:
    """The finding's section, else the nearest caption printed above it, else its rule family.

    A caption is a heading the document stage found, or a line standing alone in its paragraph,
    short, capitalised like a title and not ending a sentence ("Board Committees").
    """
    if finding.section:
        return _title(finding.section)
    if finding.location and finding.location.start is not None:
        doc = review.subject.document
        above = [b for b in doc.body_blocks() if b.start <= finding.location.start and _is_caption(b.kind, doc.text[b.start : b.end])]
        if above:
            return _title(doc.text[above[-1].start : above[-1].end])
    return FAMILIES.get(finding.rule[:4], "General").capitalize()


def captions(document) -> list[tuple[int, int, str]]:
    """The document's sections by caption: (start, end, caption), end where the next one starts."""
    found = [(b.start, _title(document.text[b.start : b.end])) for b in document.body_blocks() if _is_caption(b.kind, document.text[b.start : b.end])]
    ends = [start for start, _ in found[1:]] + [len(document.text)]
    return [(start, end, title) for (start, title), end in zip(found, ends)]


def _is_caption(kind: str, text: str) -> bool:
    line = " ".join(text.split())
    if kind == "heading":
        return bool(line)
    if "\n" in text.strip() or not 3 <= len(line) <= 80 or line[-1] in ".:;," or not line[0].isupper():
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", line) if w.lower() not in _SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= max(1, len(words) * 0.75)


def _title(heading: str) -> str:
    """A heading as a letter writes it: one line, and headline case if the document shouts."""
    text = " ".join(heading.split()).rstrip(":")
    if text.isupper():
        words = text.lower().split()
        text = " ".join(w if i and w in _SMALL_WORDS else w.capitalize() for i, w in enumerate(words))
    return text


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _definitive(reviews: list[Review]) -> bool:
    """Every reviewed proxy is definitive: the comments can only reach future filings."""
    stages = [r.subject.stage for r in reviews if r.subject.target == "proxy"]
    return bool(stages) and all(stage == "definitive" for stage in stages)


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
