"""One index of the whole shared corpus per test session, for the index and search tests."""

from __future__ import annotations

import pytest

from tandy.corpus import Corpus
from conftest import CORPUS, SEED


@pytest.fixture(scope="session")
def indexed(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent: real EDGAR documents not available")
    db = tmp_path_factory.mktemp("corpus") / "tandy.db"
    corpus = Corpus(db)
    report = corpus.index([str(CORPUS), str(SEED)], embed=False)
    yield corpus, report
    corpus.close()
