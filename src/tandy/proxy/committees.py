"""Standing board committees, board meetings and the 75% attendance statement (Item 407(b)).

Staff check three things here: that each standing committee is named with its members, function
and the number of meetings it held in the last fiscal year (Item 407(b)(3); Item 22(b)(14) for
funds); that the full board's meeting count is given (Item 407(b)(1)); and that the document says
whether any incumbent director attended fewer than 75% of the meetings.

Documents state these in prose ("The Audit Committee held four meetings during the fiscal year
ended December 31, 2007"), in committee boxes ("Audit Committee" / members / "Nine meetings
during 2025"), as labelled values ("Number of Meetings in 1999: 6") and in small tables of
meeting counts. A committee is reported when the document presents it as a board committee:
listed in a "the Board has N standing committees" sentence, described under a board-committees
heading, or given a meeting count. Committees of the adviser or management, plan committees
and committees that were eliminated are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tandy.document import Document, Location
from tandy.proxy.model import Committee


@dataclass(frozen=True, slots=True)
class CommitteeSettings:
    """How far, in blocks, a committee's description reaches and a committees section runs."""

    section_blocks: int = 60
    context_blocks: int = 14
    member_names_max: int = 30


SETTINGS = CommitteeSettings()

_NUMBERS = {
    "no": 0, "zero": 0, "one": 1, "once": 1, "two": 2, "twice": 2, "three": 3, "thrice": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}
_NUM = r"(?:\d{1,3}|_{2,}|(?:twenty-)?(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))"
_KIND = r"(?:(?:regular|special|regularly\s+scheduled|formal|in-person|telephonic)\s+)?"
_COUNTS = [
    re.compile(rf"\b(?:held|had|convened)\s+(?P<n>{_NUM})\s+{_KIND}meetings?\b", re.IGNORECASE),
    re.compile(rf"\bmet\s+(?:a\s+total\s+of\s+)?(?P<n>{_NUM})\s+times\b", re.IGNORECASE),
    re.compile(r"\bmet\s+(?P<n>once|twice|thrice)\b", re.IGNORECASE),
    re.compile(rf"(?<![\w$,.])(?P<n>{_NUM})\s+{_KIND}meetings?\s+(?:of|during|in|were\s+held|was\s+held)\b", re.IGNORECASE),
    re.compile(rf"\bNumber\s+of\s+Meetings[^:\n]{{0,40}}:\s*(?P<n>{_NUM})\b", re.IGNORECASE),
    re.compile(r"\b(?:did\s+not\s+meet|held\s+no\s+meetings|no\s+meetings\s+(?:were|was)\s+held)\b(?P<n>)", re.IGNORECASE),
]
_NO_ONE_MET = re.compile(r"^\s*No\b[^.]{0,60}\bCommittee\s+met\b")
_AND_MORE = re.compile(rf"^\s*and\s+(?P<n>{_NUM})\s+{_KIND}meetings?\b", re.IGNORECASE)
_SPECIAL_AT = re.compile(rf"\bat\s+(?P<n>{_NUM})\s+(?:regular|special)\s+meetings?\b", re.IGNORECASE)
_ANNUAL_OF_DIRECTORS = re.compile(r"\bannual\s+meeting\s+of\s+(?:the\s+)?(?:directors|trustees|the\s+board)\b", re.IGNORECASE)

