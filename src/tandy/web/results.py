"""Results kept in memory for their downloads: an uploaded document is gone once its page is drawn.

A page's download links name its result by a random key; the last few results are kept (least
recently used dropped first), in memory only, so serving never writes a file. A download whose
result has been dropped is a 404 that says to open the document again.
"""

from __future__ import annotations

import secrets
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from tandy.letters.model import Letter
from tandy.rules.model import Review
from tandy.web.inputs import TEMP_PREFIX, safe_name

#: What a review downloads as: (renderer, file suffix, media type).
REVIEW_FORMATS = {
    "json": ("json", "application/json"),
    "sarif": ("sarif", "application/sarif+json"),
    "markdown": ("md", "text/markdown; charset=utf-8"),
    "letter": ("letter.txt", "text/plain; charset=utf-8"),
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class Results:
    """A small thread-safe LRU of results by key."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def keep(self, result: Any) -> str:
        key = secrets.token_urlsafe(12)
        with self._lock:
            self._items[key] = result
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return key

    def get(self, key: str) -> Any | None:
        with self._lock:
            result = self._items.get(key)
            if result is not None:
                self._items.move_to_end(key)
            return result


def review_download(review: Review, fmt: str) -> str:
    """The review as ``tandy review --format FMT`` prints it."""
    from tandy.reports import contract, letter, markdown, sarif

    if fmt == "json":
        return contract.render(review) + "\n"
    renderer = {"sarif": sarif, "markdown": markdown, "letter": letter}[fmt]
    return renderer.render([review]) + "\n"


def draft_docx(staff_letter: Letter) -> bytes:
    """The draft response to a staff letter as .docx bytes (``tandy draft-response``), via a temp folder."""
    from tandy.letters.draft import draft_response, write_docx

    with tempfile.TemporaryDirectory(prefix=TEMP_PREFIX) as folder:
        path = write_docx(draft_response(staff_letter), Path(folder) / "response.docx")
        return path.read_bytes()


def download_name(source_name: str, suffix: str) -> str:
    """``pre14a.txt`` → ``pre14a.sarif``: safe for a Content-Disposition header."""
    stem = safe_name(source_name).rsplit(".", 1)[0] or "tandy"
    return f"{stem}.{suffix}"
