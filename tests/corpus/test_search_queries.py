"""What a person types into ``tandy search``: citations as plain words, queries the parser cannot
read, filters that name nothing in the corpus, and a search that finds nothing."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import SEED_LETTER, needs_shared
from corpus_indexed import indexed  # noqa: F401  (a session fixture)
from tandy.corpus import SearchError
from tandy.corpus.search import split_citations

pytestmark = [needs_shared, pytest.mark.corpus]

SEED = str(SEED_LETTER)


@pytest.mark.parametrize("query", ["Item 407(c)(2)(vii)", "407(c)(2)(vii)", "Item 407(c)(2)(vii) of Regulation S-K", '"407(c)(2)(vii)"'])
def test_a_citation_typed_as_words_finds_the_seed(indexed, query):  # noqa: F811
    corpus, _ = indexed
    hits = corpus.search(query, limit=20)
    assert (SEED, 3) in [(h.letter.path, h.item.number) for h in hits]
    # every hit cites the paragraph or spells it out; item 2 (407(b)(1) only) is not among them
    assert (SEED, 2) not in [(h.letter.path, h.item.number) for h in hits]


def test_citations_and_words_are_split_apart():
    cited, rest = split_citations("nominee Item 407(c)(2)(vii) of Regulation S-K and 14a-6(a) in 2019")
    assert [key for key, _ in cited] == ["s-k:407(c)(2)(vii)", "14a-6(a)"]
    assert rest.split() == ["nominee", "and", "in", "2019"]


@pytest.mark.parametrize("query", ["nominees AND (", "nominees^", 'nominees "recommended', "recommended: nominees"])
def test_a_query_the_parser_cannot_read_is_searched_as_plain_words(indexed, query):  # noqa: F811
    corpus, _ = indexed
    hits = corpus.search(query, limit=50)
    assert hits
    assert all("nomine" in (h.item.comment + (h.item.response or "") + (h.item.heading or "")).lower() for h in hits)


def test_unknown_filter_values_are_refused_with_the_nearest(indexed):  # noqa: F811
    corpus, _ = indexed
    with pytest.raises(SearchError, match="did you mean 'DEF 14A'"):
        corpus.search("Tandy", form="DEF14A")
    with pytest.raises(SearchError, match="not a kind of letter"):
        corpus.search("Tandy", kind="staff")
    assert corpus.search("Tandy", form="pre 14a")  # case and spacing as EDGAR spells it are fine


def test_no_results_is_said(indexed):  # noqa: F811
    corpus, _ = indexed
    command = [sys.executable, "-m", "tandy", "search", "zzqxv nominees", "--db", str(corpus.db_path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 0 and done.stdout == ""
    assert done.stderr.strip() == "no results"
    bad = subprocess.run([*command[:4], "Tandy", *command[5:], "--kind", "letter"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and bad.stdout == "" and len(bad.stderr.strip().splitlines()) == 1
