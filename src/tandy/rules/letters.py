"""Response-letter family (TDY4xx): the answer to staff comments is complete and on time.

These rules read a letter (:class:`tandy.letters.Letter`); the conventions they rely on are in
``shared/docs/rules.md`` part D.
"""

from __future__ import annotations

import re
from datetime import date

from tandy.letters.model import Item
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


def _at(item: Item, response: bool = False) -> tuple[int | None, int | None]:
    """The span of an item's comment (or of its response, where the letter gives one)."""
    loc = (item.response_location or item.location) if response else item.location
    return (loc.start, loc.end) if loc else (None, None)


def _label(item: Item) -> str:
    return f"Response {item.number}" if item.number is not None else "The response"


class Identifiers(ResponseRule):
    """The letter's Re: block identifies the registrant and the filing it answers.

    What it checks:
    A response letter names the registrant and the filing reviewed (its form), and gives the
    filing's date and its file number. Missing the registrant or the filing is a warning; a
    missing date or file number is a reminder (info), because a follow-up letter often
    identifies the filing by the earlier response instead.

    Why staff ask:
    Staff letters open with a Re: block naming the filing, its date and file number, and
    responses mirror it, so the response lands in the right review file on EDGAR (rules.md D.1).

    Failing example:
        ---
        Ladies and Gentlemen:

        1. Comment: Please reconcile the number of portfolios.

        Response: The footnote on page 12 has been corrected.

        Very truly yours,

    Passing example:
        ---
        Re: Met Investors Series Trust
            Preliminary Proxy Statement on Schedule 14A
            Filed December 28, 2007
            File No. 811-10183

        Ladies and Gentlemen:

        1. Comment: Please reconcile the number of portfolios.

        Response: The footnote on page 12 has been corrected.

        Very truly yours,
    """

    name = "response-identifiers-missing"
    citation = "Staff practice (rules.md B.4, L-IDENTIFIERS)"
    severity = "warning"

    def check(self, subject: Subject):
        letter = subject.letter
        filing = letter.subject_filing
        essential = [label for label, given in (("the registrant", letter.registrant), ("the filing reviewed", filing.form)) if not given]
        helpful = [
            label
            for label, given in (
                ("the filing's date", filing.filed or filing.response_dated),
                ("its file number", filing.file_numbers),
            )
            if not given
        ]
        missing = essential + helpful
        if not missing:
            return
        yield self.finding(
            subject,
            f"The letter does not identify {', '.join(missing)}. Please give, in the Re: block, the registrant, "
            "the filing reviewed, its filing date and its file number.",
            severity=None if essential else "info",
        )

    def confirmation(self, subject: Subject) -> str | None:
        filing = subject.letter.subject_filing
        return f"{subject.letter.registrant}, {filing.form} filed {filing.filed or filing.response_dated}, {', '.join(filing.file_numbers)}"


_COMMENT_LABEL = re.compile(r"\b(?:staff\s+|sec\s+)?comments?\s*(?:no\.?\s*)?\d*\s*[:.]", re.I)
LABEL_WINDOW = 40
"""How many characters before or after the start of a comment its "Comment:" label may stand."""


