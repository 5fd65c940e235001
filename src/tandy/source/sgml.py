"""EDGAR's submission envelope: the ``<SEC-HEADER>`` and the ``<DOCUMENT>`` parts.

EDGAR has wrapped filings the same way since 1993: an optional privacy-enhanced-message preamble,
``<SEC-DOCUMENT>`` (``<IMS-DOCUMENT>`` before 1996), a header of tab-indented ``KEY: value`` lines,
and one ``<DOCUMENT>`` per file with ``<TYPE>``, ``<SEQUENCE>``, ``<FILENAME>``,
``<DESCRIPTION>`` and the file itself between ``<TEXT>`` and ``</TEXT>``. Single CORRESP files
downloaded from EDGAR keep a bare ``<DOCUMENT>`` envelope around their HTML.
"""

from __future__ import annotations

import binascii
import re

from tandy.errors import InputError
from tandy.source.model import Filer, Filing, Part

_HEADER = re.compile(r"<(SEC|IMS)-HEADER>(.*?)(?:</\1-HEADER>|(?=<DOCUMENT>))", re.S | re.I)
_DOCUMENT_TAG = re.compile(r"<(/?)DOCUMENT>", re.I)
_TAG_LINE = re.compile(r"^\s*<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>([^\n<]*)", re.M | re.I)
_TEXT_OPEN = re.compile(r"<TEXT>\r?\n?", re.I)
_TEXT_CLOSE = re.compile(r"</TEXT>", re.I)
_UU_BEGIN = re.compile(r"^begin [0-7]{3,4} (\S[^\r\n]*)\r?$", re.M)
_HTML_START = re.compile(r"^\s*(<!DOCTYPE\s+html|<html|<\?xml[^>]*>\s*<html|<body|<div|<p[\s>]|<table)", re.I)

_ROLES = {
    "FILER": "filer",
    "SUBJECT COMPANY": "subject_company",
    "FILED BY": "filed_by",
    "FILED FOR": "filed_for",
}


def is_envelope(text: str) -> bool:
    """True when the text starts (after any PEM preamble) with an EDGAR envelope tag."""
    head = text[:4096].lstrip()
    if head.startswith("-----BEGIN PRIVACY-ENHANCED MESSAGE-----"):
        return True
    return bool(re.match(r"<(SEC-DOCUMENT|IMS-DOCUMENT|SEC-HEADER|IMS-HEADER|DOCUMENT)>", head, re.I))


def parse_header(text: str) -> Filing | None:
    """The filing facts from the header, or None for a bare ``<DOCUMENT>`` envelope."""
    match = _HEADER.search(text)
    if not match:
        return None
    body = match.group(2)
    return Filing(
        accession=_first(body, "ACCESSION NUMBER"),
        form=_first(body, "CONFORMED SUBMISSION TYPE"),
        filed=_iso_date(_first(body, "FILED AS OF DATE")),
        period=_iso_date(_first(body, "CONFORMED PERIOD OF REPORT")),
        filers=_filers(body),
    )


def parse_documents(path: str, text: str) -> list[Part]:
    """Every ``<DOCUMENT>`` of the submission, its content decoded where it is the document."""
    parts, opened = [], None
    for tag in _DOCUMENT_TAG.finditer(text):
        if not tag.group(1):
            if opened is not None:
                break
            opened = tag.end()
        elif opened is not None:
            parts.append(_part(path, text[opened : tag.start()]))
            opened = None
    if opened is not None:
        raise InputError(path, "truncated EDGAR submission: a <DOCUMENT> has no </DOCUMENT>")
    if not parts:
        raise InputError(path, "EDGAR submission holds no <DOCUMENT>")
    return parts


