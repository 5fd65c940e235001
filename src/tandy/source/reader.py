"""Open what a user points at: decide its format and encoding, refuse what cannot be read.

Everything that can be wrong with an input is found here, before any later stage runs, and is
reported as an :class:`~tandy.errors.InputError` that names the file and the problem.
"""

from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from tandy.errors import InputError
from tandy.source import sgml
from tandy.source.model import Part, Source

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
"""Files larger than this are refused before they are read (``--max-size`` or TANDY_MAX_BYTES)."""

DOCUMENT_SUFFIXES = (".txt", ".htm", ".html", ".xhtml", ".pdf", ".sgml", ".nc", ".paper")

_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32))


def max_bytes_default() -> int:
    value = os.environ.get("TANDY_MAX_BYTES")
    return int(value) if value and value.isdigit() else DEFAULT_MAX_BYTES


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files named, files in folders (recursively, documents only), and glob matches, in order.

    A path that names nothing, or a folder with no documents in it, is yielded as is, so that
    opening it reports the problem in its place in the batch.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
            )
            if not found:
                yield _FolderWithoutDocuments(given)
            yield from (str(p) for p in found)
        elif not path.exists() and glob.has_magic(given):
            matches = sorted(glob.glob(given, recursive=True))
            yield from (m for m in matches if Path(m).is_file()) if matches else [given]
        else:
            yield given


class _FolderWithoutDocuments(str):
    """A folder path that held no documents; :func:`open_source` reports it as such."""


def open_source(path: str, max_bytes: int | None = None) -> Source:
    """Read one file and say what it is. Raises :class:`InputError` for anything unreadable."""
    if isinstance(path, _FolderWithoutDocuments):
        raise InputError(path, "folder holds no documents (.htm, .txt, .pdf)")
    data = _read_bytes(path, max_bytes if max_bytes is not None else max_bytes_default())
    digest = hashlib.sha256(data).hexdigest()
    common = dict(path=str(path), sha256=digest, size=len(data))
    if data.lstrip()[:5] == b"%PDF-":
        return Source(format="pdf", encoding=None, filing=None, parts=[Part("pdf", data)], **common)
    if _looks_binary(data):
        raise InputError(path, "not a text, HTML or PDF document (binary data)")
    text, encoding = decode(data)
    if sgml.is_envelope(text):
        filing = sgml.parse_header(text)
        parts = sgml.parse_documents(path, text)
        fmt = "sgml" if filing or len(parts) > 1 else _bare_format(parts[0])
        return Source(format=fmt, encoding=encoding, filing=filing, parts=parts, **common)
    part = Part("html" if sgml._HTML_START.match(text) or _has_html_body(text) else "text", text)
    if not text.strip():
        raise InputError(path, "file holds no text")
    return Source(format=part.format, encoding=encoding, filing=None, parts=[part], **common)


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
    file = Path(path)
    if not file.exists():
        raise InputError(path, "no such file or folder")
    if file.is_dir():
        raise InputError(path, "is a folder, not a document")
    size = file.stat().st_size
    if size == 0:
        raise InputError(path, "file is empty")
    if size > max_bytes:
        raise InputError(path, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (--max-size)")
    try:
        return file.read_bytes()
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