class CommentsRestated(ResponseRule):
    """Each staff comment is restated and set off from its response.

    What it checks:
    The letter restates the staff's comments before answering them and sets them off: a
    "Comment:" label, or bold, italic or underlined type.

    Why staff ask:
    A convention, not a rule of law (so this is a reminder): staff read a response against
    their own letter, and a restated, set-off comment lets them follow the answer without it.

    Failing example:
        ---
        Ladies and Gentlemen:

        1. The Trust has reconciled the number of portfolios on page 12.

        2. The Trust has added the source of each nominee's recommendation on page 14.

        Very truly yours,

    Passing example:
        ---
        Ladies and Gentlemen:

        1. Comment: Please reconcile the number of portfolios.

        Response: The footnote on page 12 has been corrected.

        Very truly yours,
    """

    name = "comments-not-restated"
    citation = "Staff practice (rules.md B.4, L-RESTATEMENT)"
    severity = "info"

    def check(self, subject: Subject):
        items = subject.letter.items
        if items and not any(self.set_off(subject, item) for item in items):
            yield self.finding(
                subject,
                "Please restate each staff comment before its response, set off by a label or by bold or italic "
                "type, so the staff can follow the letter.",
                *_at(items[0]),
            )

    @staticmethod
    def set_off(subject: Subject, item: Item) -> bool:
        if not item.location or not item.comment.strip() or item.response is None:
            return False
        doc = subject.document
        block = doc.block_at(item.location.start)
        if block and (block.bold or block.italic or block.underline):
            return True
        start = item.location.start
        return bool(_COMMENT_LABEL.search(doc.text[max(0, start - LABEL_WINDOW) : start + LABEL_WINDOW]))


_ASKS_CONFIRMATION = re.compile(r"\bplease\s+(?:also\s+)?confirm\b|\bconfirm\s+(?:to\s+us\s+)?that\b", re.I)
_ASKS_REVISION = re.compile(r"\bplease\s+(?:\w+\s+)?(?:revise|disclose|expand|add|include|amend|clarify|remove|delete)\b", re.I)
_CHANGED = ("revised", "added", "future_filings")
"""Outcomes that answer a "confirm that you will disclose" by making or promising the change."""
_CONFIRMS = re.compile(r"\bconfirm(?:s|ed)?\b|\backnowledges?\b|\bthere\s+(?:are|were|is|was)\s+no(?:ne)?\b", re.I)


class DispositionFitsRequest(ResponseRule):
    """Each response says what was done, and it answers what the comment asked.

    What it checks:
    A comment that asks for a revision gets a response that states an outcome (revised,
    added, declined with reasons, explained, deferred to future filings), and a comment that
    asks the registrant to confirm something gets a confirmation (or the change itself) rather
    than a description alone.

    Why staff ask:
    A "please confirm" comment is answered only by a confirmation, which staff may rely on; a
    response that describes without confirming, or does not say what was done, draws the same
    comment again in the next round.

    Failing example:
        ---
        Ladies and Gentlemen:

        1. Comment: Please confirm that no fees other than those in the fee table were paid
        to the Adviser's affiliates.

        Response: The Distributor receives Rule 12b-1 fees under the Plan, described on
        page 9.

        Very truly yours,

    Passing example:
        ---
        Ladies and Gentlemen:

        1. Comment: Please confirm that no fees other than those in the fee table were paid
        to the Adviser's affiliates.

        Response: The Trust confirms that no fees other than those in the fee table were
        paid to the Adviser's affiliates.

        Very truly yours,
    """

    name = "disposition-does-not-fit"
    citation = "Staff practice (rules.md B.4, L-DISPOSITION)"
    severity = "warning"

    def check(self, subject: Subject):
        for item in subject.letter.items:
            response = item.response or ""
            if not response.strip():
                continue  # an unanswered comment is TDY401's
            if _ASKS_CONFIRMATION.search(item.comment) and item.disposition not in _CHANGED and not _CONFIRMS.search(response):
                yield self.finding(
                    subject,
                    f"The staff asked the registrant to confirm a point in comment {item.number}; {_label(item).lower()} "
                    "describes the matter but does not confirm it. Please add the confirmation.",
                    *_at(item, response=True),
                )
            elif item.disposition is None and _ASKS_REVISION.search(item.comment):
                yield self.finding(
                    subject,
                    f"{_label(item)} does not say whether the disclosure was revised, will be revised, or why no change "
                    "is needed. Please state the outcome.",
                    *_at(item, response=True),
                )


