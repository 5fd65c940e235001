"""Where a page's document comes from: an upload, parsed in a temporary folder, or a file under ``--root``.

An upload is written under its own name (made safe) into a fresh temporary folder, so the readers
see the suffix they go by (``.pdf``, ``.htm``); the folder is deleted when the request is done,
whatever happened. Results name the document as the person does: the upload's file name, or the
path under the root, never the temporary path.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi import UploadFile

from tandy.errors import InputError
from tandy.web.model import ServeSettings
from tandy.web.safety import under_root

TEMP_PREFIX = "tandy-serve-"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class MissingInput(Exception):
    """A form sent without the document it needs (answered with 400)."""


@dataclass(slots=True)
class Chosen:
    """A document ready to read: where it is on disk now, and what to call it on the page."""

    path: Path
    name: str


def upload_given(upload: UploadFile | None) -> bool:
    return upload is not None and bool(upload.filename)


def safe_name(filename: str) -> str:
    """The upload's base name with anything unusual replaced; never empty, never a dot file."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _UNSAFE.sub("_", base).lstrip(".") or "upload"
    return cleaned[-120:]


@contextmanager
def chosen(settings: ServeSettings, field: str, upload: UploadFile | None, path: str | None) -> Iterator[Chosen]:
    """The document of one form field: the upload if one was sent, else ``path`` under the root."""
    if upload_given(upload):
        with tempfile.TemporaryDirectory(prefix=TEMP_PREFIX) as folder:
            name = safe_name(upload.filename or "")
            target = Path(folder) / name
            with target.open("wb") as out:
                shutil.copyfileobj(upload.file, out)
            yield Chosen(target, upload.filename or name)
        return
    if path:
        yield Chosen(under_root(settings.root, path), path)
        return
    raise MissingInput(f"choose a document for {field}: upload one" + (" or pick one under the served folder" if settings.root else ""))


@contextmanager
def chosen_all(settings: ServeSettings, fields: dict[str, tuple[UploadFile | None, str | None]]) -> Iterator[dict[str, Chosen]]:
    """Several documents at once (verify's response, before and after); all cleaned up together."""
    with ExitStack() as stack:
        yield {name: stack.enter_context(chosen(settings, name, upload, path)) for name, (upload, path) in fields.items()}


def optional(upload: UploadFile | None, path: str | None) -> bool:
    """Whether an optional field (the staff letter beside a response) was filled in."""
    return upload_given(upload) or bool(path)


def named(exc: InputError, documents: list[Chosen]) -> InputError:
    """The same problem, naming the document as the person knows it rather than its temporary path."""
    path, problem = str(exc.path), exc.problem
    for doc in documents:
        if path == str(doc.path):
            path = doc.name
        problem = problem.replace(str(doc.path), doc.name)
    return InputError(path, problem)
