"""The pages: each parses its request, calls the library through :mod:`tandy.web.reading`, and renders.

A document is opened by upload (POST) or picked under ``--root`` (GET with ``path=``, a link that
can be shared and reloaded). Downloads of a result go through the in-memory
:class:`~tandy.web.results.Results`, since an upload is deleted once its page is drawn.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from tandy.web import reading, views
from tandy.web.inputs import chosen, chosen_all, optional
from tandy.web.results import DOCX, REVIEW_FORMATS, download_name, draft_docx, review_download
from tandy.web.safety import relative_name, under_root
from tandy.web.work import Workers

router = APIRouter(include_in_schema=False)

Upload = Annotated[UploadFile | None, File()]
Text = Annotated[str | None, Form()]


def page(request: Request, template: str, **context) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    return page(request, "home.html", title="tandy")


@router.get("/files", response_class=HTMLResponse)
def files(request: Request, dir: str = "") -> HTMLResponse:
    """The served folder's documents, each with links to review it or read it as a letter."""
    root = request.app.state.settings.root
    folder = under_root(root, dir, folder=True)
    entries = []
    for child in sorted(folder.iterdir(), key=lambda p: (not p.is_dir(), p.name.lower())):
        if child.name.startswith("."):
            continue
        try:
            name = relative_name(root, child)
            under_root(root, name, folder=child.is_dir())
        except Exception:  # a link out of the root, or gone meanwhile: not listed
            continue
        entries.append({"name": child.name, "path": name, "folder": child.is_dir(), "size": child.stat().st_size})
    parent = dir.rsplit("/", 1)[0] if "/" in dir else ("" if dir else None)
    return page(request, "files.html", title=f"files: /{dir}", folder=dir, parent=parent, entries=entries)


# --- review ---------------------------------------------------------------------------------------


@router.get("/review", response_class=HTMLResponse)
def review_path(
    request: Request, path: str | None = None, select: str | None = None, ignore: str | None = None,
    form: str | None = None, filed: str | None = None,
) -> HTMLResponse:
    if not path:
        return page(request, "home.html", title="tandy: review")
    return _review(request, None, path, reading.ReviewOptions(select, ignore, form, filed))


@router.post("/review", response_class=HTMLResponse)
def review_upload(
    request: Request, file: Upload = None, path: Text = None, select: Text = None, ignore: Text = None,
    form: Text = None, filed: Text = None,
) -> HTMLResponse:
    return _review(request, file, path, reading.ReviewOptions(select, ignore, form, filed))


def _review(request: Request, upload: UploadFile | None, path: str | None, options: reading.ReviewOptions) -> HTMLResponse:
    from tandy.reports.terminal import summary

    with chosen(request.app.state.settings, "the review", upload, path) as doc:
        result = work(request).run(reading.review_document, doc, options)
    key = request.app.state.results.keep(result)
    pages, findings = views.review_pages(result)
    docs = {v.finding.rule: views.rule_documentation(v.finding.rule) for v in findings}
    return page(
        request, "review.html", title=f"review: {result.subject.path}", review=result, pages=pages, findings=findings,
        summary=summary(result), key=key, layout=views.keeps_layout(result), formats=REVIEW_FORMATS, docs=docs,
        families=sorted({v.family for v in findings}), severities=[s for s in ("error", "warning", "info") if any(v.finding.severity == s for v in findings)],
    )


@router.get("/review/{key}/download/{fmt}")
def review_file(request: Request, key: str, fmt: str) -> Response:
    result = _kept(request, key)
    if fmt not in REVIEW_FORMATS or not hasattr(result, "findings"):
        raise HTTPException(404, f"no download {fmt!r}; choose one of {', '.join(REVIEW_FORMATS)}")
    suffix, media = REVIEW_FORMATS[fmt]
    return _attachment(review_download(result, fmt).encode("utf-8"), media, download_name(result.subject.path, suffix))


# --- letters --------------------------------------------------------------------------------------


@router.get("/letter", response_class=HTMLResponse)
def letter_path(request: Request, path: str | None = None, staff: str | None = None) -> HTMLResponse:
    if not path:
        return page(request, "home.html", title="tandy: letter")
    return _letter(request, None, path, None, staff)


@router.post("/letter", response_class=HTMLResponse)
def letter_upload(request: Request, file: Upload = None, path: Text = None, staff: Upload = None, staff_path: Text = None) -> HTMLResponse:
    return _letter(request, file, path, staff, staff_path)


def _letter(request: Request, upload, path, staff_upload, staff_path) -> HTMLResponse:
    settings = request.app.state.settings
    fields = {"the letter": (upload, path)}
    if optional(staff_upload, staff_path):
        fields["the staff letter"] = (staff_upload, staff_path)
    with chosen_all(settings, fields) as docs:
        letters = {name: work(request).run(reading.letter_document, doc) for name, doc in docs.items()}
    letter, staff = letters["the letter"], letters.get("the staff letter")
    check = reading.staff_check(letter, staff) if staff is not None else None
    to_answer = staff if staff is not None else (letter if letter.kind == "staff_comment" else None)
    key = request.app.state.results.keep(to_answer) if to_answer is not None else None
    return page(
        request, "letter.html", title=f"letter: {letter.path}", letter=letter, items=views.letter_items(letter),
        check=check, staff=staff, draft_key=key,
    )


@router.get("/letter/{key}/draft-response.docx")
def letter_draft(request: Request, key: str) -> Response:
    letter = _kept(request, key)
    if not hasattr(letter, "items"):
        raise HTTPException(404, "no such letter; open it again")
    return _attachment(draft_docx(letter), DOCX, download_name(letter.path, "response.docx"))


