"""Checks a letter can make of itself, with no hand-made answer to compare against.

Every letter a user brings is unseen, so the reader's work is measured by what a letter states
about itself: the EDGAR form it came as (UPLOAD is staff, CORRESP the filer) against the kind read;
item numbers running 1, 2, 3 without gaps or repeats; every comment of a response answered; and
every body paragraph between the first item and the sign-off inside exactly one item (none lost
to page furniture, none left between items). ``benchmarks/check_letters.py`` runs them over the
corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tandy.letters.body import Paragraph
from tandy.letters.items import end_of_items, is_heading
from tandy.letters.model import Letter, LetterKind
from tandy.letters.reader import Layout

#: The kinds a letter sent as each EDGAR form may be.
FITS_FORM: dict[str, tuple[LetterKind, ...]] = {
    "UPLOAD": ("staff_comment", "closing", "no_review"),
    "CORRESP": ("response", "acceleration_request"),
}
#: A paragraph among the closing remarks that reads as more of an item: a numbered comment, an answer.
_ITEM_LIKE = re.compile(r"^(?:\d{1,3}\s*[.)]\s+[A-Z]|(?:[\w'’ ]{0,30})?(?i:responses?)\s*:)")
#: Page furniture left inside an item: a continuation header's date and page ("September 20, 2022
#: Page 2"), a bare "Page 2" line, the template's "FirstName LastName".
_PAGE_FURNITURE = re.compile(r"\b(?:19|20)\d\d\s+Page\s+\d{1,3}\b|^\s*Page\s+\d{1,3}(?:\s+of\s+\d{1,3})?\s*$|FirstName|Comapany Name", re.M)


@dataclass(slots=True)
class BodyShare:
    """How much of a letter's body text its items hold, and the paragraphs they miss."""

    inside: int = 0
    body: int = 0
    lost: list[Paragraph] = field(default_factory=list)
    furniture: list[Paragraph] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.inside / self.body if self.body else 1.0


def kind_fits_form(kind: LetterKind, form: str | None, *, other_fits: bool = False) -> bool:
    """Whether the kind read is one the EDGAR form allows (true when the form is unknown).

    With ``other_fits``, "other" fits either form: the question is then only whether the kind
    contradicts the form (a CORRESP read as staff comments); without it, every "other" is listed
    for a person to read (extension requests and exchange-offer letters are "other" rightly).
    """
    allowed = FITS_FORM.get((form or "").upper())
    return allowed is None or kind in allowed or (other_fits and kind == "other")


def numbering_gaps(letter: Letter) -> list[str]:
    """What is wrong with the item numbers: a gap, a repeat, an item with none."""
    numbers = [item.number for item in letter.items]
    if numbers == [None]:
        return []  # a letter's one comment, which nobody numbers
    problems = [f"item {k + 1} has no number" for k, n in enumerate(numbers) if n is None]
    known = [n for n in numbers if n is not None]
    for a, b in zip(known, known[1:]):
        if b == a:
            problems.append(f"{a} repeated")
        elif b != a + 1:
            problems.append(f"{a} then {b}")
    return problems


def unanswered(letter: Letter) -> list[int | None]:
    """Numbers of a response's items whose answer is missing or empty."""
    if letter.kind != "response":
        return []
    return [item.number for item in letter.items if not (item.response or "").strip()]


def body_share(laid: Layout) -> BodyShare:
    """Body text from the first item to the closing remarks that is inside an item, and what is not.

    The closing remarks begin where the reader says the items end (:func:`end_of_items`); before
    that every paragraph must be an item's, bar the stack of headings above an item and bare
    numbers. After it, a numbered paragraph or an answer label is text the items lost.
    """
    out = BodyShare()
    if not laid.spans:
        return out
    held = {id(p) for span in laid.spans for p in (*span.comment, *span.response, *([span.heading] if span.heading else []))}
    body = laid.body
    first = laid.spans[0].start
    end = end_of_items(body, laid.spans[-1].start)
    captions = _captions(body, {span.start for span in laid.spans})
    for i, para in enumerate(body[first:], start=first):
        size = len(para.text)
        if id(para) in held:
            out.inside += size
            out.body += size
            if any(_PAGE_FURNITURE.search(line) for line in para.lines or (para.text,)):
                out.furniture.append(para)
        elif _bare(para) or i in captions:
            continue  # the stack of headings above an item, a bare number: no text of an item
        elif i < end or _ITEM_LIKE.match(para.text):
            out.body += size
            out.lost.append(para)
    return out


def _captions(body: list[Paragraph], starts: set[int]) -> set[int]:
    """Indexes of the headings stacked directly above each item ("Form 10-K" / "Financial
    Statements" / "Note 15, page 91")."""
    out: set[int] = set()
    for start in starts:
        i = start - 1
        while i >= 0 and (is_heading(body[i]) or _bare(body[i])):
            out.add(i)
            i -= 1
    return out


def _bare(para: Paragraph) -> bool:
    """A bare number or a comment label on its own line: the item's, though no text of it."""
    return bool(re.fullmatch(r"(?:\d{1,3}\s*[.):]?|(?:[\w'’ ]{0,30}\b)?comments?\s*(?:no\.?\s*|#\s*)?\d*\s*[:.]?)", para.text, re.I))

