"""The one error a user sees: which input, and what is wrong with it.

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
