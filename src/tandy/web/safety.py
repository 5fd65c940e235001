"""What keeps ``tandy serve`` safe by default: who may ask, how much they may send, what they may open.

* **Token.** Bound to anything but loopback, every request must carry the token printed at start
  (``?token=``, an ``Authorization: token ...`` header, or the cookie the first request sets), as
  Jupyter does; without it the answer is 403.
* **Host.** Bound to loopback, the ``Host`` header must name loopback too, so a web page elsewhere
  cannot reach the server through a rebound DNS name and read what it serves.
* **Size.** A request body past the limit is refused with 413 before any of it is parsed: the
  declared length is checked first, then the bytes as they arrive (a chunked upload declares none).
* **Paths.** A file named in a request is opened only if it resolves, symlinks followed, to a
  regular file under ``--root``; anything else (``..``, an absolute path, a link out) is a 404.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import parse_qs

from tandy.web.model import LOOPBACK_NAMES, ServeSettings, is_loopback

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "tandy_token"


class NotUnderRoot(Exception):
    """A requested path that does not name a file under the served folder (answered with 404)."""


def new_token() -> str:
    return secrets.token_urlsafe(24)


def under_root(root: Path | None, name: str, *, folder: bool = False) -> Path:
    """The file (or folder) ``name`` names under ``root``, or :class:`NotUnderRoot`.

    ``name`` is relative with ``/`` separators, as the pages link it. It is refused before touching
    the disk when absolute or holding ``..``; then resolved (symlinks followed) and refused unless
    it is still inside the resolved root and is a regular file (or a folder, when asked for one).
    """
    if root is None:
        raise NotUnderRoot("no folder is served (start tandy serve with --root DIR)")
    if "\\" in name or "\x00" in name or name.startswith("~"):
        raise NotUnderRoot(name)
    parts = PurePosixPath(name).parts
    if PurePosixPath(name).is_absolute() or ".." in parts:
        raise NotUnderRoot(name)
    base = root.resolve()
    target = base.joinpath(*parts).resolve() if parts else base
    if target != base and base not in target.parents:
        raise NotUnderRoot(name)
    if not (target.is_dir() if folder else target.is_file()):
        raise NotUnderRoot(name)
    return target


def relative_name(root: Path, path: Path) -> str:
    """How pages name a file under the root: relative, with ``/``."""
    return path.resolve().relative_to(root.resolve()).as_posix()


class Guard:
    """ASGI middleware: the token, the Host header and the size limit, before the app sees anything."""

    def __init__(self, app: ASGIApp, settings: ServeSettings) -> None:
        self.app = app
        self.settings = settings
        self.loopback = is_loopback(settings.host)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if self.loopback and not _loopback_host(headers.get("host", "")):
            await _refuse(send, scope, 403, "this server answers only to localhost (the Host header names another machine)")
            return
        token = self.settings.token
        from_query = _query_token(scope)
        if token and not _token_matches(token, from_query, headers):
            await _refuse(send, scope, 403, "a token is required: open the address tandy serve printed at start (…?token=…)")
            return
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.settings.max_upload:
            await _refuse(send, scope, 413, self._too_large())
            return
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            body = await self._body(receive)
            if body is None:
                await _refuse(send, scope, 413, self._too_large())
                return
            receive = _replay(body)
        set_cookie = bool(token and from_query and secrets.compare_digest(from_query, token))
        await self.app(scope, receive, _with_cookie(send, token) if set_cookie else send)

    async def _body(self, receive: Receive) -> bytes | None:
        """The whole body, or None as soon as it passes the limit (nothing past it is kept)."""
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.settings.max_upload:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    def _too_large(self) -> str:
        return f"the upload is larger than the limit of {self.settings.max_upload:,} bytes (tandy serve --max-upload)"


def _loopback_host(host: str) -> bool:
    name = host.rsplit(":", 1)[0] if host.count(":") == 1 or host.startswith("[") else host
    if name.startswith("[") and "]" in name:
        name = name[: name.index("]") + 1]
    return name.lower() in LOOPBACK_NAMES or is_loopback(name)


def _query_token(scope: Scope) -> str | None:
    values = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token")
    return values[0] if values else None


def _token_matches(token: str, from_query: str | None, headers: dict[str, str]) -> bool:
    offered = [from_query or ""]
    scheme, _, value = headers.get("authorization", "").partition(" ")
    if scheme.lower() in ("token", "bearer"):
        offered.append(value.strip())
    cookie = SimpleCookie()
    try:
        cookie.load(headers.get("cookie", ""))
    except Exception:  # a malformed cookie header is no token
        pass
    if COOKIE in cookie:
        offered.append(cookie[COOKIE].value)
    return any(secrets.compare_digest(o.encode(), token.encode()) for o in offered if o)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def _with_cookie(send: Send, token: str) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            value = f"{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
            message["headers"] = [*message.get("headers", []), (b"set-cookie", value.encode("latin-1"))]
        await send(message)

    return wrapped


async def _refuse(send: Send, scope: Scope, status: int, problem: str) -> None:
    """A short answer that says what was wrong: JSON under /api/, a small page elsewhere."""
    if scope.get("path", "").startswith("/api/"):
        body, kind = json.dumps({"error": problem}).encode(), b"application/json"
    else:
        from html import escape

        body = (
            f"<!doctype html><html lang=en><meta charset=utf-8><title>tandy: {status}</title>"
            f"<body style='font-family:system-ui;margin:3rem'><h1>{status}</h1><p>{escape(problem)}</p></body></html>"
        ).encode()
        kind = b"text/html; charset=utf-8"
    await send({"type": "http.response.start", "status": status, "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
