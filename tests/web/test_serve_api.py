"""The JSON API answers with what the CLI prints with --json, field for field."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import httpx
import pytest
from typer.testing import CliRunner

from conftest import DEF14A, PRE14A, SEED, SEED_LETTER
from web_fixtures import client, needs_seed, small_index  # noqa: F401  (a session fixture)

from tandy.cli import app as cli
from tandy.web import ServeSettings


def cli_json(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code in (0, 1), result.output
    text = result.stdout.strip()
    return [json.loads(line) for line in text.splitlines()] if args[0] in ("search", "threads") else json.loads(text)


def renamed(data: dict, path: str) -> dict:
    data["source"]["path"] = path
    return data


@pytest.fixture
def http():
    needs_seed()
    return client(ServeSettings(root=SEED))


@pytest.mark.parametrize(("endpoint", "command", "document"), [
    ("review", ["review", "--format", "json"], PRE14A),
    ("review", ["review", "--format", "json"], SEED_LETTER),
    ("letter", ["letter", "--json"], SEED_LETTER),
    ("proxy", ["proxy", "--json"], DEF14A),
])
def test_upload_answers_as_the_cli_prints(http, endpoint, command, document):
    uploaded = http.post(f"/api/{endpoint}", files={"file": (document.name, document.read_bytes())})
    assert uploaded.status_code == 200
    expected = renamed(cli_json(*command, str(document)), document.name)
    assert uploaded.json() == expected
    picked = http.post(f"/api/{endpoint}", data={"path": document.name}, files={"unused": ("", b"")})
    assert picked.json() == expected


def test_verify_answers_as_the_cli_prints(http):
    files = {name: (p.name, p.read_bytes()) for name, p in (("response", SEED_LETTER), ("before", PRE14A), ("after", DEF14A))}
    answer = http.post("/api/verify", files=files).json()
    expected = cli_json("verify", "--response", str(SEED_LETTER), "--before", str(PRE14A), "--after", str(DEF14A), "--json")
    for key, p in (("source", SEED_LETTER), ("before", PRE14A), ("after", DEF14A)):
        expected[key]["path"] = p.name
    assert answer == expected
    assert [i["status"] for i in answer["items"]] == ["confirmed", "no_change_claimed", "confirmed", "no_change_claimed"]


def test_review_options_select_rules(http):
    answer = http.post("/api/review", data={"select": "TDY101"}, files={"file": (PRE14A.name, PRE14A.read_bytes())}).json()
    assert {f["rule"] for f in answer["findings"]} == {"TDY101"}


def test_search_and_threads_answer_as_the_cli_prints(small_index):
    http = client(ServeSettings(db=small_index))
    for params, args in (
        ({"q": "Tandy"}, ["Tandy"]),
        ({"q": "", "company": "Aflac", "limit": 3}, ["", "--company", "Aflac", "--limit", "3"]),
        ({"q": "", "citation": "407(c)(2)(vii)", "kind": "response"}, ["", "--citation", "407(c)(2)(vii)", "--kind", "response"]),
    ):
        answer = http.get("/api/search", params=params)
        assert answer.status_code == 200
        assert answer.json() == cli_json("search", *args, "--db", str(small_index), "--json")
    assert http.get("/api/search", params={"q": "Tandy"}).json()[0]["letter"]["registrant"] == "Met Investors Series Trust"
    assert http.get("/api/threads").json() == cli_json("threads", "--db", str(small_index), "--json")
    assert http.get("/api/search", params={"q": "Tandy", "since": "not-a-date"}).status_code == 400


def test_pages_offline_nothing_from_elsewhere(http):
    for url in ("/", "/review?path=" + PRE14A.name, "/letter?path=" + SEED_LETTER.name, "/rules", "/docs"):
        text = http.get(url).text
        assert "http://" not in text.replace("http://127.0.0.1", "") and "https://" not in text, url


def test_tandy_serve_starts_answers_and_refuses_bad_options(tmp_path):
    """The command itself: bad options are one line and exit 2; started, it serves on loopback."""
    needs_seed()
    missing = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no corpus database" in missing.output
    assert CliRunner().invoke(cli, ["serve", "--root", str(tmp_path / "nope")]).exit_code == 2
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tandy", "serve", "--port", "0", "--root", str(SEED)],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
    )
    try:
        line = proc.stderr.readline()
        assert line.startswith("tandy serve: open http://127.0.0.1:"), line
        url = line.split("open ", 1)[1].strip()
        deadline = time.monotonic() + 20
        while True:
            try:
                answer = httpx.get(url + "review", params={"path": PRE14A.name}, timeout=30)
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline
                time.sleep(0.1)
        assert answer.status_code == 200 and "TDY101" in answer.text
        port = url.rsplit(":", 1)[1].strip("/")
        taken = CliRunner().invoke(cli, ["serve", "--port", port])
        assert taken.exit_code == 2 and "cannot listen" in taken.output
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_worker_processes_answer_the_same_and_report_input_errors():
    needs_seed()
    app_client = client(ServeSettings(root=SEED, workers=1))
    with app_client as http:  # the lifespan closes the worker pool at the end
        answer = http.post("/api/review", data={"path": PRE14A.name}, files={"unused": ("", b"")})
        assert answer.json() == renamed(cli_json("review", "--format", "json", str(PRE14A)), PRE14A.name)
        refused = http.post("/api/letter", files={"file": ("empty.txt", b"")})
        assert refused.status_code == 422 and refused.json()["error"].startswith("empty.txt")