_CAP_WORD = r"(?:[A-Z][A-Za-z’'\-]*|\d+\([a-z]\))"
_COMMITTEE_WORDS = 12
"""A committee's printed name has at most this many words before "Committee"; the bound keeps
the search linear on long runs of capitalised words (tables of contents, fund lists)."""
_COMMITTEE = re.compile(
    rf"{_CAP_WORD}(?:(?:,[ \t]*\n?[ \t]*|\s+(?:and|&)\s+|\s+){_CAP_WORD}){{0,{_COMMITTEE_WORDS}}}\s+Committee\b(?!s)"
)
_LOWER_KIND = r"(?:audit|compensation|nominating|executive|finance|governance|corporate\s+governance|investment|risk|compliance|valuation)"
_LOWER_COMMITTEE = re.compile(rf"\b{_LOWER_KIND}(?:(?:,\s+|\s+and\s+|\s+){_LOWER_KIND}){{0,2}}\s+committee\b(?!s)")
_DEFINED = re.compile(r"\(\s*(?:the\s+|our\s+)?[\"“](?P<short>[^\"”]{3,80}?\bCommittee)[\"”]\s*\)")
_NAME_BREAKS = {"Committee", "Committees", "Chair", "Chairperson", "Chairman", "Chairwoman", "Member", "Members", "Director", "Trustee"}
_NEGATED = re.compile(r"(?i)\b(?:does|do)\s+not\s+have\b|\bhas\s+no\b|\bnone\s+of\b")
_LEADING_NOT_NAME = {
    "the", "a", "an", "our", "its", "their", "each", "every", "no", "such", "this", "that", "any", "board", "fund",
    "funds", "company", "trust", "corporation", "in", "during", "as", "of", "and", "finally", "also",
}
_BOARD = re.compile(r"\bBoards?\b(?:\s+of\s+(?:Directors|Trustees))?|\bdirectors\b(?=\s+(?:held|met))", re.IGNORECASE)
_OTHER_BODY = re.compile(r"\b(?:Independent|Non-?Management|Outside|Disinterested)\s+(?:Trustees|Directors|Board\s+Members)\b")
_STANDING = re.compile(
    r"\bstanding\s+committees\b|\bcommittees\s+of\s+the\s+board\b|\bboard\b[^.]{0,40}\b(?:has|have)\s+(?:established|formed|created|designated)\b"
    r"|\b(?:has|have)\s+(?:two|three|four|five|six|seven|eight|\d)\s+(?:standing\s+)?committees\b"
    r"|\b(?:has|have|maintains)\s+(?:a\s+|the\s+following\s+)?standing\b",
    re.IGNORECASE,
)
_SECTION = re.compile(r"\bcommittees?\s+of\s+the\s+board\b|\bboard\s+committees\b|\bstanding\s+committees\b|\bcommittees\s+and\s+meetings\b|\bmeetings\s+and\s+committees\b", re.IGNORECASE)
_NOT_BOARD = re.compile(
    r"\b(?:eliminated|dissolved|abolished|disbanded)\b|\bof\s+the\s+(?:Adviser|Advisor|Manager|Sub-?Adviser)\b|\bShareholders['’]?\s+Agreement\b",
)
_NOT_BOARD_NAME = re.compile(r"(?i)\b(?:shareholders['’]?|stockholders['’]?|proxy\s+voting|plan|advisory|management|administrative|pricing|investment\s+policy)\b")
_MEMBERS = re.compile(
    r"\b(?:consists\s+of|is\s+composed\s+of|is\s+comprised\s+of|comprises|members\s+of\s+the\s+[^.]{0,80}?Committee\s+are|Members\s*:)\s*(?P<rest>[^;]*)",
    re.IGNORECASE,
)
_NAME_WORD = r"(?:[A-Z][a-zà-ÿ'’]+(?:[A-Z][a-zà-ÿ'’]+)?(?:-[A-Z][a-zà-ÿ'’]+)?|[A-Z]\.)"
_MEMBER_NAME = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}(?:,?\s+(?:Jr\.|Sr\.|II|III|IV))?")
_MEMBERS_BEFORE = re.compile(r"^(?P<rest>.{3,200}?)\s+(?:are|is)\s+the\s+(?:current\s+)?members?\s+of\s+the\b")
_ROLE_NOTE = re.compile(r"\s*\((?:Chair|Chairman|Chairperson|Chairwoman|Vice\s+Chair|ex-officio|ex officio)\)", re.IGNORECASE)
_HONORIFIC = re.compile(r"\b(?:Messrs|Mr|Mrs|Ms|Mses|Dr|Drs)\.\s*")
_NOT_MEMBER = re.compile(r"\b(?:Committee|Board|Trust|Fund|Act|Company|Corporation|Independent|Trustees|Directors|Manager|Adviser)\b")
_FUNCTION = re.compile(r"(?i)\b(?:function|purpose|responsib|duties|oversee|assists?\s+the\s+board|reviews|is\s+authorized|is\s+empowered)")
_ATTENDANCE = re.compile(r"(?i)(?:75\s*%|75\s+percent|seventy[-\s]five\s+percent|three[-\s]quarters)")
_ATTEND_WORD = re.compile(r"(?i)\battend")
_ATTENDED_ALL = re.compile(r"(?i)\battended\s+(?:all|100%|every)\s+(?:of\s+the\s+)?(?:meetings|board)")
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
_PERIOD_END = re.compile(r"(?i)\b(?:fiscal\s+)?(?:year|period)\s+ended\s+(?P<month>[A-Z][a-z]+)\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "messrs", "inc", "co", "corp", "no", "st", "jr", "sr", "u.s", "ltd", "vs", "e.g", "i.e"}


@dataclass(slots=True)
class _Sentence:
    text: str
    start: int
    end: int
    block: int


@dataclass(slots=True)
class _Mention:
    name: str
    start: int
    end: int


@dataclass(slots=True)
class _Found:
    name: str
    first: int
    listed: bool = False
    described: bool = False
    counted: bool = False
    meetings: int | None = None
    period_end: str | None = None
    location: Location | None = None
    members: list[str] | str | None = None
    function: str | None = None
    excluded: bool = False
    formal: bool = False
    uses: int = 0
    sentences: list[_Sentence] = field(default_factory=list)
    boxes: list[list[_Sentence]] = field(default_factory=list)


def find_committees(document: Document) -> tuple[list[Committee], int | None, Location | None]:
    """The standing board committees, the full board's meeting count, and where the document
    states the 75% attendance test (None when it says nothing either way)."""
    sentences = _sentences(document)
    found: dict[frozenset[str], _Found] = {}
    aliases: dict[frozenset[str], frozenset[str]] = {}
    board_meetings: int | None = None
    attendance: Location | None = None
    context: _Found | None = None
    context_block = -1
    for sentence in sentences:
        mentions = _mentions(sentence.text)
        defined = _definitions(sentence.text, mentions)
        aliases.update(defined)
        mentions = [m for m in mentions if not _is_quoted(sentence.text, m)]
        for mention in mentions:
            context = _note(found, aliases, mention.name, sentence)
            context_block = sentence.block
        for full in defined.values():
            found[full].formal = True
        if mentions and _STANDING.search(sentence.text) and not _NEGATED.search(sentence.text):
            for mention in mentions:
                _item(found, aliases, mention.name).listed = True
        if _is_description_start(sentence, mentions):
            boxed = _item(found, aliases, mentions[0].name)
            boxed.described = True
            boxed.boxes.append(_lines_after(sentences, sentence))
        for subject, meetings in _counts(sentence, mentions):
            if subject == "board":
                if board_meetings is None:
                    board_meetings = meetings
            elif subject == "committee" and mentions:
                _record_count(_item(found, aliases, _counted_mention(sentence.text, mentions).name), meetings, sentence, document)
            elif subject == "context" and context is not None and sentence.block - context_block <= SETTINGS.context_blocks:
                _record_count(context, meetings, sentence, document)
        if attendance is None and _is_attendance_statement(sentence.text):
            attendance = document.location(sentence.start, sentence.end)
    _merge_aliases(found, aliases)
    _counts_from_tables(document, found)
    committees = [_committee(item, document) for item in _board_committees(found, sentences)]
    _counts_by_acronym(document, committees)
    return committees, board_meetings, attendance


_GLOSSARY = re.compile(r"(?m)^(?P<short>[A-Z]{2,6})[\t ]+(?:The\s+)?(?P<name>[A-Z][A-Za-z,&' ]{2,80}?\bCommittee)\b")
_ACRONYM_COUNT = re.compile(rf"\b(?:the|our)\s+(?P<short>[A-Z]{{2,6}})\s+(?:met\s+(?P<met>{_NUM}|once|twice)(?:\s+times)?|held\s+(?P<held>{_NUM})\s+{_KIND}meetings?)\b")


def _counts_by_acronym(document: Document, committees: list[Committee]) -> None:
    """Meeting counts stated under a committee's acronym ("In Fiscal 2026, the NCGC met three
    times"), the acronym being the name's initials or defined in a glossary ("AC  Audit Committee
    of the Board"); a committee known only from the glossary and such a count is added."""
    text = document.text
    by_short: dict[str, Committee] = {_initials(c.name): c for c in committees}
    for m in _GLOSSARY.finditer(text):
        name = " ".join(m["name"].split())
        same = next((c for c in committees if _key(c.name) == _key(name)), None)
        by_short.setdefault(m["short"], same or Committee(name=name, location=document.location(m.start(), m.end())))
    for m in _ACRONYM_COUNT.finditer(text):
        committee = by_short.get(m["short"])
        meetings = _number(m["met"] or m["held"] or "")
        if committee is None or meetings is None or _NOT_BOARD_NAME.search(committee.name):
            continue
        if committee not in committees:
            committees.append(committee)
        if committee.meetings is None:
            committee.meetings = meetings


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace(",", " ").split() if w[0].isupper())


