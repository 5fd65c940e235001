"""Which filings a request names: from a company's submissions JSON, an index file, or by number.

EDGAR's bulk files are what its fair-access rules ask clients to prefer, and they already say
each filing's form, company and date, so the choice of filings is made from them before any
filing is asked for. Form groups (``correspondence``, ``proxy``) come from the table the source
stage reads forms with, so the two stages never disagree on what a letter or a proxy is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date

from tandy.edgar.model import Wanted
from tandy.errors import InputError
from tandy.source.forms import FILER_FORMS, PROXY_FORMS, STAFF_FORMS, base_form

#: ``--form`` names that stand for several forms.
FORM_GROUPS: dict[str, frozenset[str]] = {
    "correspondence": FILER_FORMS | STAFF_FORMS,
    "proxy": frozenset(f for f in PROXY_FORMS if "14A" in f or "14C" in f),
}

_INDEX_ROW = re.compile(r"^(?P<rest>.*?)\s+(?P<cik>\d{1,10})\s+(?P<date>\d{8}|\d{4}-\d{2}-\d{2})\s+(?P<file>edgar/data/\S+)\s*$")
_INDEX_FILE = re.compile(r"^edgar/data/(\d{1,10})/(\d{10}-\d{2}-\d{6})\.txt$")


class FormFilter:
    """The forms asked for; an empty filter takes every form.

    A bare form takes its amendments too ("DEF 14A" takes "DEF 14A/A"); a form given with its
    amendment mark ("10-K/A") takes that form alone.
    """

    def __init__(self, names: Iterable[str] = ()) -> None:
        self.exact: set[str] = set()
        self.bases: set[str] = set()
        for name in names:
            group = FORM_GROUPS.get(name.strip().lower())
            if group is not None:
                self.bases |= group
            elif "/" in name:
                self.exact.add(" ".join(name.upper().split()))
            elif name.strip():
                self.bases.add(base_form(name))

    def __call__(self, form: str | None) -> bool:
        if not self.exact and not self.bases:
            return True
        spelled = " ".join((form or "").upper().split())
        return spelled in self.exact or base_form(spelled) in self.bases


def in_dates(filed: str | None, since: str | None, until: str | None) -> bool:
    """On or after ``since`` and on or before ``until`` (ISO dates compare as strings)."""
    if not filed:
        return since is None and until is None
    return (since is None or filed >= since) and (until is None or filed <= until)


def iso_day(text: str | None, option: str) -> str | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise InputError(option, f"not a date (YYYY-MM-DD): {text!r}") from None


def read_json(where: str, body: bytes) -> dict:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(where, f"not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise InputError(where, "not a JSON object")
    return data


def company_of(where: str, data: dict) -> tuple[str, str | None]:
    """(CIK, company name) of a submissions JSON."""
    cik = str(data.get("cik") or "").lstrip("0")
    if not cik.isdecimal():
        raise InputError(where, "submissions JSON without a CIK")
    return cik, data.get("name")


def older_pages(data: dict, since: str | None, until: str | None) -> list[str]:
    """Names of the older pages (``filings.files``) that may hold filings in the dates asked for."""
    pages = (data.get("filings") or {}).get("files") or []
    return [
        page["name"]
        for page in pages
        if isinstance(page, dict) and page.get("name")
        and (since is None or (page.get("filingTo") or "9999") >= since)
        and (until is None or (page.get("filingFrom") or "0000") <= until)
    ]


def submissions_filings(where: str, table: dict, cik: str, company: str | None, forms: FormFilter,
                        since: str | None, until: str | None) -> list[Wanted]:
    """Filings of one table of parallel arrays (``filings.recent``, or an older page whole)."""
    columns = ("accessionNumber", "form", "filingDate", "fileNumber", "size")
    if not isinstance(table, dict) or not isinstance(table.get("accessionNumber"), list):
        raise InputError(where, "submissions JSON without filings (accessionNumber)")
    arrays = [table.get(c) or [] for c in columns]
    if len({len(a) for a in arrays if a}) > 1:
        raise InputError(where, "submissions JSON whose filing columns differ in length")
    wanted = []
    for i, accession in enumerate(arrays[0]):
        form, filed, file_number, size = (a[i] if i < len(a) else None for a in arrays[1:])
        if not forms(form) or not in_dates(filed, since, until):
            continue
        numbers = [n.strip() for n in str(file_number or "").split(",") if n.strip()]
        wanted.append(Wanted(accession, cik, form, company, filed, numbers, size if isinstance(size, int) else None))
    return wanted


def ticker_cik(where: str, body: bytes, ticker: str) -> str:
    """The CIK EDGAR's ticker map gives a ticker (any case)."""
    wanted = ticker.strip().upper()
    for row in read_json(where, body).values():
        if isinstance(row, dict) and str(row.get("ticker", "")).upper() == wanted:
            return str(row["cik_str"])
    raise InputError(ticker, "no such ticker in EDGAR's ticker map (company_tickers.json); give --cik")


def index_filings(where: str, text: str, forms: FormFilter, since: str | None = None,
                  until: str | None = None) -> list[Wanted]:
    """Filings of a form-sorted index file (``form.idx``, daily or quarterly), each filing once.

    Rows are read from the right (CIK, date, file name) because a long company name pushes the
    later columns out of line; the form is what stands in the form column of the header. A row
    whose CIK disagrees with its file name's, or that cannot be read, is an error naming its line.
    A filing listed twice (a company renamed within the index's period) is kept once.
    """
    lines = text.splitlines()
    header = next((i for i, line in enumerate(lines) if line.startswith("Form Type") and "File Name" in line), None)
    if header is None or header + 1 >= len(lines) or not lines[header + 1].startswith("---"):
        raise InputError(where, "not a form index: no 'Form Type … File Name' header and rule")
    company_column = lines[header].index("Company Name")
    found: dict[tuple[str, str], Wanted] = {}
    rows = 0
    for number, line in enumerate(lines[header + 2 :], start=header + 3):
        if not line.strip():
            continue
        rows += 1
        wanted = _index_row(where, number, line, company_column)
        if forms(wanted.form) and in_dates(wanted.filed, since, until):
            found.setdefault(wanted.key, wanted)
    if not rows:
        raise InputError(where, "index lists no filings (a header and no rows)")
    return list(found.values())


def _index_row(where: str, number: int, line: str, company_column: int) -> Wanted:
    match = _INDEX_ROW.match(line)
    if not match:
        raise InputError(where, f"line {number}: not a row of Form Type, Company Name, CIK, Date Filed, File Name")
    file_match = _INDEX_FILE.match(match["file"])
    if not file_match:
        raise InputError(where, f"line {number}: file name {match['file']!r} is not edgar/data/CIK/ACCESSION.txt")
    cik, accession = file_match.groups()
    if int(cik) != int(match["cik"]):
        raise InputError(where, f"line {number}: CIK {match['cik']} disagrees with its file name's {cik}")
    rest = match["rest"]
    form, company = rest[:company_column].strip(), rest[company_column:].strip()
    if not form or (len(rest) > company_column and rest[company_column - 1] != " "):
        raise InputError(where, f"line {number}: the form type runs into the company name")
    day = match["date"].replace("-", "")
    return Wanted(accession, str(int(cik)), form, company or None, f"{day[:4]}-{day[4:6]}-{day[6:]}")
