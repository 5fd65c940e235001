"""Inputs built in the tests themselves: EDGAR envelopes, uuencoded attachments, small PDFs.

Nothing binary is kept in the repository; every file a test needs is made from these.
"""

from __future__ import annotations

import binascii
import hashlib
import struct

HEADER = (
    "<SEC-DOCUMENT>0000000000-18-000001.txt : 20180101\n"
    "<SEC-HEADER>0000000000-18-000001.hdr.sgml : 20180101\n"
    "ACCESSION NUMBER:\t\t0000000000-18-000001\n"
    "CONFORMED SUBMISSION TYPE:\tUPLOAD\n"
    "FILED AS OF DATE:\t\t20180101\n"
    "</SEC-HEADER>\n"
)


def sgml_submission(*documents: str) -> str:
    """An EDGAR full submission: the header above, then the ``<DOCUMENT>`` parts given."""
    return HEADER + "".join(documents) + "</SEC-DOCUMENT>\n"


def uuencoded_document(data: bytes, filename: str, kind: str = "PDF") -> str:
    """A ``<DOCUMENT>`` carrying ``data`` uuencoded, the way EDGAR wraps PDFs and images."""
    lines = "".join(binascii.b2a_uu(data[i : i + 45]).decode() for i in range(0, len(data), 45))
    return (
        f"<DOCUMENT>\n<TYPE>LETTER\n<SEQUENCE>1\n<FILENAME>{filename}\n<TEXT>\n"
        f"<{kind}>\nbegin 644 {filename}\n{lines}`\nend\n</{kind}>\n</TEXT>\n</DOCUMENT>\n"
    )


def plain_pdf(text: str = "Dear Mr. Smith") -> bytes:
    """A one-page PDF showing ``text`` in Helvetica."""
    stream = f"BT /F1 24 Tf 72 700 Td ({text}) Tj ET".encode()
    return pdf_file(_page_objects(stream), b"")


_PASSWORD_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def encrypted_pdf(user_password: bytes, text: str = "Dear Mr. Smith") -> bytes:
    """A one-page PDF under the standard security handler (RC4, 40-bit, revision 2).

    The keys follow the PDF reference (algorithms 3.2-3.4), so a reader given the password
    opens it and finds ``text``; one without it is refused. An empty ``user_password`` makes a
    PDF that anyone may open (only its owner password is set).
    """
    file_id, permissions = b"tandy-bad-input!", -4
    padded_user = (user_password + _PASSWORD_PAD)[:32]
    owner_key = hashlib.md5((b"owner" + _PASSWORD_PAD)[:32]).digest()[:5]
    owner_entry = _rc4(owner_key, padded_user)
    key = hashlib.md5(padded_user + owner_entry + struct.pack("<i", permissions) + file_id).digest()[:5]
    user_entry = _rc4(key, _PASSWORD_PAD)
    stream_key = hashlib.md5(key + struct.pack("<i", 4)[:3] + b"\0\0").digest()[:10]
    stream = _rc4(stream_key, f"BT /F1 24 Tf 72 700 Td ({text}) Tj ET".encode())
    security = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (
        owner_entry.hex().encode(),
        user_entry.hex().encode(),
        permissions,
    )
    file_ids = b"/ID [<%s> <%s>]" % (file_id.hex().encode(), file_id.hex().encode())
    return pdf_file([*_page_objects(stream), security], b"/Encrypt 6 0 R " + file_ids)


def pdf_file(objects: list[bytes], trailer: bytes) -> bytes:
    """A PDF of numbered ``objects`` (the first is the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def _page_objects(stream: bytes) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def _rc4(key: bytes, data: bytes) -> bytes:
    box, j = list(range(256)), 0
    for i in range(256):
        j = (j + box[i] + key[i % len(key)]) % 256
        box[i], box[j] = box[j], box[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + box[i]) % 256
        box[i], box[j] = box[j], box[i]
        out.append(byte ^ box[(box[i] + box[j]) % 256])
    return bytes(out)
