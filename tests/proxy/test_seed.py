"""The seed's enclosed proxy pages, as a securities lawyer would read them."""

from __future__ import annotations

import pytest

from tandy import read_proxy
from tandy.proxy import proxy_json
from conftest import DEF14A, PRE14A, SEED_LETTER

pytestmark = pytest.mark.skipif(not SEED_LETTER.exists(), reason="../shared/seed is absent")

OFFICERS = {
    "Jeffrey A. Tupper": (37, "Chief Financial Officer, Treasurer", "From August 2002 to present."),
    "Michael K. Farrell": (54, "Executive Vice President", "From August 2002 to present."),
    "Richard C. Pearson": (64, "Vice President and Secretary", "From December 2000 to present."),
    "Jeffrey P. Halperin": (40, "Chief Compliance Officer", "From November 2005 to present."),
    "Mary Moran Zeven": (47, "Assistant Secretary", "From October 2001 to present."),
    "William C. Cox": (41, "Assistant Treasurer", "From November 2004 to present."),
}


@pytest.fixture(scope="module")
def seed():
    return read_proxy(SEED_LETTER)


def people(proxy):
    return {p.name: p for p in proxy.people}


def test_the_nominee_is_an_interested_trustee_overseeing_81_portfolios(seed):
    forget = people(seed)["Elizabeth M. Forget"]
    assert forget.age == 41 and forget.roles == ["nominee"]
    assert forget.interested is True
    assert "affiliation with the Manager" in forget.interested_reason
    assert forget.positions == "President and Trustee"
    assert forget.term == "Indefinite; From December 2000 to present."
    assert forget.occupation.startswith("Since May 2007, Senior Vice President, MetLife, Inc.;")
    assert forget.occupation.endswith("to April 2007, Vice President, MetLife, Inc.")
    assert forget.portfolios_overseen == 81
    assert forget.other_directorships == "Director, Metropolitan Series Fund, Inc. and Metropolitan Series Fund II since August, 2006."


def test_officers_each_with_their_own_positions_term_and_occupation(seed):
    found = people(seed)
    assert list(found) == ["Elizabeth M. Forget", *OFFICERS]
    for name, (age, positions, term) in OFFICERS.items():
        person = found[name]
        assert (person.age, person.positions, person.term, person.roles) == (age, positions, term, ["officer"]), name
        assert person.interested is None


def test_overflowing_term_word_goes_back_to_the_term(seed):
    pearson = people(seed)["Richard C. Pearson"]
    assert "present." not in pearson.occupation
    assert "Secretary of Met Investors Advisory LLC; since January 2001" in pearson.occupation


def test_occupations_do_not_leak_between_officers(seed):
    found = people(seed)
    assert "Michael K. Farrell Associates" in found["Michael K. Farrell"].occupation
    assert "Farrell" not in found["Richard C. Pearson"].occupation
    assert found["William C. Cox"].occupation == (
        "Since 1997, Vice President and Senior Director, Fund Administration Division, State Street Bank and Trust Company."
    )


def test_addresses_wrapped_under_the_name(seed):
    found = people(seed)
    assert found["Mary Moran Zeven"].address == "2 Avenue de Lafayette, Boston, Massachusetts 02111"
    assert found["William C. Cox"].address == "2 Avenue de Lafeyette, Boston, Massachusetts 02111"
    assert found["Jeffrey A. Tupper"].address is None


def test_fund_complex_members_add_up_to_the_overseen_count(seed):
    fc = seed.fund_complex
    assert fc.overseen == 81
    assert [(m.name, m.portfolios) for m in fc.members] == [
        ("Met Investors Series Trust", 44),
        ("Metropolitan Series Fund, Inc.", 36),
        ("Metropolitan Series Fund II", 1),
    ]
    assert sum(m.portfolios for m in fc.members) == fc.overseen


def test_preliminary_footnote_gives_the_trust_36():
    fc = read_proxy(PRE14A).fund_complex
    assert fc.members[0].portfolios == 36
    assert sum(m.portfolios for m in fc.members) == 73 != fc.overseen
    assert read_proxy(DEF14A).fund_complex.members[0].portfolios == 44


def test_reconstructions_page_the_people(seed):
    proxy = read_proxy(DEF14A)
    found = people(proxy)
    assert found["Elizabeth M. Forget"].location.page == "12"
    assert found["Jeffrey A. Tupper"].location.page == "13"


def test_committees_from_the_committee_reader(seed):
    meetings = {c.name: c.meetings for c in seed.committees}
    assert meetings == {
        "Audit Committee": 4,
        "Nominating, Governance and Compensation Committee": 6,
        "Valuation Committee": 21,
    }


def test_json_contract_fields(seed):
    data = proxy_json(seed)
    assert data["schema_version"] == 1 and data["registrant"] == "Met Investors Series Trust"
    forget = data["people"][0]
    for key in ("name", "age", "birth_year", "roles", "interested", "positions", "term", "occupation",
                "portfolios_overseen", "other_directorships", "address", "location"):
        assert key in forget
    assert data["fund_complex"]["overseen"] == 81
    assert {t["kind"] for t in data["tables"]} >= {"nominees", "officers"}
