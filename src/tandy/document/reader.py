"""Stage 2's entry point: a file's documents, each with its text, pages, blocks and tables."""

from __future__ import annotations

import warnings

from tandy.document import furniture
from tandy.document.html import NestedTooDeep, read_html
from tandy.document.model import Document, Submission
from tandy.document.pdf import read_pdf
from tandy.document.plain import read_text
from tandy.document.word import read_docx
from tandy.errors import InputError
from tandy.source import Part, has_text, open_source


class UnreadPageWarning(UserWarning):
    """A page with something printed on it that could not be read (a scan, without OCR).

    The file is still read: its other pages are what could be read, and the warning says what to
    install. :attr:`Document.warnings` keeps the same messages for a program to look at.
    """


def parse(path: str, *, max_bytes: int | None = None) -> Submission:
    """Open a file and read every document in it that has text (images are skipped).

    A file whose documents are all without text (HTML that is only tags, a blank PDF) is an
    :class:`InputError`: there is nothing for any later stage to read. A scanned PDF that could
    not be OCR'd is not: it is read as what it is, with an :class:`UnreadPageWarning` a page.
    """
    source = open_source(path, max_bytes=max_bytes)
    readable = [part for part in source.parts if part.format != "binary"]
    if not readable:
        raise InputError(path, "holds no readable document (only images or binary attachments)")
    documents = [read_document(path, part) for part in readable if has_text(part)]
    unread = [doc for doc in documents if doc.warnings]
    if not unread and not any(doc.text.strip() for doc in documents):
        raise InputError(path, _no_text_problem(readable))
    for doc in unread:
        named = len(readable) > 1 and doc.filename
        for message in doc.warnings:
            warnings.warn(UnreadPageWarning(f"{doc.filename}: {message}" if named else message), stacklevel=2)
    return Submission(source, documents)


def _no_text_problem(parts: list[Part]) -> str:
    if all(part.format == "pdf" for part in parts):
        return "PDF holds no text (its pages are blank, or hold no legible words)"
    return "holds no text, only markup or blank space"


def read_document(path: str, part: Part) -> Document:
    """Lay one part out and mark its page furniture (a Word file keeps its own apart from the text)."""
    if part.format == "docx":
        return read_docx(path, part.content)
    problems: list[str] = []
    if part.format == "pdf":
        layout = read_pdf(path, part.content, name=part.filename)
        text, pages, blocks, tables = layout.text(), layout.pages(), layout.blocks, layout.tables
        problems = layout.warnings
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
        warnings=problems,
    )
