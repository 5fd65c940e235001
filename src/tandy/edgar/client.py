"""Asking EDGAR politely: one declared User-Agent, one rate for the process, retries that back off.

httpx does the HTTP, tenacity the retries, :mod:`tandy.edgar.pace` the rate (counted as the
server counts it, see there why not a limiter library). What is EDGAR's own is here:
which answers are worth asking again (429, 403 and 503, which EDGAR sends when it is throttling,
and connections dropped or cut short), that ``Retry-After`` is obeyed by every thread (EDGAR
throttles the address, not the request), and that a body shorter than its ``Content-Length`` is
never taken for the document.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path

import httpx
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_random_exponential

from tandy.edgar.access import AccessSettings
from tandy.edgar.pace import Pace, pace_for

#: EDGAR's answers when it is throttling or briefly down: worth asking again after a wait.
RETRIED_STATUSES = frozenset({403, 429, 500, 502, 503, 504})
CHUNK_BYTES = 1 << 16

_LIMITERS: dict[float, Pace] = {}
_LIMITERS_LOCK = threading.Lock()


class FetchFailed(Exception):
    """A request that will not succeed by asking again (or has been asked enough): its reason."""

    def __init__(self, url: str, problem: str) -> None:
        super().__init__(f"{url}: {problem}")
        self.url = url
        self.problem = problem


class Transient(Exception):
    """An answer worth retrying; ``retry_after`` is the server's own wait, in seconds, if it gave one."""

    def __init__(self, problem: str, retry_after: float | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.retry_after = retry_after


@dataclass(slots=True)
class Download:
    """A body written to disk whole: its length and its SHA-256, and what the server called it."""

    size: int
    sha256: str
    content_type: str | None


def process_limiter(rate: float) -> Pace:
    """The pace every client of this process with this rate shares, so threads add up to it."""
    with _LIMITERS_LOCK:
        if rate not in _LIMITERS:
            _LIMITERS[rate] = pace_for(rate)
        return _LIMITERS[rate]


class EdgarClient:
    """HTTP to EDGAR for one run: thread-safe, every request rate-limited and retried."""

    def __init__(
        self,
        user_agent: str,
        settings: AccessSettings = AccessSettings(),
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.limiter = process_limiter(settings.rate)
        self._sleep = sleep
        self._http = httpx.Client(
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout),
            follow_redirects=True,
            limits=httpx.Limits(max_connections=max(settings.threads, 1) + 1),
        )
        self._lock = threading.Lock()
        self._resume_at = 0.0
        self.requests = 0
        self.bytes = 0

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> EdgarClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str) -> bytes:
        """The whole body of a small answer (a submissions JSON, an index file)."""
        return self._retried(url, lambda: self._get_once(url))

    def download(self, url: str, temporary: Path) -> Download:
        """Stream the body into ``temporary`` (rewritten on each try) and say what was written."""
        return self._retried(url, lambda: self._download_once(url, temporary))

    # --- one try ------------------------------------------------------------------------------

    def _get_once(self, url: str) -> bytes:
        with self._turn(url) as response:
            _check(response)
            body = b"".join(response.iter_bytes(CHUNK_BYTES))
            _check_length(response)
            self._count(response.num_bytes_downloaded)
            return body

    def _download_once(self, url: str, temporary: Path) -> Download:
        digest, size = hashlib.sha256(), 0
        with self._turn(url) as response:
            _check(response)
            with open(temporary, "wb") as sink:
                for chunk in response.iter_bytes(CHUNK_BYTES):
                    sink.write(chunk)
                    digest.update(chunk)
                    size += len(chunk)
                _check_length(response)
                sink.flush()
                _fsync(sink)
            self._count(response.num_bytes_downloaded)
            return Download(size, digest.hexdigest(), response.headers.get("content-type"))

    @contextmanager
    def _turn(self, url: str) -> Iterator[httpx.Response]:
        """The request sent in its turn: after any ``Retry-After`` another thread was given, within
        the rate, and counted against it until its answer begins (see :mod:`tandy.edgar.pace`)."""
        with self._lock:
            pause = self._resume_at - time.monotonic()
        if pause > 0:
            self._sleep(pause)
        self.limiter.acquire()
        released = False
        try:
            with self._lock:
                self.requests += 1
            with self._http.stream("GET", url) as response:
                self.limiter.release()
                released = True
                yield response
        finally:
            if not released:
                self.limiter.release()

    def _count(self, size: int) -> None:
        with self._lock:
            self.bytes += size

    # --- retries ------------------------------------------------------------------------------

    def _retried(self, url: str, attempt: Callable):
        """Run ``attempt`` until it succeeds, a non-retried answer comes, or the tries run out."""
        retrying = Retrying(
            stop=stop_after_attempt(self.settings.attempts),
            wait=self._wait,
            retry=retry_if_exception_type(Transient),
            sleep=self._sleep,
            reraise=True,
        )
        try:
            return retrying(self._classified, url, attempt)
        except Transient as exc:
            raise FetchFailed(url, f"{exc.problem} (gave up after {self.settings.attempts} tries)") from None

    def _classified(self, url: str, attempt: Callable):
        """One try, its transport failures turned into :class:`Transient` (a dropped connection).

        A ``Retry-After`` longer than the settings allow (EDGAR's ten-minute block) ends the tries
        at once: the filing is reported and the run goes on.
        """
        try:
            return attempt()
        except Transient as exc:
            if exc.retry_after is not None and exc.retry_after > self.settings.retry_after_max:
                raise FetchFailed(url, f"{exc.problem}: longer than the {self.settings.retry_after_max:g} s tandy waits") from None
            raise
        except httpx.TimeoutException as exc:
            raise Transient(f"no answer in time ({type(exc).__name__})") from None
        except httpx.TransportError as exc:
            raise Transient(f"connection failed ({type(exc).__name__}: {exc})") from None

    def _wait(self, state) -> float:
        """The server's ``Retry-After`` when it gave one (for every thread), else exponential backoff."""
        error = state.outcome.exception()
        after = getattr(error, "retry_after", None)
        if after is None:
            backoff = wait_random_exponential(multiplier=self.settings.backoff_seconds, max=self.settings.backoff_max)
            return backoff(state)
        with self._lock:
            self._resume_at = max(self._resume_at, time.monotonic() + after)
        return after


def _check(response: httpx.Response) -> None:
    """Raise for an answer that is not the document: retried when EDGAR is throttling, else final."""
    status = response.status_code
    if status == 200:
        return
    reason = f"{status} {response.reason_phrase}".strip()
    if status in RETRIED_STATUSES:
        after = retry_after(response.headers.get("retry-after"))
        raise Transient(reason + (f", Retry-After {after:g} s" if after is not None else ""), after)
    raise FetchFailed(str(response.url), reason)


def _check_length(response: httpx.Response) -> None:
    """A body cut short of its ``Content-Length`` is a dropped connection, never a document."""
    declared = response.headers.get("content-length")
    if declared and declared.isdecimal() and response.num_bytes_downloaded != int(declared):
        raise Transient(f"body ended after {response.num_bytes_downloaded} of {declared} bytes")


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdecimal():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _fsync(sink) -> None:
    os.fsync(sink.fileno())