def _is_attendance_statement(text: str) -> bool:
    """The Item 407(b)(1) test stated either way: "at least 75%", "fewer than 75%", "attended all meetings"."""
    return bool((_ATTENDANCE.search(text) and _ATTEND_WORD.search(text)) or _ATTENDED_ALL.search(text))


def _sentences(document: Document) -> list[_Sentence]:
    """Sentences of the body text, with a paragraph broken by a page break joined up again."""
    blocks = [b for b in document.blocks if b.furniture is None]
    result: list[_Sentence] = []
    index = 0
    while index < len(blocks):
        first = index
        while index + 1 < len(blocks) and _continues(document.text, blocks[index], blocks[index + 1]):
            index += 1
        start, end = blocks[first].start, blocks[index].end
        text = document.body_text(start, end)
        for s, e in _split_sentences(text):
            result.append(_Sentence(" ".join(text[s:e].split()), start + s, start + e, first))
        index += 1
    return result


def _continues(text: str, block, following) -> bool:
    """A paragraph cut by a page break: it stops mid-sentence and the next block starts in lower case."""
    tail = text[block.start : block.end].rstrip()
    head = text[following.start : following.end].lstrip()
    if not tail or not head or block.kind != "paragraph":
        return False
    return tail[-1] == "," or (tail[-1] not in ".:;!?" and head[0].islower())


