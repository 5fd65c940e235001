"""What changed between two versions of a filing: a list of :class:`Change` records.

This is the first of ``verify``'s two steps (the second, matching each claim of a response to the
change that fits it, is :mod:`tandy.rules.verify`). Any reader of changes can produce these
records — a diff of two texts (:func:`differences`, here), Word's tracked changes, a marked copy —
and hand them to the same matching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from tandy.document import Document, Location

ChangeKind = Literal["changed", "added", "removed"]

#: Words of unchanged text shown either side of a change, so that a reader can find it.
CONTEXT_WORDS = 4
#: Changes fewer than this many equal words apart are one change.
MERGE_GAP = 5
#: Longest quotation of an added or removed paragraph.
EVIDENCE_CHARS = 600


@dataclass(slots=True)
class Change:
    """One difference between the versions.

    ``before``/``after`` quote the text with a few unchanged words either side (what a reader is
    shown); ``removed``/``added`` are exactly the words taken out and put in (what a claim is
    matched against; when a reader of changes leaves them out, the quotes stand in).
    ``location`` is where the change stands in the revised version, ``before_location`` in the
    earlier one.
    """

    kind: ChangeKind
    before: str | None
    after: str | None
    location: Location | None
    before_location: Location | None = None
    removed: str | None = None
    added: str | None = None

    @property
    def pages(self) -> list[str]:
        """Printed pages the change touches, in the revised version first."""
        pages = [loc.page for loc in (self.location, self.before_location) if loc and loc.page]
        return list(dict.fromkeys(pages))

    @property
    def page(self) -> str | None:
        """The printed page a reader looks at for this change (the revised version's, if known)."""
        return self.pages[0] if self.pages else None

    @property
    def removed_text(self) -> str:
        """The words taken out: exactly, where the reader of changes says so, else the quote."""
        return (self.removed or "") if self._exact else (self.before or "")

    @property
    def added_text(self) -> str:
        """The words put in: exactly, where the reader of changes says so, else the quote."""
        return (self.added or "") if self._exact else (self.after or "")

    @property
    def _exact(self) -> bool:
        return self.removed is not None or self.added is not None


@dataclass(slots=True)
class _Word:
    text: str
    start: int
    end: int


def paragraphs(doc: Document) -> list[tuple[int, int]]:
    """The spans compared as units: the author's paragraphs, page furniture left out.

    Page numbers and ``<PAGE>`` markers move when text is added, and are no change of substance.
    """
    spans = [(b.start, b.end) for b in doc.body_blocks()]
    if spans:
        return spans
    return [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", doc.text)]


def differences(old: Document, new: Document) -> list[Change]:
    """Every difference between two versions, in the order of the revised text.

    Paragraphs are compared with whitespace collapsed, so re-wrapped lines are no change; where
    paragraphs differ, their words are compared, so that "(36 portfolios)" → "(44 portfolios)"
    is reported as that, not as two whole paragraphs.
    """
    a, b = paragraphs(old), paragraphs(new)
    keys_a = [_key(old.text, s, e) for s, e in a]
    keys_b = [_key(new.text, s, e) for s, e in b]
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "insert":
            changes.append(_whole(new, b[j1:j2], "added", old.location(*_point(a, i1))))
        elif tag == "delete":
            changes.append(_whole(old, a[i1:i2], "removed", new.location(*_point(b, j1))))
        else:
            changes += _word_changes(old, a[i1:i2], new, b[j1:j2])
    return changes


def _key(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())


def _point(spans: list[tuple[int, int]], index: int) -> tuple[int, int]:
    """Where something inserted before ``spans[index]`` stands: the end of the paragraph before it."""
    if index == 0:
        at = spans[0][0] if spans else 0
    else:
        at = spans[index - 1][1]
    return at, at


def _whole(doc: Document, spans: list[tuple[int, int]], kind: ChangeKind, other: Location) -> Change:
    """Paragraphs added or removed whole, quoted up to :data:`EVIDENCE_CHARS`."""
    start, end = spans[0][0], spans[-1][1]
    text = "\n\n".join(_key(doc.text, s, e) for s, e in spans)
    quoted = text if len(text) <= EVIDENCE_CHARS else text[: EVIDENCE_CHARS - 3] + "..."
    here = doc.location(start, end)
    if kind == "added":
        return Change(kind, None, quoted, here, other, added=text)
    return Change(kind, quoted, None, other, here, removed=text)


def _words(doc: Document, spans: list[tuple[int, int]]) -> list[_Word]:
    """The words of some paragraphs, each with its offsets in the document."""
    words = []
    for start, end in spans:
        for match in re.finditer(r"\S+", doc.text[start:end]):
            words.append(_Word(match.group(), start + match.start(), start + match.end()))
    return words


def _word_changes(old: Document, a: list[tuple[int, int]], new: Document, b: list[tuple[int, int]]) -> list[Change]:
    """The changed runs of words within paragraphs that differ, nearby runs taken together."""
    wa, wb = _words(old, a), _words(new, b)
    matcher = SequenceMatcher(None, [w.text for w in wa], [w.text for w in wb], autojunk=False)
    groups: list[list[int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if groups and i1 - groups[-1][1] < MERGE_GAP and j1 - groups[-1][3] < MERGE_GAP:
            groups[-1][1], groups[-1][3] = i2, j2
        else:
            groups.append([i1, i2, j1, j2])
    return [_run_change(old, wa, i1, i2, new, wb, j1, j2) for i1, i2, j1, j2 in groups]


def _run_change(old: Document, wa: list[_Word], i1: int, i2: int, new: Document, wb: list[_Word], j1: int, j2: int) -> Change:
    kind: ChangeKind = "added" if i1 == i2 else "removed" if j1 == j2 else "changed"
    return Change(
        kind,
        _quote(wa, i1, i2),
        _quote(wb, j1, j2),
        _span(new, wb, j1, j2),
        _span(old, wa, i1, i2),
        removed=" ".join(w.text for w in wa[i1:i2]) or None,
        added=" ".join(w.text for w in wb[j1:j2]) or None,
    )


def _quote(words: list[_Word], i: int, j: int) -> str:
    """The changed words with a few unchanged ones either side; "..." where the text goes on."""
    lo, hi = max(0, i - CONTEXT_WORDS), min(len(words), j + CONTEXT_WORDS)
    text = " ".join(w.text for w in words[lo:hi])
    return ("..." if lo > 0 else "") + text + ("..." if hi < len(words) else "")


def _span(doc: Document, words: list[_Word], i: int, j: int) -> Location:
    """The changed words' span; an empty run is the point where the other version's words stand."""
    if i < j:
        return doc.location(words[i].start, words[j - 1].end)
    at = words[i].start if i < len(words) else words[-1].end if words else 0
    return doc.location(at, at)
