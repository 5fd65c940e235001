"""What the web tests share: the app in process, a live loopback server, Debian's chromium, a small index.

The browser tests run against a real uvicorn server on 127.0.0.1 (a free port) driven by
Playwright through ``/usr/bin/chromium`` (Debian's package; Playwright's own browser download does
not work here). Without chromium they skip, except where ``TANDY_REQUIRE_BROWSER`` is set (CI sets
it, so a missing browser fails there instead of silently skipping).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import CORPUS, SEED

fastapi = pytest.importorskip("fastapi", reason="the [web] extra is not installed")
from fastapi.testclient import TestClient  # noqa: E402

from tandy.web import ServeSettings, create_app  # noqa: E402

CHROMIUM = Path(os.environ.get("TANDY_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
#: A staff letter (round 2 of Aflac's 2016 review) and the response that answers it.
AFL = CORPUS / "threads" / "AFL" / "AFL_0000000000-16-074172" / "filings"
AFL_STAFF = AFL / "0000000000-16-080147" / "filename1.pdf"
AFL_RESPONSE = AFL / "0000004977-16-000336" / "filename1.htm"
#: Threads indexed beside the seed for the search tests: small, one closed and one with two rounds.
THREADS = ("AFL/AFL_0000000000-16-074172", "AJG/AJG_0000000000-16-075772")


def needs_seed() -> None:
    if not SEED.is_dir():
        pytest.skip("../shared/seed is absent")


def client(settings: ServeSettings, **kwargs) -> TestClient:
    """The app in process (no socket), addressed as loopback so the Host check lets it through."""
    return TestClient(create_app(settings), base_url="http://127.0.0.1", raise_server_exceptions=False, **kwargs)


@pytest.fixture(scope="session")
def small_index(tmp_path_factory) -> Path:
    """An index of the seed and a few corpus threads: enough to search for "Tandy", quick to build."""
    needs_seed()
    threads = [CORPUS / "threads" / t for t in THREADS]
    if not all(t.is_dir() for t in threads):
        pytest.skip("../shared/corpus/threads is absent")
    from tandy.corpus import Corpus

    db = tmp_path_factory.mktemp("web-index") / "tandy.db"
    with Corpus(db) as corpus:
        report = corpus.index([str(SEED), *map(str, threads)], embed=False)
    assert not report.failed, report.failed
    return db


class LiveServer:
    """uvicorn serving an app on 127.0.0.1 in a thread, for the browser."""

    def __init__(self, settings: ServeSettings) -> None:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        settings.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{settings.port}"
        self.server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture(scope="session")
def live(small_index) -> Iterator[LiveServer]:
    """One server for the browser tests: the seed folder as root, the small index as corpus."""
    with LiveServer(ServeSettings(root=SEED, db=small_index)) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("TANDY_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is absent but TANDY_REQUIRE_BROWSER is set: install Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium package (apt-get install chromium) to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where the browser tests save a screenshot of each page (``TANDY_SCREENSHOTS`` to keep them)."""
    wanted = os.environ.get("TANDY_SCREENSHOTS")
    if wanted:
        folder = Path(wanted)
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")