_LOCATED = re.compile(
    r"\bpages?\s+[A-Z]?-?\d|\bunder\s+the\s+(?:heading|caption|section|subheading)|\b(?:section|heading|caption|subsection)\s+(?:entitled|titled|captioned|called)"
    r"|\bcover\s+page\b|\bproxy\s+card\b|\b(?:appendix|annex|exhibit|schedule)\s+[A-Z0-9]|\bfootnote\b|\bProposal\s+(?:No\.\s*)?\d"
    r"|\bForm\s+10-[KQ]\b|\bas\s+follows\b|[\"“][^\"”]{40,}[\"”]",
    re.I,
)


class RevisionLocated(ResponseRule):
    """A response that revised or added disclosure says where.

    What it checks:
    Each response that says disclosure was revised or added gives the page or section of the
    revised filing, or quotes the new language.

    Why staff ask:
    Staff check each change in the marked revised filing (Rule 14a-6(h)); a response that does
    not say where the change is makes them search for it, and a change they cannot find is
    treated as not made.

    Failing example:
        ---
        Ladies and Gentlemen:

        1. Comment: Please state who recommended each new nominee.

        Response: Additional disclosure has been added.

        Very truly yours,

    Passing example:
        ---
        Ladies and Gentlemen:

        1. Comment: Please state who recommended each new nominee.

        Response: Additional disclosure has been added to page 14.

        Very truly yours,
    """

    name = "revision-not-located"
    citation = "Rule 14a-6(h); staff practice (rules.md B.4, L-LOCATION)"
    severity = "warning"

    def check(self, subject: Subject):
        for item in subject.letter.items:
            if item.disposition in ("revised", "added") and not item.response_pages and not _LOCATED.search(item.response or ""):
                yield self.finding(
                    subject,
                    f"{_label(item)} says the disclosure was {item.disposition} but not where. Please give the page or "
                    "section of the revised filing, or quote the new language.",
                    *_at(item, response=True),
                )


_ABOUT_THE_FILING_ITSELF = re.compile(r"\bpreliminary\s+(?:copy|proxy\s+statement\s*[-—–]\s*subject)|\blegend\b|\bEDGAR\b|\bfiling\s+fee\b", re.I)


class FutureFilingsOnPreliminary(ResponseRule):
    """A preliminary proxy statement is fixed in the definitive, not in future filings.

    What it checks:
    When the filing reviewed is a preliminary proxy statement (PRE 14A, PRER14A and kin), no
    response defers a disclosure change to "future filings". Process comments about the
    filing itself (its legend, its EDGAR coding) are exempt.

    Why staff ask:
    The definitive has not yet been sent to shareholders, so the deficiency can still be cured
    where it matters; a promise for next year's proxy leaves this year's shareholders with the
    deficient text.

    Failing example:
        form: PRE 14A
        ---
        Ladies and Gentlemen:

        1. Comment: Please describe the Board's role in risk oversight.

        Response: The Trust will include this disclosure in future filings.

        Very truly yours,

    Passing example:
        form: PRE 14A
        ---
        Ladies and Gentlemen:

        1. Comment: Please describe the Board's role in risk oversight.

        Response: The requested disclosure has been added on page 9 of the definitive
        proxy statement.

        Very truly yours,
    """

    name = "future-filings-on-preliminary"
    citation = "Staff practice (rules.md B.4, L-FUTURE-FILINGS); Rule 14a-6(a)"
    severity = "warning"
    stages = ("preliminary",)

    def check(self, subject: Subject):
        for item in subject.letter.items:
            if item.disposition == "future_filings" and not _ABOUT_THE_FILING_ITSELF.search(item.comment):
                yield self.finding(
                    subject,
                    f"{_label(item)} defers the change to future filings. Because the definitive proxy statement has not "
                    "yet been sent to shareholders, please make the revision in the definitive proxy statement.",
                    *_at(item, response=True),
                )


