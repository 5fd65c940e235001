"""Indexing: each file read into its records by a pure function, then written by the store.

:func:`records_for` touches nothing but the file it reads, so the reading can run anywhere
(another process, a Dask worker) and only :meth:`Store.write` has to run in one place. A file is
read as a proxy statement when its EDGAR form says so (``DEF 14A``, ``485BPOS``...) or, with no
EDGAR header, when it reads as no letter and its opening looks like a proxy statement or SAI;
everything else is read as a letter of the review loop (staff letter, response, closing, other).
"""

from __future__ import annotations

import hashlib
import os
import re
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from tandy.corpus.model import (
    CitationRecord,
    CommitteeRecord,
    DocumentRecord,
    FileRecords,
    FilingRecord,
    FindingRecord,
    ItemRecord,
    LocationRecord,
    PersonRecord,
    ProxyRecord,
)
from tandy.corpus.records import item_records, letter_record
from tandy.document import Location, Submission, UnreadPageWarning, parse
from tandy.edgar.mirror import manifest_filing
from tandy.errors import InputError
from tandy.letters.model import Citation, Letter
from tandy.letters.reader import letter_from_submission
from tandy.proxy import Proxy
from tandy.proxy.reader import proxy_from_submission
from tandy.source import expand_paths
from tandy.source.reader import check_regular, max_bytes_default
from tandy.rules.config import Config
from tandy.rules.engine import apply_rules, letter_subject, proxy_subject
from tandy.rules.model import Subject
from tandy.source.forms import is_proxy_form

