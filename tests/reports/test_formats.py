"""Every report format on the seed's review: the preliminary excerpt's two staff comments, TDY101
(the fund-complex footnote's 36 portfolios, page 12) and TDY201 (who recommended the new nominees,
page 14), shown where they are, in each format's own conventions."""

from __future__ import annotations

import json
import re
from html import escape

import pytest

from conftest import PRE14A, needs_shared
from tandy import review
from tandy.reports import contract, html, letter, markdown, sarif, terminal
from tandy.rules.catalogue import all_rules

pytestmark = needs_shared


@pytest.fixture(scope="module")
def pre14a():
    return review(str(PRE14A), form="PRE 14A", filed="2007-12-28")


def finding(result, rule):
    return next(f for f in result.findings if f.rule == rule)


def test_terminal_groups_findings_under_their_printed_page(pre14a):
    text = terminal.render(pre14a, width=100)
    page12, page14 = text.index("page 12\n"), text.index("page 14\n")
    assert page12 < text.index("TDY101") < page14 < text.index("TDY201")
    assert "> the Trust (36 portfolios)" in text
    assert re.search(r"error\s+TDY101 fund-complex-count-mismatch", text)
    assert "\x1b[" not in text and "\x1b[" in terminal.render(pre14a, color=True)


def test_json_follows_the_review_contract(pre14a):
    data = json.loads(contract.render(pre14a))
    assert data["schema_version"] == 1 and len(data["source"]["sha256"]) == 64
    assert data["subject"] == {"target": "proxy", "form": "PRE 14A", "filed": "2007-12-28", "investment_company": True}
    count = next(f for f in data["findings"] if f["rule"] == "TDY101")
    assert count["severity"] == "error" and count["location"]["page"] == "12"
    assert set(count["location"]) == {"page", "line", "start", "end"}
    assert count["related"] and count["citation"] == "Item 22(b)(1) of Schedule 14A"
    source = next(f for f in data["findings"] if f["rule"] == "TDY201")
    assert source["location"]["page"] == "14"
    checks = {c["rule"]: c for c in data["checks"]}
    assert checks["TDY101"]["status"] == "failed" and any(c["status"] == "passed" for c in data["checks"])


def test_json_lines_put_one_object_on_each_line(pre14a):
    lines = contract.render_lines([contract.review_json(pre14a), contract.failure_json("gone.txt", "no such file")]).splitlines()
    assert len(lines) == 2 and json.loads(lines[1]) == {"source": {"path": "gone.txt"}, "error": "no such file"}