_NAME_IF_ANY_ITEMS = {("407", "(b)(1)"), ("407", "(c)(2)(ix)"), ("405", None), ("401", "(f)"), ("407", "(b)(2)")}
_NAME_IF_ANY_WORDS = re.compile(r"\bfewer\s+than\s+75\s*%|\bif\s+any\b|\bname\s+(?:of\s+)?each\b|\bdelinquent\b|\blate\s+(?:filings?|reports?)\b", re.I)
_NOTHING_TO_DISCLOSE = re.compile(
    r"\bonly\s+requires?\s+disclosure\s+if\b|\bno\s+(?:additional\s+|further\s+|such\s+)?disclosure\s+(?:is|was|would\s+be)\s+(?:required|necessary|needed)"
    r"|\b(?:is|are)\s+not\s+(?:required|applicable)\b|\bnone\s+of\s+the\b",
    re.I,
)


class NegativeAnswer(ResponseRule):
    """A "no disclosure is required" answer to a name-if-any item: consider the affirmative sentence.

    What it checks:
    A response that declines a comment under an item that calls for names only if there are
    any (Item 407(b)(1) attendance under 75%, Item 405 late Section 16 reports, Item 401(f)
    legal proceedings), on the ground that there are none. A reminder: the registrant is
    right that the item asks for nothing, but staff often still want the document to say so.

    Why staff ask:
    Without an affirmative sentence ("each Trustee attended at least 75% of the meetings"),
    shareholders cannot tell "none" from "not disclosed"; the 2008 trust review (rules.md E.1)
    ended with exactly this answer to its second comment.

    Failing example:
        ---
        Ladies and Gentlemen:

        1. Comment: Pursuant to Item 407(b)(1) of Regulation S-K, name each trustee who
        attended fewer than 75% of the meetings of the board and its committees.

        Response: Item 407(b)(1) only requires disclosure if a trustee did not attend at
        least 75% of the meetings. No additional disclosure is required.

        Very truly yours,

    Passing example:
        ---
        Ladies and Gentlemen:

        1. Comment: Pursuant to Item 407(b)(1) of Regulation S-K, name each trustee who
        attended fewer than 75% of the meetings of the board and its committees.

        Response: The Trust has added on page 13 a statement that each Trustee attended
        at least 75% of the meetings of the Board and of its committees.

        Very truly yours,
    """

    name = "negative-answer"
    citation = "Item 407(b)(1) of Regulation S-K and other name-if-any items (rules.md B.4, L-NEGATIVE-ANSWER)"
    severity = "info"

    def check(self, subject: Subject):
        for item in subject.letter.items:
            if item.disposition == "no_change" and self.name_if_any(item) and _NOTHING_TO_DISCLOSE.search(item.response or ""):
                cited = next((c.text for c in item.citations if (c.item, c.paragraph) in _NAME_IF_ANY_ITEMS or (c.item, None) in _NAME_IF_ANY_ITEMS), "the item")
                yield self.finding(
                    subject,
                    f"{_label(item)} answers that {cited} calls for no disclosure because there is nothing to report. "
                    "Please consider saying so in the definitive proxy statement (for example, that each trustee "
                    "attended at least 75% of the meetings), so that shareholders can tell none from not disclosed.",
                    *_at(item, response=True),
                )

    @staticmethod
    def name_if_any(item: Item) -> bool:
        cited = {(c.item, c.paragraph) for c in item.citations} | {(c.item, None) for c in item.citations}
        return bool(cited & _NAME_IF_ANY_ITEMS) or bool(_NAME_IF_ANY_WORDS.search(item.comment))


_RULE_83_LEGEND = re.compile(r"confidential\s+treatment\s+(?:has\s+been\s+|is\s+)?requested|\bRule\s+83\b|17\s*C\.?F\.?R\.?\s*(?:§\s*)?200\.83", re.I)
_REDACTED = re.compile(r"\[\s*\*{3}\s*\]|\[\s*redacted\s*\]|\[\s*\*\s*\*\s*\*\s*\]", re.I)


