"""Response-letter family (TDY4xx): the answer to staff comments is complete and on time.

These rules read a letter (:class:`tandy.letters.Letter`); the conventions they rely on are in
``shared/docs/rules.md`` part D.
"""

from __future__ import annotations

from datetime import date

from tandy.rules.base import Rule
from tandy.rules.model import Subject

TANDY_ERA = ("2004-08-01", "2016-10-05")
"""Staff asked for the Tandy acknowledgments in reviews of filings after 1 August 2004, until the
Division of Corporation Finance stopped on 5 October 2016."""

PRELIMINARY_MINIMUM_DAYS = 10
"""Rule 14a-6(a): a preliminary proxy statement is filed at least ten calendar days before the
definitive is first sent to security holders."""


class ResponseRule(Rule):
    """A rule about a response letter (CORRESP)."""

    target = "letter"

    def applies(self, subject: Subject) -> bool:
        return super().applies(subject) and subject.letter is not None and subject.letter.kind == "response"


class EveryCommentAnswered(ResponseRule):
    """Every staff comment the letter restates is answered, in order.

    What it checks:
    Each comment of the response letter has a response, and the comments are numbered in order
    without gaps or repeats.

    Why staff ask:
    Staff letters ask the registrant to respond to each comment or explain why it does not
    apply; an unanswered comment keeps the review open.

    Failing example:
        ---
        Ladies and Gentlemen:

        1. Comment: Please reconcile the number of portfolios.

        Response: The footnote on page 12 has been corrected.

        2. Comment: Please state who recommended each new nominee.

        3. Comment: Please confirm the meeting date.

        Response: The Trust confirms the meeting date.

        Very truly yours,

    Passing example:
        ---
        Ladies and Gentlemen:

        1. Comment: Please reconcile the number of portfolios.

        Response: The footnote on page 12 has been corrected.

        2. Comment: Please state who recommended each new nominee.

        Response: Additional disclosure has been added to page 14.

        Very truly yours,
    """

    name = "comment-not-answered"
    citation = "Staff practice (rules.md B.4, L-COVERAGE)"

    def check(self, subject: Subject):
        items = subject.letter.items
        for item in items:
            if not (item.response or "").strip():
                loc = item.location
                yield self.finding(
                    subject,
                    f"Comment {item.number or '(unnumbered)'} has no response. Please respond to each comment, "
                    "or explain why it does not apply.",
                    loc.start if loc else None,
                    loc.end if loc else None,
                )
        numbers = [i.number for i in items if i.number is not None]
        if numbers and numbers != list(range(numbers[0], numbers[0] + len(numbers))):
            first = items[0].location
            yield self.finding(
                subject,
                f"The comments are numbered {', '.join(map(str, numbers))}: numbers are missing or out of order. "
                "Please answer each staff comment under its own number, in the staff letter's order.",
                first.start if first else None,
                first.end if first else None,
            )

    def confirmation(self, subject: Subject) -> str | None:
        n = len(subject.letter.items)
        return f"{n} of {n} comments answered, in order" if n else None


