"""End to end in a real browser: the seed's review, letter and verification, and the corpus search."""

from __future__ import annotations

import json

import pytest

from conftest import DEF14A, PRE14A, SEED_LETTER
from web_fixtures import browser, live, page, screenshots, small_index  # noqa: F401  (fixtures)


def shot(page, screenshots, name: str) -> None:
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=False)


def test_upload_preliminary_pages_shows_findings_on_their_printed_pages(live, page, screenshots):
    page.goto(live.url + "/")
    shot(page, screenshots, "home")
    page.locator("#review input[type=file]").set_input_files(str(PRE14A))
    page.locator("#review button[type=submit]").click()
    page.wait_for_selector("section.page")
    assert page.locator("section.page .margin").all_inner_texts()[:3] == ["page 12", "page 13", "page 14"]
    count_mismatch = page.locator("#page-12 mark[data-rule~=TDY101]")
    nominee_source = page.locator("#page-14 mark[data-rule~=TDY201]")
    assert count_mismatch.count() == 1 and nominee_source.count() == 1
    assert "36" in count_mismatch.inner_text() or "44" in count_mismatch.inner_text()
    assert "TDY201" in nominee_source.get_attribute("title") and nominee_source.is_visible()
    # the side panel lists each finding under its page, and its link goes to the marked words
    panel_14 = page.locator("aside.panel li.finding[data-rule=TDY201]")
    assert "page 14" in panel_14.inner_text()
    shot(page, screenshots, "review")
    panel_14.locator("a.goto").click()
    assert page.evaluate("location.hash") == "#" + panel_14.get_attribute("id").removesuffix("-item")
    # filters hide what they filter out, in the panel and in the text
    warnings = page.locator("aside.panel li.finding[data-severity=warning]")
    assert warnings.count() > 0
    page.locator("#filters input[value=warning]").uncheck()
    assert all(not w.is_visible() for w in warnings.all())
    assert page.locator("aside.panel li.finding[data-rule=TDY101]").is_visible()
    # the rule's documentation opens on click
    page.locator("li.finding[data-rule=TDY101] details.ruledoc summary").click()
    assert page.locator("li.finding[data-rule=TDY101] details.ruledoc").get_attribute("open") is not None
    # downloads: the JSON is the review contract
    with page.expect_download() as download:
        page.get_by_role("link", name="JSON").click()
    data = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert ("TDY101", "12") in {(f["rule"], f["location"]["page"]) for f in data["findings"]}
    with page.expect_download() as download:
        page.get_by_role("link", name="SARIF").click()
    assert json.loads(open(download.value.path(), encoding="utf-8").read())["version"] == "2.1.0"


def test_seed_letter_shows_its_four_items_side_by_side(live, page, screenshots):
    page.goto(live.url + "/")
    page.locator("#letter input[name=file]").set_input_files(str(SEED_LETTER))
    page.locator("#letter button[type=submit]").click()
    rows = page.locator("table.items tr.item")
    rows.first.wait_for()
    assert [r.get_attribute("data-number") for r in rows.all()] == ["1", "2", "3", "4"]
    for row in rows.all():
        comment, response = row.locator("td.comment").bounding_box(), row.locator("td.response").bounding_box()
        assert row.locator("td.comment").inner_text().strip() and row.locator("td.response").inner_text().strip()
        assert response["x"] >= comment["x"] + comment["width"] - 1 and abs(response["y"] - comment["y"]) < 2
    assert "Section 407(c)(2)(vii)" in rows.nth(2).inner_text()
    assert rows.nth(2).locator("a.rule-link", has_text="TDY201").count() == 1
    assert [d.inner_text() for d in page.locator("table.items .disposition").all()] == ["revised", "no change", "added", "complied"]
    assert page.locator("ul.acks li.yes").count() == 3
    shot(page, screenshots, "letter")


def test_verify_on_the_seed_confirms_items_1_and_3(live, page, screenshots):
    page.goto(live.url + "/")
    page.locator("#verify input[name=response]").set_input_files(str(SEED_LETTER))
    page.locator("#verify input[name=before]").set_input_files(str(PRE14A))
    page.locator("#verify input[name=after]").set_input_files(str(DEF14A))
    page.locator("#verify button[type=submit]").click()
    page.wait_for_selector("tr.claim")
    status = {r.get_attribute("data-number"): r.locator(".status").inner_text() for r in page.locator("tr.claim").all()}
    assert status == {"1": "confirmed", "2": "no change claimed", "3": "confirmed", "4": "no change claimed"}
    item_1 = page.locator("tr.claim[data-number='1']")
    assert item_1.locator("del").inner_text().count("36") == 1 and "44" in item_1.locator("ins").inner_text()
    assert "Gause" in page.locator("tr.claim[data-number='3'] ins").inner_text()
    shot(page, screenshots, "verify")


def test_search_for_tandy_and_open_the_seed_thread(live, page, screenshots):
    page.goto(live.url + "/search")
    page.locator("form.search input[name=q]").fill("Tandy")
    page.locator("form.search button[type=submit]").click()
    page.wait_for_selector("li.hit")
    hits = page.locator("li.hit")
    assert page.locator("li.hit .snippet mark").count() >= 1
    seed = hits.filter(has_text="Met Investors")
    assert seed.count() >= 1
    shot(page, screenshots, "search")
    seed.first.locator("a.thread-link").click()
    page.wait_for_selector("ol.timeline")
    assert "Met Investors" in page.locator("h1").inner_text()
    current = page.locator("ol.timeline li.current")
    assert SEED_LETTER.name in current.inner_text()
    shot(page, screenshots, "thread")


def test_thread_with_rounds_follows_each_comment_to_its_answer(live, page, screenshots):
    page.goto(live.url + "/search?company=Aflac")
    page.wait_for_selector("li.hit")
    page.locator("li.hit a.thread-link").first.click()
    page.wait_for_selector("ol.timeline")
    assert page.locator("ol.timeline > li").count() >= 3
    answered = page.locator("ol.exchanges li", has_text="answered")
    assert answered.count() >= 1
    shot(page, screenshots, "thread_rounds")


def test_statistics_and_rules_pages(live, page, screenshots):
    page.goto(live.url + "/stats")
    images = page.locator("section.stat img")
    assert images.count() >= 3
    images.first.scroll_into_view_if_needed()
    page.wait_for_function("[...document.images].slice(0, 3).every(i => i.complete && i.naturalWidth > 0)")
    shot(page, screenshots, "stats")
    page.goto(live.url + "/rules/TDY201")
    assert "Item 407(c)(2)(vii)" in page.locator("p.meta").inner_text()
    assert page.locator("pre.example").count() == 2
    shot(page, screenshots, "rule")


@pytest.mark.parametrize("path", ["/review?path=../README.md", "/letter?path=%2Fetc%2Fpasswd"])
def test_refusals_are_pages_that_say_why(live, page, path):
    response = page.goto(live.url + path)
    assert response.status == 404
    assert "no such file under the served folder" in page.locator("p.problem").inner_text()
