"""The pages as HTML (in process): what each shows comes from the library, and the downloads are whole."""

from __future__ import annotations

import io
import json
import re

import pytest

from conftest import DEF14A, PRE14A, SEED, SEED_LETTER
from web_fixtures import AFL_RESPONSE, AFL_STAFF, client, needs_seed

from tandy.web import ServeSettings
from tandy.web.views import highlighted, rules_citing, word_diff


@pytest.fixture
def http():
    needs_seed()
    return client(ServeSettings(root=SEED))


def test_review_page_marks_each_finding_on_its_printed_page(http):
    import tandy

    page = http.get("/review", params={"path": PRE14A.name})
    assert page.status_code == 200
    expected = tandy.review(str(PRE14A)).findings

    for finding in expected:
        section = re.search(rf'id="page-{finding.location.page}".*?</section>', page.text, re.S).group(0)
        assert f'data-rule="{finding.rule}' in section or f" {finding.rule}" in section, finding.rule
    assert page.text.count('class="finding ') == len(expected)



def test_review_downloads_are_the_cli_formats(http):
    page = http.get("/review", params={"path": PRE14A.name})
    key = re.search(r"/review/([\w-]+)/download/json", page.text).group(1)
    data = json.loads(http.get(f"/review/{key}/download/json").text)
    assert data["source"]["path"] == PRE14A.name and data["findings"]
    sarif = http.get(f"/review/{key}/download/sarif")
    assert json.loads(sarif.text)["runs"][0]["results"] and "attachment" in sarif.headers["content-disposition"]
    assert "TDY101" in http.get(f"/review/{key}/download/markdown").text
    assert "Please reconcile" in " ".join(http.get(f"/review/{key}/download/letter").text.split())  # the letter wraps its lines
    assert http.get(f"/review/{key}/download/exe").status_code == 404


def test_letter_page_with_the_staff_letter_says_which_comments_are_answered():
    if not AFL_STAFF.exists():
        pytest.skip("../shared/corpus threads are absent")
    http = client(ServeSettings())
    files = {"file": (AFL_RESPONSE.name, AFL_RESPONSE.read_bytes()), "staff": (AFL_STAFF.name, AFL_STAFF.read_bytes())}
    page = http.post("/letter", files=files)
    assert page.status_code == 200
    assert "2 of 2 comments answered" in page.text
    assert page.text.count('<tr class="answered">') == 2
    assert "draft-response.docx" in page.text


def test_draft_response_download_is_a_word_document_restating_the_comments():
    if not AFL_STAFF.exists():
        pytest.skip("../shared/corpus threads are absent")
    import docx

    import tandy

    http = client(ServeSettings())
    page = http.post("/letter", files={"file": (AFL_STAFF.name, AFL_STAFF.read_bytes())})
    link = re.search(r'href="(/letter/[\w-]+/draft-response\.docx)"', page.text).group(1)
    download = http.get(link)
    assert download.status_code == 200 and download.content[:2] == b"PK"
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(download.content)).paragraphs)
    for item in tandy.read_letter(str(AFL_STAFF)).items:
        assert item.comment[:60] in text


def test_a_response_alone_offers_no_draft(http):
    page = http.get("/letter", params={"path": SEED_LETTER.name})
    assert "draft-response.docx" not in page.text and page.text.count('<tr class="item"') == 4


def test_verify_page_shows_each_claim_and_its_diff(http):
    page = http.get("/verify", params={"response": SEED_LETTER.name, "before": PRE14A.name, "after": DEF14A.name})
    assert page.status_code == 200
    assert re.findall(r'<tr class="claim (\w+)" data-number="(\d)"', page.text) == [
        ("confirmed", "1"), ("no_change_claimed", "2"), ("confirmed", "3"), ("no_change_claimed", "4")
    ]
    assert "<del>(36</del>" in page.text and "<ins>(44</ins>" in page.text


def test_citation_links_name_the_rules_that_cite_the_same_provision():
    import tandy

    letter = tandy.read_letter(str(SEED_LETTER)) if SEED.is_dir() else pytest.skip("seed absent")
    by_number = {i.number: i for i in letter.items}
    assert rules_citing(by_number[3].citations[0]) == ["TDY201"]
    assert "TDY202" in rules_citing(by_number[2].citations[0]) and "TDY201" not in rules_citing(by_number[2].citations[0])


def test_word_diff_and_highlight_escape_and_split():
    pieces = word_diff("the Trust (36 portfolios), and", "the Trust (44 portfolios), and")
    assert [(p.kind, p.text) for p in pieces] == [("same", "the Trust"), ("del", "(36"), ("ins", "(44"), ("same", "portfolios), and")]
    assert [p.kind for p in word_diff(None, "added words")] == ["ins"]
    assert highlighted("include [Tandy] <b>language</b>") == "include <mark>Tandy</mark> &lt;b&gt;language&lt;/b&gt;"


def test_home_and_files_pages_list_what_can_be_opened(http):
    home = http.get("/")
    assert home.status_code == 200 and 'action="/review"' in home.text and 'action="/verify"' in home.text
    listing = http.get("/files")
    for path in SEED.iterdir():
        if path.is_file():
            assert f"/review?path={path.name}" in listing.text
    assert "/search" not in home.text.split("<main>")[1]  # no corpus served: no corpus card
    docs = http.get("/docs")
    assert "POST /api/review" in docs.text and "GET /api/search" in docs.text
