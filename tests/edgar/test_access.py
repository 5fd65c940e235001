"""Fair access: the declared User-Agent, the rate's bounds, the pace, and ``tandy.fetch``."""

from __future__ import annotations

import threading

import pytest

import tandy
from tandy.edgar.access import user_agent
from tandy.edgar.pace import Pace
from tandy.errors import InputError
from tandy.rules.config import load_config

from .conftest import AGENT
from .test_fetch import RECORDED_APPLE


def test_user_agent_comes_from_the_option_the_environment_or_pyproject(tmp_path, monkeypatch):
    assert user_agent("  Jane   Doe jane@firm.com ") == "Jane Doe jane@firm.com"
    assert user_agent(None) == AGENT  # TANDY_USER_AGENT, set for the edgar tests
    monkeypatch.delenv("TANDY_USER_AGENT")
    with pytest.raises(InputError, match="TANDY_USER_AGENT"):
        user_agent(None, start=tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.tandy]\nuser_agent = "Law Firm LLP it@firm.com"\nselect = ["TDY1"]\n')
    assert user_agent(None, start=tmp_path) == "Law Firm LLP it@firm.com"
    monkeypatch.chdir(tmp_path)
    assert load_config().select == ["TDY1"]  # the rules' reading of [tool.tandy] accepts the key
    for bad in ("jane@firm.com", "Jane Doe", "python-httpx/0.27"):
        with pytest.raises(InputError, match="name and an email"):
            user_agent(bad)


def test_pace_counts_a_request_until_a_second_after_its_answer():
    now = [0.0]
    pace = Pace(2, clock=lambda: now[0])
    pace.acquire()
    pace.acquire()
    third = threading.Thread(target=pace.acquire)
    third.start()
    third.join(timeout=0.2)
    assert third.is_alive()  # two in flight: the third waits however long they take
    now[0] = 5.0
    pace.release()  # answered at 5.0: still counted until 6.0
    third.join(timeout=0.2)
    assert third.is_alive()
    now[0] = 6.0
    pace.release()
    third.join(timeout=2)
    assert not third.is_alive()


def test_tandy_fetch_is_the_command_in_python(edgar, tmp_path):
    report = tandy.fetch(ticker="aapl", form="UPLOAD", since="2024-01-01", out=tmp_path, edgar_url=edgar.url, user_agent=AGENT)
    assert {o.wanted.accession for o in report.of("fetched")} == {a for a in RECORDED_APPLE if a.startswith("0000000000")}
    assert [o.wanted.accession for o in report.of("failed")] == ["0000000000-24-002512"]
    listed = tandy.fetch(index="2020-03-18", form=["CORRESP"], list_only=True, edgar_url=edgar.url, user_agent=AGENT)
    assert len(listed.outcomes) == 12 and not listed.failed
