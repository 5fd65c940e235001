"""``tandy stats`` numbers on the real review threads, the topic classifier, and the HTML report."""

from __future__ import annotations

import base64
import re

import pytest

from conftest import CORPUS, needs_shared, thread_documents
from tandy.corpus.model import ItemRecord
from tandy.corpus.records import records_from_files
from tandy.corpus.stats import citation_key, corpus_stats, topics
from tandy.corpus.stats_report import html_report, write_html_report
from tandy.corpus.threads import build_threads

THREADS = CORPUS / "threads"


@pytest.fixture(scope="module")
def stats():
    if not THREADS.is_dir():
        pytest.skip("../shared/corpus/threads is absent: real review threads not available")
    letters, items = records_from_files(sorted(str(p) for p in THREADS.glob("*/*/filings/*/filename1.*")))
    return corpus_stats(letters, items, build_threads(letters, items))


@needs_shared
def test_counts_add_up(stats):
    assert stats.letters == thread_documents()
    assert sum(n for _, n in stats.table("Letters by year").rows) == stats.letters
    assert sum(n for _, n in stats.table("Threads by year").rows) == stats.threads
    assert sum(n for _, n in stats.table("Threads by status").rows) == stats.threads
    assert sum(n for _, n in stats.table("Threads by rounds").rows) == stats.threads
    closed = dict(stats.table("Threads by status").rows)["closed"]
    # a closing letter whose review began before 2016 has no comment letter: no days to close
    assert sum(n for _, n in stats.table("Closed reviews by days to close").rows) == stats.days_to_close["reviews"] <= closed


@needs_shared
def test_the_corpus_is_mostly_10k_reviews_closed_within_two_months(stats):
    forms = stats.table("Threads by form reviewed").rows
    assert forms[0][0] == "10-K" and forms[0][1] > stats.threads / 2
    assert 7 <= stats.days_to_close["min"] <= stats.days_to_close["median"] <= 60
    assert stats.days_to_close["max"] == 280  # Vertex, 13 May 2016 to 17 February 2017, four rounds


@needs_shared
def test_non_gaap_is_what_staff_ask_about_most(stats):
    """Item 10(e) of Regulation S-K governs non-GAAP measures: the most cited rule, the top topic."""
    assert stats.table("Top citations").rows[0][0] == "Item 10(e) of Regulation S-K"
    ranked = [t for t, _ in stats.table("Comments by topic").rows if t != "other"]
    assert ranked[0] == "non-GAAP"
    dispositions = dict(stats.table("Responses by disposition").rows)
    assert max(dispositions, key=dispositions.get) == "future_filings"


def test_topics_of_comments():
    assert topics("Please reconcile Adjusted EBITDA to net income, the most comparable GAAP measure.") == ["non-GAAP"]
    assert "goodwill and impairment" in topics("Tell us how you tested goodwill of each reporting unit for impairment.")
    assert "cybersecurity" in topics("Describe your processes for assessing material risks from cybersecurity threats.")
    assert "climate" in topics("Disclose the weather-related impacts on the cost of insurance.")
    assert topics("Please file the legality opinion by amendment.") == ["exhibits"]
    assert topics("Please revise the cover page to state the number of shares offered.") == ["other"]


def test_citations_counted_at_the_level_people_use():
    assert citation_key("ASC 606-10-50-5") == "ASC 606"
    assert citation_key("Item 10(e)(1)(i)(B) of Regulation S-K") == "Item 10(e) of Regulation S-K"
    assert citation_key("Rule 3-05 of Regulation S-X") == "Rule 3-05 of Regulation S-X"
    assert citation_key("Form 10-K") is None


def test_report_is_one_self_contained_file_and_never_clobbers(tmp_path):
    item = ItemRecord(letter_id=1, number=1, heading=None, comment="Reconcile the non-GAAP measure.", response=None,
                      disposition=None, citations=["Item 10(e)(1)(i)(A) of Regulation S-K"])
    from tandy.corpus.model import LetterRecord

    letter = LetterRecord(path="a", sha256="", kind="staff_comment", date="2024-01-02", registrant="X", cik="1", id=1, items=1)
    stats = corpus_stats([letter], {1: [item]}, build_threads([letter]))
    page = html_report(stats)
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    assert len(images) == len(stats.tables) - sum(not t.rows for t in stats.tables)
    assert base64.b64decode(images[0]).startswith(b"\x89PNG")
    assert "http" not in page.replace("http-equiv", "")  # nothing fetched from anywhere
    target = tmp_path / "report.html"
    target.write_text("keep me")
    with pytest.raises(FileExistsError):
        write_html_report(stats, target)
    assert target.read_text() == "keep me"
    write_html_report(stats, target, force=True)
    assert target.read_text().startswith("<!doctype html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary left behind
