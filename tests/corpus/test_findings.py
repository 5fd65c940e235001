"""The index keeps each file's review findings, so a corpus can be queried for them."""

from __future__ import annotations

import shutil

from conftest import PRE14A, SEED_LETTER, needs_shared
from tandy.corpus import Corpus


@needs_shared
def test_indexed_files_carry_their_review_findings(tmp_path):
    folder = tmp_path / "filings"
    folder.mkdir()
    for path in (PRE14A, SEED_LETTER):
        shutil.copy(path, folder / path.name)
    with Corpus(tmp_path / "tandy.db") as corpus:
        corpus.index([str(folder)], embed=False)
        rows = corpus.store.db.execute(
            "select f.path, x.rule, x.severity, x.page from findings x join files f on f.id = x.file_id"
        ).fetchall()
    found = {(path.rsplit("/", 1)[-1], rule, severity, page) for path, rule, severity, page in rows}
    assert (PRE14A.name, "TDY101", "error", "12") in found
    assert (PRE14A.name, "TDY201", "error", "14") in found
    letter_rules = {(rule, severity) for name, rule, severity, _ in found if name == SEED_LETTER.name}
    assert ("TDY409", "info") in letter_rules and not any(severity == "error" for _, severity in letter_rules)
