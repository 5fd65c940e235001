"""The FastAPI application: pages, the JSON API under ``/api/``, static files, and errors as pages.

:func:`create_app` builds one application for one :class:`~tandy.web.model.ServeSettings`. The
:class:`~tandy.web.safety.Guard` wraps everything, so the token, Host and size checks come before
any route, static file or the OpenAPI page. Every error is answered in the form the client reads
(a page, or ``{"error": ...}`` under ``/api/``) with what was wrong, never with a traceback.
"""

from __future__ import annotations

from pathlib import Path

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from tandy import __version__
from tandy.errors import InputError
from tandy.web.corpus import CorpusReader
from tandy.web.inputs import MissingInput
from tandy.web.model import ServeSettings
from tandy.web.results import Results
from tandy.web.safety import Guard, NotUnderRoot
from tandy.web.work import Workers

HERE = Path(__file__).parent


def create_app(settings: ServeSettings) -> FastAPI:
    """The application for these settings (nothing is read or opened until a request asks)."""
    from tandy.web import api, pages

    app = FastAPI(
        title="tandy",
        version=__version__,
        description="The SEC filing-review loop: review, letters, verify, corpus search. Same JSON shapes as the CLI.",
        lifespan=_lifespan,
        docs_url=None,  # Swagger UI loads from a CDN; /docs is a page of our own (pages.api_docs)
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.results = Results(settings.results_kept)
    app.state.corpus = CorpusReader(settings.db) if settings.db else None
    app.state.workers = Workers(settings.workers)
    app.state.templates = templates(settings)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _errors(app)
    app.add_middleware(Guard, settings=settings)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI):
    app.state.workers.warm()
    yield
    app.state.workers.close()
    if app.state.corpus is not None:
        app.state.corpus.close()


def templates(settings: ServeSettings) -> Jinja2Templates:
    found = Jinja2Templates(directory=HERE / "templates")
    found.env.globals.update(version=__version__, has_corpus=settings.db is not None, has_root=settings.root is not None)
    found.env.filters["id_of"] = id  # verify's diffs are keyed by the change they belong to
    return found


def _errors(app: FastAPI) -> None:
    statuses = {NotUnderRoot: 404, MissingInput: 400, InputError: 422}

    async def known(request: Request, exc: Exception) -> HTMLResponse | JSONResponse:
        status = statuses[type(exc)]
        problem = "no such file under the served folder" if isinstance(exc, NotUnderRoot) else str(exc)
        return error_response(request, status, problem)

    async def http(request: Request, exc: HTTPException) -> HTMLResponse | JSONResponse:
        return error_response(request, exc.status_code, str(exc.detail))

    async def invalid(request: Request, exc: RequestValidationError) -> HTMLResponse | JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or 'request'}: {e['msg']}" for e in exc.errors())
        return error_response(request, 400, problems or "the request could not be read")

    async def internal(request: Request, exc: Exception) -> HTMLResponse | JSONResponse:
        return error_response(request, 500, f"internal error in tandy ({type(exc).__name__}: {exc})")

    for kind in statuses:
        app.add_exception_handler(kind, known)
    app.add_exception_handler(HTTPException, http)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(Exception, internal)


def error_response(request: Request, status: int, problem: str) -> HTMLResponse | JSONResponse:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": problem}, status_code=status)
    page = request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "problem": problem}, status_code=status
    )
    return page
