"""Where the real documents are: ``../shared`` beside the project (never copied into it)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
SEED = SHARED / "seed"
SEED_LETTER = SEED / "000_33feab94224503d0.txt"
PRE14A = SEED / "reconstructed_pre14a_excerpt.txt"
DEF14A = SEED / "reconstructed_def14a_excerpt.txt"

needs_shared = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent: real EDGAR documents not available")


def manifest() -> list[dict]:
    """Rows of ``corpus/MANIFEST.tsv`` (empty when ../shared is absent)."""
    path = CORPUS / "MANIFEST.tsv"
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def corpus(*parts: str) -> Path:
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path


def thread_documents() -> int:
    """How many documents ``threads/THREADS.tsv`` says the thread folders hold (they grow between sessions)."""
    with (CORPUS / "threads" / "THREADS.tsv").open(newline="", encoding="utf-8") as f:
        return sum(int(row["n_documents"]) for row in csv.DictReader(f, delimiter="\t"))
