"""The one error a user sees: which file, and what is wrong with it.

Every stage raises :class:`InputError` for a problem with what the user gave (a missing file, a
damaged PDF, a truncated submission); the CLI prints it on one line and exits with code 2. Any
other exception is a bug in tandy, and shows a traceback only with ``--debug``.
"""

from __future__ import annotations


class InputError(Exception):
    """A problem with one input file, worded for the person who gave it."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class OutputError(InputError):
    """A file the user asked for that cannot be written (exists, folder missing, disk full...),
    named as the user gave it: never the temporary file it was being written through.

    An :class:`InputError` too, so every command reports it the same way: one line, exit 2.
    """


class OutputExists(OutputError, FileExistsError):
    """An output file that exists and was not to be overwritten (no ``--force``); a
    :class:`FileExistsError` too, for callers that ask for that."""
