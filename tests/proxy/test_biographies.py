"""Prose biographies of directors and officers, checked against the hand labels and small cases."""

from __future__ import annotations

import json
import re

import pytest

from tandy import parse
from tandy.proxy.biographies import find_biographies

from conftest import SHARED, corpus

LABELS = SHARED / "labels" / "proxies"
DROP = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "dr", "mr", "ms", "mrs"}

PROSE_BIOS = [
    "berkshirehathaway_def14a_1999-03-19_0000950150-99-000280.txt",
    "pepsico_def14a_1995-03-28_0000077476-95-000016.txt",
    "goldmansachs_def14a_2000-02-14_0000950123-00-001144.txt",
    "fordmotor_def14a_2000-04-11_0000950124-00-002131.html",
    "aapl_def14a_2026-annual-meeting.html",
]
TABLE_ONLY = [
    "unitedhealthcare_def14a_1995-03-31_0000950131-95-000820.txt",
    "cardinalhealth_def14a_1994-10-14_0000950152-94-001030.txt",
    "mlab_def14a_2025-07-11.html",
    "morganstanleyallocatorfund_485bpos_2004-04-30_0000950136-04-001365.txt",
]


def _key(name: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"[a-z]+", name.lower()) if w not in DROP)


@pytest.mark.parametrize("name", PROSE_BIOS)
def test_prose_biographies_match_labels(name):
    """Every labelled person with a bio is found with the printed age and the labelled roles,
    and nobody else is."""
    people = find_biographies(parse(corpus("proxies", name)).main)
    label = {_key(p["name"]): p for p in json.loads((LABELS / f"{name}.json").read_text())["people"]}
    got = {_key(p.name): p for p in people}
    assert set(got) == set(label)
    for key, expected in label.items():
        assert got[key].age == expected["age"], expected["name"]
        assert sorted(got[key].roles) == sorted(expected["roles"]), expected["name"]
        assert got[key].location is not None


@pytest.mark.parametrize("name", TABLE_ONLY)
def test_no_people_invented_where_ages_sit_in_tables(name):
    """Where ages are only in tables (the tables stage reads those), prose finds nobody wrongly."""
    label = {_key(p["name"]) for p in json.loads((LABELS / f"{name}.json").read_text())["people"]}
    assert {_key(p.name) for p in find_biographies(parse(corpus("proxies", name)).main)} <= label


def test_capitals_take_the_mixed_case_spelling():
    people = find_biographies(parse(corpus("proxies", PROSE_BIOS[0])).main)
    scott = next(p for p in people if "Scott" in p.name)
    assert scott.name == "Walter Scott, Jr."
    assert scott.age == 67
    assert scott.location.page is not None


def test_age_at_the_end_of_a_paragraph_headed_in_capitals():
    people = {p.name: p for p in find_biographies(parse(corpus("proxies", PROSE_BIOS[1])).main)}
    assert people["John J. Murphy"].age == 63
    assert "officer" not in people["John J. Murphy"].roles, "CEO of Dresser Industries, not of PepsiCo"
    assert people["Robert H. Stewart, III"].age == 69
    assert "officer" not in people["Andrall E. Pearson"].roles, "a former President of PepsiCo"


def _read(tmp_path, text):
    path = tmp_path / "proxy.txt"
    path.write_text(text)
    return {p.name: p for p in find_biographies(parse(path).main, registrant="Example Corp.")}


def test_nominees_continuing_directors_and_officers(tmp_path):
    people = _read(tmp_path, (
        "NOMINEES FOR ELECTION AS DIRECTORS\n\n"
        "Jane Roe, 62, has served as a director since 2015 and as President and Chief Executive "
        "Officer of Example since 2019.\n\n"
        "Dr. Alan B. Smith, age 70, is Chairman of the Board of Widget Inc. He has been a director "
        "since 2001.\n\n"
        "DIRECTORS CONTINUING IN OFFICE\n\n"
        "Carol White                                      Director since 2010\n\n"
        "     Ms. White, age 55, was Vice President of Example from 1990 to 1995.\n\n"
        "EXECUTIVE OFFICERS\n\n"
        "Tom Green, 48, has been Chief Financial Officer since 2020.\n"
    ))
    assert people["Jane Roe"].roles == ["nominee", "director", "officer"]
    assert people["Alan B. Smith"].roles == ["nominee", "director"]
    assert people["Carol White"].roles == ["director"]
    assert people["Carol White"].age == 55
    assert people["Tom Green"].roles == ["officer"]


def test_retiring_director_under_a_nominee_heading_is_not_a_nominee(tmp_path):
    people = _read(tmp_path, (
        "NOMINEES FOR ELECTION\n\n"
        "Robert Old, age 71, has been a director since 1980. Mr. Old is retiring from the Board "
        "and is not standing for re-election.\n"
    ))
    assert people["Robert Old"].roles == ["director"]


def test_dates_and_table_captions_are_not_people(tmp_path):
    assert _read(tmp_path, "On March 10, 2024, the Board met.\n\nFiscal Year Ended March 31, 2025\n") == {}
