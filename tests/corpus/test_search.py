"""tandy search over the whole indexed corpus: the seed's phrases and citations find the seed's
items first, filters narrow on parsed fields, and --json prints the contract's shape."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import SEED_LETTER, needs_shared
from corpus_indexed import indexed  # noqa: F401  (a session fixture)
from tandy.corpus import Corpus, SearchError, semantic

pytestmark = [needs_shared, pytest.mark.corpus]

SEED = str(SEED_LETTER)


def first(hits):
    assert hits, "no hits"
    return hits[0].letter.path, hits[0].item.number


@pytest.mark.parametrize(
    ("query", "item"),
    [
        ("Tandy language", 4),
        ('"Tandy language"', 4),
        ('"portfolios of the Trust"', 1),
        ("portfolios of the Trust", 1),
        ('"75% of the total number of board and committee meetings"', 2),
        ("new nominees recommended", 3),
    ],
)
def test_the_seeds_phrases_find_its_items_first(indexed, query, item):  # noqa: F811
    corpus, _ = indexed
    assert first(corpus.search(query)) == (SEED, item)


@pytest.mark.parametrize("citation", ["407(c)(2)(vii)", "Item 407(c)(2)(vii) of Regulation S-K", "Section 407(c)(2)(vii) of Reg. S-K"])
def test_a_citation_filter_matches_the_parsed_citation(indexed, citation):  # noqa: F811
    corpus, _ = indexed
    hits = corpus.search("", citation=citation)
    assert first(hits) == (SEED, 3)
    assert all(any((c.number, (c.paragraph or "")[:11]) == ("407", "(c)(2)(vii)") for c in h.item.cited) for h in hits)


def test_a_citation_filter_takes_deeper_paragraphs_but_not_siblings(indexed):  # noqa: F811
    corpus, _ = indexed
    under_407 = {(h.letter.path, h.item.number) for h in corpus.search("", citation="407", limit=500)}
    assert {(SEED, 2), (SEED, 3)} <= under_407
    only_b = {(h.letter.path, h.item.number) for h in corpus.search("", citation="407(b)", limit=500)}
    assert (SEED, 2) in only_b and (SEED, 3) not in only_b
    # the words "407(c)(2)(vii)" alone do not make a citation filter match item 2
    assert (SEED, 2) not in {(h.letter.path, h.item.number) for h in corpus.search("", citation="407(c)", limit=500)}


def test_filters_narrow_on_the_letters_fields(indexed):  # noqa: F811
    corpus, _ = indexed
    hits = corpus.search("non-GAAP", kind="staff_comment", since="2016-01-01", until="2017-12-31", limit=50)
    assert hits
    assert all(h.letter.kind == "staff_comment" and "2016-01-01" <= h.letter.date <= "2017-12-31" for h in hits)
    assert first(corpus.search("Tandy", form="PRE 14A")) == (SEED, 4)
    assert first(corpus.search("Tandy", company="Met Investors")) == (SEED, 4)
    assert first(corpus.search("Tandy", company="1126087")) == (SEED, 4)
    assert corpus.search("Tandy language", kind="staff_comment", form="PRE 14A") == []
    assert corpus.search("portfolios", until="2007-12-31") == []


def test_prefix_queries_reach_inflected_words(indexed):  # noqa: F811
    corpus, _ = indexed
    plain = {h.item.id for h in corpus.search("reconcile", limit=1000)}
    prefixed = {h.item.id for h in corpus.search("reconcil*", limit=1000)}
    assert plain and plain <= prefixed
    assert any("reconciliation" in h.item.comment.lower() for h in corpus.search("reconcil*", limit=1000))


def test_highlights_mark_the_matched_words(indexed):  # noqa: F811
    corpus, _ = indexed
    hit = corpus.search("Tandy language")[0]
    assert "[Tandy] [language]" in hit.highlight


def test_a_bad_query_or_date_is_a_search_error(indexed):  # noqa: F811
    corpus, _ = indexed
    with pytest.raises(SearchError):
        corpus.search("Tandy", since="last year")
    with pytest.raises(SearchError):
        corpus.search("")
    with pytest.raises(SearchError):
        corpus.search("Tandy", citation="see above")


def test_search_json_lines_follow_the_contract(indexed):  # noqa: F811
    corpus, _ = indexed
    command = [sys.executable, "-m", "tandy", "search", "Tandy language", "--db", str(corpus.db_path), "--json", "--limit", "3"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert 1 <= len(lines) <= 3
    hit = lines[0]
    assert {"score", "comment", "response", "highlight", "letter", "item", "thread"} <= set(hit)
    assert set(hit["letter"]) >= {"path", "kind", "date", "registrant"}
    assert hit["letter"]["path"] == SEED and hit["item"] == 4
    assert hit["thread"]["cik"] == "0001126087" and hit["thread"]["status"] in ("open", "closed", "no_review")
    assert [h["score"] for h in lines] == sorted((h["score"] for h in lines), reverse=True)


def test_a_bad_filter_exits_2_with_one_line(indexed):  # noqa: F811
    corpus, _ = indexed
    command = [sys.executable, "-m", "tandy", "search", "Tandy", "--db", str(corpus.db_path), "--since", "soon"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "--since 'soon'" in done.stderr and done.stdout == ""


@pytest.mark.skipif(not semantic.available(), reason="the [semantic] extra (all-MiniLM-L6-v2) is not installed")
def test_similar_finds_a_comment_by_meaning(tmp_path):
    with Corpus(tmp_path / "s.db") as corpus:
        report = corpus.index([SEED], embed=True)
        assert report.embedded == 4
        assert corpus.index([SEED], embed=True).embedded == 0  # stored, never recomputed
        hits = corpus.similar("Ask the company to add the acknowledgment statements to its reply", limit=4)
        assert hits[0].item.number == 4
        hits = corpus.similar("directors who missed board meetings", limit=4)
        assert hits[0].item.number == 2
