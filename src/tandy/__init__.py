"""tandy: the SEC filing-review loop as a toolkit.

The pipeline, one package a stage: :mod:`tandy.source` (what a file is) → :mod:`tandy.document`
(text, pages, blocks, tables) → letters and proxies → rules → reports and corpus.
"""

__version__ = "0.1.0"

from tandy.document import Document, Location, Submission, parse  # noqa: E402
from tandy.errors import InputError  # noqa: E402
from tandy.proxy import Proxy, read_proxy  # noqa: E402
from tandy.letters import Letter, read_letter  # noqa: E402
from tandy.rules import review  # noqa: E402
from tandy.rules.verify import verify, verify_against_staff  # noqa: E402

__all__ = ["Document", "InputError", "Letter", "Location", "Submission", "parse", "Proxy", "read_proxy", "read_letter", "review", "verify", "verify_against_staff", "__version__"]
