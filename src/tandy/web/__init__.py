"""Stage 6: ``tandy serve`` — the review loop in a browser, for the people who do not use terminals.

FastAPI with Jinja2 templates on uvicorn; the pages are server-rendered, everything they load is
served from this package (no CDN, no build step), so it works offline. Each page is a thin view
over the library (:mod:`tandy.web.reading`); the JSON API under ``/api/`` answers with the CLI's
``--json`` shapes. Safe by default (:mod:`tandy.web.safety`): loopback only unless a token guards
it, uploads bounded and parsed in a temporary folder, files only under ``--root``.

Needs the ``[web]`` extra (``pip install 'tandy[web]'``).
"""

from tandy.web.model import ServeSettings, is_loopback


def create_app(settings: ServeSettings):
    """The ASGI application for ``settings`` (see :func:`tandy.web.app.create_app`)."""
    from tandy.web.app import create_app as build

    return build(settings)


__all__ = ["ServeSettings", "create_app", "is_loopback"]
