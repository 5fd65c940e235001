"""Stage 2's entry point: a file's documents, each with its text, pages, blocks and tables."""

from __future__ import annotations

from tandy.document import furniture
from tandy.document.html import NestedTooDeep, read_html
from tandy.document.model import Document, Submission
from tandy.document.pdf import read_pdf
from tandy.document.plain import read_text
from tandy.errors import InputError
from tandy.source import Part, has_text, open_source


def parse(path: str, *, max_bytes: int | None = None) -> Submission:
    """Open a file and read every document in it that has text (images are skipped).

    A file whose documents are all without text (HTML that is only tags, a scanned PDF without a
    text layer) is an :class:`InputError`: there is nothing for any later stage to read.
    """
    source = open_source(path, max_bytes=max_bytes)
    readable = [part for part in source.parts if part.format != "binary"]
    if not readable:
        raise InputError(path, "holds no readable document (only images or binary attachments)")
    documents = [read_document(path, part) for part in readable if has_text(part)]
    if not any(doc.text.strip() for doc in documents):
        raise InputError(path, _no_text_problem(readable))
    return Submission(source, documents)


def _no_text_problem(parts: list[Part]) -> str:
    if all(part.format == "pdf" for part in parts):
        return "PDF holds no text (scanned pages without a text layer?)"
    return "holds no text, only markup or blank space"


def read_document(path: str, part: Part) -> Document:
    """Lay one part out and mark its page furniture."""
    if part.format == "pdf":
        layout = read_pdf(path, part.content, name=part.filename)
        text, pages, blocks, tables = layout.text(), layout.pages(), layout.blocks, layout.tables
    elif part.format == "html":
        try:
            layout = read_html(part.content)
        except NestedTooDeep as exc:
            raise InputError(path, str(exc)) from None
        text, pages, blocks, tables = layout.text(), layout.pages(), layout.blocks, layout.tables
    else:
        text, pages, blocks, tables = read_text(part.content)
    blocks = furniture.mark(text, pages, blocks)
    return Document(
        text=text,
        format=part.format,
        pages=pages,
        blocks=blocks,
        tables=tables,
        sequence=part.sequence,
        type=part.type,
        filename=part.filename,
        description=part.description,
    )