def _part(path: str, body: str) -> Part:
    tags = {k.upper(): v.strip() or None for k, v in _TAG_LINE.findall(body[:2000])}
    content = _text_of(body)
    sequence = tags.get("SEQUENCE")
    meta = dict(
        sequence=int(sequence) if sequence and sequence.isdecimal() else None,
        type=tags.get("TYPE"),
        filename=tags.get("FILENAME"),
        description=tags.get("DESCRIPTION"),
    )
    uu = _UU_BEGIN.search(content[:4096])
    if uu:
        name = meta["filename"] or uu.group(1)
        if not (name.lower().endswith(".pdf") or "<PDF>" in content[: uu.start()].upper()):
            return Part(format="binary", content=b"", **meta)
        return Part(format="pdf", content=uudecode(path, content[uu.end():], name), **meta)
    stripped = content.lstrip()
    if stripped.upper().startswith(("<PDF>", "<XBRL>", "<XML>", "<JSON>")) or stripped.startswith("%PDF"):
        return Part(format="binary", content=b"", **meta)
    fmt = "html" if _HTML_START.match(content) else "text"
    return Part(format=fmt, content=content, **meta)


def _text_of(body: str) -> str:
    """What stands between ``<TEXT>`` and ``</TEXT>`` (to the end when the close tag is missing).

    Found by scanning for the tags rather than with one lazy ``.*?`` match, which is slow on
    multi-megabyte documents.
    """
    opening = _TEXT_OPEN.search(body)
    if not opening:
        return ""
    closing = _TEXT_CLOSE.search(body, opening.end())
    return body[opening.end() : closing.start() if closing else len(body)]


def uudecode(path: str, body: str, name: str = "attachment") -> bytes:
    """Decode the lines of a uuencoded file up to its ``end`` line.

    EDGAR's encoder pads lines unevenly, so a line that ``binascii`` refuses is decoded from the
    length its first character declares, which is what uudecode itself does. ``name`` (the
    attachment's file name) is what a problem with it is reported under.
    """
    out = bytearray()
    for line in body.splitlines():
        if line == "end" or line.startswith("end"):
            break
        if not line or line in ("`", " "):
            continue
        if not line.isascii():  # binascii refuses it with a bare ValueError, not binascii.Error
            raise InputError(path, f"damaged uuencoded {name} (a line holds characters outside ASCII)")
        try:
            out += binascii.a2b_uu(line)
        except binascii.Error:
            length = (ord(line[0]) - 32) & 63
            try:
                out += binascii.a2b_uu(line[: 1 + (length * 4 + 2) // 3])
            except binascii.Error as exc:
                raise InputError(path, f"damaged uuencoded {name} ({exc})") from None
    return bytes(out)


def _first(body: str, key: str) -> str | None:
    """The value of the first ``KEY: value`` line.

    Matched within one line (spaces and tabs, not any whitespace, which would run across blank
    lines) and stripped afterwards rather than by the pattern: a lazy group before trailing
    whitespace retries at every inner space, quadratic in a long padded name.
    """
    match = re.search(rf"^[ \t]*{key}:([^\n]*)", body, re.M)
    return match.group(1).strip() or None if match else None


def _iso_date(value: str | None) -> str | None:
    if value and re.fullmatch(r"\d{8}", value):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return None


def _filers(body: str) -> list[Filer]:
    """One :class:`Filer` per company and role; a block runs until the next unindented role line.

    A fund files under two file numbers (811- and 333-) in two blocks for the same CIK: one filer.
    """
    blocks = re.split(r"^(FILER|SUBJECT COMPANY|FILED BY|FILED FOR):[ \t]*$", body, flags=re.M)
    filers: dict[tuple, Filer] = {}
    for role, block in zip(blocks[1::2], blocks[2::2]):
        name, cik = _first(block, "COMPANY CONFORMED NAME"), _first(block, "CENTRAL INDEX KEY")
        filer = filers.setdefault((_ROLES[role], cik, name), Filer(name, cik, [], _ROLES[role]))
        for number in re.findall(r"^[ \t]*SEC FILE NUMBER:[ \t]*(\S+)", block, re.M):
            if number not in filer.file_numbers:
                filer.file_numbers.append(number)
    return list(filers.values())
