"""Where EDGAR keeps things: the URL of each file tandy asks for, and what a user's URL names.

EDGAR's layout has been stable for decades: submissions JSON on data.sec.gov, everything else
under www.sec.gov/Archives, a filing's folder named by its CIK and its accession number without
dashes. :class:`~tandy.edgar.access.Hosts` lets one base stand for both hosts.
"""

from __future__ import annotations

import re
from datetime import date

from tandy.edgar.access import Hosts
from tandy.errors import InputError

_ACCESSION = re.compile(r"^(\d{10})-?(\d{2})-?(\d{6})$")
_URL_FILING = re.compile(r"/Archives/edgar/data/(\d{1,10})/(?:(\d{18})(?:/|$)|(\d{10}-\d{2}-\d{6})(?:-index(?:-headers)?\.html?|\.txt)$)")
_URL_IN_FOLDER = re.compile(r"/(\d{10}-\d{2}-\d{6})(?:\.txt|-index(?:-headers)?\.html?)$")
_QUARTER = re.compile(r"^(\d{4})\s*-?\s*Q([1-4])$", re.IGNORECASE)


def accession_number(text: str) -> str:
    """An accession number in EDGAR's dashed form ("0000320193-24-000061"), from either spelling."""
    match = _ACCESSION.match(text.strip())
    if not match:
        raise InputError(text, "not an accession number (0000320193-24-000061, or its 18 digits)")
    return "-".join(match.groups())


def cik_number(text: str | int) -> str:
    """A CIK as digits without padding ("0000320193" -> "320193"), as the archive folders spell it."""
    digits = str(text).strip()
    if not digits.isdecimal() or not int(digits) or len(digits) > 10:
        raise InputError(str(text), "not a CIK (up to 10 digits, e.g. 320193)")
    return str(int(digits))


def submissions_url(hosts: Hosts, cik: str) -> str:
    return f"{hosts.data}/submissions/CIK{int(cik):010d}.json"


def submissions_page_url(hosts: Hosts, name: str) -> str:
    """One of the older pages a submissions JSON names in ``filings.files``."""
    if not re.fullmatch(r"CIK\d{10}-submissions-\d{3}\.json", name):
        raise InputError(name, "not a submissions page name (CIK##########-submissions-###.json)")
    return f"{hosts.data}/submissions/{name}"


def tickers_url(hosts: Hosts) -> str:
    return f"{hosts.www}/files/company_tickers.json"


def submission_url(hosts: Hosts, cik: str, accession: str) -> str:
    """The full submission (``<SEC-DOCUMENT>`` text) of one filing, as EDGAR serves it."""
    return f"{hosts.www}/Archives/edgar/data/{int(cik)}/{accession.replace('-', '')}/{accession}.txt"


def index_url(hosts: Hosts, when: str) -> str:
    """The form-sorted index of a day ("2020-03-18") or of a quarter ("2020Q1")."""
    quarter = _QUARTER.match(when.strip())
    if quarter:
        year, q = quarter.groups()
        return f"{hosts.www}/Archives/edgar/full-index/{year}/QTR{q}/form.idx"
    try:
        day = date.fromisoformat(when.strip())
    except ValueError:
        raise InputError(when, "--index takes a day (2020-03-18) or a quarter (2020Q1)") from None
    q = (day.month - 1) // 3 + 1
    return f"{hosts.www}/Archives/edgar/daily-index/{day.year}/QTR{q}/form.{day:%Y%m%d}.idx"


def filing_of_url(url: str) -> tuple[str, str]:
    """(CIK, accession) named by an EDGAR archive URL: a filing's folder, its index page or its .txt."""
    path = re.sub(r"[?#].*$", "", url.strip())
    match = _URL_FILING.search(path)
    if not match:
        raise InputError(url, "not an EDGAR filing URL (…/Archives/edgar/data/CIK/ACCESSION…)")
    cik, folder, dashed = match.groups()
    if folder:
        inner = _URL_IN_FOLDER.search(path)
        return cik_number(cik), inner.group(1) if inner else accession_number(folder)
    return cik_number(cik), dashed
