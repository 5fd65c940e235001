"""``tandy index`` on a mirror: a document without an EDGAR header takes its filing from the manifest."""

from __future__ import annotations

import json
import re

from tandy.corpus.index import records_for
from tandy.edgar.mirror import manifest_filing

from .test_fetch import RECORDED_APPLE, recorded_bytes


def test_a_bare_document_in_a_mirror_is_known_by_its_manifest(tmp_path):
    full = recorded_bytes(RECORDED_APPLE["0000320193-24-000061"]).decode("latin-1")
    html = re.search(r"<TEXT>\n?(.*?)</TEXT>", full, re.S).group(1)
    document = tmp_path / "320193" / "000032019324000061" / "filename1.htm"
    document.parent.mkdir(parents=True)
    document.write_text(html, encoding="latin-1")
    entry = {
        "accession": "0000320193-24-000061", "form": "CORRESP", "company": "Apple Inc.", "cik": "0000320193",
        "filed": "2024-04-29", "file_numbers": ["001-36743"], "url": "https://www.sec.gov/x", "size": len(html),
        "sha256": "-", "fetched_at": "2026-01-01T00:00:00+00:00", "path": "320193/000032019324000061/filename1.htm",
    }
    (tmp_path / "manifest.jsonl").write_text(json.dumps(entry) + "\n", encoding="utf-8")
    filing = manifest_filing(document)
    assert (filing.accession, filing.form, filing.filed, filing.filers[0].cik) == ("0000320193-24-000061", "CORRESP", "2024-04-29", "0000320193")
    records = records_for(str(document))
    assert records.error is None
    assert (records.filing.accession, records.filing.form, records.filing.filed) == ("0000320193-24-000061", "CORRESP", "2024-04-29")
    assert records.letter.cik == "0000320193" and records.letter.edgar_form == "CORRESP"
    assert manifest_filing(tmp_path / "elsewhere.htm") is None


def test_a_manifest_of_another_kind_is_ignored(tmp_path):
    (tmp_path / "manifest.jsonl").write_text('["not", "ours"]\n', encoding="utf-8")
    assert manifest_filing(tmp_path / "a.htm") is None
