"""From what a user asks for to the filings it names: one :class:`FetchRequest`, one plan.

Exactly one way of naming filings per request: a company (``ticker`` or ``cik``, narrowed by
forms and dates), an index day or quarter, accession numbers or EDGAR URLs, or one review
(``thread``: a Commission file number of the company). The plan is made from EDGAR's bulk files
(submissions JSON and its older pages, the ticker map, form indexes) before any filing is asked
for; an older page that cannot be had is reported and the rest of the plan still runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from tandy.edgar import addresses, listing
from tandy.edgar.access import Hosts
from tandy.edgar.client import EdgarClient, FetchFailed
from tandy.edgar.listing import FormFilter
from tandy.edgar.model import Wanted
from tandy.errors import InputError

#: A company letter this long after the review's last staff letter still belongs to it (a
#: response and the closing letter cross in the mail).
THREAD_LATE_DAYS = 14


@dataclass(slots=True)
class FetchRequest:
    """What to fetch; see the module's docstring for which fields go together."""

    ticker: str | None = None
    cik: str | None = None
    accessions: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    index: str | None = None
    thread: str | None = None
    forms: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None

    def check(self) -> None:
        """Refuse a request that names filings in no way, or in two ways at once."""
        ways = [bool(self.index), bool(self.accessions or self.urls), bool(self.thread)]
        if sum(ways) > 1:
            raise InputError("fetch", "give one of --index, --accession/URL, --thread (with --ticker or --cik)")
        if self.index and (self.ticker or self.cik):
            raise InputError("--index", "an index lists every company's filings; it takes --form, not --ticker/--cik")
        if (self.accessions or self.thread) and not (self.ticker or self.cik):
            raise InputError("fetch", "--accession and --thread need the company: --cik or --ticker")
        if not any(ways) and not (self.ticker or self.cik):
            raise InputError("fetch", "nothing to fetch: give --ticker/--cik, --index, --accession or an EDGAR URL")
        if self.ticker and self.cik:
            raise InputError("fetch", "give --ticker or --cik, not both")
        self.since = listing.iso_day(self.since, "--since")
        self.until = listing.iso_day(self.until, "--until")


@dataclass(slots=True)
class Plan:
    """The filings a request names, and the listing pages that could not be read."""

    wanted: list[Wanted] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    company: list[Wanted] = field(default_factory=list)
    """Every filing of the company's submissions JSON (for --thread: the filings a letter names)."""


def plan(request: FetchRequest, client: EdgarClient, hosts: Hosts) -> Plan:
    """The filings ``request`` names; raises :class:`InputError` when the listing itself is unusable."""
    request.check()
    forms = FormFilter(request.forms)
    if request.index:
        url = addresses.index_url(hosts, request.index)
        text = _get(client, url).decode("latin-1")
        return Plan(listing.index_filings(url, text, forms, request.since, request.until))
    if request.urls and not (request.ticker or request.cik):
        return Plan([Wanted(accession, cik) for cik, accession in map(addresses.filing_of_url, request.urls)])
    cik = _cik(request, client, hosts)
    if request.accessions or request.urls:
        named = [addresses.accession_number(a) for a in request.accessions]
        named += [addresses.filing_of_url(u)[1] for u in request.urls]
        return Plan(_named_filings(client, hosts, cik, list(dict.fromkeys(named))))
    if request.thread:
        everything = company_filings(client, hosts, cik, FormFilter(), request.since, request.until)
        return Plan(thread_filings(everything.wanted, request.thread), everything.failures, everything.wanted)
    return company_filings(client, hosts, cik, forms, request.since, request.until)


def company_filings(client: EdgarClient, hosts: Hosts, cik: str, forms: FormFilter,
                    since: str | None, until: str | None, *, older: bool = True) -> Plan:
    """Filings of the company's submissions JSON and (``older``) of the older pages it names, newest first."""
    url = addresses.submissions_url(hosts, cik)
    data = listing.read_json(url, _get(client, url, f"no submissions for CIK {cik}"))
    cik, company = listing.company_of(url, data)
    result = Plan(listing.submissions_filings(url, (data.get("filings") or {}).get("recent"), cik, company, forms, since, until))
    for name in listing.older_pages(data, since, until) if older else []:
        page_url = addresses.submissions_page_url(hosts, name)
        try:
            page = listing.read_json(page_url, client.get(page_url))
            result.wanted += listing.submissions_filings(page_url, page, cik, company, forms, since, until)
        except FetchFailed as exc:
            result.failures.append((page_url, f"older submissions page: {exc.problem}"))
        except InputError as exc:
            result.failures.append((page_url, exc.problem))
    return result


def _named_filings(client: EdgarClient, hosts: Hosts, cik: str, accessions: list[str]) -> list[Wanted]:
    """Filings named by number, with what the company's listing says of them (form, date, size).

    The older pages are read only for numbers the recent filings lack, and a page that cannot
    be read costs nothing but those facts: the filing's own header still gives them.
    """
    known = {w.accession: w for w in company_filings(client, hosts, cik, FormFilter(), None, None, older=False).wanted}
    if any(a not in known for a in accessions):
        known |= {w.accession: w for w in company_filings(client, hosts, cik, FormFilter(), None, None).wanted}
    return [known.get(a) or Wanted(a, cik) for a in accessions]


def thread_filings(filings: list[Wanted], file_number: str) -> list[Wanted]:
    """The letters of one review: staff letters (UPLOAD) under the file number, and the company's
    letters (CORRESP) under it or, where EDGAR lists none (it seldom does for CORRESP), dated
    from the first staff letter to a little after the last."""
    number = file_number.strip()
    correspondence = FormFilter(["correspondence"])
    letters = [w for w in filings if correspondence(w.form)]
    staff = [w for w in letters if w.form and w.form.upper().startswith("UPLOAD") and number in w.file_numbers]
    if not staff:
        raise InputError(number, "no staff letter (UPLOAD) of the company lists this file number")
    days = sorted(w.filed for w in staff if w.filed)
    first, last = days[0], (date.fromisoformat(days[-1]) + timedelta(days=THREAD_LATE_DAYS)).isoformat()
    company = [
        w for w in letters
        if w not in staff and (number in w.file_numbers or (not w.file_numbers and w.filed and first <= w.filed <= last))
    ]
    return sorted(staff + company, key=lambda w: (w.filed or "", w.accession))


def reviewed_filing(filings: list[Wanted], form: str | None, filed: str | None, before: str | None) -> Wanted | None:
    """The company's filing a staff letter's Re: block names: that form filed that day, else the
    latest of that form filed on or before it (or, with no day given, before the letter, ``before``)."""
    if not form:
        return None
    same_form = [w for w in filings if FormFilter([form])(w.form)]
    exact = [w for w in same_form if filed and w.filed == filed]
    if exact:
        return exact[0]
    bound = filed or before
    earlier = [w for w in same_form if w.filed and (bound is None or w.filed <= bound)]
    return max(earlier, key=lambda w: w.filed or "", default=None)


def _cik(request: FetchRequest, client: EdgarClient, hosts: Hosts) -> str:
    if request.cik:
        return addresses.cik_number(request.cik)
    url = addresses.tickers_url(hosts)
    return addresses.cik_number(listing.ticker_cik(url, _get(client, url), request.ticker or ""))


def _get(client: EdgarClient, url: str, missing: str | None = None) -> bytes:
    """A listing the whole plan rests on: when it cannot be had, the request cannot be planned."""
    try:
        return client.get(url)
    except FetchFailed as exc:
        raise InputError(url, f"{missing + ': ' if missing else ''}{exc.problem}") from None
