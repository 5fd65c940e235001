"""Open what a user points at: decide its format and encoding, refuse what cannot be read.

Everything that can be wrong with an input is found here, before any later stage runs, and is
reported as an :class:`~tandy.errors.InputError` that names the file and the problem.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from tandy.errors import InputError
from tandy.source import docx, sgml
from tandy.source.model import Part, Source

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
"""Files larger than this are refused before they are read (``--max-size`` or TANDY_MAX_BYTES)."""

DOCUMENT_SUFFIXES = (".txt", ".htm", ".html", ".xhtml", ".pdf", ".sgml", ".nc", ".paper", ".docx")

_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32))
_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<[^>]*(?:>|\Z)|&(?:nbsp|#160|#xa0);", re.S | re.I)


def max_bytes_default() -> int:
    value = os.environ.get("TANDY_MAX_BYTES")
    return int(value) if value and value.isdecimal() else DEFAULT_MAX_BYTES


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files named, files in folders (recursively, documents only), and glob matches, in order.

    A glob's matches are expanded like paths named one by one, so a matched folder is searched.

    A path that names nothing, or a folder with no documents in it, is yielded as is, so that
    opening it reports the problem in its place in the batch.
    """
    for given in paths:
        path = Path(given)
        status = _stat_or_none(path)
        if status and stat.S_ISDIR(status.st_mode):
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
            )
            if not found:
                yield _FolderWithoutDocuments(given)
            yield from (str(p) for p in found)
        elif status is None and glob.has_magic(given):
            matches = sorted(glob.glob(given, recursive=True))
            yield from expand_paths(matches) if matches else [given]
        else:
            yield given


def _stat_or_none(path: Path) -> os.stat_result | None:
    """The path's status, or None when it names nothing or a name the system refuses (too long);
    opening it later says which."""
    try:
        return path.stat()
    except (OSError, ValueError):
        return None


class _FolderWithoutDocuments(str):
    """A folder path that held no documents; :func:`open_source` reports it as such."""


def open_source(path: str, max_bytes: int | None = None) -> Source:
    """Read one file and say what it is. Raises :class:`InputError` for anything unreadable."""
    if isinstance(path, _FolderWithoutDocuments):
        raise InputError(path, "folder holds no documents (.htm, .txt, .pdf, .docx)")
    data = _read_bytes(path, max_bytes if max_bytes is not None else max_bytes_default())
    digest = hashlib.sha256(data).hexdigest()
    common = dict(path=str(path), sha256=digest, size=len(data))
    if data.lstrip()[:5] == b"%PDF-":
        return Source(format="pdf", encoding=None, filing=None, parts=[Part("pdf", data)], **common)
    if docx.is_zip(data):
        package = docx.open_package(path, data, max_bytes if max_bytes is not None else max_bytes_default())
        return Source(format="docx", encoding=None, filing=None, parts=[Part("docx", package)], **common)
    if docx.is_ole(data):
        raise docx.refuse_ole(path, data)
    text, encoding = _decode_text(path, data)
    if sgml.is_envelope(text):
        filing = sgml.parse_header(text)
        parts = sgml.parse_documents(path, text)
        fmt = "sgml" if filing or len(parts) > 1 else _bare_format(parts[0])
        return Source(format=fmt, encoding=encoding, filing=filing, parts=parts, **common)
    part = Part("html" if sgml._HTML_START.match(text) or _has_html_body(text) else "text", text)
    if not text.strip():
        raise InputError(path, "file holds no text")
    return Source(format=part.format, encoding=encoding, filing=None, parts=[part], **common)


def has_text(part: Part) -> bool:
    """Whether a text or HTML part holds anything to read once tags and comments are taken out.

    PDF and Word parts are taken to have text: only laying them out can tell.
    """
    if part.format in ("pdf", "docx"):
        return True
    if part.format == "html":
        return bool(_MARKUP.sub("", part.content).strip())
    return bool(part.content.strip())


def _decode_text(path: str, data: bytes) -> tuple[str, str]:
    """The file's text and encoding, or :class:`InputError` when the bytes are not text."""
    utf16 = _utf16_encoding(data)
    if utf16:
        text = data.decode(utf16, errors="replace")
        if _looks_binary(text[:8192].encode("utf-8")):
            raise InputError(path, "not a text, HTML, PDF or Word document (binary data)")
        return text, utf16
    if _looks_binary(data):
        raise InputError(path, "not a text, HTML, PDF or Word document (binary data)")
    return decode(data)


def _utf16_encoding(data: bytes) -> str | None:
    """The UTF-16 variant a file is in (Notepad's "Unicode"), or None.

    A byte-order mark says so; without one, Latin text in UTF-16 has a NUL in every other byte,
    which binary data does not.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    head = data[:8192]
    even, odd = head[0::2], head[1::2]
    if len(odd) < 8:
        return None
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode as UTF-8 if it is valid, else as Windows-1252, else as Latin-1 (which never fails).

    EDGAR filings before about 2010 are mostly cp1252 (curly quotes at 0x91-0x94); a cp1252 byte
    that is not valid UTF-8 is far likelier than Latin-1's C1 control characters.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _read_bytes(path: str, max_bytes: int) -> bytes:
    """The file's bytes, once its size (from the file system, before reading) is within the limit.

    Only a regular file is opened, and without blocking (a FIFO put in its place between the check
    and the open would otherwise wait for a writer); at most the limit is read, so a file that grew
    since it was checked is refused, not read whole.
    """
    check_regular(path, max_bytes)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "not a regular file (a device, pipe or socket)")
        try:
            data = _read_at_most(f, info.st_size, max_bytes)
        except OSError as exc:
            raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(path, f"file grew past the {max_bytes:,}-byte limit while it was read")
    if not data:
        raise InputError(path, "file is empty")
    return data


def _read_at_most(f, size: int, max_bytes: int) -> bytes:
    """The file's bytes, at most ``max_bytes + 1`` of them. Asked for by the size it had (a read
    of the limit itself would allocate the whole limit, 200 MB, for any file), then in blocks
    should it have grown."""
    data = f.read(min(size, max_bytes) + 1)
    while len(data) > size and len(data) <= max_bytes:
        block = f.read(min(1 << 20, max_bytes + 1 - len(data)))
        if not block:
            break
        data += block
    return data


def check_regular(path: str, max_bytes: int) -> os.stat_result:
    """The status of a regular, non-empty file within the size limit; anything else is an input error.

    Every reader of user files asks this first (the index's hash too), so no command blocks on a
    pipe, reads a device without end, or reads a file it is about to refuse for its size.
    """
    info = _stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a folder, not a document")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, "not a regular file (a device, pipe or socket)")
    size = info.st_size
    if size == 0:
        raise InputError(path, "file is empty")
    if size > max_bytes:
        limit = f"the {max_bytes:,}-byte limit (--max-size, TANDY_MAX_BYTES)"
        raise InputError(path, f"file is {size:,} bytes, over {limit}")
    return info


def _stat(path: str) -> os.stat_result:
    """The file's status; a path that names nothing, or that the system refuses, is an input error."""
    try:
        return Path(path).stat()
    except (FileNotFoundError, NotADirectoryError, ValueError):
        raise InputError(path, "no such file or folder") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, in the first 8 KB mean this is not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls > len(head) * 0.05


def _has_html_body(text: str) -> bool:
    head = text[:4096].lower()
    return "<html" in head or "<body" in head


def _bare_format(part: Part) -> str:
    return "pdf" if part.format == "pdf" else "html" if part.format == "html" else "text"