class ConfidentialTreatment(ResponseRule):
    """Text withheld from a response carries the Rule 83 confidential-treatment request.

    What it checks:
    A response letter that replaces text with redaction markers ("[***]") carries the Rule 83
    legend ("Confidential Treatment Requested by ..."), and one that carries the legend marks
    what it withholds.

    Why staff ask:
    Rule 83 (17 CFR 200.83) protects information from release under FOIA only when the request
    is made as the rule prescribes: the legend on the letter and the withheld text marked.
    Redactions without a request leave the public letter unexplained; a legend with nothing
    marked leaves the staff unsure what to withhold.

    Failing example:
        ---
        Ladies and Gentlemen:

        1. Comment: Please tell us the fees paid to the sub-adviser.

        Response: The Adviser paid the sub-adviser [***] during 2011.

        Very truly yours,

    Passing example:
        ---
        Confidential Treatment Requested by Acme Funds Trust Pursuant to Rule 83

        Ladies and Gentlemen:

        1. Comment: Please tell us the fees paid to the sub-adviser.

        Response: The Adviser paid the sub-adviser [***] during 2011.

        Very truly yours,
    """

    name = "confidential-treatment-inconsistent"
    citation = "Rule 83 of the Commission's Rules on Information and Requests (17 CFR 200.83)"

    def check(self, subject: Subject):
        text = subject.document.text
        redacted, legend = _REDACTED.search(text), _RULE_83_LEGEND.search(text)
        if redacted and not legend:
            yield self.finding(
                subject,
                "The letter redacts text but does not carry the Rule 83 confidential-treatment legend. Please add "
                "the legend and request confidential treatment under Rule 83, or restore the text.",
                redacted.start(),
                redacted.end(),
            )
        elif legend and not redacted and re.search(r"confidential\s+treatment\s+(?:has\s+been\s+|is\s+)?requested", legend.group(0), re.I):
            yield self.finding(
                subject,
                "The letter carries a confidential-treatment legend but marks no withheld text. Please mark the "
                "information for which confidential treatment is requested.",
                legend.start(),
                legend.end(),
                severity="warning",
            )


MAX_PLAUSIBLE_PAGE = 400
"""No proxy statement or periodic report reviewed in the corpus runs longer; a higher page number in a
response is almost certainly a typing slip or a year."""


MIN_ENCLOSED_PAGES = 2
"""One stray page number (a footnote's, a page of the letter misread) is no enclosed filing."""


class CitedPagesExist(ResponseRule):
    """The pages a response sends the staff to exist.

    What it checks:
    Where the letter encloses revised pages with printed numbers, each page a revising response
    cites is among them (or within their range); where it encloses none, each cited page number
    is at least plausible (from 1 to 400).

    Why staff ask:
    Staff check the change at the page the response gives; a page that is not enclosed, or does
    not exist, sends them searching and suggests the response was written against an earlier
    draft.

    Failing example:
        ---
        Ladies and Gentlemen:

        1. Comment: Please state who recommended each new nominee.

        Response: Additional disclosure has been added to page 1400.

        Very truly yours,

    Passing example:
        ---
        Ladies and Gentlemen:

        1. Comment: Please state who recommended each new nominee.

        Response: Additional disclosure has been added to page 14.

        Very truly yours,
    """

    name = "cited-page-missing"
    citation = "Staff practice (rules.md B.4, L-LOCATION and L-AMENDMENT-TRACE)"
    severity = "warning"

    def check(self, subject: Subject):
        enclosed = self.enclosed_pages(subject)
        for item in subject.letter.items:
            if item.disposition not in ("revised", "added"):
                continue
            for page in item.response_pages:
                problem = self.problem(page, enclosed)
                if problem:
                    yield self.finding(subject, f"{_label(item)} refers to page {page}, {problem}. Please correct the page reference.", *_at(item, response=True))

    @staticmethod
    def enclosed_pages(subject: Subject) -> list[int]:
        """Printed page numbers beyond the letter's own pages: the enclosed revised filing's."""
        pages = subject.document.pages
        numbers = [int(p.number) for p in pages if p.number and p.number.isdigit()]
        enclosed = [n for n in numbers if n > len(pages)]
        return enclosed if len(enclosed) >= MIN_ENCLOSED_PAGES else []

    @staticmethod
    def problem(page: str, enclosed: list[int]) -> str | None:
        first = re.match(r"\d+", page)
        if not first:
            return None  # "A-1", "F-7": an appendix or financial page, judged by no count
        number = int(first.group(0))
        if enclosed and not min(enclosed) <= number <= max(enclosed):
            return f"but the pages enclosed with the letter run from {min(enclosed)} to {max(enclosed)}"
        if not enclosed and not 1 <= number <= MAX_PLAUSIBLE_PAGE:
            return "which no proxy statement of ordinary length has"
        return None


