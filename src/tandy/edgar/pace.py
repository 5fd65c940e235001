"""The process's request rate, counted where EDGAR counts it: at the server.

A limiter that stamps each request when it is let go (pyrate-limiter's sliding window does
exactly that) keeps those stamps within the rate, but a request reaches the server a little later
than it was let go, by a delay that varies (threads wait for the interpreter, connections are
opened), so the server can see more than the rate in a second: measured here with 4 threads at
8 a second, 9 requests in the busiest second and 12 windows over the rate in 200 requests.

So a request counts against the rate from when it is let go until one second after its answer
began to arrive: a request reaches the server within that span. A new request is let go only while
fewer than ``rate`` requests are counted. Then no second at the server holds more than ``rate``
requests: if one held ``rate + 1``, the last of them let go would have found the other ``rate``
all counted (each was let go before it, and answered after that second began) and waited.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

WINDOW_SECONDS = 1.0


class Pace:
    """At most ``per_window`` requests in any ``window`` seconds at the server, across threads."""

    def __init__(self, per_window: int, window: float = WINDOW_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        if per_window < 1:
            raise ValueError("per_window must be at least 1")
        self.per_window = per_window
        self.window = window
        self._clock = clock
        self._in_flight = 0
        self._answered: deque[float] = deque()
        self._changed = threading.Condition()

    def acquire(self) -> None:
        """Wait until one more request may go, and count it as in flight."""
        with self._changed:
            while True:
                now = self._clock()
                while self._answered and self._answered[0] <= now - self.window:
                    self._answered.popleft()
                if self._in_flight + len(self._answered) < self.per_window:
                    self._in_flight += 1
                    return
                wake = self._answered[0] + self.window - now if self._answered else None
                self._changed.wait(timeout=wake)

    def release(self) -> None:
        """The request's answer began to arrive (or it failed): it counts for one more window."""
        with self._changed:
            self._in_flight -= 1
            self._answered.append(self._clock())
            self._changed.notify_all()


def pace_for(rate: float) -> Pace:
    """A pace of ``rate`` requests a second; below one a second, one request per ``1/rate`` s."""
    return Pace(int(rate), WINDOW_SECONDS) if rate >= 1 else Pace(1, 1.0 / rate)