#: How much of a header-less document's opening is searched for the marks of a proxy statement,
#: and how much of it for the marks of a letter to staff (which may discuss a proxy statement).
PROXY_SNIFF_CHARS = 20_000
LETTER_SNIFF_CHARS = 4_000
_PROXY_OPENING = re.compile(
    r"schedule\s+14a|proxy\s+statement|statement\s+of\s+additional\s+information|board\s+nominees"
    r"|notice\s+of\s+(?:the\s+)?annual\s+meeting|form\s+n-1a|post-effective\s+amendment\s+no",
    re.IGNORECASE,
)
_LETTER_OPENING = re.compile(
    r"\bdear\s+(?:mr|ms|mrs|miss|dr|sir|madam|messrs|mses)\b|division\s+of\s+(?:corporation\s+finance|investment\s+management)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class IndexReport:
    """What an index run did: files added or replaced, skipped as unchanged, and failed."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    embedded: int = 0
    ocr_documents: int = 0
    """Documents read that had pages needing OCR (read by it, or left unread without it)."""
    ocr_pages: int = 0
    unread_pages: int = 0

    @property
    def files(self) -> int:
        return len(self.added) + len(self.replaced) + len(self.skipped) + len(self.failed)

    def count_scans(self, records: FileRecords) -> None:
        """Add a file's scanned pages to the run's counts."""
        for document in records.documents:
            self.ocr_documents += bool(document.ocr_pages or document.unread_pages)
            self.ocr_pages += document.ocr_pages
            self.unread_pages += document.unread_pages


def file_path(path: str) -> str:
    """The path a file is recorded under: absolute, so the same file named two ways is one file."""
    return os.path.abspath(path)


def sha256_of(path: str, max_bytes: int | None = None) -> str | None:
    """The file's content hash, or None when it is not a regular file within the size limit or
    cannot be read (reading it reports why): a pipe or ``/dev/zero`` is never hashed."""
    try:
        check_regular(path, max_bytes if max_bytes is not None else max_bytes_default())
    except InputError:
        return None
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except (OSError, ValueError):
        return None
    return digest.hexdigest()


def records_for(path: str, *, max_bytes: int | None = None) -> FileRecords:
    """Everything one file contributes to the corpus; a file that cannot be read gives its error.

    Pure: reads ``path`` and returns; no store, no global state. Any exception other than
    :class:`InputError` is a bug in a reader, still recorded as this file's error so that one
    bad file never stops a batch.
    """
    recorded = file_path(path)
    try:
        with warnings.catch_warnings():  # unread pages are counted in the run's report instead
            warnings.simplefilter("ignore", UnreadPageWarning)
            submission = parse(path, max_bytes=max_bytes)
    except InputError as exc:
        return _failed(path, recorded, exc.problem, max_bytes)
    except Exception as exc:  # a reader bug: the batch goes on, the file says what happened
        return _failed(path, recorded, f"internal error ({type(exc).__name__}: {exc})", max_bytes)
    source = submission.source
    if source.filing is None:  # a bare document fetched into a mirror: its manifest knows the filing
        source.filing = manifest_filing(path)
    records = FileRecords(path=recorded, sha256=source.sha256, size=source.size)
    records.filing = _filing(submission)
    records.documents = [_document(d) for d in submission.documents]
    try:
        _read_content(submission, records)
    except InputError as exc:
        records.error = exc.problem
    except Exception as exc:
        records.error = f"internal error ({type(exc).__name__}: {exc})"
    return records


def _read_content(submission: Submission, records: FileRecords) -> None:
    form = records.filing.form if records.filing else submission.main.type if submission.main else None
    if is_proxy_form(form) or _is_proxy(submission, letter := letter_from_submission(submission)):
        proxy = proxy_from_submission(submission)
        records.proxy = proxy_record(proxy)
        records.proxy.form = records.proxy.form or form
        records.findings = findings_for(proxy_subject(proxy))
        return
    records.findings = findings_for(letter_subject(letter))
    letter.path = records.path
    records.letter = letter_record(letter, submission.source.filing)
    records.items = [_with_parts(record, item) for record, item in zip(item_records(letter, 0), letter.items)]


def findings_for(subject: Subject) -> list[FindingRecord]:
    """The review's findings on the file, with the default rule set (a project's own
    configuration applies when it runs ``tandy review``; the corpus keeps one comparable set)."""
    review = apply_rules(subject, Config())
    return [FindingRecord(f.rule, f.name, f.severity, f.citation, f.message, _location(f.location)) for f in review.findings]


def _with_parts(record: ItemRecord, item) -> ItemRecord:
    record.response_pages = list(item.response_pages)
    record.cited = [citation_record(c) for c in item.citations]
    record.location = _location(item.location)
    return record


def citation_record(citation: Citation) -> CitationRecord:
    """A citation reduced to what identifies it: which regulation or form, which number, which paragraph."""
    number = citation.item or citation.rule or citation.section or citation.topic
    qualifier = citation.regulation or citation.form or ("ASC" if citation.kind == "asc" else None)
    return CitationRecord(
        text=citation.text,
        kind=citation.kind,
        regulation=qualifier,
        number=number,
        paragraph=citation.paragraph,
        act=citation.act,
        form=citation.form,
    )


def proxy_record(proxy: Proxy) -> ProxyRecord:
    """The governance facts of a proxy statement as stored: people, committees, meeting, complex."""
    return ProxyRecord(
        registrant=proxy.registrant,
        form=proxy.form,
        filed=proxy.filed,
        investment_company=proxy.investment_company,
        meeting_date=proxy.meeting.date,
        record_date=proxy.meeting.record_date,
        board_meetings=proxy.board_meetings,
        auditor=proxy.auditor,
        fund_complex_overseen=proxy.fund_complex.overseen if proxy.fund_complex else None,
        people=[
            PersonRecord(
                name=p.name, age=p.age, birth_year=p.birth_year, roles=list(p.roles), interested=p.interested,
                positions=p.positions, term=p.term, occupation=p.occupation,
                portfolios_overseen=p.portfolios_overseen, other_directorships=p.other_directorships,
                location=_location(p.location),
            )
            for p in proxy.people
        ],
        committees=[
            CommitteeRecord(
                name=c.name, members=c.members, meetings=c.meetings, period_end=c.period_end,
                location=_location(c.location),
            )
            for c in proxy.committees
        ],
    )


def index_paths(
    paths: Iterable[str],
    recorded: dict[str, tuple[str, str]],
    write: Callable[[FileRecords], None],
    *,
    on_file: Callable[[str], None] | None = None,
    max_bytes: int | None = None,
) -> IndexReport:
    """Read every changed or new file and hand its records to ``write``, one file at a time.

    ``recorded`` maps path -> (sha256, status) of what the store holds; a file recorded with the
    same hash and no error is skipped unread. Files that failed before are tried again, so a fixed
    reader picks them up and an unreadable file keeps being reported.
    """
    report = IndexReport()
    for path in paths:
        key = file_path(path)
        before = recorded.get(key)
        if before and before[1] == "ok" and before[0] == sha256_of(path, max_bytes):
            report.skipped.append(key)
        else:
            records = records_for(path, max_bytes=max_bytes)
            write(records)
            report.count_scans(records)
            if records.error:
                report.failed.append((str(path), records.error))
            else:
                (report.replaced if before else report.added).append(key)
        if on_file:
            on_file(str(path))
    return report


def expand(paths: Iterable[str]) -> list[str]:
    """Files named, found in folders, or matched by globs, in order, each once."""
    return list(dict.fromkeys(expand_paths(paths)))


def _is_proxy(submission: Submission, letter: Letter) -> bool:
    """A file with no EDGAR header that reads as no letter, and whose cover is a proxy statement's
    or a fund registration statement's (a letter about a proxy statement names one too)."""
    document = submission.main
    if submission.source.filing is not None or letter.kind != "other" or document is None:
        return False
    if _LETTER_OPENING.search(document.text[:LETTER_SNIFF_CHARS]):
        return False
    return bool(_PROXY_OPENING.search(document.text[:PROXY_SNIFF_CHARS]))


def _filing(submission: Submission) -> FilingRecord | None:
    filing = submission.source.filing
    if filing is None:
        return None
    filers = [{"name": f.name, "cik": f.cik, "file_numbers": f.file_numbers, "role": f.role} for f in filing.filers]
    return FilingRecord(filing.accession, filing.form, filing.filed, filing.period, filers)


def _document(document) -> DocumentRecord:
    return DocumentRecord(
        sequence=document.sequence,
        type=document.type,
        filename=document.filename,
        description=document.description,
        format=document.format,
        text_chars=len(document.text),
        pages=len(document.pages),
        ocr_pages=sum(page.text_source == "ocr" for page in document.pages),
        unread_pages=len(document.warnings),
    )


def _location(location: Location | None) -> LocationRecord | None:
    if location is None:
        return None
    return LocationRecord(location.page, location.line, location.start, location.end)


def _failed(path: str, recorded: str, problem: str, max_bytes: int | None) -> FileRecords:
    return FileRecords(path=recorded, sha256=sha256_of(path, max_bytes) or "", size=_size(path), error=problem)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except (OSError, ValueError):
        return 0


