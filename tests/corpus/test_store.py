"""The store: a file's records go in and out whole, and the text index follows the records."""

from __future__ import annotations

import sqlite3

import pytest

from tandy.corpus import Corpus
from tandy.corpus.model import CitationRecord, FileRecords, ItemRecord, LetterRecord, LocationRecord, PersonRecord, ProxyRecord
from tandy.corpus.search import citation_keys, citation_query_key
from tandy.corpus.store import Store


def letter_file(path: str, sha: str, comments: list[str]) -> FileRecords:
    letter = LetterRecord(path=path, sha256=sha, kind="staff_comment", date="2019-03-01", registrant="Acme Corp", cik="0000012345")
    items = [
        ItemRecord(
            letter_id=0, number=n, heading=None, comment=c, response=None, disposition=None,
            cited=[CitationRecord("Item 303(a) of Regulation S-K", "item", "S-K", "303", "(a)")],
            location=LocationRecord("2", 10 * n, 100 * n, 100 * n + 50),
        )
        for n, c in enumerate(comments, start=1)
    ]
    return FileRecords(path=path, sha256=sha, size=100, letter=letter, items=items)


def test_items_come_back_as_written(tmp_path):
    store = Store(tmp_path / "c.db")
    store.write([letter_file("/x/a.pdf", "aa", ["Please revise the MD&A.", "Tell us about goodwill."])])
    items = list(store.items())
    assert [i.number for i in items] == [1, 2]
    assert items[1].comment == "Tell us about goodwill."
    assert items[0].location == LocationRecord("2", 10, 100, 150)
    assert items[0].cited[0].number == "303" and items[0].cited[0].paragraph == "(a)"
    (letter,) = store.letters()
    assert (letter.registrant, letter.items, letter.cik) == ("Acme Corp", 2, "0000012345")


def test_a_changed_file_replaces_its_records_and_queues_their_removal(tmp_path):
    store = Store(tmp_path / "c.db")
    store.write([letter_file("/x/a.pdf", "aa", ["one", "two", "three"])])
    old_ids = [i.id for i in store.items()]
    store.write([letter_file("/x/a.pdf", "bb", ["only"])])
    assert [i.comment for i in store.items()] == ["only"]
    assert store.counts()["files"] == 1 and store.counts()["citations"] == 1
    assert sorted(store.fulltext_deletes()) == old_ids
    assert next(store.items()).id > max(old_ids)  # ids are never reused


def test_a_failed_batch_leaves_nothing_behind(tmp_path):
    store = Store(tmp_path / "c.db")
    store.write([letter_file("/x/a.pdf", "aa", ["kept"])])
    broken = letter_file("/x/b.pdf", "bb", ["lost"])
    broken.items[0].comment = None  # NOT NULL: the insert fails mid-batch
    with pytest.raises(sqlite3.IntegrityError):
        store.write([letter_file("/x/c.pdf", "cc", ["also lost"]), broken])
    assert [i.comment for i in store.items()] == ["kept"]
    assert set(store.recorded()) == {"/x/a.pdf"}


def test_proxy_people_and_committees_are_stored(tmp_path):
    store = Store(tmp_path / "c.db")
    proxy = ProxyRecord(registrant="Met Investors Series Trust", form="PRE 14A", filed=None,
                        people=[PersonRecord("Elizabeth M. Forget", age=41, roles=["nominee"])])
    store.write([FileRecords(path="/x/p.txt", sha256="pp", size=10, proxy=proxy)])
    assert store.counts()["people"] == 1
    row = store.db.execute("select name, age, roles from people").fetchone()
    assert row == ("Elizabeth M. Forget", 41, '["nominee"]')


def test_text_index_follows_the_store(tmp_path):
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.load([[letter_file("/x/a.pdf", "aa", ["Explain the goodwill impairment.", "Revise the segment note."])]])
        assert [h.item.number for h in corpus.search("goodwill")] == [1]
        corpus.load([[letter_file("/x/a.pdf", "bb", ["Segment reporting only."])]])
        assert corpus.search("goodwill") == []
        assert [h.item.comment for h in corpus.search("segment")] == ["Segment reporting only."]
        assert corpus.check() == {"duplicate_paths": [], "missing_text": [], "stray_text": [], "double_text": []}


def test_citation_keys_cover_each_leading_paragraph():
    cited = CitationRecord("Item 407(c)(2)(vii) of Regulation S-K", "item", "S-K", "407", "(c)(2)(vii)")
    keys = citation_keys(cited)
    assert {"407", "407(c)", "407(c)(2)", "407(c)(2)(vii)", "s-k:407(c)(2)(vii)"} <= set(keys)
    assert "407(b)" not in keys
    assert citation_query_key("407(c)(2)(vii)") == "407(c)(2)(vii)"
    assert citation_query_key("Item 407(c)(2)(vii) of Regulation S-K") == "s-k:407(c)(2)(vii)"
    assert citation_query_key("Rule 14a-6(a)") == "14a-6(a)"
