"""tandy: the SEC filing-review loop as a toolkit.

The pipeline, one package a stage: :mod:`tandy.edgar` (filings brought to disk) →
:mod:`tandy.source` (what a file is) → :mod:`tandy.document`
(text, pages, blocks, tables) → :mod:`tandy.letters` and :mod:`tandy.proxy` → :mod:`tandy.rules`
→ :mod:`tandy.reports` and :mod:`tandy.corpus`. The functions and models below are the API;
the ``tandy`` command is a thin shell over them.
"""

__version__ = "0.1.0"

from tandy.document import Document, Location, Submission, parse  # noqa: E402
from tandy.errors import InputError  # noqa: E402
from tandy.letters import Letter, read_letter  # noqa: E402
from tandy.letters.model import Item  # noqa: E402
from tandy.proxy import Proxy, read_proxy  # noqa: E402
from tandy.proxy.model import Committee, Person  # noqa: E402
from tandy.rules import Finding, Review, review  # noqa: E402
from tandy.rules.verify import verify, verify_against_staff  # noqa: E402


def __getattr__(name: str):
    """``tandy.Corpus`` and ``tandy.fetch`` on first use: the index's libraries (SQLite, tantivy)
    and the HTTP client load only for them."""
    if name == "Corpus":
        from tandy.corpus import Corpus

        return Corpus
    if name == "fetch":
        from tandy.edgar import fetch

        return fetch
    raise AttributeError(f"module 'tandy' has no attribute {name!r}")


__all__ = [
    "Committee",
    "Corpus",
    "Document",
    "Finding",
    "InputError",
    "Item",
    "Letter",
    "Location",
    "Person",
    "Proxy",
    "Review",
    "Submission",
    "__version__",
    "fetch",
    "parse",
    "read_letter",
    "read_proxy",
    "review",
    "verify",
    "verify_against_staff",
]
