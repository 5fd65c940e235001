"""draft-response --precedents: earlier answers sit beside each response as Word comments or
footnotes, and the response itself stays a placeholder for counsel."""

from __future__ import annotations

import re

from docx import Document as WordDocument
from typer.testing import CliRunner

import pytest

from conftest import corpus, needs_shared
from corpus_indexed import indexed  # noqa: F401  (a session fixture)
from tandy.cli import app
from tandy.letters.draft import RESPONSE_PLACEHOLDER

pytestmark = [needs_shared, pytest.mark.corpus]
runner = CliRunner()
LETTER = "ste_upload_2024-03-22_0000000000-24-003167.pdf"


def test_docx_precedents_are_word_comments_on_the_placeholder(indexed, tmp_path):  # noqa: F811
    db, _ = indexed
    out = tmp_path / "r.docx"
    args = ["draft-response", str(corpus("letters", LETTER)), "-o", str(out), "--date", "2024-04-01", "--precedents", str(db.db_path), "-k", "2"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    doc = WordDocument(str(out))
    responses = [p for p in doc.paragraphs if p.text.startswith("Response:")]
    assert len(responses) == 3 and all(p.text == f"Response: {RESPONSE_PLACEHOLDER}" for p in responses)
    notes = [c.text for c in doc.comments]
    assert 1 <= len(notes) <= 6
    assert all(n.startswith("Precedent, not the answer:") and "Answered (" in n for n in notes)
    # each dated on or before the staff letter (March 22, 2024)
    assert all(re.search(r"\d{4}-\d{2}-\d{2}", n).group() <= "2024-03-22" for n in notes)


def test_markdown_precedents_are_footnotes(indexed, tmp_path):  # noqa: F811
    db, _ = indexed
    out = tmp_path / "r.md"
    args = ["draft-response", str(corpus("letters", LETTER)), "-o", str(out), "--date", "2024-04-01", "--precedents", str(db.db_path)]
    assert runner.invoke(app, args).exit_code == 0
    text = out.read_text(encoding="utf-8")
    marks = [line for line in text.splitlines() if line.startswith("Response:")]
    assert all(line.startswith(f"Response: {RESPONSE_PLACEHOLDER}") for line in marks)
    assert "[^1]" in marks[0] and "\n[^1]: Precedent, not the answer:" in text


def test_a_missing_precedent_database_writes_nothing(tmp_path):
    out = tmp_path / "r.docx"
    args = ["draft-response", str(corpus("letters", LETTER)), "-o", str(out), "--precedents", str(tmp_path / "no.db")]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "no corpus database" in result.output
    assert not out.exists() and not (tmp_path / "no.db").exists()
