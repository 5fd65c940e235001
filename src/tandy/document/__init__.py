"""Stage 2: one normalised text per document, with its page map, blocks and tables."""

from tandy.document.model import Block, Document, Location, Page, Submission, Table
from tandy.document.reader import UnreadPageWarning, parse, read_document

__all__ = ["Block", "Document", "Location", "Page", "Submission", "Table", "UnreadPageWarning", "parse", "read_document"]
