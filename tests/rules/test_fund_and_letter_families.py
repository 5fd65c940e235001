"""The fund (TDY3xx) and response-letter (TDY4xx) families on real documents: quiet where staff
were satisfied, speaking where the document really falls short."""

from __future__ import annotations

import pytest

from conftest import DEF14A, PRE14A, corpus, needs_shared
from tandy.rules import review


def of_family(result, prefix):
    return [f for f in result.findings if f.rule.startswith(prefix)]


@needs_shared
@pytest.mark.parametrize(
    "name",
    [
        "aapl_upload_2024-04-02_0000000000-24-003505.txt",
        "abbv_upload_2022-09-20_0000000000-22-010309.pdf",
        "aapl_upload_2024-05-16_0000000000-24-005673.txt",
        "abbv_upload_2022-10-20_0000000000-22-011560.pdf",
    ],
)
def test_staff_and_closing_letters_get_no_response_letter_findings(name):
    result = review(str(corpus("letters", name)))
    assert result.subject.letter.kind in ("staff_comment", "closing")
    assert of_family(result, "TDY4") == []
    assert not any(c.rule.startswith("TDY4") for c in result.checks)


@needs_shared
def test_preliminary_response_deferring_nothing_and_locating_each_change():
    result = review(str(corpus("letters", "cci_corresp_2024-04-04_0000950142-24-000938.htm")))
    checks = {c.rule: c.status for c in result.checks}
    assert checks["TDY407"] == checks["TDY408"] == checks["TDY411"] == "passed"


@needs_shared
def test_seed_excerpts_are_judged_on_their_tables_only():
    for path in (PRE14A, DEF14A):
        result = review(str(path))
        ran = {c.rule for c in result.checks}
        assert {"TDY302", "TDY303", "TDY310"} <= ran
        assert not {"TDY306", "TDY307", "TDY308", "TDY309"} & ran, "an excerpt is no whole filing"
        assert of_family(result, "TDY3") == []


@needs_shared
def test_prudential_sai_gives_every_fund_disclosure():
    result = review(str(corpus("proxies", "prudentialjennisonblendfund_485bpos_2023-10-27_0001683863-23-007309.htm")))
    ran = {c.rule for c in result.checks}
    assert {"TDY302", "TDY303", "TDY306", "TDY307", "TDY308", "TDY309", "TDY310"} <= ran
    assert of_family(result, "TDY3") == []


@needs_shared
def test_morgan_stanley_sai_names_interested_trustees_without_saying_why():
    result = review(str(corpus("proxies", "morganstanleyallocatorfund_485bpos_2004-04-30_0000950136-04-001365.txt")))
    found = of_family(result, "TDY303")
    assert [f.message.split(" is ")[0] for f in found] == ["Charles A. Fiumefreddo"]
    assert "TDY306" not in {c.rule for c in result.checks}, "a 2004 SAI predates Item 22(b)(3)"


@needs_shared
def test_operating_company_proxies_get_no_fund_findings():
    for name in ("cardinalhealth_def14a_1994-10-14_0000950152-94-001030.txt", "pepsico_def14a_1995-03-28_0000077476-95-000016.txt"):
        result = review(str(corpus("proxies", name)))
        assert not any(c.rule.startswith("TDY3") for c in result.checks)
