"""Stage 0: bring EDGAR filings to disk, politely and resumably (see :func:`fetch`).

A stage before :mod:`tandy.source`: it reads only what choosing filings needs (submissions JSON,
form indexes, a submission's header) and saves each filing's full submission as EDGAR serves
it, in a mirror laid out by CIK and accession with a manifest beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from tandy.edgar.access import DEFAULT_RATE, AccessSettings, Hosts
from tandy.edgar.fetch import Progress, fetch_request
from tandy.edgar.listing import FORM_GROUPS
from tandy.edgar.mirror import MANIFEST, Mirror, read_manifest
from tandy.edgar.model import FetchReport, MirrorEntry, Outcome, Wanted
from tandy.edgar.request import FetchRequest



def fetch(
    request: FetchRequest | None = None,
    /,
    *,
    ticker: str | None = None,
    cik: str | int | None = None,
    accession: str | Sequence[str] = (),
    url: str | Sequence[str] = (),
    index: str | None = None,
    thread: str | None = None,
    form: str | Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    out: str | Path = "edgar",
    user_agent: str | None = None,
    edgar_url: str | None = None,
    rate: float = DEFAULT_RATE,
    threads: int = 4,
    refresh: bool = False,
    list_only: bool = False,
    settings: AccessSettings | None = None,
    on_progress: Progress | None = None,
) -> FetchReport:
    """``tandy fetch`` in Python: the same options, a :class:`FetchReport` back.

    ``tandy.fetch(ticker="AAPL", form="correspondence", since="2016-01-01",
    user_agent="Jane Doe jane@firm.com")`` fills ``edgar/``; the report says what was fetched,
    already there, or failed and why. A request or settings already built may be passed instead.
    """
    if request is None:
        request = FetchRequest(
            ticker=ticker, cik=str(cik) if cik is not None else None, accessions=_many(accession), urls=_many(url),
            index=index, thread=thread, forms=_many(form), since=since, until=until,
        )
    settings = settings or replace(AccessSettings(), rate=rate, threads=threads)
    return fetch_request(
        request, out=out, agent=user_agent, edgar_url=edgar_url, settings=settings, refresh=refresh,
        list_only=list_only, on_progress=on_progress,
    )


def _many(value: str | Sequence[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


__all__ = [
    "FORM_GROUPS",
    "MANIFEST",
    "AccessSettings",
    "FetchReport",
    "FetchRequest",
    "Hosts",
    "Mirror",
    "MirrorEntry",
    "Outcome",
    "Wanted",
    "fetch",
    "read_manifest",
]