class TandyAcknowledgments(ResponseRule):
    """The company gives all three Tandy acknowledgments, in the years staff asked for them.

    What it checks:
    A response letter dated from August 2004 until 5 October 2016 states that the company is
    responsible for the adequacy and accuracy of the disclosure; that staff comments or changes
    in response to them do not foreclose the Commission from taking action on the filing; and
    that the company may not assert staff comments as a defense in any proceeding.

    Why staff ask:
    From 2004 staff letters asked for these statements (named after the Tandy Brands review)
    with every response; the Division of Corporation Finance stopped asking on 5 October 2016.

    Failing example:
        filed: 2008-01-03
        ---
        Ladies and Gentlemen:

        1. Comment: Include Tandy language in your response letter.

        Response: The Trust acknowledges that it is responsible for the adequacy and
        accuracy of the disclosure in the filing.

        Very truly yours,

    Passing example:
        filed: 2008-01-03
        ---
        Ladies and Gentlemen:

        1. Comment: Include Tandy language in your response letter.

        Response: The requested language is included in this letter.

        In connection with this filing, the Trust acknowledges that: (1) the Trust
        is responsible for the adequacy and accuracy of the disclosure in the filings;
        (2) staff comments or changes to disclosure in response to staff comments in the
        filings reviewed by the staff do not foreclose the Commission from taking any
        action with respect to filing; (3) the Trust may not assert staff comments as a
        defense in any proceeding initiated by the Commission or any person under the
        federal securities laws of the United States.

        Very truly yours,
    """

    name = "tandy-acknowledgment-missing"
    citation = "Staff practice, SEC press release 2004-89 (Tandy acknowledgments)"
    era = TANDY_ERA

    def check(self, subject: Subject):
        ack = subject.letter.acknowledgments
        missing = [
            text
            for present, text in (
                (ack.adequacy, "that the company is responsible for the adequacy and accuracy of the disclosure"),
                (ack.no_foreclosure, "that staff comments do not foreclose the Commission from taking action"),
                (ack.no_defense, "that the company may not assert staff comments as a defense"),
            )
            if not present
        ]
        if missing:
            yield self.finding(
                subject,
                "Please provide a written statement from the company acknowledging " + "; ".join(missing) + ".",
            )

    def confirmation(self, subject: Subject) -> str | None:
        return "all three Tandy acknowledgments given"


class PreliminaryTenDays(ResponseRule):
    """The definitive proxy statement is promised no sooner than ten days after the preliminary.

    What it checks:
    When a response on a preliminary proxy statement promises the definitive filing for a date,
    that date is at least ten calendar days after the preliminary was filed.

    Why staff ask:
    Rule 14a-6(a) requires the preliminary to be filed at least ten calendar days before the
    definitive is first sent or given to security holders, so that staff can review it.

    Failing example:
        form: PRE 14A
        ---
        Ladies and Gentlemen:

        This letter responds to comments on the Trust's Preliminary Proxy Statement filed
        with the Commission on December 28, 2007.

        1. Comment: Please reconcile the number of portfolios.

        Response: The footnote on page 12 has been corrected.

        The Trust will file its definitive Proxy Statement on or about January 2, 2008.

        Very truly yours,

    Passing example:
        form: PRE 14A
        ---
        Ladies and Gentlemen:

        This letter responds to comments on the Trust's Preliminary Proxy Statement filed
        with the Commission on December 28, 2007.

        1. Comment: Please reconcile the number of portfolios.

        Response: The footnote on page 12 has been corrected.

        The Trust will file its definitive Proxy Statement on or about January 7, 2008.

        Very truly yours,
    """

    name = "preliminary-period-too-short"
    citation = "Rule 14a-6(a)"
    stages = ("preliminary",)

    def check(self, subject: Subject):
        for commitment, days in self._definitive_promises(subject):
            if days < PRELIMINARY_MINIMUM_DAYS:
                loc = commitment.location
                yield self.finding(
                    subject,
                    f"The letter promises the definitive proxy statement on {commitment.date}, {days} days after the "
                    f"preliminary was filed on {subject.letter.subject_filing.filed}. Rule 14a-6(a) requires at least "
                    f"{PRELIMINARY_MINIMUM_DAYS} calendar days.",
                    loc.start if loc else None,
                    loc.end if loc else None,
                )

    def confirmation(self, subject: Subject) -> str | None:
        promises = self._definitive_promises(subject)
        if not promises:
            return None
        commitment, days = promises[0]
        return f"definitive promised for {commitment.date}, {days} days after the preliminary (minimum {PRELIMINARY_MINIMUM_DAYS})"

    def _definitive_promises(self, subject: Subject):
        filed = subject.letter.subject_filing.filed
        if not filed:
            return []
        return [
            (c, (date.fromisoformat(c.date) - date.fromisoformat(filed)).days)
            for c in subject.letter.commitments
            if c.date and "definitive" in c.text.lower()
        ]


RULES = {
    "TDY401": EveryCommentAnswered,
    "TDY402": TandyAcknowledgments,
    "TDY403": PreliminaryTenDays,
}
