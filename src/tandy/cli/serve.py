"""``tandy serve``: the review loop in a browser (the ``[web]`` extra: FastAPI, Jinja2, uvicorn).

The options are checked before anything listens: a missing ``--db`` or ``--root`` is one line and
exit 2, as is a port already taken. Bound to anything but loopback, a token is generated (unless
given) and printed in the address to open, as Jupyter does.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Annotated

import typer

from tandy.cli import app, err, out


@app.command("serve")
def serve_command(
    db: Annotated[Path | None, typer.Option("--db", help="A corpus database (tandy index): search, threads, statistics.")] = None,
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on (0: any free port).")] = 8765,
    host: Annotated[str, typer.Option("--host", help="Address to bind; anything but loopback requires the token.")] = "127.0.0.1",
    root: Annotated[Path | None, typer.Option("--root", help="A folder whose documents the pages may open (nothing outside it).")] = None,
    max_upload: Annotated[int, typer.Option("--max-upload", min=1, help="Largest upload accepted, in bytes (413 past it).")] = 50 * 1024 * 1024,
    workers: Annotated[int, typer.Option("--workers", min=0, help="Processes that read documents, so a long review does not slow searches (0: none).")] = 1,
    token: Annotated[str | None, typer.Option("--token", envvar="TANDY_TOKEN", help="Token every request must carry (default: generated when not on loopback).")] = None,
) -> None:
    """Serve review, letters, verify and corpus search as web pages and a JSON API (/docs).

    Example: tandy serve --root ../shared/seed --db tandy.db
    """
    try:
        import uvicorn

        from tandy.web import ServeSettings, create_app, is_loopback
        from tandy.web.safety import new_token
    except ImportError as exc:
        _fail(f"tandy serve needs the [web] extra: pip install 'tandy[web]' ({exc.name} is missing)")
    if db is not None and not db.is_file():
        _fail(f"{db}: no corpus database; build one with `tandy index PATH... --db {db}`")
    if root is not None and not root.is_dir():
        _fail(f"{root}: not a folder")
    if not is_loopback(host) and not token:
        token = new_token()
    settings = ServeSettings(host=host, port=port, root=root.resolve() if root else None, db=db, token=token, max_upload=max_upload, workers=workers)
    sock = _bound(host, port)
    port = sock.getsockname()[1]
    where = f"[{host}]" if ":" in host else host
    address = f"http://{where}:{port}/" + (f"?token={token}" if token else "")
    err.print(f"tandy serve: open {address}", markup=False, highlight=False)
    details = [f"root {settings.root}" if root else "uploads only (no --root)", f"corpus {db}" if db else "no corpus (no --db)"]
    err.print(f"  {'; '.join(details)}; API at /api/, its documentation at /docs; Ctrl-C stops", markup=False, highlight=False)
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning", access_log=False))
    server.run(sockets=[sock])
    out.print("tandy serve: stopped", markup=False)


def _bound(host: str, port: int) -> socket.socket:
    """A listening socket, so that a taken port is one line and exit 2 rather than a log and a traceback."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except (OSError, OverflowError) as exc:
        sock.close()
        _fail(f"cannot listen on {host}:{port}: {exc.strerror if isinstance(exc, OSError) and exc.strerror else exc}")
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _fail(message: str) -> None:
    err.print(f"error: {message}", markup=False, highlight=False)
    raise typer.Exit(2)
