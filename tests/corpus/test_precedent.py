"""Precedents over the whole indexed corpus: the seed's 407 comments find the corpus's 407 comments,
the letter's own review and later letters never count, and --json adds them to the letter shape."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import SEED_LETTER, needs_shared
from corpus_indexed import indexed  # noqa: F401  (a session fixture)
from tandy.corpus.model import CitationRecord
from tandy.corpus.precedent import _ranks, normal_citations
from tandy.letters import read_letter

pytestmark = [needs_shared, pytest.mark.corpus]


def test_two_spellings_of_one_requirement_are_one_citation():
    from tandy.corpus.index import citation_record
    from tandy.letters.citations import find_citations

    spelled = [find_citations(t)[0] for t in ("Section 407(c)(2)(vii) of Reg. S-K", "Item 407(c)(2)(vii) of Regulation S-K", "Item 407(c)(2)(vii)")]
    assert {normal_citations([citation_record(c)]) for c in spelled} == {frozenset({"407(c)(2)(vii)"})}
    assert normal_citations([CitationRecord("Rule 14a-6(a)", "rule", number="14a-6", paragraph="(a)")]) == {"14a-6(a)"}


def test_equal_scores_share_a_rank():
    assert list(_ranks([(1.0, 7), (3.0, 8), (1.0, 9), (2.0, 10)])) == [(1, 8), (2, 10), (3, 7), (3, 9)]


def test_the_seeds_407_comments_get_precedents_citing_item_407(indexed):  # noqa: F811
    corpus, _ = indexed
    letter = read_letter(str(SEED_LETTER))
    found = {c.item.number: c for c in corpus.precedents(letter, k=5, any_date=True)}
    for number in (2, 3):
        matches = found[number].matches
        assert matches and any(key.startswith("407") for key in matches[0].precedent.citations)
        assert all(m.precedent.letter.path != str(SEED_LETTER) for m in matches)  # its own review never counts
        assert "precedents: answers" in found[number].summary.line()
    # comment 1 (the 36-vs-44 count) cites nothing, and the 407 comments are not forced on it
    assert not any(any(k.startswith("407") for k in m.precedent.citations) for m in found[1].matches)


def test_precedent_is_what_was_there_before(indexed):  # noqa: F811
    corpus, _ = indexed
    # the seed (January 2008) is the corpus's earliest letter: nothing came before it
    assert all(not c.matches for c in corpus.precedents(str(SEED_LETTER)))
    assert "no earlier comment" in corpus.precedents(str(SEED_LETTER))[0].summary.line()
    staff = [l for l in corpus.letters() if l.kind == "staff_comment" and l.items >= 3 and (l.date or "") >= "2020-01-01"]
    letter = read_letter(sorted(staff, key=lambda l: l.date)[len(staff) // 2].path)
    index = corpus.precedent_index()
    own = corpus._thread_of(letter, index)
    assert own is not None
    results = corpus.precedents(letter, k=5)
    assert any(c.matches for c in results)
    for comment in results:
        assert len(comment.matches) <= 5
        assert [m.score for m in comment.matches] == sorted((m.score for m in comment.matches), reverse=True)
        for m in comment.matches:
            assert m.precedent.thread != own and m.precedent.date <= letter.date


def test_precedents_json_adds_them_to_each_item(indexed):  # noqa: F811
    corpus, _ = indexed
    command = [sys.executable, "-m", "tandy", "precedents", str(SEED_LETTER), "--db", str(corpus.db_path), "--json", "--any-date", "-k", "3"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 0, done.stderr
    shape = json.loads(done.stdout)
    assert shape["source"]["path"] == str(SEED_LETTER) and len(shape["items"]) == 4
    fields = {"path", "accession", "company", "date", "form", "number", "comment", "citations", "disposition", "response", "outcome", "score"}
    third = shape["items"][2]["precedents"]
    assert 1 <= len(third) <= 3 and all(fields <= set(p) for p in third)
    assert any("407" in c for c in third[0]["normalised_citations"])
    assert third[0]["outcome"] in ("closed", "reissued", "further comments", "open")


def test_precedents_of_a_missing_database_is_one_line(tmp_path):
    command = [sys.executable, "-m", "tandy", "precedents", str(SEED_LETTER), "--db", str(tmp_path / "none.db")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == "" and len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "none.db").exists()


def test_an_early_letter_still_gets_the_few_letters_before_it(indexed):  # noqa: F811
    """Later letters are set aside before each signal keeps its best, not after: most of the
    corpus is later than March 2016, and must not crowd out what came before."""
    corpus, _ = indexed
    from conftest import corpus as shared

    letter = read_letter(str(shared("letters", "len_upload_2016-03-11_0000000000-16-068040.pdf")))
    results = corpus.precedents(letter, k=5)
    assert all(len(c.matches) == 5 for c in results)
    assert all(m.precedent.date <= "2016-03-11" for c in results for m in c.matches)
