"""Precedent: for a staff comment, the earlier comments most like it, how they were answered, and
what happened next.

The corpus holds each comment twice when both sides of the loop are in it: in the staff letter,
and restated in the response that answers it. A :class:`Precedent` is one comment once: the staff
item paired with the response item of the same number in the same review (the response is where
the answer and its disposition are), or a response item alone where the staff letter is missing.

Ranking is a hybrid, because each signal misses what another catches: words (tantivy's BM25 on
the comment), the requirement cited (citations normalised to number and paragraph, so "Section
407(c)(2)(vii) of Reg. S-K" and "Item 407(c)(2)(vii) of Regulation S-K" are one; rarer keys weigh
more), the topic (:func:`tandy.corpus.stats.topics`), and sentence embeddings when the
``[semantic]`` extra and stored vectors are there. Each signal ranks candidates on its own; the
ranks are fused by reciprocal rank fusion, which needs no common scale between BM25 scores,
citation weights and cosines. The query's own review never counts, nor (by default) anything
dated after the query letter: precedent is what counsel could have read at the time.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from tandy.corpus.model import CitationRecord, ItemRecord, LetterRecord, Thread
from tandy.corpus.search import citation_keys
from tandy.corpus.stats import NO_TOPIC, topics
from tandy.corpus.threads import reissued_comments


@dataclass(frozen=True, slots=True)
class PrecedentSettings:
    """How candidates are drawn and fused.

    ``depth``: how many candidates each signal ranks, after the query's own review and later
    letters are set aside (more costs time, fewer loses recall).
    ``fusion_k``: the constant of reciprocal rank fusion, 1 / (k + rank); 60 is the value of
    Cormack et al. (2009), which damps the difference between rank 1 and rank 2 of one signal so
    that agreement across signals wins. ``weights``: how much each signal's ranks count.
    """

    depth: int = 200
    fusion_k: int = 60
    weights: tuple[tuple[str, float], ...] = (("text", 1.0), ("citation", 1.0), ("topic", 0.5), ("meaning", 1.0))


SETTINGS = PrecedentSettings()
SIGNALS = tuple(name for name, _ in SETTINGS.weights)


@dataclass(slots=True)
class Precedent:
    """One earlier comment, once, with its answer and what followed."""

    comment: ItemRecord
    letter: LetterRecord
    thread: int
    response: ItemRecord | None = None
    response_letter: LetterRecord | None = None
    outcome: str = "unknown"
    rounds: int = 0
    topics: frozenset[str] = frozenset()
    keys: frozenset[str] = frozenset()
    citations: frozenset[str] = frozenset()
    requirements: frozenset[str] = frozenset()

    @property
    def disposition(self) -> str | None:
        return self.response.disposition if self.response else None

    @property
    def answer(self) -> str | None:
        return self.response.response if self.response else None

    @property
    def date(self) -> str | None:
        return self.letter.date


@dataclass(slots=True)
class Match:
    """A precedent found for a comment, with its fused score (higher is closer)."""

    score: float
    precedent: Precedent


@dataclass(slots=True)
class Query:
    """A comment to find precedent for: its words, the requirements it cites, its topics."""

    text: str
    keys: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    exclude_thread: int | None = None
    before: str | None = None
    vector: object = None

    @classmethod
    def of(cls, text: str, cited: Iterable[CitationRecord], **kw) -> Query:
        return cls(text=text, keys=frozenset(cite_keys(cited)), topics=frozenset(comment_topics(text)), **kw)


@dataclass(slots=True)
class Summary:
    """How answers to comments like this one went: dispositions, and how often staff came back."""

    dispositions: Counter = field(default_factory=Counter)
    outcomes: Counter = field(default_factory=Counter)
    total: int = 0

    def line(self) -> str:
        if not self.total:
            return "no earlier comment like this one in the corpus"
        answered = ", ".join(f"{n} {d.replace('_', ' ')}" for d, n in self.dispositions.most_common()) or "none answered in the corpus"
        back = self.outcomes.get("reissued", 0)
        closed = self.outcomes.get("closed", 0)
        return (
            f"{self.total} precedents: answers {answered}; staff came back to {back} of {self.total}, "
            f"the review closed after {closed}"
        )


def summarize(matches: list[Match]) -> Summary:
    return Summary(
        dispositions=Counter(m.precedent.disposition for m in matches if m.precedent.disposition),
        outcomes=Counter(m.precedent.outcome for m in matches),
        total=len(matches),
    )


def cite_keys(cited: Iterable[CitationRecord]) -> list[str]:
    """Every key a citation list is found under, the bare ones (number and paragraph) only: whether a
    letter names the regulation ("of Regulation S-K") is a matter of style, not of requirement."""
    return list(dict.fromkeys(k for c in cited for k in citation_keys(c) if ":" not in k))


def normal_citations(cited: Iterable[CitationRecord]) -> frozenset[str]:
    """Each citation as one normalised key, its full number and paragraph: "407(c)(2)(vii)"."""
    return frozenset(keys[len(keys) // 2 - 1] if ":" in keys[-1] else keys[-1] for c in cited if (keys := citation_keys(c)))


def requirements(cited: Iterable[CitationRecord]) -> frozenset[str]:
    """The requirements cited, each as regulation (or form) and number: "s-k:407", "schedule14a:22",
    "14a-9". Item numbers repeat across Regulation S-K, Schedule 14A and the forms, so an item
    counts only with its qualifier; an unqualified three- or four-digit item can only be
    Regulation S-K's, and a rule number ("14a-9") names one rule wherever it is cited."""
    found = set()
    for c in cited:
        if not c.number:
            continue
        number = c.number.lower().replace(" ", "")
        qualifier = (c.regulation or "").lower().replace(" ", "")
        if qualifier:
            found.add(f"{qualifier}:{number}")
        elif c.kind == "rule" or not number.isdigit():
            found.add(number)
        elif len(number) >= 3:
            found.add(f"s-k:{number}")
    return frozenset(found)


