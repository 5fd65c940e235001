"""Word files: tell a .docx from the things that look like one, and unpack it within limits.

A .docx is a ZIP archive of XML parts (ECMA-376 Open Packaging). Three other things arrive under
the same name and must be refused in words a user understands: the old binary ``.doc`` and a
password-protected ``.docx`` (both OLE compound files, told apart by the streams they hold), and
ZIP archives that are not Word documents at all. A truncated download fails as a damaged
archive. The size limit a user sets applies to what the parts decompress to as well as to the
file, so that a small archive that inflates to gigabytes (a "docx bomb") is refused while it is
read, before anything is parsed; the sizes the archive declares are checked first but not
trusted, since they are written by whoever made the file.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from tandy.errors import InputError

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = "officeDocument"
_CHUNK = 1 << 16

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True, remove_blank_text=False)
"""Entities are not expanded and nothing is fetched: the XML is the sender's, not ours."""

WORD_PARTS = ("styles", "numbering", "footnotes", "endnotes", "comments")
"""Relationship types (their last path segment) of the parts the reader uses besides the body."""


@dataclass(slots=True)
class Package:
    """A .docx's parts, decompressed: the main document, the parts it relates to, and their names.

    ``related`` maps a relationship id of the main part (``rId7``) to the part name it targets,
    for the headers and footers that sections name by id.
    """

    main: str
    parts: dict[str, bytes] = field(default_factory=dict)
    related: dict[str, str] = field(default_factory=dict)
    by_type: dict[str, str] = field(default_factory=dict)

    def xml(self, name: str | None, path: str = "") -> etree._Element | None:
        """A part parsed as XML, or None when the package has no such part."""
        if name is None or name not in self.parts:
            return None
        try:
            return etree.fromstring(self.parts[name], _PARSER)
        except etree.XMLSyntaxError as exc:
            raise InputError(path, f"damaged Word document: part {name} is not well-formed XML ({exc.msg})") from None

    def part(self, kind: str) -> etree._Element | None:
        """A part named by relationship type (``numbering``, ``footnotes``, ...)."""
        return self.xml(self.by_type.get(kind))


def is_ole(data: bytes) -> bool:
    return data[:8] == OLE_MAGIC


def is_zip(data: bytes) -> bool:
    return data[:4] == ZIP_MAGIC


def refuse_ole(path: str, data: bytes) -> InputError:
    """What an OLE compound file is, said as an input error: old Word, encrypted Word, or other."""
    if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
        return InputError(path, "password-protected Word document: remove the password in Word and save it again")
    if "WordDocument".encode("utf-16-le") in data:
        return InputError(path, "old binary Word document (.doc): save it as .docx in Word, then read that")
    return InputError(path, "an OLE compound file (old Office format), not a document tandy reads")


def open_package(path: str, data: bytes, max_bytes: int) -> Package:
    """Unpack a .docx, refusing what is not one or what inflates past ``max_bytes`` in all."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, struct.error, EOFError):
        raise InputError(path, "damaged or truncated .docx (not a complete ZIP archive)") from None
    with archive:
        names = {info.filename: info for info in archive.infolist()}
        budget = _Budget(path, max_bytes)
        main = _main_part(path, archive, names, budget)
        package = Package(main)
        package.parts[main] = budget.read(archive, names[main])
        rels = _relationships(path, archive, names, main, budget)
        for rid, (kind, target) in rels.items():
            if target not in names:
                continue
            package.related[rid] = target
            if kind in WORD_PARTS or kind in ("header", "footer"):
                if kind in WORD_PARTS:
                    package.by_type.setdefault(kind, target)
                if target not in package.parts:
                    package.parts[target] = budget.read(archive, names[target])
    return package


class _Budget:
    """Decompressed bytes left under the limit; a part that would pass it stops the read."""

    def __init__(self, path: str, max_bytes: int) -> None:
        self.path, self.limit, self.left = path, max_bytes, max_bytes

    def read(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
        if info.flag_bits & 0x1:
            raise InputError(self.path, "password-protected archive: the Word document's parts are encrypted")
        if info.file_size > self.left:
            raise self._over(info.filename)
        out = bytearray()
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    out += chunk
                    if len(out) > self.left:
                        raise self._over(info.filename)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError, struct.error) as exc:
            raise InputError(self.path, f"damaged or truncated .docx: part {info.filename} cannot be read ({exc})") from None
        self.left -= len(out)
        return bytes(out)

    def _over(self, name: str) -> InputError:
        limit = f"the {self.limit:,}-byte limit (--max-size, TANDY_MAX_BYTES)"
        return InputError(self.path, f"part {name} decompresses past {limit}: refused (a ZIP bomb?)")


def _main_part(path: str, archive: zipfile.ZipFile, names: dict, budget: _Budget) -> str:
    """The main document part, from the package's own relationships (``word/document.xml`` usually)."""
    if "_rels/.rels" in names:
        for kind, target in _parse_rels(path, budget.read(archive, names["_rels/.rels"]), "").values():
            if kind == _OFFICE_DOCUMENT and target in names:
                return target
    if "word/document.xml" in names:
        return "word/document.xml"
    if any(name.startswith(("xl/", "ppt/")) for name in names):
        return _not_word(path, "an Excel or PowerPoint file")
    return _not_word(path, "a ZIP archive")


def _not_word(path: str, what: str) -> str:
    raise InputError(path, f"{what}, not a Word document (it has no word/document.xml)")


def _relationships(path: str, archive, names: dict, main: str, budget: _Budget) -> dict[str, tuple[str, str]]:
    folder, base = posixpath.split(main)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    if rels_name not in names:
        return {}
    return _parse_rels(path, budget.read(archive, names[rels_name]), folder)


def _parse_rels(path: str, data: bytes, folder: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type's last segment, part name) for the internal targets of a part."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(path, f"damaged Word document: its relationships are not well-formed XML ({exc.msg})") from None
    out = {}
    for rel in root.iter(f"{{{_REL}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id") or ""] = ((rel.get("Type") or "").rsplit("/", 1)[-1], name)
    return out