_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_COMMENTS_DATED = re.compile(
    rf"\b(?:letter|comments?)\s+(?:\w+\s+){{0,3}}?dated\s+({_MONTH}\s+\d{{1,2}},\s+\d{{4}})|\b(?:by\s+telephone|telephonically|orally)\s+on\s+({_MONTH}\s+\d{{1,2}},\s+\d{{4}})",
    re.I,
)
OPENING_CHARS = 3000
"""The letter's opening, where it says which staff letter (or call) it answers."""


class DatedAfterComments(ResponseRule):
    """The response is dated after the staff comments it answers.

    What it checks:
    The date of the response letter is no earlier than the date of the staff letter (or the
    telephone call) that its opening paragraph says it answers.

    Why staff ask:
    A response dated before the comments is a misdated letter, or answers a different round;
    either way the review record (rules.md L-THREAD-STATE) no longer reads in order.

    Failing example:
        ---
        March 1, 2012

        Ladies and Gentlemen:

        This letter responds to the staff's comment letter dated March 15, 2012.

        1. Comment: Please reconcile the number of portfolios.

        Response: The footnote on page 12 has been corrected.

        Very truly yours,

    Passing example:
        ---
        March 20, 2012

        Ladies and Gentlemen:

        This letter responds to the staff's comment letter dated March 15, 2012.

        1. Comment: Please reconcile the number of portfolios.

        Response: The footnote on page 12 has been corrected.

        Very truly yours,
    """

    name = "response-dated-before-comments"
    citation = "Staff practice (rules.md B.4, L-THREAD-STATE)"

    def check(self, subject: Subject):
        letter = subject.letter
        opening_end = letter.items[0].location.start if letter.items and letter.items[0].location else OPENING_CHARS
        match = _COMMENTS_DATED.search(subject.document.text[: min(opening_end, OPENING_CHARS)])
        if not letter.date or not match or letter.date == letter.subject_filing.filed:
            return  # no date line: the date read is the reviewed filing's, from the Re: block
        answered = _iso(match.group(1) or match.group(2))
        if answered and letter.date < answered:
            yield self.finding(
                subject,
                f"The letter is dated {letter.date}, before the staff comments of {answered} that it says it answers. "
                "Please correct the date.",
                match.start(),
                match.end(),
            )


def _iso(text: str) -> str | None:
    month, day, year = text.replace(",", " ").split()
    months = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
    try:
        return date(int(year), months.index(month.lower()) + 1, int(day)).isoformat()
    except ValueError:
        return None


RULES = {
    "TDY401": EveryCommentAnswered,
    "TDY402": TandyAcknowledgments,
    "TDY403": PreliminaryTenDays,
    "TDY404": Identifiers,
    "TDY405": CommentsRestated,
    "TDY406": DispositionFitsRequest,
    "TDY407": RevisionLocated,
    "TDY408": FutureFilingsOnPreliminary,
    "TDY409": NegativeAnswer,
    "TDY410": ConfidentialTreatment,
    "TDY411": CitedPagesExist,
    "TDY412": DatedAfterComments,
}
