"""Every rule's docstring: four parts, and its failing and passing examples behave as it says."""

from __future__ import annotations

import pytest

from tandy.rules import all_rules, review
from tandy.rules.examples import SECTIONS, example, sections

RULES = all_rules()


def run(tmp_path, rule, which):
    ex = example(type(rule), which)
    path = tmp_path / ("example" + ex.settings.get("suffix", ".txt"))
    path.write_text(ex.text, encoding="utf-8")
    fund = ex.settings.get("fund")
    result = review(
        str(path),
        form=ex.settings.get("form"),
        filed=ex.settings.get("filed"),
        fund=None if fund is None else fund == "yes",
    )
    return result, [f for f in result.findings if f.rule == rule.id]


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_docstring_has_four_parts(rule):
    parts = sections(type(rule))
    assert parts["summary"], f"{rule.id} has no summary line"
    for section in SECTIONS:
        assert parts.get(section), f"{rule.id} docstring lacks '{section}:'"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_failing_example_fails(tmp_path, rule):
    result, found = run(tmp_path, rule, "Failing example")
    assert any(c.rule == rule.id for c in result.checks), f"{rule.id} did not apply to its own failing example"
    assert found, f"{rule.id} found nothing in its failing example"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_passing_example_passes(tmp_path, rule):
    result, found = run(tmp_path, rule, "Passing example")
    assert any(c.rule == rule.id for c in result.checks), f"{rule.id} did not apply to its own passing example"
    assert not found, f"{rule.id} reported {[f.message for f in found]} on its passing example"


def test_ids_are_unique_and_grouped_by_family():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    families = {"TDY1": "proxy", "TDY2": "proxy", "TDY3": "proxy", "TDY4": "letter"}
    for rule in RULES:
        assert rule.target in (families[rule.id[:4]], "any"), rule.id
        assert rule.name == rule.name.lower() and " " not in rule.name
