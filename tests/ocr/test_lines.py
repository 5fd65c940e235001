"""Lines and paragraphs from word boxes: the geometry both OCR and hidden layers go through.

Synthetic boxes, for the edge cases: real pages are in the other tests.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tandy.document.lines import Line, Word, jumbled, lines_from_words, paragraphs, rows


def _line_of(words: str, top: float, left: float = 72.0, height: float = 10.0, space: float = 3.0) -> list[Word]:
    out, x = [], left
    for text in words.split():
        width = 5.0 * len(text)
        out.append(Word(text, x, top, x + width, top + height))
        x += width + space
    return out


def test_a_hanging_number_joins_its_first_line_and_a_period_its_word_row():
    words = [Word("1.", 72, 101, 80, 110)] + _line_of("Please tell us why", 100, left=108) + _line_of("the consent", 114, left=108)
    words.append(Word(".", 170, 121, 172, 124))
    assert [l.text for l in lines_from_words(words)] == ["1. Please tell us why", "the consent ."]


def test_paragraphs_break_at_a_wide_gap_and_keep_close_lines_together():
    """Lines 14 points apart are a paragraph; a gap of 28 (a blank line) starts the next."""
    words = _line_of("Dear Mr. Smith:", 100)
    words += [w for i in range(4) for w in _line_of(f"We have reviewed {i}", 128 + 14 * i)]
    words += [w for i in range(3) for w in _line_of(f"Please respond {i}", 212 + 14 * i)]
    assert [text.count("\n") + 1 for text, _ in paragraphs(lines_from_words(words))] == [1, 4, 3]


def test_a_layer_in_its_own_order_is_jumbled_and_one_in_reading_order_is_not():
    ordered = [Line(f"line {i}", 100 + 14 * i, 110 + 14 * i) for i in range(20)]
    assert not jumbled(ordered)
    shuffled = ordered[::2] + ordered[1::2]
    pieces = [Line(f"word {i}", 100 + 14 * (i // 5), 110 + 14 * (i // 5)) for i in range(40)]
    assert not jumbled(shuffled)  # two runs down the page: a two-column page, not a jumbled one
    assert jumbled(pieces)
    assert jumbled(list(reversed(ordered)))


@given(st.permutations(range(12)))
def test_rows_do_not_depend_on_the_order_words_come_in(order):
    words = [w for i in range(4) for w in _line_of("one two three", 100 + 14 * i)]
    shuffled = [words[i] for i in order]
    assert [[w.text for w in row] for row in rows(shuffled)] == [["one", "two", "three"]] * 4
