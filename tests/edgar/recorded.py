"""A stand-in for EDGAR on 127.0.0.1: ``../shared/edgar-recorded`` served by URL path, faults on demand.

Both EDGAR hosts live under one base (``--edgar-url``): ``/submissions/...`` is data.sec.gov's,
everything else www.sec.gov's. A path that is not recorded answers 404 with the XML body EDGAR
really sends. Like EDGAR, a request without a User-Agent is refused (403).

Faults are queued per path (``fail(path, kind, times)``), each taken by one request:
``503`` (with ``Retry-After``), ``429``, ``drop`` (the connection reset halfway through the
body), ``short`` (the body cut short of its ``Content-Length``, then closed), ``slow`` (no
answer for ``delay`` seconds), ``page`` (a 200 whose body is an HTML error page).
The server counts requests by path and keeps their arrival times, so tests can say what was asked.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections import Counter, defaultdict, deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

RECORDED = Path(__file__).resolve().parents[2].parent / "shared" / "edgar-recorded"
HOSTS = ("https://www.sec.gov", "https://data.sec.gov")
ERROR_PAGE = b"<html><head><title>SEC.gov | Request Rate Threshold Exceeded</title></head><body>Your request has been identified as part of a network of automated tools.</body></html>"


class Recorded:
    """The recordings: URL path (with its query) -> (status, content type, file)."""

    def __init__(self, root: Path = RECORDED) -> None:
        self.root = root
        self.answers: dict[str, tuple[int, str, Path]] = {}
        for row in json.loads((root / "INDEX.json").read_text(encoding="utf-8")):
            if not row["uri"]:
                continue
            parts = urlsplit(row["uri"])
            key = parts.path + (f"?{parts.query}" if parts.query else "")
            self.answers[key] = (row["status"], row["content_type"], root / row["file"])
        self.not_found = (root / "data.sec.gov/submissions/CIK-000000001.json").read_bytes()


class EdgarServer:
    """A threading HTTP server on 127.0.0.1 answering from :class:`Recorded`, started on creation."""

    def __init__(self, recorded: Recorded | None = None, delay: float = 3.0) -> None:
        self.recorded = recorded or Recorded()
        self.delay = delay
        self.faults: dict[str, deque] = defaultdict(deque)
        self.counts: Counter[str] = Counter()
        self.arrivals: list[float] = []
        self.agents: list[str | None] = []
        self.extra: dict[str, tuple[int, str, bytes]] = {}
        self.trickled: dict[str, float] = {}
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                server._answer(self)

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address) -> None:
                pass  # a client gone mid-answer (killed, or timed out on a slow answer)

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def fail(self, path: str, kind: str, times: int = 1, retry_after: str | None = "1") -> None:
        with self._lock:
            self.faults[path].extend([(kind, retry_after)] * times)

    def serve(self, path: str, body: bytes, status: int = 200, content_type: str = "text/plain", trickle: float = 0.0) -> None:
        """Answer ``path`` with this body (a recording the tests need but EDGAR's set lacks),
        sent in eight pieces over ``trickle`` seconds (so a client can be killed halfway)."""
        self.extra[path] = (status, content_type, body)
        if trickle:
            self.trickled[path] = trickle

    def requested(self, fragment: str = "") -> int:
        with self._lock:
            return sum(n for path, n in self.counts.items() if fragment in path)

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        with self._lock:
            self.counts[path] += 1
            self.arrivals.append(time.monotonic())
            self.agents.append(handler.headers.get("User-Agent"))
            fault = self.faults[path].popleft() if self.faults.get(path) else None
        if not handler.headers.get("User-Agent"):
            return _send(handler, 403, "text/plain", b"Undeclared automated tool")
        status, content_type, body = self._recorded(path)
        if fault is None and path in self.trickled:
            return _trickle(handler, status, content_type, body, self.trickled[path])
        if fault is None:
            return _send(handler, status, content_type, body)
        kind, retry_after = fault
        if kind in ("503", "429"):
            headers = {"Retry-After": retry_after} if retry_after else {}
            return _send(handler, int(kind), "text/html", ERROR_PAGE, headers)
        if kind == "page":
            return _send(handler, 200, "text/html", ERROR_PAGE)
        if kind == "slow":
            time.sleep(self.delay)
            return _send(handler, status, content_type, body)
        _send_head(handler, status, content_type, len(body))
        handler.wfile.write(body[: len(body) // 2])
        handler.wfile.flush()
        if kind == "drop":  # a reset, as when a proxy or load balancer gives up mid-answer
            handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.close_connection = True

    def _recorded(self, path: str) -> tuple[int, str, bytes]:
        if path in self.extra:
            return self.extra[path]
        found = self.recorded.answers.get(path)
        if found is None:
            return 404, "application/xml", self.recorded.not_found
        status, content_type, file = found
        return status, content_type, file.read_bytes()


def _send(handler, status: int, content_type: str, body: bytes, headers: dict | None = None) -> None:
    _send_head(handler, status, content_type, len(body), headers)
    handler.wfile.write(body)


def _trickle(handler, status: int, content_type: str, body: bytes, seconds: float, pieces: int = 8) -> None:
    _send_head(handler, status, content_type, len(body))
    step = -(-len(body) // pieces)
    for start in range(0, len(body), step):
        handler.wfile.write(body[start : start + step])
        handler.wfile.flush()
        time.sleep(seconds / pieces)


def _send_head(handler, status: int, content_type: str, length: int, headers: dict | None = None) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(length))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()


def serve_company(server: EdgarServer, cik: str, filings: int, trickle: float = 0.0) -> dict[str, str]:
    """A made-up company with ``filings`` CORRESP filings, each served one of the real recorded
    submissions (for runs longer than the recordings allow); its filings' paths by accession."""
    bodies = sorted((server.recorded.root / "www.sec.gov/Archives/edgar/data").rglob("*.txt"))
    columns: dict[str, list] = {"accessionNumber": [], "filingDate": [], "form": [], "fileNumber": [], "size": []}
    paths = {}
    for n in range(filings):
        accession = f"{int(cik):010d}-24-{n:06d}"
        source = bodies[n % len(bodies)]
        body = source.read_bytes().replace(source.stem.encode(), accession.encode())  # its header names it
        path = f"/Archives/edgar/data/{int(cik)}/{accession.replace('-', '')}/{accession}.txt"
        server.serve(path, body, trickle=trickle)
        paths[accession] = path
        for key, value in zip(columns, (accession, f"2024-01-{n % 28 + 1:02d}", "CORRESP", "", len(body))):
            columns[key].append(value)
    data = {"cik": f"{int(cik):010d}", "name": f"Made-up Company {cik}", "filings": {"recent": columns, "files": []}}
    server.serve(f"/submissions/CIK{int(cik):010d}.json", json.dumps(data).encode(), content_type="application/json")
    return paths


def main() -> None:
    """Run the server in a process of its own (the benchmark: its clock then shares no GIL with
    the client's threads). ``--company CIK N`` serves a made-up company too. Prints its URL, then,
    for each line read on standard input, one JSON line of the arrival times (monotonic) so far."""
    import sys

    server = EdgarServer()
    if len(sys.argv) == 4 and sys.argv[1] == "--company":
        serve_company(server, sys.argv[2], int(sys.argv[3]))
    print(server.url, flush=True)
    for _ in sys.stdin:
        with server._lock:
            print(json.dumps(server.arrivals), flush=True)


if __name__ == "__main__":
    main()