def comment_topics(text: str) -> list[str]:
    return [t for t in topics(text) if t != NO_TOPIC]


class PrecedentIndex:
    """Every comment of a corpus once, paired with its answer and outcome, ready to rank.

    Built once from the records (no document is re-read); :meth:`rank` runs the signals and fuses
    them. ``text_search`` gives (score, item id) by BM25 for a text; ``vectors`` maps item ids to
    unit embeddings when the semantic extra is there.
    """

    def __init__(self, letters: list[LetterRecord], items: list[ItemRecord], threads: list[Thread], text_search=None, vectors=None):
        self.text_search = text_search
        self.vectors = vectors or {}
        self.precedents = _pair(letters, items, threads)
        self.by_item = {}
        for number, p in enumerate(self.precedents):
            self.by_item[p.comment.id] = number
            if p.response is not None:
                self.by_item[p.response.id] = number
        self.postings: dict[str, list[int]] = {}
        self.topic_postings: dict[str, list[int]] = {}
        for number, p in enumerate(self.precedents):
            for key in p.keys:
                self.postings.setdefault(key, []).append(number)
            for topic in p.topics:
                self.topic_postings.setdefault(topic, []).append(number)
        self.thread_of_letter = {l.id: p.thread for p in self.precedents for l in (p.letter, p.response_letter) if l is not None}

    # --- ranking --------------------------------------------------------------------------------

    def rank(self, query: Query, k: int = 5, signals: Iterable[str] = SIGNALS) -> list[Match]:
        """The ``k`` precedents closest to the query, best first, by reciprocal rank fusion."""
        allowed = self._allowed(query)
        weights = dict(SETTINGS.weights)
        fused: dict[int, float] = {}
        for name in signals:
            ranked = [(score, n) for score, n in getattr(self, f"_by_{name}")(query) if allowed(n)]
            for rank, number in _ranks(sorted(ranked, key=lambda pair: -pair[0])[: SETTINGS.depth]):
                fused[number] = fused.get(number, 0.0) + weights[name] / (SETTINGS.fusion_k + rank)
        best = sorted(fused.items(), key=lambda pair: (-pair[1], pair[0]))[:k]
        return [Match(score, self.precedents[number]) for number, score in best]

    def _allowed(self, query: Query):
        def allowed(number: int) -> bool:
            p = self.precedents[number]
            if query.exclude_thread is not None and p.thread == query.exclude_thread:
                return False
            return query.before is None or (p.date is not None and p.date <= query.before)

        return allowed

    def _by_text(self, query: Query) -> list[tuple[float, int]]:
        if self.text_search is None:
            return []
        seen: dict[int, float] = {}
        for score, item_id in self.text_search(query.text, SETTINGS.depth, query.before):
            number = self.by_item.get(item_id)
            if number is not None and number not in seen:
                seen[number] = score
        return [(score, number) for number, score in seen.items()]

    def _by_citation(self, query: Query) -> list[tuple[float, int]]:
        """Shared citation keys, each weighted by its rarity (IDF): sharing "407(c)(2)(vii)" says
        more than sharing "407", and far more than sharing a common "10(e)"."""
        total = len(self.precedents) or 1
        scores: Counter = Counter()
        for key in query.keys:
            postings = self.postings.get(key, [])
            weight = math.log(1 + total / len(postings)) if postings else 0.0
            for number in postings:
                scores[number] += weight
        return [(score, number) for number, score in scores.items()]

    def _by_topic(self, query: Query) -> list[tuple[float, int]]:
        """Topics shared over topics of either (Jaccard); many comments tie, and ties share a rank."""
        candidates = {n for topic in query.topics for n in self.topic_postings.get(topic, [])}
        scored = [(len(query.topics & self.precedents[n].topics) / len(query.topics | self.precedents[n].topics), n) for n in candidates]
        return scored

    def _by_meaning(self, query: Query) -> list[tuple[float, int]]:
        if query.vector is None or not self.vectors:
            return []
        import numpy as np

        numbers = [n for n, p in enumerate(self.precedents) if p.comment.id in self.vectors]
        if not numbers:
            return []
        matrix = np.stack([self.vectors[self.precedents[n].comment.id] for n in numbers])
        scores = matrix @ np.asarray(query.vector, dtype=np.float32)
        return [(float(score), number) for score, number in zip(scores, numbers)]


