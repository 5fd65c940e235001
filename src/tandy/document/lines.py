"""A page's lines and paragraphs from positioned text, whatever gave the positions.

A born-digital PDF's text layer comes in reading order with its line breaks; a scan gives only
words with boxes (Tesseract's, or a hidden OCR layer's with no line breaks or a jumbled order).
Both end here the same way: words become lines by their vertical overlap, lines become paragraphs
where the gap above a line is clearly larger than the page's usual line pitch, so the letter stage
sees one structure whichever way a page was read.

Coordinates are PDF points from the page's top-left corner, y growing downward.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

PARAGRAPH_GAP = 1.45
"""A gap above a line larger than this many times the page's usual line pitch starts a paragraph."""

MAX_PITCH = 40.0
"""Gaps of more than this many points are breaks between parts of the page, not line pitch."""

DEFAULT_PITCH = 14.0
"""The pitch of a page too short to measure one: 12-point leading, a little more."""

SAME_LINE = 0.5
"""Two boxes are on one line when they overlap vertically by at least this share of the smaller."""

JUMBLED_SHARE = 0.3
"""A text layer whose lines break or run backward this often was written word by word, out of order."""

MIN_LINES_TO_JUDGE = 8


@dataclass(slots=True, frozen=True)
class Word:
    """A word and its box (points, top-left origin); ``bold`` when its font or ink says so."""

    text: str
    left: float
    top: float
    right: float
    bottom: float
    bold: bool = False


@dataclass(slots=True, frozen=True)
class Line:
    """A line of text; ``bottom`` is its baseline's height on the page (points, y down)."""

    text: str
    top: float
    bottom: float
    bold: bool = False


def lines_from_words(words: list[Word]) -> list[Line]:
    """Words grouped into lines by vertical overlap, each line read left to right, top to bottom."""
    return [_line(row) for row in rows(words)]


def rows(words: list[Word]) -> list[list[Word]]:
    """Words grouped into rows, top to bottom, each row's words left to right.

    Words are taken by their vertical middle, so a word joins the row above it only when the two
    share most of their height (or it lies within the row, as a period does); a ``1.`` hanging
    left of its paragraph joins its first line.
    """
    out: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        if out and _overlaps(out[-1], word):
            out[-1].append(word)
        else:
            out.append([word])
    for row in out:
        row.sort(key=lambda w: w.left)
    return out


def _overlaps(row: list[Word], word: Word) -> bool:
    top = statistics.median(w.top for w in row)
    bottom = statistics.median(w.bottom for w in row)
    shared = min(bottom, word.bottom) - max(top, word.top)
    return shared >= SAME_LINE * min(bottom - top, word.bottom - word.top) or (top <= word.top and word.bottom <= bottom)


def _line(row: list[Word]) -> Line:
    bold = sum(len(w.text) for w in row if w.bold) * 2 > sum(len(w.text) for w in row)
    # The median bottom is the baseline: most words have no descender.
    return Line(" ".join(w.text for w in row), min(w.top for w in row), statistics.median(w.bottom for w in row), bold)


def paragraphs(lines: list[Line]) -> list[tuple[str, bool]]:
    """Lines grouped into paragraphs, as (text, bold): a new one at a wide gap, a jump back up the
    page, or a change between bold and plain."""
    if not lines:
        return []
    pitches = [b.bottom - a.bottom for a, b in zip(lines, lines[1:]) if 0 < b.bottom - a.bottom < MAX_PITCH]
    pitch = statistics.median(pitches) if pitches else DEFAULT_PITCH
    groups: list[list[Line]] = [[lines[0]]]
    for prev, line in zip(lines, lines[1:]):
        gap = line.bottom - prev.bottom
        if gap > pitch * PARAGRAPH_GAP or gap < -pitch or prev.bold != line.bold:
            groups.append([line])
        else:
            groups[-1].append(line)
    return [("\n".join(l.text for l in group), sum(l.bold for l in group) * 2 > len(group)) for group in groups]


def jumbled(lines: list[Line]) -> bool:
    """Whether lines in the order a text layer gives them are not the page's lines top to bottom.

    A hidden OCR layer written word by word, or in an order of its own, reads as lines that share
    a row with the line before (a row cut into pieces) or jump back up the page. Born-digital
    letters do this a few times in a letterhead; a jumbled layer does it on most lines.
    """
    if len(lines) < MIN_LINES_TO_JUDGE:
        return False
    broken = 0
    for prev, line in zip(lines, lines[1:]):
        height = max(1.0, min(prev.bottom - prev.top, line.bottom - line.top))
        if line.bottom - prev.bottom < SAME_LINE * height:
            broken += 1
    return broken > JUMBLED_SHARE * (len(lines) - 1)
