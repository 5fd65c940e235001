"""The local mirror: EDGAR's own layout on disk, and a manifest of what it holds whole.

``DIR/CIK/ACCESSION-NO-DASHES/ACCESSION.txt``, as EDGAR's archive has it, so a path says which
filing a file is. A file reaches that path only by a rename, after its body was written whole,
checked against its ``Content-Length`` and found to be the EDGAR submission asked for, from its
opening tag to its closing one: whatever stands at a
filing's path is complete, and an error page never gets there. The manifest
(``manifest.jsonl``, one JSON object a filing) is appended after the rename; a run killed between
the two finds the file and records it without asking EDGAR again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
from collections.abc import Iterator
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from tandy.edgar.model import MirrorEntry, Wanted
from tandy.errors import InputError
from tandy.files import default_mode, write_text
from tandy.source import sgml
from tandy.source.model import Filer, Filing

MANIFEST = "manifest.jsonl"
PARTIAL = ".partial"
_HEAD_BYTES = 8192
_TAIL_BYTES = 256
#: How a full submission ends: its envelope closed, or (before 2002 or so) the PEM wrapper.
_ENDINGS = ("</SEC-DOCUMENT>", "</IMS-DOCUMENT>", "-----END PRIVACY-ENHANCED MESSAGE-----")
_ACCESSION_LINE = re.compile(r"^ACCESSION NUMBER:\s*(\d{10}-\d{2}-\d{6})\s*$", re.M)


class NotAFiling(Exception):
    """What EDGAR sent is not a submission (an error page served as 200, a body of the wrong size)."""


class Mirror:
    """One mirror folder: where each filing goes, what is there already, and its manifest."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        if self.root.exists() and not self.root.is_dir():
            raise InputError(str(root), "--out is a file, not a folder")
        self.root.mkdir(parents=True, exist_ok=True)
        self.manifest_path = self.root / MANIFEST
        self._lock = threading.Lock()
        self.entries: dict[str, MirrorEntry] = {e.accession: e for e in read_manifest(self.manifest_path)}
        _end_with_newline(self.manifest_path)
        _clear_partial(self.root / PARTIAL)

    def path_of(self, wanted: Wanted) -> Path:
        return self.root / str(int(wanted.cik)) / wanted.accession.replace("-", "") / f"{wanted.accession}.txt"

    def present(self, wanted: Wanted, url: str) -> MirrorEntry | None:
        """The filing's entry when its file is in the mirror whole (recorded now if the manifest
        missed it: the run that saved it was stopped before it could write the line)."""
        path = self.path_of(wanted)
        if not path.is_file():
            return None
        entry = self.entries.get(wanted.accession)
        if entry is not None and entry.size == path.stat().st_size:
            return entry
        size, digest = _hash(path)
        entry = self._entry(wanted, url, path, size, digest)
        self.record(entry)
        return entry

    def temporary(self, wanted: Wanted) -> Path:
        """A fresh temporary file for one download, in the mirror's ``.partial`` folder: on the
        same disk as the filing's path (so the rename is atomic), and outside the layout (so a
        failed filing leaves not even an empty folder)."""
        folder = self.root / PARTIAL
        folder.mkdir(exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f"{wanted.accession}.{os.getpid()}.", suffix=".part", dir=folder)
        os.close(handle)
        return Path(name)

    def keep(self, wanted: Wanted, url: str, temporary: Path, size: int, digest: str) -> MirrorEntry:
        """Move a downloaded body into place and record it; :class:`NotAFiling` leaves nothing.

        Raises :class:`NotAFiling` for a body that is not the whole EDGAR submission asked for.
        """
        try:
            _check_submission(temporary, size, wanted)
            os.chmod(temporary, default_mode())
            target = self.path_of(wanted)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)
        entry = self._entry(wanted, url, target, size, digest)
        self.record(entry)
        return entry

    def record(self, entry: MirrorEntry) -> None:
        """Append the entry's line, flushed to disk, so a kill loses at most the line being written."""
        line = json.dumps(entry.to_json(), ensure_ascii=False) + "\n"
        with self._lock:
            with open(self.manifest_path, "a", encoding="utf-8") as f:
                f.write(line)
                f.flush()
                os.fsync(f.fileno())
            self.entries[entry.accession] = entry

    def compact(self) -> None:
        """Rewrite the manifest with one line a filing, in CIK and accession order (atomically):
        the lines a run appended as it went, and those a refresh replaced, settle into the same
        manifest a clean run would write."""
        ordered = sorted(self.entries.values(), key=lambda e: (e.cik, e.accession))
        text = "".join(json.dumps(e.to_json(), ensure_ascii=False) + "\n" for e in ordered)
        with self._lock:
            if ordered or self.manifest_path.exists():
                write_text(self.manifest_path, text, force=True)
        _clear_partial(self.root / PARTIAL)

    def _entry(self, wanted: Wanted, url: str, path: Path, size: int, digest: str) -> MirrorEntry:
        form, company, filed, numbers = wanted.form, wanted.company, wanted.filed, list(wanted.file_numbers)
        header = _header(path)
        if header is not None:
            form = header.form or form
            filed = header.filed or filed
            filer = next((f for f in header.filers if f.cik and int(f.cik) == int(wanted.cik)), None)
            filer = filer or next(iter(header.filers), None)
            if filer is not None:
                company = company or filer.name
                numbers = numbers or list(filer.file_numbers)
        return MirrorEntry(
            accession=wanted.accession, form=form, company=company, cik=str(int(wanted.cik)).zfill(10), filed=filed,
            file_numbers=numbers, url=url, path=path.relative_to(self.root).as_posix(), size=size, sha256=digest,
            fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )


def read_manifest(path: str | Path) -> Iterator[MirrorEntry]:
    """The manifest's entries, a later line for a filing replacing an earlier one.

    A last line cut short by a kill is skipped (the file it named is found and recorded again).
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"unreadable mirror manifest ({exc})") from None
    fields = set(MirrorEntry.__slots__)
    lines = text.splitlines()
    entries: dict[str, MirrorEntry] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise TypeError("not an object")
            entry = MirrorEntry(**{k: v for k, v in data.items() if k in fields})
        except (ValueError, TypeError):
            if number == len(lines) and not text.endswith("\n"):
                continue
            raise InputError(str(path), f"line {number}: not a manifest entry") from None
        entries.pop(entry.accession, None)
        entries[entry.accession] = entry
    yield from entries.values()


def find_manifest(path: str | Path) -> Path | None:
    """The manifest of the mirror a file lies in: the nearest ``manifest.jsonl`` above it."""
    here = Path(path).resolve()
    for folder in list(here.parents)[:4]:
        candidate = folder / MANIFEST
        if candidate.is_file():
            return candidate
    return None


def _end_with_newline(path: Path) -> None:
    """Cut a last line a kill left unfinished, so the next line appended stands on its own."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return
    if data and not data.endswith(b"\n"):
        with open(path, "r+b") as f:
            f.truncate(data.rfind(b"\n") + 1)


def _clear_partial(folder: Path) -> None:
    """Remove the half downloads of runs that are gone (killed), never those of a live run (this
    one's own are removed as each download ends)."""
    if not folder.is_dir():
        return
    for part in folder.glob("*.part"):
        pieces = part.name.split(".")
        pid = int(pieces[1]) if len(pieces) > 2 and pieces[1].isdecimal() else None
        if pid is None or not _alive(pid):
            part.unlink(missing_ok=True)
    try:
        folder.rmdir()
    except OSError:
        pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def manifest_filing(path: str | Path) -> Filing | None:
    """What the mirror's manifest says of the filing a file is, for a file whose header says nothing.

    ``tandy index`` asks this when a document has no EDGAR header (a mirror of bare documents),
    so the corpus still knows its form, company, CIK and date.
    """
    manifest = find_manifest(path)
    if manifest is None:
        return None
    try:
        relative = Path(path).resolve().relative_to(manifest.parent.resolve()).as_posix()
    except ValueError:
        return None
    try:
        entry = _manifest_by_path(str(manifest), manifest.stat().st_mtime_ns).get(relative)
    except (InputError, OSError):  # another tool's manifest.jsonl: it says nothing of this file
        return None
    if entry is None:
        return None
    filer = Filer(name=entry.company, cik=entry.cik, file_numbers=list(entry.file_numbers))
    return Filing(accession=entry.accession, form=entry.form, filed=entry.filed, filers=[filer])


@lru_cache(maxsize=8)
def _manifest_by_path(manifest: str, _mtime: int) -> dict[str, MirrorEntry]:
    """The manifest's entries by relative path (read once per change of the file)."""
    return {e.path: e for e in read_manifest(manifest)}


def _check_submission(path: Path, size: int, wanted: Wanted) -> None:
    """The body is the filing asked for, whole: an envelope from its first line to its last, whose
    header names the accession asked for (an error page, a cut body or another filing is not)."""
    with open(path, "rb") as f:
        head = f.read(_HEAD_BYTES).decode("latin-1")
        f.seek(max(0, size - _TAIL_BYTES))
        tail = f.read().decode("latin-1").rstrip()
    if not sgml.is_envelope(head):
        opening = " ".join(head[:60].split())
        raise NotAFiling(f"answer is not an EDGAR submission (it begins {opening!r}); nothing saved")
    if not tail.upper().endswith(_ENDINGS):
        raise NotAFiling("submission is cut short (no closing </SEC-DOCUMENT>); nothing saved")
    named = _ACCESSION_LINE.search(head)
    if named and named.group(1) != wanted.accession:
        raise NotAFiling(f"answer is another filing ({named.group(1)}); nothing saved")


def _header(path: Path):
    with open(path, "rb") as f:
        head = f.read(_HEAD_BYTES * 4).decode("latin-1")
    return sgml.parse_header(head)


def _hash(path: Path) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()