def _ranks(scored: list[tuple[float, int]]) -> Iterable[tuple[int, int]]:
    """(rank, candidate), best first; equal scores share the better rank (1 + how many beat them)."""
    ordered = sorted(scored, key=lambda pair: -pair[0])
    rank, previous = 0, None
    for position, (score, number) in enumerate(ordered, start=1):
        if score != previous:
            rank, previous = position, score
        yield rank, number


# --- pairing comments with answers and outcomes ------------------------------------------------------


def _pair(letters: list[LetterRecord], items: list[ItemRecord], threads: list[Thread]) -> list[Precedent]:
    """Each comment once: a staff item with the answering response item, or a response item alone."""
    by_letter: dict[int, list[ItemRecord]] = {}
    for item in items:
        by_letter.setdefault(item.letter_id, []).append(item)
    found: list[Precedent] = []
    for number, thread in enumerate(threads):
        staff = [l for l in thread.letters if l.kind == "staff_comment"]
        rounds = [by_letter.get(l.id, []) for l in staff]
        answered: set[int] = set()
        for round_no, letter in enumerate(staff):
            reply = _reply(thread, letter)
            answers = {i.number: i for i in by_letter.get(reply.id, [])} if reply else {}
            for item in by_letter.get(letter.id, []):
                response = answers.get(item.number) if item.number is not None else None
                if response is not None:
                    answered.add(response.id)
                outcome = _outcome(thread, staff, rounds, round_no, item)
                found.append(_precedent(item, letter, number, response, reply if response else None, outcome, thread.rounds))
        for letter in thread.letters:
            if letter.kind != "response":
                continue
            for item in by_letter.get(letter.id, []):
                if item.id not in answered:
                    outcome = _response_outcome(thread, letter)  # a response answers a round, seen or not
                    found.append(_precedent(item, letter, number, item, letter, outcome, max(1, thread.rounds)))
    return found


