"""What one fuzz input goes through: the whole reading pipeline, as ``tandy review`` runs it.

The bytes are written to a file (every reader starts from a path, where the size and type checks
live) and read by the source, document, letters, tables and proxy stages, then reviewed by the
default rules. An :class:`~tandy.errors.InputError` is the promised answer to a bad file; any
other exception is a crash, and a run that does not return is a hang (the fuzzer's timeout).
"""

from __future__ import annotations

import os
import tempfile

from tandy.document import parse
from tandy.errors import InputError
from tandy.letters.reader import letter_from_submission
from tandy.proxy.reader import proxy_from_submission
from tandy.rules.config import Config
from tandy.rules.engine import apply_rules, letter_subject, proxy_subject
from tandy.tables import read_text_tables

#: Where inputs are written: memory when the system has it, so an execution costs no disk.
SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None

#: Suffixes tried in turn (the last input byte picks one): a reader may look at the name.
SUFFIXES = (".txt", ".htm", ".pdf", ".txt")


def run_one(data: bytes) -> None:
    """Read ``data`` as a file through every stage; return normally or raise a crash."""
    suffix = SUFFIXES[data[-1] % len(SUFFIXES)] if data else ".txt"
    handle, path = tempfile.mkstemp(prefix="tandy-fuzz-", suffix=suffix, dir=SCRATCH)
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(data)
        read_all(path)
    finally:
        os.unlink(path)


def read_all(path: str) -> None:
    """Every stage on one file, each result checked for the invariants later stages rely on."""
    try:
        submission = parse(path)
    except InputError:
        return
    for document in submission.documents:
        _check_document(document)
        read_text_tables(document.text, 0, len(document.text))
    letter = letter_from_submission(submission)
    for item in letter.items:
        for citation in item.citations:
            assert 0 <= citation.start <= citation.end, citation
    apply_rules(letter_subject(letter), Config())
    proxy = proxy_from_submission(submission)
    apply_rules(proxy_subject(proxy), Config())


def _check_document(document) -> None:
    """Pages and blocks lie inside the text, in order: every location depends on it."""
    size = len(document.text)
    previous = 0
    for page in document.pages:
        assert previous <= page.start <= page.end <= size, (page, size)
        previous = page.start
    for block in document.blocks:
        assert 0 <= block.start <= block.end <= size, (block, size)
