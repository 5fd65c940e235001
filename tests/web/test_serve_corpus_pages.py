"""Every corpus document through the review and letter pages: a page or a one-line refusal, never a 500.

A label-free self-check over real documents nobody tuned the pages on: each located finding of a
review must have its mark in the page (its anchor, on the page section its printed page names),
and a letter page must show one row per item the library read. ``TANDY_WEB_SWEEP=all`` runs every
document of ``MANIFEST.tsv``; by default every fifth, to keep the suite quick.
"""

from __future__ import annotations

import os
import re

import pytest

from conftest import CORPUS, manifest, needs_shared
from web_fixtures import client

from tandy.web import ServeSettings

STEP = 1 if os.environ.get("TANDY_WEB_SWEEP") == "all" else 5
ROWS = manifest()[::STEP]


@needs_shared
@pytest.mark.corpus
@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_corpus_document_pages(row):
    import tandy
    from tandy.errors import InputError

    http = client(ServeSettings(root=CORPUS))
    page = http.get("/review", params={"path": row["file"]})
    assert page.status_code in (200, 422), page.text[:300]
    if page.status_code == 200:
        findings = tandy.review(str(CORPUS / row["file"])).findings
        for n, finding in enumerate(findings, start=1):
            if finding.location:
                assert f'id="f{n}"' in page.text, (finding.rule, finding.location)
        assert page.text.count('class="finding ') == len(findings)
    if row["kind"] in ("staff_letter", "response_letter"):
        letter_page = http.get("/letter", params={"path": row["file"]})
        try:
            items = tandy.read_letter(str(CORPUS / row["file"])).items
        except InputError:
            assert letter_page.status_code == 422
            return
        assert letter_page.status_code == 200
        assert len(re.findall(r'<tr class="item"', letter_page.text)) == len(items)