def test_sarif_has_the_2_1_0_structure(pre14a):
    log = json.loads(sarif.render(pre14a))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "tandy" and driver["version"] and driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == [r.id for r in all_rules()]
    for rule in driver["rules"]:
        assert {"id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration", "properties"} <= set(rule)
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert rule["properties"]["citation"]
    described = next(r for r in driver["rules"] if r["id"] == "TDY101")
    assert "Failing example:" in described["help"]["text"] and "Passing example:" in described["help"]["text"]
    results = log["runs"][0]["results"]
    assert len(results) == len(pre14a.findings)
    text = pre14a.subject.document.text
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note") and result["message"]["text"]
        assert result["partialFingerprints"]
        for place in [*result["locations"], *result["relatedLocations"]]:
            physical = place["physicalLocation"]
            assert physical["artifactLocation"]["uri"].endswith("reconstructed_pre14a_excerpt.txt")
            region = physical.get("region")
            if region:
                start, length = region["charOffset"], region["charLength"]
                assert text.count("\n", 0, start) + 1 == region["startLine"]
                assert " ".join(text[start : start + length].split()).startswith(region["snippet"]["text"][:40])
    count = next(r for r in results if r["ruleId"] == "TDY101")
    assert count["level"] == "error" and count["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "the Trust (36 portfolios)"
    assert count["relatedLocations"][0]["id"] == 1


def test_sarif_fingerprints_do_not_depend_on_offsets(pre14a):
    moved = finding(pre14a, "TDY101")
    first = sarif.fingerprint(moved)
    moved.location = type(moved.location)(moved.location.page, moved.location.line + 3, moved.location.start + 90, moved.location.end + 90)
    assert sarif.fingerprint(moved) == first


def test_markdown_lists_findings_by_page_and_escapes_the_quotes(pre14a):
    text = markdown.render(pre14a)
    assert text.index("### Page 12") < text.index("`TDY101`") < text.index("### Page 14") < text.index("`TDY201`")
    assert "> the Trust (36 portfolios)" in text
    assert r"Elizabeth M. Forget\* (41)" in text


def test_html_marks_each_finding_at_its_offsets(pre14a):
    page = html.render(pre14a)
    text = pre14a.subject.document.text
    for n, found in enumerate(pre14a.findings, start=1):
        if not found.location:
            continue
        start, end = found.location.start, found.location.end
        anchor = f'<span class="anchor" id="d1-f{n}"></span>'
        mark = re.compile(r'(?:<span class="anchor" id="[^"]*"></span>)*<mark class="\w+" data-rule="([^"]*)" title="([^"]*)">(.*?)</mark>', re.S)
        mark = mark.match(page, page.index(anchor))
        assert mark, found.rule
        assert found.rule in mark.group(1).split() and escape(found.message) in mark.group(2)
        assert text[start:end].startswith(unescape_html(mark.group(3)))
        assert f'href="#d1-f{n}"' in page and f'href="#d1-f{n}-item"' in page
    assert '<div class="margin">page 12</div>' in page and '<div class="margin">page 14</div>' in page
    pages = [page.index(f'margin">page {n}') for n in (12, 13, 14)]
    count, source = finding(pre14a, "TDY101"), finding(pre14a, "TDY201")
    at = {f.rule: page.index(f'id="d1-f{pre14a.findings.index(f) + 1}"') for f in (count, source)}
    assert pages[0] < at["TDY101"] < pages[1] < pages[2] < at["TDY201"]


def unescape_html(fragment: str) -> str:
    from html import unescape

    return unescape(fragment)


def test_html_escapes_the_document_text(tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "INFORMATION ABOUT THE BOARD NOMINEES\n\nThe Trust currently offers 44 portfolios & <script>alert(1)</script>.\n\n"
        "+   The Fund Complex includes the Trust (36 portfolios) and Fund \"B\" (1 portfolio).\n",
        encoding="utf-8",
    )
    page = html.render(review(str(hostile), fund=True))
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "44 portfolios &amp; " in page


def test_html_takes_several_reviews_on_one_page(pre14a):
    page = html.render([pre14a, pre14a])
    assert page.count("<section class=\"review\"") == 2 and 'id="d2-f1-item"' in page
    assert page.startswith("<!DOCTYPE html>") and "<link" not in page and "<script" not in page


def test_letter_numbers_the_comments_and_points_at_pages(pre14a):
    text = letter.render(pre14a, date="2008-01-04")
    assert text.startswith("January 4, 2008\n")
    assert "We have reviewed your filing and have the following comments." in text
    assert "Preliminary Proxy Statement on Schedule 14A" in text and "Filed December 28, 2007" in text
    numbers = [int(n) for n in re.findall(r"^(\d+)\.\s", text, re.M)]
    assert numbers == list(range(1, len(letter.comments([pre14a])) + 1))  # one a problem, related findings merged
    comment_1 = re.search(r"^\d+\.\s+The fund-complex footnote on page 12.*?(?=\n\n)", text, re.M | re.S).group()
    assert "36" in comment_1
    comment_3 = re.search(r"^\d+\.\s+The proxy statement names nominees.*?(?=\n\n)", text, re.M | re.S).group()
    assert "Refer to Item 407(c)(2)(vii) of Regulation S-K." in " ".join(comment_3.split())
    assert "Board Committees, page 14" in text
    assert "Division of Investment Management" in text and "Sincerely," in text and "[Staff reviewer]" in text
    assert "Information About the Board Nominees" in text


def test_letter_leaves_info_findings_to_the_reviewer(pre14a):
    quiet = finding(pre14a, "TDY101")
    noted = type(pre14a)(pre14a.subject, [type(quiet)(**{**{s: getattr(quiet, s) for s in quiet.__slots__}, "severity": "info"})], [])
    assert "[No comments" in letter.render(noted, date="2008-01-04")