# --- verify ---------------------------------------------------------------------------------------


@router.get("/verify", response_class=HTMLResponse)
def verify_path(request: Request, response: str | None = None, before: str | None = None, after: str | None = None) -> HTMLResponse:
    if not (response or before or after):
        return page(request, "home.html", title="tandy: verify")
    return _verify(request, {"response": (None, response), "before": (None, before), "after": (None, after)})


@router.post("/verify", response_class=HTMLResponse)
def verify_upload(
    request: Request, response: Upload = None, response_path: Text = None, before: Upload = None,
    before_path: Text = None, after: Upload = None, after_path: Text = None,
) -> HTMLResponse:
    return _verify(request, {"response": (response, response_path), "before": (before, before_path), "after": (after, after_path)})


def _verify(request: Request, fields) -> HTMLResponse:
    with chosen_all(request.app.state.settings, fields) as docs:
        result = work(request).run(reading.verification, docs["response"], docs["before"], docs["after"])
    diffs = {id(c): views.word_diff(c.before, c.after) for item in result.items for c in item.evidence}
    diffs.update({id(c): views.word_diff(c.before, c.after) for c in result.unclaimed})
    return page(request, "verify.html", title="verify", result=result, diffs=diffs)


# --- corpus ---------------------------------------------------------------------------------------


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request, q: str = "", citation: str | None = None, form: str | None = None, kind: str | None = None,
    company: str | None = None, since: str | None = None, until: str | None = None, limit: int = 20,
) -> HTMLResponse:
    from tandy.corpus import SearchError

    corpus = _corpus(request)
    filters = {"citation": citation, "form": form, "kind": kind, "company": company, "since": since, "until": until}
    filters = {k: (v or None) for k, v in filters.items()}
    hits, problem = [], None
    if q or any(filters.values()):
        try:
            hits = corpus.search(q, max(1, min(limit, 200)), **filters)
        except SearchError as exc:
            problem = str(exc)
    return page(request, "search.html", title=f"search: {q}" if q else "search", q=q, filters=filters, hits=hits, problem=problem, highlighted=views.highlighted)


@router.get("/thread/{letter_id}", response_class=HTMLResponse)
def thread(request: Request, letter_id: int) -> HTMLResponse:
    corpus = _corpus(request)
    found = corpus.thread_of(letter_id)
    if found is None:
        raise HTTPException(404, f"no letter {letter_id} in the corpus")
    entries = views.timeline(found, corpus.snapshot().items)
    return page(request, "thread.html", title=f"thread: {found.registrant or found.cik}", thread=found, entries=entries, current=letter_id)


@router.get("/corpus/letter/{letter_id}", response_class=HTMLResponse)
def corpus_letter(request: Request, letter_id: int) -> HTMLResponse:
    corpus = _corpus(request)
    snap = corpus.snapshot()
    letter = snap.letters.get(letter_id)
    if letter is None:
        raise HTTPException(404, f"no letter {letter_id} in the corpus")
    return page(request, "corpus_letter.html", title=f"letter: {letter.registrant}", letter=letter, items=snap.items.get(letter_id, []))


@router.get("/stats", response_class=HTMLResponse)
def stats(request: Request) -> HTMLResponse:
    return page(request, "stats.html", title="corpus statistics", stats=_corpus(request).stats())


@router.get("/stats/chart/{n}.png")
def stats_chart(request: Request, n: int) -> Response:
    from tandy.corpus.stats_report import chart_png

    tables = _corpus(request).stats().tables
    if not 0 <= n < len(tables) or not tables[n].rows:
        raise HTTPException(404, "no such chart")
    return Response(chart_png(tables[n]), media_type="image/png", headers={"cache-control": "max-age=300"})


# --- rules ----------------------------------------------------------------------------------------


@router.get("/rules", response_class=HTMLResponse)
def rules(request: Request) -> HTMLResponse:
    from tandy.rules import all_rules
    from tandy.rules.catalogue import FAMILIES

    return page(request, "rules.html", title="rules", rules=all_rules(), families=FAMILIES)


@router.get("/rules/{rule_id}", response_class=HTMLResponse)
def rule(request: Request, rule_id: str) -> HTMLResponse:
    from tandy.rules import rule_by_id
    from tandy.rules.catalogue import FAMILIES

    found = rule_by_id(rule_id)
    if found is None:
        raise HTTPException(404, f"no rule {rule_id!r}")
    return page(
        request, "rule.html", title=found.id, rule=found, doc=views.rule_documentation(found.id),
        examples=views.rule_examples(found), family=FAMILIES.get(found.id[:4], ""),
    )


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The JSON API from its OpenAPI schema (``/openapi.json``), drawn here rather than by a CDN's Swagger UI."""
    schema = request.app.openapi()
    operations = [
        {"method": method.upper(), "path": path, **operation}
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]
    return page(request, "docs.html", title="tandy API", schema=schema, operations=operations)


def _kept(request: Request, key: str):
    result = request.app.state.results.get(key)
    if result is None:
        raise HTTPException(404, "this result is no longer kept; open the document again")
    return result


def _corpus(request: Request):
    corpus = request.app.state.corpus
    if corpus is None:
        raise HTTPException(404, "no corpus is served (start tandy serve with --db tandy.db)")
    return corpus


def _attachment(data: bytes, media: str, name: str) -> Response:
    return Response(data, media_type=media, headers={"content-disposition": f'attachment; filename="{name}"'})


def work(request: Request) -> Workers:
    """Where documents are read: this thread, or the worker processes (``--workers``)."""
    return request.app.state.workers
