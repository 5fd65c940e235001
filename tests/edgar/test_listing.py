"""Choosing filings from EDGAR's bulk files: submissions JSON, form indexes, URLs and numbers."""

from __future__ import annotations

import json

import pytest

from tandy.edgar import addresses, listing
from tandy.edgar.access import Hosts
from tandy.edgar.listing import FormFilter
from tandy.errors import InputError

from .recorded import RECORDED

SUBMISSIONS = RECORDED / "data.sec.gov" / "submissions"
DAILY = RECORDED / "www.sec.gov/Archives/edgar/daily-index/2020/QTR1/form.20200318.idx"


def recorded(path):
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path


def apple():
    return json.loads(recorded(SUBMISSIONS / "CIK0000320193.json").read_text(encoding="utf-8"))


def test_apple_correspondence_from_recent_filings():
    data = apple()
    recent = data["filings"]["recent"]
    expected = {a for a, f in zip(recent["accessionNumber"], recent["form"]) if f in ("CORRESP", "UPLOAD")}
    wanted = listing.submissions_filings("x", recent, "320193", "Apple Inc.", FormFilter(["correspondence"]), None, None)
    assert {w.accession for w in wanted} == expected and len(expected) == 10
    sizes = {w.accession: w.size for w in wanted}
    assert sizes["0000320193-24-000061"] == 49069  # the full submission's length, checked on download
    upload = next(w for w in wanted if w.accession == "0000000000-24-003505")
    assert upload.file_numbers == ["001-36743"] and upload.form == "UPLOAD" and upload.filed == "2024-04-02"


def test_dates_narrow_filings_and_older_pages():
    data = apple()
    recent = data["filings"]["recent"]
    since = listing.submissions_filings("x", recent, "320193", None, FormFilter(["CORRESP"]), "2016-01-01", None)
    assert {w.filed[:4] for w in since} == {"2024"} and all(w.form == "CORRESP" for w in since)
    assert listing.older_pages(data, None, None) == ["CIK0000320193-submissions-001.json"]
    assert listing.older_pages(data, "2016-01-01", None) == []  # that page ends in 2015
    assert listing.older_pages(data, None, "1990-01-01") == []


def test_every_older_page_recorded_reads_as_filings():
    for page in sorted(recorded(SUBMISSIONS).glob("*-submissions-*.json")):
        data = json.loads(page.read_text(encoding="utf-8"))
        wanted = listing.submissions_filings(str(page), data, "1", None, FormFilter(), None, None)
        assert len(wanted) == len(data["accessionNumber"]) > 0
        assert all(addresses.accession_number(w.accession) == w.accession for w in wanted)


def test_form_groups_come_from_the_source_table():
    proxy = FormFilter(["proxy"])
    assert proxy("DEF 14A") and proxy("def 14a/a") and proxy("PRE 14A") and proxy("DEFA14A")
    assert not proxy("10-K") and not proxy("485BPOS")
    assert FormFilter(["correspondence"])("UPLOAD") and FormFilter(["correspondence"])("CORRESP")
    assert FormFilter(["10-K"])("10-K/A") and not FormFilter(["10-K/A"])("10-K")
    assert FormFilter()("anything")


def test_daily_index_lists_its_correspondence():
    text = recorded(DAILY).read_text(encoding="latin-1")
    rows = [line for line in text.splitlines() if line.split("  ")[0].strip() in ("CORRESP", "UPLOAD")]
    assert len(rows) == 31
    wanted = listing.index_filings(str(DAILY), text, FormFilter(["correspondence"]))
    # three filings are listed twice, under a company's old and new names (same CIK, same accession)
    assert len(wanted) == len({(r.split()[-3], r.split()[-1]) for r in rows}) == 28
    for w in wanted:
        assert w.form in ("CORRESP", "UPLOAD") and w.company and w.filed and w.filed[4] == "-"
    canada = [w for w in wanted if w.cik == "1690511"]
    assert {(w.accession, w.form) for w in canada} == {
        ("0001193125-20-031314", "CORRESP"), ("0000000000-20-001144", "UPLOAD"), ("0000000000-20-001530", "UPLOAD")
    }
    assert len(listing.index_filings(str(DAILY), text, FormFilter())) > 4000