_WORD_WINDOW = 64
"""Characters before a full stop searched for the word it ends; longer words are no abbreviation."""


def _split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, not splitting after "Mr.", "Inc." or a middle initial."""
    spans, start = [], 0
    for match in re.finditer(r"[.!?](?=\s+[\"“(]?[A-Z0-9_])|\n\s*\n", text):
        # The word before the stop, looked for in a short window: the whole unsplit run since
        # ``start`` would make a text of "1." lines quadratic.
        word = re.search(r"([\w.]+)$", text[max(start, match.start() - _WORD_WINDOW) : match.start()])
        token = (word.group(1) if word else "").lower().rstrip(".")
        if match.group(0) == "." and (token in _ABBREVIATIONS or len(token) == 1):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _mentions(sentence: str) -> list[_Mention]:
    """Committee names as printed ("Nominating, Governance and Compensation Committee"; "the audit
    committee" in older filings, given capitals), in order."""
    mentions = []
    if "ommittee" not in sentence and "OMMITTEE" not in sentence:
        return mentions
    for match in _COMMITTEE.finditer(sentence):
        words = match.group(0).split()
        breaks = [i for i, w in enumerate(words[:-1]) if w.strip(",") in _NAME_BREAKS]
        if breaks:
            words = words[breaks[-1] + 1 :]
        while len(words) > 1 and (words[0].lower().strip(",") in _LEADING_NOT_NAME or re.search(r"['’]s?$", words[0])):
            words.pop(0)
        name = " ".join(words).strip(", ")
        if len(words) > 1:
            mentions.append(_Mention(name, match.end() - len(name), match.end()))
    for match in _LOWER_COMMITTEE.finditer(sentence):
        name = " ".join(w if w == "and" else w.capitalize() for w in match.group(0).split())
        mentions.append(_Mention(name, match.start(), match.end()))
    return sorted(mentions, key=lambda m: m.start)


def _definitions(sentence: str, mentions: list[_Mention]) -> dict[frozenset[str], frozenset[str]]:
    """Short names a document defines: 'Audit and Finance Committee (the "Audit Committee")'."""
    aliases = {}
    for match in _DEFINED.finditer(sentence):
        before = [m for m in mentions if m.end <= match.start() and sentence[m.end : match.start()].strip() == ""]
        if before and _key(match["short"]) != _key(before[-1].name):
            aliases[_key(match["short"])] = _key(before[-1].name)
    return aliases


def _key(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9()]+", name.lower()) if w not in {"the", "and", "committee", "committees"})


def _item(found: dict[frozenset[str], _Found], aliases: dict[frozenset[str], frozenset[str]], name: str) -> _Found:
    key = _key(name)
    return found[aliases.get(key, key)]


def _note(found: dict[frozenset[str], _Found], aliases: dict[frozenset[str], frozenset[str]], name: str, sentence: _Sentence) -> _Found:
    """Record a mention of a committee (under its defined full name when ``name`` is a short form)."""
    key = _key(name)
    key = aliases.get(key, key)
    item = found.get(key)
    if item is None:
        item = found[key] = _Found(name=name, first=sentence.start)
    item.uses += 1
    if item.sentences[-1:] != [sentence] and len(item.sentences) < SETTINGS.member_names_max:
        item.sentences.append(sentence)
    return item


def _is_quoted(sentence: str, mention: _Mention) -> bool:
    return sentence[max(0, mention.start - 1) : mention.start] in ('"', "“")


def _counted_mention(text: str, mentions: list[_Mention]) -> _Mention:
    """The committee a count sentence is about: the last one named before the count, else the first."""
    for pattern in _COUNTS:
        match = pattern.search(text)
        if match:
            before = [m for m in mentions if m.end <= match.start()]
            if before:
                return before[-1]
            after = [m for m in mentions if m.start >= match.start()]
            return after[0] if after else mentions[0]
    return mentions[-1]


def _merge_aliases(found: dict[frozenset[str], _Found], aliases: dict[frozenset[str], frozenset[str]]) -> None:
    """Mentions of a short name made before the document defined it belong to the full name."""
    for short, full in aliases.items():
        if short in found and full in found:
            _absorb(found[full], found.pop(short))


def _absorb(target: _Found, other: _Found) -> None:
    target.first = min(target.first, other.first)
    target.uses += other.uses
    target.listed |= other.listed
    target.described |= other.described
    if other.counted and not target.counted:
        target.counted, target.meetings, target.period_end, target.location = True, other.meetings, other.period_end, other.location
    target.boxes += other.boxes
    target.sentences = sorted(target.sentences + other.sentences, key=lambda s: s.start)[: SETTINGS.member_names_max]


def _lines_after(sentences: list[_Sentence], heading: _Sentence) -> list[_Sentence]:
    at = sentences.index(heading)
    return [s for s in sentences[at + 1 : at + 1 + SETTINGS.member_names_max] if s.block - heading.block <= SETTINGS.member_names_max]


def _is_description_start(sentence: _Sentence, mentions: list[_Mention]) -> bool:
    """A committee's own heading ("Audit Committee." / "Audit Committee:" / a box title)."""
    return bool(mentions) and mentions[0].start == 0 and (
        len(sentence.text) <= len(mentions[0].name) + 1 or sentence.text[len(mentions[0].name)] in ".:—-"
    )


def _counts(sentence: _Sentence, mentions: list[_Mention]) -> list[tuple[str, int | None]]:
    """Meeting counts in a sentence and whose they are: the board's, a named committee's, or the
    committee the surrounding passage is about. Every count names a meeting ("met", "meetings"),
    so a sentence without one is passed over before any pattern runs."""
    text = sentence.text
    results = []
    if "met" not in text and "MET" not in text and "eet" not in text and "EET" not in text:
        return results
    if _NO_ONE_MET.search(text):
        return [("committee", 0)]
    for pattern in _COUNTS:
        for match in pattern.finditer(text):
            meetings = _number(match["n"]) if match["n"] else 0
            subject = _subject(text, match.start(), match.end(), mentions)
            if subject == "board":
                meetings = _board_total(text, match, meetings)
            if subject:
                results.append((subject, meetings))
    if not results and _BOARD.search(text) and not mentions:
        special = _SPECIAL_AT.search(text)
        if special:
            results.append(("board", _number(special["n"]) + (1 if _ANNUAL_OF_DIRECTORS.search(text) else 0)))
    return results


def _subject(text: str, start: int, end: int, mentions: list[_Mention]) -> str | None:
    """Who met: the nearest board or committee named before the count (or right after
    "N meetings of ..."), None for other bodies such as the independent trustees meeting alone."""
    candidates = [(m.end, "committee") for m in mentions if m.end <= start]
    candidates += [(m.end(), "board") for m in _BOARD.finditer(text[:start]) if not _inside(m.start(), mentions)]
    candidates += [(m.end(), None) for m in _OTHER_BODY.finditer(text[:start])]
    following = text[start:end + 80]
    if re.search(r"(?i)meetings?\s+of\s+(?:the\s+)?(?:\w+['’]s\s+)?(?:full\s+)?Boards?\b", following):
        return "board"
    if re.search(r"(?i)meetings?\s+of\s+(?:the\s+)?[A-Z][^.]{0,60}Committee\b", following):
        return "committee"
    if not candidates:
        return "context"
    return max(candidates, key=lambda c: c[0])[1]


def _inside(offset: int, mentions: list[_Mention]) -> bool:
    return any(m.start - 12 <= offset < m.end for m in mentions)


def _board_total(text: str, match: re.Match, meetings: int | None) -> int | None:
    """"four regular meetings and two special meetings" is six meetings."""
    more = _AND_MORE.match(text[match.end() :])
    if more and meetings is not None and _number(more["n"]) is not None:
        return meetings + _number(more["n"])
    return meetings


def _number(word: str) -> int | None:
    """A count as digits or words; a blank ("___") is a placeholder, not a number."""
    word = word.lower()
    if word.startswith("_"):
        return None
    if word.isdigit():
        return int(word)
    if word.startswith("twenty-"):
        return 20 + _NUMBERS.get(word.split("-", 1)[1], 0)
    return _NUMBERS.get(word)


def _record_count(item: _Found, meetings: int | None, sentence: _Sentence, document: Document) -> None:
    """The first count stated for a committee is the one for the last fiscal year."""
    if item.counted:
        return
    item.counted = True
    item.meetings = meetings
    item.period_end = _period_end(sentence.text)
    item.location = document.location(sentence.start, sentence.end)


def _period_end(text: str) -> str | None:
    """"during the fiscal year ended December 31, 2007" → "2007-12-31"."""
    match = _PERIOD_END.search(text)
    if not match or match["month"].lower() not in _MONTHS:
        return None
    return f"{match['year']}-{_MONTHS[match['month'].lower()]:02d}-{int(match['day']):02d}"


def _counts_from_tables(document: Document, found: dict[frozenset[str], _Found]) -> None:
    """A row of committee names above a row of numbers ("Board Committee Meetings" tables)."""
    for table in document.tables:
        rows = table.rows
        for header, values in zip(rows, rows[1:]):
            names = [cell for cell in header if "Committee" in cell]
            if len(names) < 2:
                continue
            for cell, value in zip(header, values):
                if "Committee" in cell and re.fullmatch(r"\s*\d{1,3}\s*", value or ""):
                    _table_count(found, cell, int(value), document.location(table.start, table.end))


def _table_count(found: dict[frozenset[str], _Found], cell: str, meetings: int, location: Location) -> None:
    """Give a table's count to the committee the cell names; a combined cell ("Dryden & Gibraltar
    Investment Committees") gives its count to each committee it names."""
    key = _key(cell)
    targets = [item for k, item in found.items() if k == key or (len(k) > 1 and k <= key)]
    for item in targets:
        if not item.counted:
            item.counted, item.meetings, item.location = True, meetings, location
            item.described = True


def _board_committees(found: dict[frozenset[str], _Found], sentences: list[_Sentence]) -> list[_Found]:
    """The committees the document presents as board committees, in order of first mention.

    A short name the document uses for a listed committee ("Audit Committee" for the "Audit and
    Finance Committee") is folded into it.
    """
    items = sorted(found.values(), key=lambda f: f.first)
    for item in items:
        item.excluded = bool(_NOT_BOARD_NAME.search(item.name)) or any(_NOT_BOARD.search(s.text) for s in item.sentences[:3])
    folded = _fold_short_names([f for f in items if not f.excluded])
    return [f for f in folded if f.listed or f.counted or (f.described and _in_section(f, sentences))]


def _in_section(item: _Found, sentences: list[_Sentence]) -> bool:
    """Whether a committee's heading sits in a passage about the board's committees."""
    heading = item.sentences[0]
    earlier = [s for s in sentences if s.start < heading.start and heading.block - s.block <= SETTINGS.section_blocks]
    return any(_SECTION.search(s.text) for s in earlier)


def _fold_short_names(items: list[_Found]) -> list[_Found]:
    """Fold a committee's undefined short name into its longer name ("Nominating and Governance"
    into "Nominating and Corporate Governance"), naming the result as the document does: its
    defined name, else the name over its description or count, else the one it uses most."""
    result = list(items)
    for short in sorted(items, key=lambda f: len(_key(f.name))):
        longer = [f for f in result if f is not short and _key(short.name) < _key(f.name)]
        if len(longer) != 1 or short not in result or (_is_presented(short) and not _is_presented(longer[0])):
            continue
        target = longer[0]
        name = max((target, short), key=_name_weight).name
        _absorb(target, short)
        target.name = name
        result.remove(short)
    return result


def _is_presented(item: _Found) -> bool:
    return item.listed or item.counted or item.described or item.formal


def _name_weight(item: _Found) -> tuple[bool, bool, bool, int]:
    return item.formal, item.described, item.counted, item.uses


def _committee(item: _Found, document: Document) -> Committee:
    location = item.location or (document.location(item.sentences[0].start, item.sentences[0].end) if item.sentences else None)
    return Committee(
        name=item.name,
        members=_members(item),
        function=_function(item),
        meetings=item.meetings if item.counted else None,
        period_end=item.period_end,
        location=location,
    )


def _members(item: _Found) -> list[str] | str | None:
    """Members by name where the document names them, else the phrase it uses ("all of the
    Independent Trustees"). Older filings name them by surname ("Messrs. Spears (Chairman),
    Seiberlich, Kean and Ballard"), and committee boxes list one name a line under the title."""
    for sentence in item.sentences:
        match = _MEMBERS.search(sentence.text) or _MEMBERS_BEFORE.search(sentence.text)
        if not match:
            continue
        rest = match["rest"].strip().rstrip(".")
        if re.match(r"(?i)(?:all|each|every|those)\b", rest):
            return re.split(r",|\s+who\b|\s+each\b|\s+as\b", rest)[0].strip()
        names = _names_in(rest)
        if names:
            return names
    return _boxed_members(item)


def _names_in(text: str) -> list[str]:
    """Full names in a list, or surnames after "Messrs."/"Ms."/"Dr." where that is all it gives."""
    text = _ROLE_NOTE.sub("", text)
    full = [n for n in _MEMBER_NAME.findall(text) if not _NOT_MEMBER.search(n)]
    if full and not _HONORIFIC.match(text):
        return [_HONORIFIC.sub("", n).strip() for n in full]
    surnames = []
    for part in re.split(r",\s*|\s+and\s+", _HONORIFIC.sub("", text)):
        part = part.strip()
        if re.fullmatch(r"[A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+)?", part) and not _NOT_MEMBER.search(part):
            surnames.append(part)
    return surnames


def _boxed_members(item: _Found) -> list[str] | None:
    """Names set one a line under a committee's heading, after labels such as "Number of
    Members:", up to the first line that is not a name."""
    for box in item.boxes:
        names: list[str] = []
        for sentence in box:
            line = _ROLE_NOTE.sub("", re.sub(r"^Members\s*:\s*", "", sentence.text)).strip()
            if re.fullmatch(_MEMBER_NAME.pattern, line) and not _NOT_MEMBER.search(line):
                names.append(line)
            elif names or not re.match(r"^[\w ]{1,30}:", sentence.text):
                break
        if names:
            return names
    return None


def _function(item: _Found) -> str | None:
    """The first sentence about this committee that says what it does."""
    for sentence in item.sentences:
        text = sentence.text
        if _FUNCTION.search(text) and not _MEMBERS.search(text) and len(_mentions(text)) <= 1 and not _STANDING.search(text):
            return text
    return None
