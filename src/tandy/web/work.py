"""Reading documents in worker processes, so that a long review does not hold up the searches.

Parsing and reviewing are pure Python and hold the interpreter lock: run in the server's threads,
a four-second review of a large proxy slows every search answered meanwhile. With ``workers`` > 0
the reading runs in that many processes (started on first use, with ``spawn`` so no server thread
is forked); results come back pickled. ``workers=0`` reads in the calling thread (tests, one user).
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from tandy.errors import InputError

T = TypeVar("T")


class Workers:
    """A lazily started process pool, or none."""

    def __init__(self, count: int) -> None:
        self.count = count
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def run(self, fn: Callable[..., T], *args: Any) -> T:
        if self.count <= 0:
            return fn(*args)
        outcome = self._started().submit(_call, fn, args).result()
        if outcome[0] == "input_error":
            raise InputError(outcome[1], outcome[2])
        return outcome[1]

    def warm(self) -> None:
        """Start the workers now (importing tandy takes a second or two), not on the first request."""
        if self.count > 0:
            for _ in range(self.count):
                self._started().submit(_ready)

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None

    def _started(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(self.count, mp_context=multiprocessing.get_context("spawn"))
            return self._pool


def _ready() -> bool:
    import tandy.rules  # noqa: F401  (what the first review would import)

    return True


def _call(fn: Callable[..., Any], args: tuple) -> tuple:
    """In the worker: the result, or the input error as plain values (it does not pickle as raised)."""
    try:
        return ("ok", fn(*args))
    except InputError as exc:
        return ("input_error", exc.path, exc.problem)
