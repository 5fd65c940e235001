"""Safety by default: files only under --root, bounded uploads, documents only, the token off loopback.

Each refusal is checked with its status and its message, and nothing may be written: not in the
served folder, not in the temporary folder (uploads are parsed in one that is deleted afterwards).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from conftest import PRE14A, SEED, SEED_LETTER
from web_fixtures import AFL_RESPONSE, AFL_STAFF, client, needs_seed

from tandy.web import ServeSettings

GOOD = PRE14A.name
STAFF, RESPONSE = "afl_staff.pdf", "afl_response.htm"  # a staff letter and its answer (the seed has no staff letter)


@pytest.fixture
def served(tmp_path, monkeypatch):
    """A root holding copies of the seed (and a link out of it), a private temp folder, a client."""
    needs_seed()
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    for source in SEED.iterdir():
        if source.is_file():
            (root / source.name).write_bytes(source.read_bytes())
    if not AFL_STAFF.exists():
        pytest.skip("../shared/corpus threads are absent")
    (root / STAFF).write_bytes(AFL_STAFF.read_bytes())
    (root / RESPONSE).write_bytes(AFL_RESPONSE.read_bytes())
    outside = tmp_path / "secret.txt"
    outside.write_text(PRE14A.read_text(encoding="latin-1"), encoding="latin-1")
    (root / "link-out.txt").symlink_to(outside)
    (root / "sub" / "dir-out").symlink_to(tmp_path)
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    before = _tree(tmp_path)
    yield root, outside, temp, client(ServeSettings(root=root, max_upload=200_000))
    assert _tree(tmp_path) == before, "a request wrote something"  # the temp folder itself aside: uploads come and go
    assert not list(temp.iterdir()), "an upload was left in the temporary folder"


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in filenames + dirnames:
            path = Path(dirpath) / name
            if path.name == "temp" and path.parent == folder:
                continue
            stat = path.lstat()
            found[str(path.relative_to(folder))] = (stat.st_size, stat.st_mtime_ns)
    return found


def traversals(outside: Path) -> list[str]:
    return [
        "../secret.txt", "sub/../../secret.txt", str(outside), "/etc/passwd", "link-out.txt",
        "sub/dir-out/secret.txt", "..\\secret.txt", "~/secret.txt", "sub", "missing.txt", "%2e%2e/secret.txt",
    ]


#: Every request parameter that names a file: (method, URL, parameter, a good value, the others it needs).
FILE_PARAMETERS = [
    ("GET", "/review", "path", GOOD, {}),
    ("GET", "/letter", "path", SEED_LETTER.name, {}),
    ("GET", "/letter", "staff", STAFF, {"path": RESPONSE}),
    ("GET", "/verify", "response", SEED_LETTER.name, {"before": GOOD, "after": "reconstructed_def14a_excerpt.txt"}),
    ("GET", "/verify", "before", GOOD, {"response": SEED_LETTER.name, "after": "reconstructed_def14a_excerpt.txt"}),
    ("GET", "/verify", "after", GOOD, {"response": SEED_LETTER.name, "before": GOOD}),
    ("POST", "/review", "path", GOOD, {}),
    ("POST", "/letter", "path", SEED_LETTER.name, {}),
    ("POST", "/letter", "staff_path", STAFF, {"path": RESPONSE}),
    ("POST", "/verify", "response_path", SEED_LETTER.name, {"before_path": GOOD, "after_path": "reconstructed_def14a_excerpt.txt"}),
    ("POST", "/verify", "before_path", GOOD, {"response_path": SEED_LETTER.name, "after_path": "reconstructed_def14a_excerpt.txt"}),
    ("POST", "/verify", "after_path", GOOD, {"response_path": SEED_LETTER.name, "before_path": GOOD}),
    ("POST", "/api/review", "path", GOOD, {}),
    ("POST", "/api/letter", "path", SEED_LETTER.name, {}),
    ("POST", "/api/proxy", "path", GOOD, {}),
    ("POST", "/api/verify", "response_path", SEED_LETTER.name, {"before_path": GOOD, "after_path": "reconstructed_def14a_excerpt.txt"}),
    ("POST", "/api/verify", "before_path", GOOD, {"response_path": SEED_LETTER.name, "after_path": "reconstructed_def14a_excerpt.txt"}),
    ("POST", "/api/verify", "after_path", GOOD, {"response_path": SEED_LETTER.name, "before_path": GOOD}),
    ("POST", "/api/verify", "staff_path", STAFF, {"response_path": RESPONSE}),
]


def _ask(http, method, url, params):
    if method == "GET":
        return http.get(url, params=params)
    return http.post(url, data=params, files={"unused": ("", b"")})


@pytest.mark.parametrize(
    ("method", "url", "name", "good", "others"), FILE_PARAMETERS, ids=[f"{m} {u} {n}" for m, u, n, _, _ in FILE_PARAMETERS]
)
def test_path_traversal_in_every_file_parameter_is_404(served, method, url, name, good, others):
    root, outside, _, http = served
    assert _ask(http, method, url, {**others, name: good}).status_code == 200
    for bad in traversals(outside):
        response = _ask(http, method, url, {**others, name: bad})
        assert response.status_code == 404, (bad, response.text[:200])
        assert "Traceback" not in response.text and "secret" not in response.text.replace(bad, "")


def test_folder_listing_stays_under_the_root(served):
    root, outside, _, http = served
    listing = http.get("/files")
    assert listing.status_code == 200 and GOOD in listing.text and "link-out.txt" not in listing.text
    assert http.get("/files", params={"dir": "sub"}).status_code == 200
    for bad in ("..", "../", "/", str(outside.parent), "sub/dir-out", GOOD):
        assert http.get("/files", params={"dir": bad}).status_code == 404, bad


def test_without_root_nothing_can_be_picked(tmp_path):
    needs_seed()
    http = client(ServeSettings())
    assert http.get("/review", params={"path": str(PRE14A)}).status_code == 404
    assert http.get("/files").status_code == 404


def test_oversized_upload_is_413_declared_or_chunked(served):
    _, _, _, http = served
    big = b"x" * 250_000
    response = http.post("/api/review", files={"file": ("big.txt", big)})
    assert response.status_code == 413 and "200,000 bytes" in response.json()["error"]
    page = http.post("/review", files={"file": ("big.txt", big)})
    assert page.status_code == 413 and "larger than the limit" in page.text

    def chunks():  # no Content-Length: the size is counted as the body arrives
        boundary = b"--b0undary\r\n"
        yield boundary + b'Content-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'
        for _ in range(30):
            yield b"y" * 10_000
        yield b"\r\n--b0undary--\r\n"

    chunked = http.post("/api/review", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b0undary"})
    assert chunked.status_code == 413


def test_upload_under_the_limit_is_reviewed(served):
    _, _, _, http = served
    response = http.post("/api/review", files={"file": (GOOD, PRE14A.read_bytes())})
    assert response.status_code == 200
    assert response.json()["source"]["path"] == GOOD


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00" + bytes(range(256)) * 4),
        ("empty.txt", b""),
        ("broken.pdf", b"%PDF-1.4\n%broken\n" + b"\x00\xff" * 200),
        ("program.exe", b"MZ\x90\x00\x03\x00\x00\x00" + bytes(range(256)) * 8),
    ],
)
def test_non_document_upload_is_refused_with_what_is_wrong(served, name, data):
    _, _, _, http = served
    for url in ("/api/review", "/api/letter", "/api/proxy"):
        response = http.post(url, files={"file": (name, data)})
        assert response.status_code == 422, (url, response.status_code, response.text[:200])
        problem = response.json()["error"]
        assert problem.startswith(name) and "tandy-serve-" not in problem
    page = http.post("/review", files={"file": (name, data)})
    assert page.status_code == 422 and name in page.text and "Traceback" not in page.text


def test_missing_document_is_400(served):
    _, _, _, http = served
    assert http.post("/api/review", files={"file": ("", b"")}).status_code == 400
    assert http.post("/verify", data={"response_path": SEED_LETTER.name}, files={"x": ("", b"")}).status_code == 400


def test_off_loopback_every_request_needs_the_token(tmp_path):
    needs_seed()
    settings = ServeSettings(host="0.0.0.0", token="s3cret-token", root=SEED)
    http = client(settings)
    for url in ("/", "/static/tandy.css", "/openapi.json", "/docs", "/api/rules", f"/review?path={GOOD}"):
        refused = http.get(url)
        assert refused.status_code == 403, url
        assert "token" in refused.text
    assert http.get("/", params={"token": "wrong"}).status_code == 403
    assert http.get("/", headers={"authorization": "token wrong"}).status_code == 403
    assert http.post("/api/review", files={"file": (GOOD, PRE14A.read_bytes())}).status_code == 403
    assert http.get("/api/rules", headers={"authorization": "token s3cret-token"}).status_code == 200
    first = http.get("/", params={"token": "s3cret-token"})
    assert first.status_code == 200 and "tandy_token" in first.headers["set-cookie"]
    assert http.get(f"/review?path={GOOD}").status_code == 200  # the cookie carries it from here on
    fresh = client(settings)
    assert fresh.get(f"/review?path={GOOD}", cookies={"tandy_token": "s3cret-token"}).status_code == 200


def test_on_loopback_a_foreign_host_header_is_refused():
    http = client(ServeSettings())
    assert http.get("/").status_code == 200
    assert http.get("/", headers={"host": "localhost:8765"}).status_code == 200
    assert http.get("/", headers={"host": "evil.example:8765"}).status_code == 403
    assert http.get("/", headers={"host": "127.0.0.1.evil.example"}).status_code == 403


def test_errors_are_pages_not_tracebacks():
    http = client(ServeSettings())
    missing = http.get("/rules/TDY999")
    assert missing.status_code == 404 and "no rule" in missing.text and "<html" in missing.text
    assert http.get("/search").status_code == 404  # no corpus served
    assert http.get("/api/search", params={"q": "x"}).json()["error"].startswith("no corpus")
    assert http.get("/review/nokey/download/json").status_code == 404
