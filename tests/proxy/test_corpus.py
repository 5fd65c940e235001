"""Real proxies and SAIs against the hand-checked labels in ../shared/labels/proxies."""

from __future__ import annotations

import json

import pytest

from conftest import SHARED, corpus
from tandy import read_proxy

LABELS = SHARED / "labels" / "proxies"


def labelled(name: str):
    path = LABELS / f"{name}.json"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return read_proxy(corpus("proxies", name)), json.loads(path.read_text())


def by_name(proxy):
    return {p.name: p for p in proxy.people}


@pytest.mark.parametrize(
    "name",
    [
        "morganstanleyallocatorfund_485bpos_2004-04-30_0000950136-04-001365.txt",
        "cardinalhealth_def14a_1994-10-14_0000950152-94-001030.txt",
        "unitedhealthcare_def14a_1995-03-31_0000950131-95-000820.txt",
        "abcorporateshares_485bpos_2024-08-27_0000919574-24-004904.htm",
        "ishares_485apos_2024-04-18_0001193125-24-100942.txt",
        "prudentialjennisonblendfund_485bpos_2023-10-27_0001683863-23-007309.htm",
        "aapl_def14a_2026-annual-meeting.html",
    ],
)
def test_every_labelled_person_with_age_or_birth_year(name):
    proxy, label = labelled(name)
    found = by_name(proxy)
    assert len(proxy.people) == len(label["people"])
    for person in label["people"]:
        got = found.get(person["name"].replace("\u2019", "'"))  # the document stage straightens quotes
        assert got is not None, person["name"]
        assert got.age == person["age"], person["name"]
        assert got.birth_year == person.get("birth_year"), person["name"]


def test_morgan_stanley_split_captions_merge_into_one_row_per_trustee():
    proxy, _ = labelled("morganstanleyallocatorfund_485bpos_2004-04-30_0000950136-04-001365.txt")
    found = by_name(proxy)
    bozic = found["Michael Bozic"]
    assert (bozic.age, bozic.portfolios_overseen, bozic.roles, bozic.interested) == (63, 208, ["trustee"], False)
    assert bozic.occupation.startswith("Private investor; Director or Trustee of the Retail Funds")
    assert bozic.address.startswith("c/o Kramer Levin Naftalis & Frankel LLP")
    assert found["Joseph J. Kearns"].portfolios_overseen == 209
    assert found["Charles A. Fiumefreddo"].interested is True
    assert "Philip J. Purcell" not in found


def test_cardinal_name_wrapped_over_two_lines():
    proxy, _ = labelled("cardinalhealth_def14a_1994-10-14_0000950152-94-001030.txt")
    found = by_name(proxy)
    assert found["Michael E. Moritz"].age == 61
    assert found["Mitchell J. Blutt, M.D."].age == 34 or "Mitchell J. Blutt, M.D." in found


def test_ishares_placeholders_give_no_portfolio_count_and_footnote_digits_are_dropped():
    proxy, _ = labelled("ishares_485apos_2024-04-18_0001193125-24-100942.txt")
    found = by_name(proxy)
    kapito = found["Robert S. Kapito"]
    assert (kapito.age, kapito.birth_year, kapito.roles) == (None, 1957, ["trustee"])
    assert all(p.portfolios_overseen is None for p in proxy.people)
    assert all(c.meetings is None for c in proxy.committees)


def test_prudential_is_a_corporation_so_its_board_are_directors():
    proxy, _ = labelled("prudentialjennisonblendfund_485bpos_2023-10-27_0001683863-23-007309.htm")
    found = by_name(proxy)
    assert found["Ellen S. Alberding"].roles == ["director"]
    assert found["Ellen S. Alberding"].interested is False
    assert found["Stuart S. Parker"].interested is True


def test_unitedhealthcare_group_rows_inside_the_tagged_table():
    proxy, _ = labelled("unitedhealthcare_def14a_1995-03-31_0000950131-95-000820.txt")
    found = by_name(proxy)
    assert found["Thomas H. Kean"].age == 59
    assert found["William C. Ballard, Jr."].age == 54


def test_apple_meeting_proposals_and_auditor():
    proxy, _ = labelled("aapl_def14a_2026-annual-meeting.html")
    assert proxy.meeting.date == "2026-02-24" and proxy.meeting.record_date == "2026-01-02"
    assert [p.number for p in proxy.meeting.proposals][:3] == [1, 2, 3]
    assert proxy.meeting.proposals[0].title == "Election of Directors"
    assert proxy.auditor == "Ernst & Young LLP"


def test_cardinal_disinterested_directors_and_preferred_series_do_not_make_a_fund():
    proxy, _ = labelled("cardinalhealth_def14a_1994-10-14_0000950152-94-001030.txt")
    assert proxy.investment_company is False
