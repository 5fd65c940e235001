"""The recorded-EDGAR server for the edgar tests; they skip when ../shared/edgar-recorded is absent."""

from __future__ import annotations

import pytest

from tandy.edgar import client as edgar_client

from .recorded import RECORDED, EdgarServer

AGENT = "Tandy Tests tests@example.com"


@pytest.fixture
def edgar():
    if not (RECORDED / "INDEX.json").is_file():
        pytest.skip(f"{RECORDED} is absent: no recorded EDGAR responses")
    server = EdgarServer()
    yield server
    server.close()


@pytest.fixture(autouse=True)
def _fresh_limiters(monkeypatch):
    """Each test its own process limiter, so one test's requests never slow the next."""
    monkeypatch.setattr(edgar_client, "_LIMITERS", {})


@pytest.fixture(autouse=True)
def _agent(monkeypatch):
    monkeypatch.setenv("TANDY_USER_AGENT", AGENT)
    monkeypatch.delenv("TANDY_EDGAR_URL", raising=False)
