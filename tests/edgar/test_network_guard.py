"""The suite's guard: a socket may connect to loopback, never elsewhere (tests/conftest.py)."""

from __future__ import annotations

import socket

import pytest

import conftest


def test_a_connection_off_loopback_is_refused_and_recorded():
    before = len(conftest._OFF_LOOPBACK)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s, pytest.raises(ConnectionRefusedError, match="network"):
        s.connect(("192.0.2.1", 80))  # TEST-NET-1: never routed, and never tried
    assert conftest._OFF_LOOPBACK[before:] == ["192.0.2.1:80"]
    del conftest._OFF_LOOPBACK[before:]  # this test meant it; the guard's fixture would fail it otherwise


def test_loopback_connections_pass(edgar):
    with socket.create_connection(("127.0.0.1", int(edgar.url.rsplit(":", 1)[1])), timeout=5):
        pass
