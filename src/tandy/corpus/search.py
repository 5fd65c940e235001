"""Full-text search over comments and the responses that answered them: a tantivy index.

Measured before choosing (``benchmarks/bench_search.py``): at 100,000 items recombined from the
real letters, SQLite FTS5 ranks a common term ("company", "disclos*") in 100-450 ms, because bm25
has to score every matching row before it can sort; tantivy's block-max WAND gives the top ten in
well under a millisecond to a few milliseconds for phrases. The target is p95 < 50 ms, so the
text index is tantivy's, an embedded Rust library in a folder beside the SQLite file.

SQLite stays the truth. The text index is derived: it holds, per item, the words to match and the
fields to filter on (kind, forms, date, registrant, CIK, citation keys), and returns item ids;
the records, snippets and threads come from SQLite. :meth:`FullText.sync` brings it up to date
from the store's queue of pending items and deletions, idempotently (an item is deleted by id
before it is added), so a run killed between the two commits is repaired by the next one.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import tantivy

from tandy.corpus.model import CitationRecord, ItemRecord, LetterRecord
from tandy.corpus.records import normal_form
from tandy.corpus.settings import INDEX, SEARCH
from tandy.corpus.store import Store
from tandy.letters.citations import find_citations

#: The kinds of letter ``--kind`` may name (``tandy.letters.model.LetterKind``).
KINDS = ("staff_comment", "response", "closing", "other")

#: Text fields a query searches when it names none.
TEXT_FIELDS = ["comment", "response", "heading"]

_PREFIX_TERM = re.compile(r'(?<![\w"/:])(\w+)\*')
_BARE_CITATION = re.compile(r"^\s*(?:item|rule|section|§)?\s*([0-9][\w.-]*)\s*((?:\([^)]*\))*)\s*$", re.IGNORECASE)
_PARAGRAPH = re.compile(r"\([^)]*\)")
_CITED_NUMBER = re.compile(r"(?<![\w(])\d[\w.-]*(?:\([A-Za-z0-9]{1,5}\))+")
_EMPTY_QUOTES = re.compile(r'"\s*"')


class SearchError(ValueError):
    """A query or filter the index cannot run, worded for the person who typed it."""


class FullTextMissing(ValueError):
    """The text index beside a store is gone or unreadable; ``tandy index --rebuild-fulltext`` remakes it."""


@dataclass(slots=True)
class Filters:
    """What a search is narrowed to, besides its words."""

    citation: str | None = None
    form: str | None = None
    kind: str | None = None
    company: str | None = None
    since: str | None = None
    until: str | None = None


def check_form(form: str, known: Iterable[str]) -> None:
    """Refuse a ``--form`` no letter of the corpus is about or filed as, naming the nearest ones:
    "DEF14A" would otherwise quietly find nothing."""
    wanted, forms = normal_form(form), sorted(set(known))
    if wanted in forms:
        return
    squashed = (wanted or "").replace(" ", "")
    near = [f for f in forms if f.replace(" ", "") == squashed] or difflib.get_close_matches(squashed, forms, n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(repr(f) for f in near)}?" if near else f"the corpus has {', '.join(forms[:12])}"
    raise SearchError(f"--form {form!r} is no form of this corpus; {hint}")


def fulltext_path(db_path: str | Path) -> Path:
    """The full-text index's folder for a database: ``tandy.db`` -> ``tandy.db.fulltext``."""
    return Path(f"{db_path}.fulltext")


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("item_id", stored=True, indexed=True, fast=True)
    for name in TEXT_FIELDS:
        builder.add_text_field(name, stored=False, tokenizer_name="en_stem")
    builder.add_text_field("registrant", stored=False, tokenizer_name="default")
    for name in ("kind", "form", "cik", "cite"):
        builder.add_text_field(name, stored=False, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("date", stored=False, indexed=True, fast=True)
    return builder.build()


class FullText:
    """The text index of one corpus: written by :meth:`sync`, read by :meth:`search`."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        """Open (or, unless ``readonly``, create) the index; a read-only open of a missing or
        unreadable index raises :class:`FullTextMissing` instead of making an empty one."""
        self.path = Path(path)
        self.schema = _schema()
        if readonly:
            if not (self.path / "meta.json").is_file():
                raise FullTextMissing(f"its full-text index {self.path} is missing")
            try:
                self.index = tantivy.Index.open(str(self.path))
            except ValueError as exc:
                raise FullTextMissing(f"its full-text index {self.path} cannot be read ({exc})") from None
        else:
            self.path.mkdir(parents=True, exist_ok=True)
            self.index = tantivy.Index(self.schema, path=str(self.path), reuse=True)
        self._writer: tantivy.IndexWriter | None = None
        self._stemmer = (
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.stemmer("english"))
            .build()
        )

    # --- writing ------------------------------------------------------------------------------

    def sync(self, store: Store, batch: int = 5_000) -> int:
        """Apply the store's queued deletions and add its pending items; returns items added.

        Each round deletes by item id before adding, commits the text index, then tells the store;
        a crash after the first commit and before the second repeats the round harmlessly.
        """
        added_total = 0
        while True:
            deleted = store.fulltext_deletes()
            pending = store.pending_fulltext(batch)
            if not deleted and not pending:
                return added_total
            writer = self._writer_open()
            for item_id in deleted:
                writer.delete_documents_by_term("item_id", item_id)
            for item, letter in pending:
                writer.delete_documents_by_term("item_id", item.id)
                writer.add_document(self._document(item, letter))
            writer.commit()
            store.fulltext_done([item.id for item, _ in pending], deleted)
            added_total += len(pending)

    def close(self) -> None:
        """Release the writer (and its lock) so another process may write."""
        if self._writer is not None:
            self._writer.wait_merging_threads()
            self._writer = None

    def _writer_open(self) -> tantivy.IndexWriter:
        if self._writer is None:
            self._writer = self.index.writer(heap_size=INDEX.fulltext_memory_bytes, num_threads=min(2, os.cpu_count() or 1))
        return self._writer

    def _document(self, item: ItemRecord, letter: LetterRecord) -> tantivy.Document:
        doc = tantivy.Document(item_id=item.id, comment=item.comment, kind=letter.kind)
        if item.response:
            doc.add_text("response", item.response)
        if item.heading:
            doc.add_text("heading", item.heading)
        if letter.registrant:
            doc.add_text("registrant", letter.registrant)
        if letter.cik:
            doc.add_text("cik", letter.cik)
        for form in {normal_form(letter.form_reviewed), normal_form(letter.edgar_form)} - {None}:
            doc.add_text("form", form)
        if letter.date:
            doc.add_integer("date", _day(letter.date))
        for key in dict.fromkeys(k for c in item.cited for k in citation_keys(c)):
            doc.add_text("cite", key)
        return doc

    # --- reading ------------------------------------------------------------------------------

    def count(self) -> int:
        """Entries the index holds (live, deleted ones not counted)."""
        self.index.reload()
        return self.index.searcher().num_docs

    def item_ids(self) -> list[int]:
        """Every item id the index holds (for consistency checks)."""
        self.index.reload()
        searcher = self.index.searcher()
        result = searcher.search(tantivy.Query.all_query(), limit=max(1, searcher.num_docs))
        return sorted(searcher.doc(address)["item_id"][0] for _, address in result.hits)

    def search(self, query: str, filters: Filters, limit: int) -> list[tuple[float, int]]:
        """(score, item id) of the best matches, best first."""
        self.index.reload()
        searcher = self.index.searcher()
        clauses = [(tantivy.Occur.Must, q) for q in self._filter_queries(filters)]
        text = self.text_query(query)
        if text is not None:
            clauses.insert(0, (tantivy.Occur.Must, text))
        if not clauses:
            raise SearchError("give words to search for, or a filter such as --citation")
        combined = clauses[0][1] if len(clauses) == 1 else tantivy.Query.boolean_query(clauses)
        result = searcher.search(combined, limit=limit, count=False)
        return [(score, searcher.doc(address)["item_id"][0]) for score, address in result.hits]

    def resembling(self, text: str, limit: int, until: str | None = None) -> list[tuple[float, int]]:
        """(BM25 score, item id) of the items sharing most (and rarest) words with ``text``, any word
        sufficing: a comment used as a query, for precedents, rather than words a person typed.
        ``until`` (ISO): only letters dated on or before it, filtered in the index so that the
        ``limit`` best are all usable."""
        words = " ".join(dict.fromkeys(w.lower() for w in re.findall(r"[^\W\d_]{3,}", text)))
        if not words:
            return []
        self.index.reload()
        searcher = self.index.searcher()
        query = self.index.parse_query(words, ["comment", "heading"])
        if until:
            dated = tantivy.Query.range_query(self.schema, "date", tantivy.FieldType.Integer, None, _day(until))
            query = tantivy.Query.boolean_query([(tantivy.Occur.Must, query), (tantivy.Occur.Must, dated)])
        result = searcher.search(query, limit=limit, count=False)
        return [(score, searcher.doc(address)["item_id"][0]) for score, address in result.hits]

    def text_query(self, query: str) -> tantivy.Query | None:
        """The words of a query, every one required; "quoted phrases" and ``prefix*`` terms work.

        Citations in it ("Item 407(c)(2)(vii)", "407(c)(2)(vii)", "Rule 14a-6(a)") are taken out
        first, because their parentheses are the parser's grouping: each must match, as a parsed
        citation of the comment or as the same words in its text. What the parser still cannot
        read ("foo AND (") is searched as its plain words rather than refused.
        """
        cited, rest = split_citations(query)
        clauses = [(tantivy.Occur.Must, self._citation_clause(key, text)) for key, text in cited]
        words = self._words_query(rest)
        if words is not None:
            clauses.append((tantivy.Occur.Must, words))
        if not clauses:
            return None
        return clauses[0][1] if len(clauses) == 1 else tantivy.Query.boolean_query(clauses)

    def _words_query(self, text: str) -> tantivy.Query | None:
        if not re.search(r"\w", text):
            return None
        try:
            rewritten = _PREFIX_TERM.sub(self._prefix_clause, text)
            return self.index.parse_query(rewritten, TEXT_FIELDS, conjunction_by_default=True, allow_regexes=True)
        except ValueError:
            plain = " ".join(word.lower() for word in re.findall(r"\w+", text))
            return self.index.parse_query(plain, TEXT_FIELDS, conjunction_by_default=True)

    def _citation_clause(self, key: str, text: str) -> tantivy.Query:
        """A citation found by its key among the comment's parsed citations, or as a phrase of its text."""
        phrase = " ".join(re.findall(r"\w+", text.lower()))
        options = [(tantivy.Occur.Should, tantivy.Query.term_query(self.schema, "cite", key))]
        if phrase:
            options.append((tantivy.Occur.Should, self.index.parse_query(f'"{phrase}"', TEXT_FIELDS)))
        return tantivy.Query.boolean_query(options)

    def highlighter(self, query: str) -> Callable[[ItemRecord], str]:
        """A function giving an item's best passage (comment, response or heading) with the matched
        words in [brackets]; its snippet generators are built once for all the hits of a query."""
        text_query = self.text_query(query)
        if text_query is None:
            return lambda item: _shorten(item.comment)
        searcher = self.index.searcher()
        generators = {}
        for name in TEXT_FIELDS:
            generators[name] = tantivy.SnippetGenerator.create(searcher, text_query, self.schema, name)
            generators[name].set_max_num_chars(SEARCH.snippet_chars)

        def highlight(item: ItemRecord) -> str:
            best, best_hits = _shorten(item.comment), 0
            for name, text in (("comment", item.comment), ("response", item.response), ("heading", item.heading)):
                if text:
                    snippet = generators[name].snippet_from_doc(tantivy.Document(**{name: text}))
                    ranges = snippet.highlighted()
                    if len(ranges) > best_hits:
                        best, best_hits = _marked(snippet.fragment(), ranges), len(ranges)
            return best

        return highlight

    def _prefix_clause(self, match: re.Match[str]) -> str:
        """``disclos*`` as a regular expression on the stems: "disclosure" is indexed "disclosur"."""
        word = match.group(1).lower()
        stems = self._stemmer.analyze(word)
        stem = os.path.commonprefix([word, stems[0]]) if stems else word
        return "(" + " OR ".join(f"{name}:/{re.escape(stem)}.*/" for name in TEXT_FIELDS) + ")"

    def _filter_queries(self, filters: Filters) -> Iterable[tantivy.Query]:
        if filters.kind and filters.kind not in KINDS:
            raise SearchError(f"--kind {filters.kind!r} is not a kind of letter (one of {', '.join(KINDS)})")
        if filters.kind:
            yield tantivy.Query.term_query(self.schema, "kind", filters.kind)
        if filters.form:
            yield tantivy.Query.term_query(self.schema, "form", normal_form(filters.form))
        if filters.citation:
            yield tantivy.Query.term_query(self.schema, "cite", citation_query_key(filters.citation))
        if filters.company:
            yield self._company_query(filters.company)
        if filters.since or filters.until:
            low = _day(_iso(filters.since, "--since")) if filters.since else None
            high = _day(_iso(filters.until, "--until")) if filters.until else None
            yield tantivy.Query.range_query(self.schema, "date", tantivy.FieldType.Integer, low, high)

    def _company_query(self, company: str) -> tantivy.Query:
        """A CIK (digits) matches exactly; a name matches when every word of it is in the registrant's."""
        digits = re.sub(r"\D", "", company)
        if digits and digits == company.strip():
            return tantivy.Query.term_query(self.schema, "cik", digits.zfill(10))
        words = re.findall(r"\w+", company.lower())
        if not words:
            raise SearchError(f"--company {company!r} names no company")
        terms = [(tantivy.Occur.Must, tantivy.Query.term_query(self.schema, "registrant", w)) for w in words]
        return tantivy.Query.boolean_query(terms)


def citation_keys(citation: CitationRecord) -> list[str]:
    """The keys a citation is found under: its number with each leading run of its paragraph,
    bare and qualified by its regulation or form.

    "Item 407(c)(2)(vii) of Regulation S-K" is found as "407", "407(c)", "407(c)(2)",
    "407(c)(2)(vii)" and the same with "s-k:" before each, so asking for "407(c)" finds every
    more specific paragraph of it, and nothing of "407(b)".
    """
    if not citation.number:
        return []
    number = _key_part(citation.number)
    parts = _PARAGRAPH.findall(_key_part(citation.paragraph or ""))
    keys = [number + "".join(parts[:n]) for n in range(len(parts) + 1)]
    qualifier = _key_part(citation.regulation or "")
    return keys + [f"{qualifier}:{k}" for k in keys] if qualifier else keys


def split_citations(query: str) -> tuple[list[tuple[str, str]], str]:
    """The citations a query names, as (index key, text), and the query without them.

    A citation is what a letter would cite ("Item 407(c)(2)(vii) of Regulation S-K") or a bare
    number with paragraphs ("407(c)(2)(vii)", "14a-6(a)"); a bare number alone ("2019") stays a word.
    """
    from tandy.corpus.index import citation_record

    cited, spans = [], []
    for found in find_citations(query):
        keys = citation_keys(citation_record(found))
        if keys and found.start is not None and found.end is not None:
            cited.append((keys[-1], found.text))
            spans.append((found.start, found.end))
    for match in _CITED_NUMBER.finditer(query):
        if not any(start <= match.start() < end for start, end in spans):
            cited.append((_key_part(match.group()), match.group()))
            spans.append(match.span())
    rest = query
    for start, end in sorted(spans, reverse=True):
        rest = rest[:start] + " " + rest[end:]
    return cited, _EMPTY_QUOTES.sub(" ", rest)


def citation_query_key(text: str) -> str:
    """The key a ``--citation`` asks for: parsed like a letter's citation when it reads as one
    ("Item 407(c)(2)(vii) of Regulation S-K"), else a bare number and paragraph ("407(c)(2)(vii)")."""
    from tandy.corpus.index import citation_record

    found = find_citations(text)
    if found:
        return citation_keys(citation_record(found[0]))[-1]
    match = _BARE_CITATION.match(text)
    if not match:
        raise SearchError(f"--citation {text!r} is not a citation (try \"407(c)(2)(vii)\" or \"Rule 14a-6(a)\")")
    return _key_part(match.group(1) + match.group(2))


def _key_part(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _day(iso: str) -> int:
    """An ISO date as the integer the index filters on: "2008-01-03" -> 20080103."""
    return int(iso[:10].replace("-", ""))


def _iso(text: str, option: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise SearchError(f"{option} {text!r} is not a date like 2016-01-01") from exc


def _marked(fragment: str, ranges: list) -> str:
    """The fragment with each highlighted range in brackets (the contract's ``"...[Tandy]..."``)."""
    out, at = [], 0
    for r in ranges:
        out += [fragment[at : r.start], SEARCH.highlight_open, fragment[r.start : r.end], SEARCH.highlight_close]
        at = r.end
    out.append(fragment[at:])
    return "".join(out)


def _shorten(text: str) -> str:
    limit = SEARCH.snippet_chars
    return text if len(text) <= limit else text[: limit - 1] + "…"
