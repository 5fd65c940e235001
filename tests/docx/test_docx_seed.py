"""The seed's proxy pages as Word drafts: reviewed as the plain text is, verified from their marks.

``pre14a.docx`` is the preliminary pages as a Word file that Word laid out (its recorded page
breaks, a footer PAGE field numbering from 12). ``marked.docx`` is the same pages with tracked
changes that make them the definitive pages, plus one edit the response does not announce.
"""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from conftest import DEF14A, PRE14A, SEED_LETTER
from wordfiles import build_docx, build_marked_docx, build_marked_html
from tandy.cli import app
from tandy.document import parse
from tandy.rules import review
from tandy.rules.marked import verify_marked

pytestmark = pytest.mark.skipif(not SEED_LETTER.exists(), reason="../shared/seed is absent")

EXTRA = ("Suite 1900", "Suite 1950")


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed")
    build_docx(PRE14A, folder / "pre14a.docx", pages=True)
    build_marked_docx(PRE14A, DEF14A, folder / "marked.docx", extra=EXTRA)
    build_marked_html(PRE14A, DEF14A, folder / "marked.htm")
    build_marked_html(PRE14A, DEF14A, folder / "styled.htm", style=True)
    return folder


def _findings(path) -> list[tuple]:
    """Each finding's rule, printed page, and what it quotes (a spelling finding quotes both
    spellings, and which it points at on a tie depends on offsets, not on what it found)."""
    out = []
    for f in review(str(path)).findings:
        quoted = sorted(re.findall(r'"([^"]+)"', f.message)) or [f.message]
        out.append((f.rule, f.location.page if f.location else None, tuple(quoted)))
    return out


def test_review_of_the_word_draft_matches_the_plain_text(drafts):
    word, plain = _findings(drafts / "pre14a.docx"), _findings(PRE14A)
    assert {rule for rule, _, _ in plain} >= {"TDY101", "TDY102", "TDY201"}
    assert sorted(word) == sorted(plain)


def test_word_draft_pages_are_the_printed_pages(drafts):
    doc = parse(str(drafts / "pre14a.docx")).main
    assert doc.page_numbers() == parse(str(PRE14A)).main.page_numbers() == ["12", "13", "14"]


def test_marked_copy_confirms_items_1_and_3_and_flags_the_extra_change(drafts):
    result = verify_marked(SEED_LETTER, drafts / "marked.docx")
    status = {item.number: item.status for item in result.items}
    assert status == {1: "confirmed", 2: "no_change_claimed", 3: "confirmed", 4: "no_change_claimed"}
    (one,) = next(i for i in result.items if i.number == 1).evidence
    assert (one.removed, one.added, one.page) == ("(36", "(44", "12")
    (three,) = next(i for i in result.items if i.number == 3).evidence
    assert three.kind == "added" and three.added.startswith("Susan C. Gause was recommended") and three.page == "14"
    (extra,) = result.unclaimed
    assert (extra.removed, extra.added, extra.page) == ("1900,", "1950,", "13")
    assert result.before.document.text.count("36 portfolios") == 2


@pytest.mark.parametrize("name", ["marked.htm", "styled.htm"])
def test_marked_html_is_read_from_its_underlines_and_strikes(drafts, name):
    result = verify_marked(SEED_LETTER, drafts / name)
    assert [i.number for i in result.items if i.status == "confirmed"] == [1, 3]
    assert not result.unclaimed
    pages = [c.page for i in result.items for c in i.evidence]
    assert pages == ["12", "14"]


def test_html_redline_shows_each_change_with_its_comment_and_flags_the_extra(drafts, tmp_path):
    out = tmp_path / "redline.html"
    result = CliRunner().invoke(app, ["verify", "--response", str(SEED_LETTER), "--marked", str(drafts / "marked.docx"), "--format", "html", "-o", str(out)])
    assert result.exit_code == 1, result.output  # an unannounced change is for the reviewer: exit 1
    page = out.read_text()
    assert re.search(r'<del title="comment 1">\(36</del><ins title="comment 1">\(44</ins><span class="tag">\[1\]', page)
    assert re.search(r'<ins title="comment 3">Susan C. Gause was recommended', page)
    assert re.search(r'<del class="unclaimed"[^>]*>1900,</del><ins class="unclaimed"[^>]*>1950,</ins><span class="tag flag">\[not claimed\]', page)
    assert page.count('<div class="page">') == 3


def test_docx_redline_is_tracked_changes_with_balloons(drafts, tmp_path):
    out = tmp_path / "redline.docx"
    result = CliRunner().invoke(app, ["verify", "--response", str(SEED_LETTER), "--marked", str(drafts / "marked.docx"), "-f", "docx", "-o", str(out)])
    assert result.exit_code == 1, result.output
    doc = parse(str(out)).main
    assert [(r.kind, r.before, r.after[:12]) for r in doc.revisions] == [("replaced", "(36", "(44"), ("replaced", "1900,", "1950,"), ("inserted", "", "Susan C. Gau")]
    assert [b.text for b in doc.balloons] == ["comment 1", "not claimed by the response", "comment 3"]
    again = CliRunner().invoke(app, ["verify", "--response", str(SEED_LETTER), "--marked", str(drafts / "marked.docx"), "-f", "docx", "-o", str(out)])
    assert again.exit_code == 2 and "exists" in again.stderr


def test_verify_json_from_marks(drafts):
    result = CliRunner().invoke(app, ["verify", "--response", str(SEED_LETTER), "--marked", str(drafts / "marked.docx"), "--json"])
    data = json.loads(result.stdout)
    assert [i["status"] for i in data["items"]] == ["confirmed", "no_change_claimed", "confirmed", "no_change_claimed"]


def test_parse_lists_tracked_changes_and_balloons(drafts):
    result = CliRunner().invoke(app, ["parse", str(drafts / "marked.docx"), "--json"])
    document = json.loads(result.stdout)["documents"][0]
    assert [c["kind"] for c in document["revisions"]] == ["replaced", "replaced", "inserted"]
    assert document["revisions"][0]["author"] == "Counsel" and document["revisions"][0]["location"]["page"] == "12"
    assert document["pagination"].startswith("pages as Word last laid them out")


def test_a_file_without_marks_is_an_input_error(drafts):
    result = CliRunner().invoke(app, ["verify", "--response", str(SEED_LETTER), "--marked", str(drafts / "pre14a.docx")])
    assert result.exit_code == 2 and "no tracked changes" in result.stderr
