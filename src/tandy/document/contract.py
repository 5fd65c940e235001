"""The ``tandy parse --json`` shape (``shared/docs/contracts.md``): a public interface.

Field names here are promises to scripts that read them; add fields freely, rename none.
"""

from __future__ import annotations

from dataclasses import asdict

from tandy.document.model import Document, Location, Submission

SCHEMA_VERSION = 1


def location_json(location: Location | None) -> dict | None:
    """A location as every contract prints it (null where a thing has none)."""
    if location is None:
        return None
    return {"page": location.page, "line": location.line, "start": location.start, "end": location.end}


def source_json(submission: Submission) -> dict:
    source = submission.source
    return {
        "path": source.path,
        "sha256": source.sha256,
        "format": source.format,
        "encoding": source.encoding,
        "size": source.size,
    }


def submission_json(submission: Submission, *, text: bool = False) -> dict:
    """The whole parse of one file; ``text`` adds each document's normalised text."""
    filing = submission.source.filing
    return {
        "schema_version": SCHEMA_VERSION,
        "source": source_json(submission),
        "filing": asdict(filing) if filing else None,
        "documents": [document_json(d, text=text) for d in submission.documents],
    }


def document_json(document: Document, *, text: bool = False) -> dict:
    out = {
        "sequence": document.sequence,
        "type": document.type,
        "filename": document.filename,
        "description": document.description,
        "format": document.format,
        "pages": [
            {"number": p.number, "start": p.start, "end": p.end, "text_source": p.text_source} for p in document.pages
        ],
        "blocks": [
            {
                "kind": b.kind,
                "furniture": b.furniture,
                "bold": b.bold,
                "italic": b.italic,
                "underline": b.underline,
                "table": b.table,
                "location": location_json(document.location(b.start, b.end)),
            }
            for b in document.blocks
        ],
        "tables": [
            {
                "kind": t.kind,
                "tagged": t.tagged,
                "location": location_json(document.location(t.start, t.end)),
                "rows": t.rows,
            }
            for t in document.tables
        ],
        "text_chars": len(document.text),
        "warnings": document.warnings,
    }
    if document.format == "docx" or document.revisions:
        out.update(marks_json(document))
    if text:
        out["text"] = document.text
    return out


def marks_json(document: Document) -> dict:
    """What a Word file (or a marked copy) holds besides its text: how its pages were found, its
    tracked changes (located in the text as proposed and in the text before), its comment balloons."""
    return {
        "pagination": document.pagination,
        "revisions": [
            {
                "kind": r.kind,
                "before": r.before,
                "after": r.after,
                "author": r.author,
                "date": r.date,
                "location": location_json(r.location),
                "before_location": location_json(r.before_location),
            }
            for r in document.revisions
        ],
        "balloons": [
            {"author": b.author, "date": b.date, "text": b.text, "anchor": b.anchor, "location": location_json(b.location)}
            for b in document.balloons
        ],
    }
