"""The JSON API under ``/api/``: the CLI's ``--json`` shapes, from the same contract modules.

``POST /api/review``, ``/api/letter`` and ``/api/proxy`` take a document as the multipart field
``file`` (or ``path``, a file under ``--root``) and answer as ``review --format json``,
``letter --json`` and ``proxy --json`` do; ``POST /api/verify`` as ``verify --json``;
``GET /api/search`` with the CLI's filters answers with the list of hits ``search --json`` prints
(one object a line there, a JSON array here); ``GET /api/threads`` likewise for ``threads --json``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile

from tandy.web import reading
from tandy.web.work import Workers
from tandy.web.inputs import chosen, chosen_all, optional

router = APIRouter(prefix="/api", tags=["api"])

FileField = Annotated[UploadFile | None, File(description="The document, uploaded.")]
PathField = Annotated[str | None, Form(description="Or a file under the served folder (--root), relative to it.")]


@router.post("/review", summary="tandy review --format json")
def api_review(
    request: Request,
    file: FileField = None,
    path: PathField = None,
    select: Annotated[str | None, Form()] = None,
    ignore: Annotated[str | None, Form()] = None,
    form: Annotated[str | None, Form()] = None,
    filed: Annotated[str | None, Form()] = None,
    fund: Annotated[bool | None, Form()] = None,
) -> dict:
    from tandy.reports.contract import review_json

    options = reading.ReviewOptions(select, ignore, form, filed, fund)
    with chosen(request.app.state.settings, "file", file, path) as doc:
        return review_json(work(request).run(reading.review_document, doc, options))


@router.post("/letter", summary="tandy letter --json")
def api_letter(request: Request, file: FileField = None, path: PathField = None) -> dict:
    from tandy.letters.contract import letter_json

    with chosen(request.app.state.settings, "file", file, path) as doc:
        return letter_json(work(request).run(reading.letter_document, doc))


@router.post("/proxy", summary="tandy proxy --json")
def api_proxy(request: Request, file: FileField = None, path: PathField = None) -> dict:
    from tandy.proxy.contract import proxy_json

    with chosen(request.app.state.settings, "file", file, path) as doc:
        return proxy_json(work(request).run(reading.proxy_document, doc))


@router.post("/verify", summary="tandy verify --json")
def api_verify(
    request: Request,
    response: FileField = None,
    response_path: PathField = None,
    before: FileField = None,
    before_path: PathField = None,
    after: FileField = None,
    after_path: PathField = None,
    staff: FileField = None,
    staff_path: PathField = None,
) -> dict:
    """With ``before`` and ``after``: the claimed changes; with ``staff``: the answered comments."""
    from tandy.reports.contract import staff_check_json, verification_json

    settings = request.app.state.settings
    if optional(staff, staff_path):
        with chosen_all(settings, {"response": (response, response_path), "staff": (staff, staff_path)}) as docs:
            letters = {k: work(request).run(reading.letter_document, v) for k, v in docs.items()}
            return staff_check_json(reading.staff_check(letters["response"], letters["staff"]))
    fields = {"response": (response, response_path), "before": (before, before_path), "after": (after, after_path)}
    with chosen_all(settings, fields) as docs:
        return verification_json(work(request).run(reading.verification, docs["response"], docs["before"], docs["after"]))


@router.get("/search", summary="tandy search --json")
def api_search(
    request: Request,
    q: str = "",
    citation: str | None = None,
    form: str | None = None,
    kind: str | None = None,
    company: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 10,
) -> list[dict]:
    from tandy.cli.corpus import hit_json
    from tandy.corpus import SearchError

    corpus = _corpus(request)
    try:
        hits = corpus.search(q, limit, citation=citation, form=form, kind=kind, company=company, since=since, until=until)
    except SearchError as exc:
        raise HTTPException(400, str(exc)) from None
    return [hit_json(hit) for hit in hits]


@router.get("/threads", summary="tandy threads --json")
def api_threads(request: Request, company: str | None = None, open: bool = False) -> list[dict]:
    from tandy.cli.review_threads import _wanted
    from tandy.corpus.threads import thread_json

    threads = _corpus(request).snapshot().threads
    return [thread_json(t) for t in threads if _wanted(t, open, company)]


@router.get("/rules", summary="tandy rules")
def api_rules() -> list[dict]:
    from tandy.rules import all_rules
    from tandy.rules.catalogue import FAMILIES

    return [
        {"id": r.id, "name": r.name, "severity": r.severity, "family": FAMILIES.get(r.id[:4]), "citation": r.citation, "target": r.target}
        for r in all_rules()
    ]


def _corpus(request: Request):
    corpus = request.app.state.corpus
    if corpus is None:
        raise HTTPException(404, "no corpus is served (start tandy serve with --db tandy.db)")
    return corpus


def work(request: Request) -> Workers:
    """Where documents are read: this thread, or the worker processes (``--workers``)."""
    return request.app.state.workers