def _precedent(item, letter, thread, response, response_letter, outcome, rounds) -> Precedent:
    """The comment's citations and topics are read from the staff item and the response's
    restatement alike: either may spell a citation the parser reads and the other not."""
    cited = [*item.cited, *(response.cited if response is not None and response is not item else [])]
    return Precedent(
        comment=item,
        letter=letter,
        thread=thread,
        response=response,
        response_letter=response_letter,
        outcome=outcome,
        rounds=rounds,
        topics=frozenset(comment_topics(item.comment)),
        keys=frozenset(cite_keys(cited)),
        citations=normal_citations(cited),
        requirements=requirements(cited),
    )


def _reply(thread: Thread, letter: LetterRecord) -> LetterRecord | None:
    """The first response after a staff letter and before the next one."""
    after = thread.letters[thread.letters.index(letter) + 1 :]
    for later in after:
        if later.kind == "staff_comment":
            return None
        if later.kind == "response":
            return later
    return None


def _outcome(thread: Thread, staff: list[LetterRecord], rounds: list[list[ItemRecord]], round_no: int, item: ItemRecord) -> str:
    """What followed this round for this comment: reissued, more comments on other points, closed, open."""
    later = [i for r in rounds[round_no + 1 :] for i in r]
    if later and item.number is not None and item.number in reissued_comments([[item], later]):
        return "reissued"
    if round_no + 1 < len(staff):
        return "further comments"
    return "closed" if thread.status == "closed" else "open"


def _response_outcome(thread: Thread, response: LetterRecord) -> str:
    """For a response whose staff letter is not in the corpus: did staff write again after it?"""
    after = thread.letters[thread.letters.index(response) + 1 :]
    if any(l.kind == "staff_comment" for l in after):
        return "further comments"
    return "closed" if thread.status == "closed" else "open"


def outcome_text(p: Precedent) -> str:
    rounds = f"{p.rounds} round{'s' if p.rounds != 1 else ''}"
    return {
        "reissued": f"reissued by staff ({rounds})",
        "further comments": f"not reissued; staff commented again on other points ({rounds})",
        "closed": f"review closed after this round ({rounds})",
        "open": f"no closing letter in the corpus ({rounds})",
    }.get(p.outcome, p.outcome)


# --- the contract ------------------------------------------------------------------------------------

#: Characters of an answer shown as its "first words".
FIRST_WORDS = 200


def first_words(text: str | None, limit: int = FIRST_WORDS) -> str | None:
    if not text:
        return None
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def precedent_json(match: Match) -> dict:
    """One precedent as ``tandy precedents --json`` prints it on an item (``precedents``).

    Beyond the issue's fields: ``response_path`` (the letter the answer is in), ``rounds``,
    ``outcome_text``, ``topics`` and ``normalised_citations``.
    """
    p = match.precedent
    return {
        "path": p.letter.path,
        "accession": p.letter.accession,
        "company": p.letter.registrant,
        "date": p.letter.date,
        "form": p.letter.form_reviewed,
        "number": p.comment.number,
        "comment": p.comment.comment,
        "citations": p.comment.citations or (p.response.citations if p.response else []),
        "normalised_citations": sorted(p.citations),
        "topics": sorted(p.topics),
        "disposition": p.disposition,
        "response": p.answer,
        "response_path": p.response_letter.path if p.response_letter else None,
        "outcome": p.outcome,
        "outcome_text": outcome_text(p),
        "rounds": p.rounds,
        "score": round(match.score, 5),
    }


def precedent_note(match: Match) -> str:
    """A precedent as a margin note for a draft response: who was asked, how they answered, what
    followed. Worded as a reference, so that it is never mistaken for the answer."""
    p = match.precedent
    cited = f" ({', '.join(sorted(p.citations))})" if p.citations else ""
    head = f"Precedent, not the answer: {p.letter.registrant or 'a registrant'}, {p.date or 'undated'}, {p.letter.form_reviewed or 'filing'}, comment {p.comment.number if p.comment.number is not None else '-'}{cited}."
    answer = first_words(p.answer)
    answered = f" Answered ({(p.disposition or 'no disposition').replace('_', ' ')}): \"{answer}\"" if answer else " No answer in the corpus."
    return f"{head}{answered} Then: {outcome_text(p)}. {p.response_letter.path if p.response_letter else p.letter.path}"
