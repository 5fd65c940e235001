"""What a corpus of review letters says in numbers: when, which forms, which rules, which topics,
how the companies answered, and how long reviews take.

Everything here reads records and threads only, so the same numbers come from a store, from a
folder of letters read on the spot, or from a test's handful of records. Comments are counted on
staff comment letters (a response restates the comments it answers; counting both would count each
twice); dispositions on responses, where they are.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tandy.corpus.model import ItemRecord, LetterRecord, Thread

#: Citations listed in the "top citations" table.
TOP_CITATIONS = 15

#: The topic classifier: a comment is about a topic when any of the topic's patterns occurs in it
#: (case-insensitive). A comment may have several topics, or none ("other"). The patterns are the
#: words staff use for each subject, and the rules and standards they cite for it; they are meant to
#: be read and extended, not learned.
TOPICS: dict[str, tuple[str, ...]] = {
    "non-GAAP": (r"non-?gaap", r"\bitem 10\(e\)", r"regulation g\b", r"adjusted (?:ebitda|earnings|net income|eps)"),
    "revenue recognition": (r"revenue recognition", r"\basc 606\b", r"performance obligations?", r"contracts? with customers", r"gross versus net|principal versus agent"),
    "segments": (r"\bsegments?\b", r"\basc 280\b", r"chief operating decision maker|\bcodm\b", r"reporting units? and segments"),
    "MD&A": (r"\bmd&a\b", r"management'?s discussion", r"results of operations", r"\bitem 303\b", r"known trends|liquidity and capital"),
    "risk factors": (r"risk factors?", r"\bitem 1a\b", r"\bitem 105\b"),
    "executive compensation": (r"executive compensation", r"compensation discussion", r"named executive officers?", r"\bitem 402\b"),
    "goodwill and impairment": (r"goodwill", r"impairment", r"\basc 350\b", r"\basc 360\b"),
    "controls": (r"internal control", r"disclosure controls", r"material weakness", r"\bicfr\b"),
    "tax": (r"income tax", r"(?:effective )?tax rate", r"valuation allowance", r"deferred tax", r"\basc 740\b"),
    "legal proceedings": (r"legal proceedings", r"litigation", r"loss contingenc", r"\basc 450\b", r"\bitem 103\b"),
    "cybersecurity": (r"cyber",),
    "climate": (r"climate", r"greenhouse", r"carbon", r"emissions", r"weather-related"),
    "fair value": (r"fair value", r"\basc 820\b", r"level 3"),
    "cash flows": (r"cash flows?", r"operating activities"),
    "leases": (r"\bleases?\b", r"\basc 842\b"),
    "business combinations": (r"business combinations?", r"\basc 805\b", r"pro forma", r"purchase price allocation"),
    "critical accounting estimates": (r"critical accounting (?:estimates|policies)",),
    "derivatives and hedging": (r"hedg", r"derivatives?", r"\basc 815\b"),
    "consolidation": (r"variable interest", r"\basc 810\b", r"deconsolidat", r"equity method", r"noncontrolling interests?"),
    "oil and gas reserves": (r"proved (?:developed |undeveloped )?reserves", r"\bitems? 120\d", r"oil and gas reserves"),
    "sanctioned countries": (r"\b(?:syria|sudan|iran|north korea|cuba)\b",),
    "merger disclosure": (r"financial advisors?", r"fairness opinion", r"background of the (?:merger|transaction)", r"projections", r"merger consideration"),
    "proxy solicitation": (r"\brule 14a-\d", r"solicit", r"proxy card|revocation card"),
    "exhibits": (r"\bitem 601\b", r"file (?:all|the) (?:outstanding )?exhibits?", r"please file the"),
}
_TOPIC_PATTERNS = {topic: re.compile("|".join(patterns), re.IGNORECASE) for topic, patterns in TOPICS.items()}
NO_TOPIC = "other"

#: Upper bounds (days) of the "days to close" bands; the last band is open-ended.
DAYS_BANDS = (30, 60, 90, 180)

_ASC = re.compile(r"^ASC\s+(\d{3})", re.IGNORECASE)
_SECOND_PARAGRAPH = re.compile(r"^((?:Item|Rule|Section)\s+[\w.-]+(?:\([^)]*\))?)(?:\([^)]*\))+")


@dataclass(slots=True)
class Table:
    """One count table: a title, the name of what is counted, and (label, count) rows in order."""

    title: str
    counted: str
    rows: list[tuple[str, int]]


@dataclass(slots=True)
class CorpusStats:
    """The tables ``tandy stats`` shows, and the summary of days to close."""

    letters: int
    threads: int
    comments: int
    tables: list[Table] = field(default_factory=list)
    days_to_close: dict[str, float | int | None] = field(default_factory=dict)

    def table(self, title: str) -> Table:
        return next(t for t in self.tables if t.title == title)


def corpus_stats(
    letters: Iterable[LetterRecord],
    items: Mapping[int, list[ItemRecord]],
    threads: list[Thread],
    top: int = TOP_CITATIONS,
) -> CorpusStats:
    """Counts by year, form, citation, topic, disposition, rounds and days to close."""
    letters = list(letters)
    comments = [i for l in letters if l.kind == "staff_comment" for i in items.get(l.id, [])]
    answers = [i for l in letters if l.kind == "response" for i in items.get(l.id, [])]
    closed_days = [t.days for t in threads if t.status == "closed" and t.days is not None and t.rounds]
    tables = [
        Table("Threads by year", "threads", _sorted_rows(Counter(_year(t.first_date) for t in threads))),
        Table("Letters by year", "letters", _sorted_rows(Counter(_year(l.date) for l in letters))),
        Table("Threads by status", "threads", Counter(t.status for t in threads).most_common()),
        Table("Threads by form reviewed", "threads", Counter(t.form_reviewed or "unknown" for t in threads).most_common()),
        Table("Top citations", "comments", citation_counts(comments).most_common(top)),
        Table("Comments by topic", "comments", topic_counts(comments).most_common()),
        Table("Responses by disposition", "answers", Counter(a.disposition or "none stated" for a in answers).most_common()),
        Table("Threads by rounds", "threads", _sorted_rows(Counter(str(t.rounds) for t in threads), numeric=True)),
        Table("Closed reviews by days to close", "threads", _bands(closed_days)),
    ]
    return CorpusStats(len(letters), len(threads), len(comments), tables, _summary(closed_days))


def topics(comment: str) -> list[str]:
    """The topics a comment is about, in :data:`TOPICS` order; ``["other"]`` when none matches."""
    found = [topic for topic, pattern in _TOPIC_PATTERNS.items() if pattern.search(comment)]
    return found or [NO_TOPIC]


def topic_counts(comments: Iterable[ItemRecord]) -> Counter:
    return Counter(topic for c in comments for topic in topics(f"{c.heading or ''} {c.comment}"))


def citation_key(text: str) -> str | None:
    """A citation at the level people count it: "ASC 606-10-50-5" -> "ASC 606", "Item 10(e)(1)(i)
    of Regulation S-K" -> "Item 10(e) of Regulation S-K". Forms ("Form 10-K") are not rules: None."""
    text = " ".join(text.split())
    if text.lower().startswith("form "):
        return None
    asc = _ASC.match(text)
    if asc:
        return f"ASC {asc.group(1)}"
    return _SECOND_PARAGRAPH.sub(r"\1", text)


def citation_counts(comments: Iterable[ItemRecord]) -> Counter:
    """Comments citing each rule or standard (a comment citing it twice counts once)."""
    return Counter(key for c in comments for key in {citation_key(t) for t in c.citations} if key)


def _year(iso: str | None) -> str:
    return iso[:4] if iso else "undated"


def _sorted_rows(counts: Counter, numeric: bool = False) -> list[tuple[str, int]]:
    key = (lambda kv: int(kv[0])) if numeric else (lambda kv: kv[0])
    return sorted(counts.items(), key=key)


def _bands(days: list[int]) -> list[tuple[str, int]]:
    rows, low = [], 0
    for high in DAYS_BANDS:
        rows.append((f"{low}-{high}", sum(low <= d <= high for d in days)))
        low = high + 1
    rows.append((f"over {DAYS_BANDS[-1]}", sum(d > DAYS_BANDS[-1] for d in days)))
    return rows


def _summary(days: list[int]) -> dict[str, float | int | None]:
    if not days:
        return {"reviews": 0, "median": None, "mean": None, "min": None, "max": None}
    return {"reviews": len(days), "median": statistics.median(days), "mean": round(statistics.fmean(days), 1), "min": min(days), "max": max(days)}
