"""The ``tandy letter --json`` shape (``shared/docs/contracts.md``): a public interface.

``kind`` is one of staff_comment, response, closing, no_review, acceleration_request, other (the
contract's four, and two that were "other" before: a staff notice that the filing will not be
reviewed, and a filer's Rule 461 request for effectiveness).

Field names here are promises to scripts that read them; add fields freely, rename none. Fields
beyond the contract: ``addressee`` (name and address, a line each), ``cc``, ``pages_cited``,
``subject_filing.lines`` (the Re: block as printed), and per item ``refers_to``,
``response_pages`` and ``response_location``.
"""

from __future__ import annotations

from tandy.document.contract import location_json
from tandy.letters.model import Citation, Item, Letter

SCHEMA_VERSION = 1


def letter_json(letter: Letter) -> dict:
    """One letter as the contract prints it."""
    subject = letter.subject_filing
    ack = letter.acknowledgments
    return {
        "schema_version": SCHEMA_VERSION,
        "source": {"path": letter.path, "sha256": letter.sha256},
        "kind": letter.kind,
        "date": letter.date,
        "sender": letter.sender,
        "addressee": letter.addressee,
        "registrant": letter.registrant,
        "subject_filing": {
            "form": subject.form,
            "filed": subject.filed,
            "cik": subject.cik,
            "file_numbers": subject.file_numbers,
            "description": subject.description,
            "response_dated": subject.response_dated,
            "lines": subject.lines,
        },
        "items": [item_json(item) for item in letter.items],
        "pages_cited": letter.pages_cited,
        "acknowledgments": {
            "tandy": ack.tandy,
            "adequacy": ack.adequacy,
            "no_foreclosure": ack.no_foreclosure,
            "no_defense": ack.no_defense,
        },
        "signatories": letter.signatories,
        "cc": letter.cc,
        "commitments": [
            {"text": c.text, "date": c.date, "location": location_json(c.location)}
            for c in letter.commitments
        ],
    }


def item_json(item: Item) -> dict:
    return {
        "number": item.number,
        "heading": item.heading,
        "comment": item.comment,
        "response": item.response,
        "pages": item.pages,
        "response_pages": item.response_pages,
        "citations": [citation_json(c) for c in item.citations],
        "disposition": item.disposition,
        "refers_to": item.refers_to,
        "location": location_json(item.location),
        "response_location": location_json(item.response_location),
    }


def citation_json(citation: Citation) -> dict:
    """A citation with the parts it has; offsets into the item's text are left to the Python API."""
    fields = ("kind", "regulation", "item", "rule", "section", "act", "form", "topic", "paragraph")
    out = {"text": citation.text}
    out.update({name: getattr(citation, name) for name in fields if getattr(citation, name) is not None})
    return out
