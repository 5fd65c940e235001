"""Where the real documents are: ``../shared`` beside the project (never copied into it)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
SEED = SHARED / "seed"
SEED_LETTER = SEED / "000_33feab94224503d0.txt"
PRE14A = SEED / "reconstructed_pre14a_excerpt.txt"
DEF14A = SEED / "reconstructed_def14a_excerpt.txt"

needs_shared = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent: real EDGAR documents not available")


def manifest() -> list[dict]:
    """Rows of ``corpus/MANIFEST.tsv`` (empty when ../shared is absent)."""
    path = CORPUS / "MANIFEST.tsv"
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def corpus(*parts: str) -> Path:
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path


def thread_documents() -> int:
    """How many documents ``threads/THREADS.tsv`` says the thread folders hold (they grow between sessions)."""
    with (CORPUS / "threads" / "THREADS.tsv").open(newline="", encoding="utf-8") as f:
        return sum(int(row["n_documents"]) for row in csv.DictReader(f, delimiter="\t"))


# --- No test touches the network: a socket may connect to loopback only. ---------------------------

import ipaddress  # noqa: E402
import socket  # noqa: E402

_OFF_LOOPBACK: list[str] = []
_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex


def _loopback_only(address) -> None:
    """Refuse (and remember, so the test fails even if the error is caught) an address off loopback."""
    if not isinstance(address, tuple) or not address:
        return  # a Unix socket path
    host = str(address[0]).split("%")[0]
    try:
        allowed = ipaddress.ip_address(host).is_loopback
    except ValueError:
        allowed = host == "localhost"
    if not allowed:
        _OFF_LOOPBACK.append(f"{host}:{address[1] if len(address) > 1 else ''}")
        raise ConnectionRefusedError(f"tests never touch the network: a connection to {host} was refused")


def _guarded_connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _loopback_only(address)
    return _connect(self, address)


def _guarded_connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _loopback_only(address)
    return _connect_ex(self, address)


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex


@pytest.fixture(autouse=True)
def _no_network():
    """Fail any test that tried to open a socket to an address off loopback."""
    start = len(_OFF_LOOPBACK)
    yield
    tried = _OFF_LOOPBACK[start:]
    if tried:
        pytest.fail(f"the test tried to reach the network: {', '.join(tried)}")
