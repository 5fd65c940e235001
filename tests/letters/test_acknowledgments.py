"""The three Tandy elements, checked on each hand-labelled letter (goal: every label agrees)."""

from __future__ import annotations

import json

import pytest

import tandy
from conftest import SEED_LETTER, SHARED
from tandy.letters.acknowledgments import find_acknowledgments

LABELS = SHARED / "labels" / "letters"


def labels() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(LABELS.glob("*.json"))]


def test_seed_gives_all_three():
    if not SEED_LETTER.exists():
        pytest.skip(f"{SEED_LETTER} is absent")
    found = find_acknowledgments(tandy.parse(str(SEED_LETTER)).main.text)
    assert (found.adequacy, found.no_foreclosure, found.no_defense, found.tandy) == (True, True, True, True)


def test_each_element_is_found_separately_across_line_breaks():
    text = (
        "the Company acknowledges that:\n\n\u2022 staff comments or changes to disclosure in response to staff comments do "
        "not\nforeclose the Commission from taking any action with respect to the filing;"
    )
    found = find_acknowledgments(text)
    assert (found.adequacy, found.no_foreclosure, found.no_defense) == (False, True, False)


def test_post_2016_reminder_alone_is_not_tandy():
    reminder = (
        "We remind you that the company and its management are responsible for the accuracy and adequacy of "
        "their disclosures, notwithstanding any review, comments, action or absence of action by the staff."
    )
    found = find_acknowledgments(reminder)
    assert found.adequacy and not found.tandy


def test_acceleration_request_awareness_is_not_tandy():
    text = (
        "We understand that the Staff will consider this request as confirmation by the Company of its awareness of "
        "its responsibilities under the federal securities laws."
    )
    assert find_acknowledgments(text) == find_acknowledgments("")


@pytest.mark.skipif(not LABELS.is_dir(), reason="../shared/labels/letters is absent: hand-checked labels not available")
def test_agrees_with_every_hand_checked_label():
    disagreements = []
    for label in labels():
        text = tandy.parse(str(SHARED / "corpus" / label["file"])).main.text
        if find_acknowledgments(text).tandy != label["tandy"]:
            disagreements.append(label["file"])
    assert len(labels()) == 43
    assert disagreements == []
