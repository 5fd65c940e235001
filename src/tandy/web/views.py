"""The library's results arranged as the pages lay them out (no reading or judging happens here).

A review becomes its printed pages with the findings marked (:func:`tandy.reports.html.marked`
does the marking, as in ``review --format html``); a letter becomes comment-beside-response rows
with each citation linked to the rules that cite the same provision; a verification's evidence
becomes a word diff; a corpus thread becomes a timeline in which each staff comment is followed to
its answer and to the next round.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from html import escape

from markupsafe import Markup

from tandy.corpus.model import ItemRecord, Thread
from tandy.letters.model import Citation, Letter
from tandy.reports.html import marked
from tandy.rules.model import Review
from tandy.web.model import CitationView, DiffPiece, Exchange, FindingView, ItemView, PageView, TimelineEntry

STAFF_KINDS = ("staff_comment",)
#: Text with no line longer than this keeps its line breaks and columns (scrolls rather than wraps).
LAYOUT_LINE_CHARS = 200


# --- review ---------------------------------------------------------------------------------------


def review_pages(review: Review) -> tuple[list[PageView], list[FindingView]]:
    """The document page by page with findings marked, and the findings in document order."""
    from tandy.rules.catalogue import FAMILIES

    doc = review.subject.document
    findings = [
        FindingView(f"f{n}", f, FAMILIES.get(f.rule[:4], "other"), f.location.page if f.location else None)
        for n, f in enumerate(review.findings, start=1)
    ]
    located = [(v.finding, v.anchor) for v in findings if v.finding.location]
    spans = [(p.index, p.start, p.end, p.number) for p in doc.pages] or [(0, 0, len(doc.text), None)]
    pages = []
    for index, start, end, number in spans:
        on_page = [v for v in findings if v.finding.location and start <= v.finding.location.start < end]
        pages.append(PageView(index, number, Markup(marked(doc.text, start, end, located)), on_page))
    return pages, findings


def keeps_layout(review: Review) -> bool:
    """Whether the text is laid out in fixed-width columns (an EDGAR text filing, a PDF's lines),
    which wrapping would scramble; long lines (HTML paragraphs) mean it is flowing text."""
    lines = review.subject.document.text.splitlines() or [""]
    return max(len(line) for line in lines) <= LAYOUT_LINE_CHARS


def rule_documentation(rule_id: str) -> dict[str, str] | None:
    """A rule's documentation by section (what it checks, why staff ask, two examples)."""
    from tandy.rules import rule_by_id
    from tandy.rules.examples import sections

    rule = rule_by_id(rule_id)
    return sections(type(rule)) if rule is not None else None


def rule_examples(rule) -> dict:
    """The failing and passing examples, dedented, with what the header would have said set apart."""
    from tandy.rules.examples import example, sections

    present = sections(type(rule))
    return {which: example(type(rule), which) for which in ("Failing example", "Passing example") if present.get(which)}


# --- letters --------------------------------------------------------------------------------------


def letter_items(letter: Letter) -> list[ItemView]:
    """Each item with its citations, each citation with the rules citing the same provision."""
    return [ItemView(item, [CitationView(c, rules_citing(c)) for c in item.citations]) for item in letter.items]


def rules_citing(citation: Citation) -> list[str]:
    """IDs of the rules whose citation names the same item or rule, as precisely or more.

    "Item 407(c)(2)(vii) of Reg. S-K" is cited by TDY201; "Item 407(b)" by every rule on one of its
    paragraphs. The regulation or schedule must agree where the letter names one.
    """
    key = _citation_key(citation)
    if key is None:
        return []
    pattern = re.compile(re.escape(key) + r"(?!\d)")
    regulation = (citation.regulation or "").lower().replace(" ", "")
    return [
        rule_id
        for rule_id, parts in _rule_citations()
        if any(pattern.search(part) and (not regulation or regulation in part) for part in parts)
    ]


def _citation_key(citation: Citation) -> str | None:
    if citation.item:
        return f"item{citation.item}{citation.paragraph or ''}".lower().replace(" ", "")
    if citation.rule:
        return f"rule{citation.rule}{citation.paragraph or ''}".lower().replace(" ", "")
    return None


@lru_cache(maxsize=1)
def _rule_citations() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each rule's citation split at ``;``, squashed and lower-cased ("Items 1(b) and 6(b)" kept)."""
    from tandy.rules import all_rules

    rows = []
    for rule in all_rules():
        parts = tuple(re.sub(r"\s+", "", p).lower().replace("items", "item") for p in rule.citation.split(";"))
        rows.append((rule.id, parts))
    return tuple(rows)


# --- verify ---------------------------------------------------------------------------------------


def word_diff(before: str | None, after: str | None) -> list[DiffPiece]:
    """``before`` → ``after`` as kept, removed and added runs of words."""
    old, new = (before or "").split(), (after or "").split()
    pieces: list[DiffPiece] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(DiffPiece("same", " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(DiffPiece("del", " ".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(DiffPiece("ins", " ".join(new[j1:j2])))
    return pieces


# --- corpus ---------------------------------------------------------------------------------------


def highlighted(snippet: str) -> Markup:
    """A search snippet with the index's ``[matched words]`` shown as marks, everything escaped."""
    return Markup(re.sub(r"\[([^\[\]\n]{1,200})\]", r"<mark>\1</mark>", escape(snippet, quote=False)))


def timeline(thread: Thread, items: dict[int, list[ItemRecord]]) -> list[TimelineEntry]:
    """The thread's letters in order; each staff comment followed to the response that answers it.

    The answer is the item of the same number in the first response after the staff letter (and
    before the next one); ``reissued`` says the staff asked the comment again in a later round.
    """
    entries, round_no = [], 0
    letters = thread.letters
    for i, letter in enumerate(letters):
        if letter.kind in STAFF_KINDS:
            round_no += 1
        entry = TimelineEntry(letter, round_no, items.get(letter.id, []))
        if letter.kind in STAFF_KINDS:
            reply = _reply_to(letters, i)
            answers = {a.number: a for a in items.get(reply.id, [])} if reply else {}
            entry.exchanges = [
                Exchange(c, answers.get(c.number), reply if c.number in answers else None, c.number in thread.reissued and round_no < thread.rounds)
                for c in entry.items
            ]
        entries.append(entry)
    return entries


def _reply_to(letters, staff_index: int):
    for later in letters[staff_index + 1 :]:
        if later.kind in STAFF_KINDS:
            return None
        if later.kind == "response":
            return later
    return None
