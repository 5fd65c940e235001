"""A fetch run: plan the filings, bring the missing ones down on a few threads, say what happened.

Each filing succeeds or fails on its own: one that EDGAR will not give (404, or still throttled
after the retries) is reported with its reason and the others go on. A filing already in the
mirror is not asked for again unless ``refresh``; after a kill, a rerun asks only for what is
missing, because a file is at its path only once it is whole (:mod:`tandy.edgar.mirror`).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from tandy.edgar import addresses, request as requests
from tandy.edgar.access import AccessSettings, Hosts, check_rate, user_agent
from tandy.edgar.client import EdgarClient, FetchFailed
from tandy.edgar.mirror import Mirror, NotAFiling
from tandy.edgar.model import FetchReport, Outcome, Wanted
from tandy.edgar.request import FetchRequest, Plan
from tandy.errors import InputError

Progress = Callable[[str, object], None]
"""Called with ("planned", number of filings) once, then ("done", :class:`Outcome`) per filing."""


def fetch_request(
    request: FetchRequest,
    *,
    out: str | Path = "edgar",
    agent: str | None = None,
    edgar_url: str | None = None,
    settings: AccessSettings = AccessSettings(),
    refresh: bool = False,
    list_only: bool = False,
    on_progress: Progress | None = None,
) -> FetchReport:
    """Fetch what ``request`` names into the mirror at ``out``; see :class:`FetchReport`.

    Raises :class:`~tandy.errors.InputError` before any request for a missing User-Agent, a bad
    rate or a request that names nothing, and when the listing the plan rests on cannot be read.
    ``list_only`` plans and reports the filings (all ``failed`` is never set) without fetching them.
    """
    declared = user_agent(agent)
    check_rate(settings.rate)
    hosts = Hosts.at(edgar_url)
    request.check()
    mirror = None if list_only else Mirror(out)
    with EdgarClient(declared, settings) as client:
        planned = requests.plan(request, client, hosts)
        planned.wanted = list({w.key: w for w in planned.wanted}.values())
        report = FetchReport(listing_failures=list(planned.failures))
        if on_progress:
            on_progress("planned", len(planned.wanted))
        if list_only:
            report.outcomes = [Outcome(w, "present", addresses.submission_url(hosts, w.cik, w.accession)) for w in planned.wanted]
        else:
            report.outcomes = _fetch_all(planned.wanted, client, hosts, mirror, settings, refresh, on_progress)
            if request.thread:
                report.outcomes += _reviewed_filings(planned, report, client, hosts, mirror, settings, refresh, on_progress)
        report.requests, report.bytes = client.requests, client.bytes
    if mirror is not None:
        mirror.compact()
    return report


def _fetch_all(wanted: list[Wanted], client: EdgarClient, hosts: Hosts, mirror: Mirror, settings: AccessSettings,
               refresh: bool, on_progress: Progress | None) -> list[Outcome]:
    def one(item: Wanted) -> Outcome:
        outcome = fetch_one(item, client, hosts, mirror, refresh)
        if on_progress:
            on_progress("done", outcome)
        return outcome

    with ThreadPoolExecutor(max_workers=max(1, settings.threads), thread_name_prefix="tandy-fetch") as pool:
        return list(pool.map(one, wanted))


def fetch_one(wanted: Wanted, client: EdgarClient, hosts: Hosts, mirror: Mirror, refresh: bool = False) -> Outcome:
    """One filing: found in the mirror, or downloaded whole and kept, or failed with its reason."""
    url = addresses.submission_url(hosts, wanted.cik, wanted.accession)
    if not refresh:
        entry = mirror.present(wanted, url)
        if entry is not None:
            return Outcome(wanted, "present", url, entry)
    temporary = mirror.temporary(wanted)
    try:
        download = client.download(url, temporary)
        entry = mirror.keep(wanted, url, temporary, download.size, download.sha256)
    except FetchFailed as exc:
        return Outcome(wanted, "failed", url, problem=exc.problem)
    except NotAFiling as exc:
        return Outcome(wanted, "failed", url, problem=str(exc))
    finally:
        temporary.unlink(missing_ok=True)
    return Outcome(wanted, "fetched", url, entry)


def _reviewed_filings(planned: Plan, report: FetchReport, client: EdgarClient, hosts: Hosts, mirror: Mirror,
                      settings: AccessSettings, refresh: bool, on_progress: Progress | None) -> list[Outcome]:
    """The filings the fetched staff letters' Re: blocks name, so ``verify`` and ``review`` have them.

    The Re: block is read by the letters stage (its reading, not a second one here), after the
    letters are on disk.
    """
    from tandy.letters import read_letter

    have = {o.wanted.accession for o in report.outcomes}
    named: dict[str, Wanted] = {}
    for outcome in report.outcomes:
        if outcome.entry is None or not (outcome.wanted.form or "").upper().startswith("UPLOAD"):
            continue
        try:
            letter = read_letter(str(mirror.root / outcome.entry.path))
        except InputError:
            continue
        subject = letter.subject_filing
        filing = requests.reviewed_filing(planned.company, subject.form, subject.filed, letter.date or outcome.wanted.filed)
        if filing is not None and filing.accession not in have:
            named.setdefault(filing.accession, replace(filing))
    if on_progress and named:
        on_progress("planned", len(named))
    return _fetch_all(list(named.values()), client, hosts, mirror, settings, refresh, on_progress)