def test_quarterly_style_with_overlong_names_reads_from_the_right():
    path = recorded(RECORDED / "examples" / "badform.idx")
    wanted = listing.index_filings(str(path), path.read_text(encoding="latin-1"), FormFilter())
    planners = next(w for w in wanted if w.cik == "820694")
    assert planners.company == "UNITED PLANNERS' FINANCIAL SERVICES OF AMERICA A LIMITED PARTNER"
    assert planners.filed == "2021-02-24" and planners.form == "X-17A-5"
    assert {w.form for w in wanted if w.cik == "1809660"} == {"1-A"}  # one accession listed under two forms: kept once


def test_an_index_without_rows_is_an_error():
    path = recorded(RECORDED / "examples" / "empty-form.idx")
    with pytest.raises(InputError, match="lists no filings"):
        listing.index_filings(str(path), path.read_text(encoding="latin-1"), FormFilter())


@pytest.mark.parametrize(
    "row, problem",
    [
        ("CORRESP     Acme Inc                                                      12345       20200318    edgar/data/54321/0001193125-20-031314.txt", "disagrees"),
        ("CORRESP     Acme Inc                                                      12345       20200318", "not a row"),
        ("CORRESP     Acme Inc                                                      12345       20200318    edgar/data/12345/report.htm", "is not edgar/data"),
        ("CORRESPONDENCEAcme Inc                                                    12345       20200318    edgar/data/12345/0001193125-20-031314.txt", "runs into"),
        ("not a header at all", "not a form index"),
    ],
)
def test_odd_rows_name_their_line(row, problem):
    header = recorded(RECORDED / "examples" / "empty-form.idx").read_text(encoding="latin-1")
    text = (header + row + "\n") if problem != "not a form index" else row
    with pytest.raises(InputError, match=problem) as caught:
        listing.index_filings("form.idx", text, FormFilter())
    if problem != "not a form index":
        assert "line 11" in caught.value.problem


def test_addresses():
    hosts = Hosts()
    assert addresses.accession_number("000032019324000061") == "0000320193-24-000061"
    assert addresses.submission_url(hosts, "0000320193", "0000320193-24-000061") == (
        "https://www.sec.gov/Archives/edgar/data/320193/000032019324000061/0000320193-24-000061.txt"
    )
    assert addresses.submissions_url(hosts, "320193") == "https://data.sec.gov/submissions/CIK0000320193.json"
    assert addresses.index_url(hosts, "2020-03-18").endswith("/daily-index/2020/QTR1/form.20200318.idx")
    assert addresses.index_url(hosts, "2020Q4").endswith("/full-index/2020/QTR4/form.idx")
    for url in (
        "https://www.sec.gov/Archives/edgar/data/320193/000032019324000061/",
        "https://www.sec.gov/Archives/edgar/data/320193/000032019324000061/0000320193-24-000061-index.html",
        "https://www.sec.gov/Archives/edgar/data/320193/0000320193-24-000061-index.html",
        "https://www.sec.gov/Archives/edgar/data/320193/0000320193-24-000061.txt",
    ):
        assert addresses.filing_of_url(url) == ("320193", "0000320193-24-000061"), url
    assert Hosts.at("http://127.0.0.1:9/").www == Hosts.at("http://127.0.0.1:9").data == "http://127.0.0.1:9"
    for bad, call in (("2020-13-01", addresses.index_url), ("12-34", addresses.accession_number), ("https://example.com/x", addresses.filing_of_url)):
        with pytest.raises(InputError):
            call(hosts, bad) if call is addresses.index_url else call(bad)
    with pytest.raises(InputError):
        Hosts.at("ftp://somewhere")
