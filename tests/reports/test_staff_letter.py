"""``review --format letter`` on the seed's preliminary pages, read as a securities lawyer reads a
staff letter: every comment under a caption with its page, in page order; one comment for the
36-vs-44 portfolio count; each comment citing the requirement it rests on; the preliminary
filing asked to revise, a definitive one asked about future filings."""

from __future__ import annotations

import re

import pytest

from conftest import DEF14A, PRE14A, SEED_LETTER, needs_shared
from tandy import read_letter, review
from tandy.reports import letter

pytestmark = needs_shared


@pytest.fixture(scope="module")
def pre14a():
    return review(str(PRE14A), form="PRE 14A", filed="2007-12-28")


def numbered(text: str) -> dict[int, str]:
    """Comment number -> its text on one line, and the heading it sits under."""
    found, heading = {}, None
    for block in text.split("\n\n"):
        flat = " ".join(block.split())
        match = re.match(r"^(\d+)\.\s+(.*)", flat)
        if match:
            found[int(match.group(1))] = (heading, match.group(2))
        elif flat and "\n" not in block.strip() and len(flat) < 90:
            heading = flat
    return found


def test_comments_sit_under_captions_with_their_pages_in_page_order(pre14a):
    text = letter.render(pre14a, date="2008-01-04")
    comments = letter.comments([pre14a])
    located = [c for c in comments if c.page]
    assert located, "no comment points at a page"
    for c in located:
        assert c.heading == f"{c.caption}, page {c.page}" and c.heading in text
    pages = [int(c.page) for c in located]
    assert pages == sorted(pages)
    assert {"Information About the Board Nominees, page 12", "Board Committees, page 14"} <= {c.heading for c in located}
    # the caption is printed once above its run of comments, and each comment under its own caption
    by_number = numbered(text)
    for number, c in enumerate(comments, start=1):
        assert by_number[number][0] == c.heading


def test_the_36_vs_44_count_is_one_comment_with_its_facts(pre14a):
    text = letter.render(pre14a, date="2008-01-04")
    about_36 = [body for _, body in numbered(text).values() if re.search(r"\b36\b", body)]
    assert len(about_36) == 1
    assert re.search(r"\b44\b", about_36[0]) and "Please reconcile." in about_36[0]
    assert about_36[0].count("Please reconcile") == 1  # the request said once for the merged findings
    assert "73" in about_36[0] and "81" in about_36[0]  # the sum the same footnote breaks is the same problem


def test_each_comment_cites_its_requirement_as_staff_do(pre14a):
    text = letter.render(pre14a, date="2008-01-04")
    bodies = [body for _, body in numbered(text).values()]
    nominees = next(b for b in bodies if "recommended each new nominee" in b)
    assert nominees.endswith("Refer to Item 407(c)(2)(vii) of Regulation S-K.")
    for c in letter.comments([pre14a]):
        for f in c.findings:
            for part in f.citation.split(";"):
                assert part.strip() in " ".join(text.split())


def test_the_seeds_actual_staff_comments_each_have_a_drafted_counterpart(pre14a):
    """The staff's comments 1-3 (restated in the seed response) are all in the draft letter."""
    staff = read_letter(str(SEED_LETTER))
    bodies = [body for _, body in numbered(letter.render(pre14a, date="2008-01-04")).values()]
    assert any("36" in b and "44" in b for b in bodies)  # comment 1: portfolios listed
    for item in staff.items[1:3]:  # comments 2 and 3 cite Item 407(b)(1) and 407(c)(2)(vii)
        cited = {(c.item, c.paragraph) for c in item.citations}
        assert any(any(f"Item {i}{p}" in b for i, p in cited) for b in bodies), cited


def test_preliminary_asks_for_revision_definitive_for_future_filings(pre14a):
    preliminary = " ".join(letter.render(pre14a, date="2008-01-04").split())
    assert "by amending your filing" in preliminary and "future" not in preliminary.lower()
    definitive = review(str(DEF14A), form="DEF 14A", filed="2008-01-07")
    rendered = letter.render(definitive, date="2008-02-01")
    text = " ".join(rendered.split())
    assert "definitive proxy statement" in text and "amending your filing" not in text
    requests = [body for _, body in numbered(rendered).values()]
    assert requests and all("future filings" in r for r in requests), [r for r in requests if "future filings" not in r]
