"""A letter's numbered items: each staff comment, the heading it sits under, and the answer to it.

Letters lay their items out in a handful of ways, all of which this module reads the same way:

* the number opens the comment ("1. We note ..."), or a label does ("Comment No. 1",
  "SEC Oral Comment #1:"), or, in two-column tables, a number cell does (the document stage
  joins it to the text cell, so it reads as "1. We note ...");
* the answer starts at a label ("Response:", "Company Response:", "Response to Comment 1"), or,
  where there is none, at the first plain paragraph after a comment restated in bold, italics
  or underline;
* a comment may come without a number that its response carries instead (the seed letter's
  "Comment: Include Tandy language ..." then "4. Response: ...").

Numbers must run on from the last item (1, 2, 3 ...; the first may be any number, as in a
follow-up that answers comment 3 alone), so numbered lists inside a comment or a response are
not taken for items. Short unpunctuated lines just above a comment are its headings; the one
nearest the comment is the item's ``heading``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tandy.letters.body import Paragraph

#: The first item of a letter may carry any number up to this (follow-ups answer "comment 3").
FIRST_NUMBER_LIMIT = 60
#: A numbered line of this many words or fewer inside an answer is a list caption, not an item.
SHORT_ENTRY_WORDS = 4
#: Headings are short: longer lines are prose, whatever their punctuation.
HEADING_MAX_CHARS = 200
#: A paragraph of this many characters or fewer, set off and unpunctuated, reads as a heading.
HEADING_MAX_WORDS = 30

_NUMBER = re.compile(r"^(\d{1,3})\s*[.):](?!\d)(?:\s*(?=\S)|\s*$)")
_COMMENT_LABEL = re.compile(
    r"^(?:(?:\d{1,3})\s*[.)]\s*)?(?:(?:the\s+)?(?:staff|sec|commission)(?:'s|’s|s'|s’)?\s+)?(?:oral\s+)?"
    r"comments?\s*(?:no\.?\s*|number\s*|#\s*)?(\d{1,3})?\s*(?:[:.\-–—]\s*|$)",
    re.I,
)
_RESPONDENT = (
    r"(?:(?:the\s+)?(?:company|registrant|fund|trust|issuer|partnership|bank|corporation|management|sec)(?:'s|’s|s'|s’)?\s+"
    r"|our\s+|[A-Z][A-Za-z&.\-]+(?:'s|’s)?\s+)"
)
_RESPONSE_LABEL = re.compile(
    rf"^(?:(\d{{1,3}})\s*[.)]\s*)?{_RESPONDENT}?responses?"
    r"(?:\s+to\s+(?:the\s+)?(?:staff'?s?\s+|sec\s+)?(?:oral\s+)?comments?\s*(?:no\.?\s*|number\s*|#\s*)?(\d{1,3}))?"
    r"\s*(?:[:.\-–—]\s*|$)",
    re.I,
)
_BULLET = re.compile(r"^(?:[•·●▪◦\uf0b7\uf0a7o\-–—*]\s|\(?[a-z]{1,4}[.)]\s?|\(\d{1,2}\)\s)")
#: A line that opens a list entry inside a paragraph: a bullet, "(a)", "(ii)".
_LIST_ENTRY = re.compile(r"^(?:[•·●▪◦\uf0b7\uf0a7]\s*|[\-–—*]\s|\([a-z]{1,4}\)\s|\(\d{1,2}\)\s)")
_FIGURE_CELL = re.compile(r"[\d$%—–\-(),.\s]+")
_BARE_NUMBER = re.compile(r"\d{1,3}\s*[.):]?")
_BARE_PAGE = re.compile(r"(?:pages?\s*)?[A-Z]{0,2}-?\d{1,3}")
_OPEN_END = re.compile(r"(?:,|&|-|\b(?:of|and|or|the|for|to|in|on|page|pages))$", re.I)
_PAGE_AT_END = re.compile(r"\bpages?\s*[A-Z]?-?\d+\S*$", re.I)
ENDS_ITEMS = re.compile(
    r"^(?:\*\s*\*\s*\*"
    r"|we\s+urge\s+all\s+persons"
    r"|we\s+remind\s+you\s+that"
    r"|in\s+closing,?\s+we"
    r"|(?:you\s+may|please)\s+contact\s"
    r"|please\s+direct\s+any\s+questions"
    r"|please\s+do\s+not\s+hesitate"
    r"|(?:if|should)\s+you\s+have\s+any\s+(?:further\s+|additional\s+)?(?:questions|comments)"
    r"|thank\s+you\s+(?:for|in\s+advance)"
    r"|we\s+appreciate\s+(?:the|your)\s+(?:staff(?:'s|’s)?\s+)?(?:assistance|time|attention|consideration|review|opportunity|courtesy|help)"
    r"|(?:in\s+connection\s+with|in\s+responding\s+to)[^.]{0,120}\backnowledg)",
    re.I,
)
_ONE_COMMENT = re.compile(r"\bhave the following comment\b(?!s)", re.I)
TANDY = re.compile(r"(?:adequacy\s+and\s+accuracy|accuracy\s+and\s+adequacy)", re.I)
_PRIOR_COMMENT = re.compile(
    r"\b(?:prior|previous|our|to)\s+comments?\s*(?:no\.?\s*|number\s*)?(\d{1,3}|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b",
    re.I,
)
_WORD_NUMBERS = {
    w: i + 1
    for i, w in enumerate(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}


@dataclass(slots=True)
class ItemSpan:
    """Where one item lies among the letter's paragraphs, before its text is put together."""

    number: int | None
    start: int
    heading: Paragraph | None = None
    comment: list[Paragraph] = field(default_factory=list)
    response: list[Paragraph] = field(default_factory=list)
    comment_text: str = ""
    response_text: str | None = None


@dataclass(slots=True)
class _Start:
    index: int
    number: int | None
    label_only: bool


def find_items(paras: list[Paragraph], *, responses: bool) -> list[ItemSpan]:
    """The letter's items in order, each with its heading, comment and (in a response) answer."""
    starts = _item_starts(paras, responses=responses) or (_unnumbered_start(paras) if responses else _single_comment(paras))
    if not starts:
        return []
    end = end_of_items(paras, starts[-1].index)
    spans = []
    for k, start in enumerate(starts):
        stop = starts[k + 1].index if k + 1 < len(starts) else end
        first = _misplaced_first_paragraph(paras, start, starts[k - 1].index if k else None)
        own = paras[first:stop]
        if k + 1 < len(starts):  # the next item's headings sit at the end of this one's paragraphs
            own = _without_trailing_headings(own)
        body = [p for p in own if not _BARE_NUMBER.fullmatch(p.text)]
        spans.append(_item(_Start(first, start.number, start.label_only), body, responses=responses))
    for span in spans:
        span.heading = _heading_above(paras, span.start, spans)
    return spans


def _misplaced_first_paragraph(paras: list[Paragraph], start: _Start, previous: int | None) -> int:
    """Where a comment begins when PDF reading order put its bare number ("1.") after its text.

    Only the one paragraph between a heading and the number is taken, never an earlier item's.
    """
    i = start.index
    if _BARE_NUMBER.fullmatch(paras[i].text):
        if i >= 2 and (previous is None or previous < i - 2) and is_heading(paras[i - 2]) and not is_heading(paras[i - 1]):
            return i - 1
    return i


def refers_to(text: str) -> list[int]:
    """Numbers of prior comments a follow-up names: "prior comment 3", "comment three"."""
    out: list[int] = []
    for match in _PRIOR_COMMENT.finditer(text):
        word = match.group(1).lower()
        number = int(word) if word.isdigit() else _WORD_NUMBERS[word]
        if number not in out:
            out.append(number)
    return out


# --- where items start ----------------------------------------------------------------------------


def _item_starts(paras: list[Paragraph], *, responses: bool) -> list[_Start]:
    """Item starts whose numbers run on, with list numbers inside comments and answers left out."""
    candidates = _candidates(paras)
    accepted: list[_Start] = []
    style: bool | None = None
    sublist: int | None = None
    for k, cand in enumerate(candidates):
        para = paras[cand.index]
        if cand.number is None:
            if accepted and responses and _answered(paras, accepted[-1].index, cand.index):
                cand.number = _number_on_response(paras, cand.index) or (accepted[-1].number or 0) + 1
                accepted.append(cand)
            continue
        last = accepted[-1].number if accepted else None
        if last is None:
            if cand.number <= FIRST_NUMBER_LIMIT:
                accepted.append(cand)
                style = para.emphasis
            continue
        if cand.number <= last:
            sublist = cand.number
            continue
        if cand.number != last + 1:
            continue
        if not cand.label_only and style and not para.emphasis:
            continue
        if sublist is not None and cand.number == sublist + 1:
            sublist = cand.number
            if any(c.number == cand.number for c in candidates[k + 1 :]):
                continue
        sublist = None
        if _inside_answer_as_list(paras, accepted[-1].index, cand, responses=responses):
            continue
        if responses and not cand.label_only and _short_entry(para.text) and _answered(paras, accepted[-1].index, cand.index):
            continue  # "2. Medical:", a caption of the answer's own list (Aflac 2017)
        accepted.append(cand)
    return accepted


def _unnumbered_start(paras: list[Paragraph]) -> list[_Start]:
    """A response to a single unnumbered comment: the set-off paragraphs above the first "Response"."""
    answer = next((i for i, p in enumerate(paras) if _response_label(p)), None)
    if not answer:
        return []
    i = answer
    while i > 0 and paras[i - 1].emphasis and not is_heading(paras[i - 1]):
        i -= 1
    if i == answer:
        return []
    return [_Start(i, None, False)]


def _single_comment(paras: list[Paragraph]) -> list[_Start]:
    """A staff letter's one unnumbered comment ("... and have the following comment."): the first
    paragraph of prose under the first stack of headings after the letter says so."""
    said = next((i for i, p in enumerate(paras) if _ONE_COMMENT.search(p.text)), None)
    if said is None:
        return []
    for i in range(said + 1, len(paras) - 1):
        if is_heading(paras[i]) and not is_heading(paras[i + 1]) and not ENDS_ITEMS.match(paras[i + 1].text):
            return [_Start(i + 1, None, False)]
    return []


def _candidates(paras: list[Paragraph]) -> list[_Start]:
    """Numbered paragraphs and comment labels; a label and the numbered comment under it are one."""
    out: list[_Start] = []
    for i, para in enumerate(paras):
        cand = _candidate(para, i)
        if cand is None:
            continue
        if out and out[-1].label_only and out[-1].index == i - 1 and out[-1].number in (None, cand.number):
            out[-1].number = cand.number
            continue
        out.append(cand)
    return out


def _candidate(para: Paragraph, index: int) -> _Start | None:
    text = para.text
    if _response_label(para):
        return None
    number = _NUMBER.match(text)
    if number and not numbered_caption(text):
        return _Start(index, int(number.group(1)), False)
    label = _COMMENT_LABEL.match(text)
    if label and _is_label(text, label):
        return _Start(index, int(label.group(1)) if label.group(1) else None, not text[label.end() :].strip())
    return None


def numbered_caption(text: str) -> bool:
    """A numbered heading, not a comment: "7. Policy Liabilities, page 139", "1. Organization and ..."."""
    number = _NUMBER.match(text)
    rest = text[number.end() :].strip() if number else ""
    return bool(rest) and len(text) <= HEADING_MAX_CHARS and not re.search(r"[.?:;\"”]\s|[.?:;\"”]$", rest + " ")


def _is_label(text: str, match: re.Match[str]) -> bool:
    """ "Comment No. 1" or "Staff comment:" opening a paragraph, not a sentence about comments."""
    head = text[: match.end()].strip()
    if head.endswith((":", ".", "—", "–", "-")) or match.end() == len(text.rstrip()):
        return len(head.split()) <= 6
    return False


def _answered(paras: list[Paragraph], after: int, before: int) -> bool:
    return any(_response_label(p) for p in paras[after + 1 : before])


def _number_on_response(paras: list[Paragraph], index: int) -> int | None:
    """The number a response carries for an unnumbered comment ("4. Response: ...")."""
    for para in paras[index + 1 : index + 4]:
        label = _response_label(para)
        if label:
            return int(label.group(1)) if label.group(1) else (int(label.group(2)) if label.group(2) else None)
    return None


def _inside_answer_as_list(paras: list[Paragraph], previous: int, cand: _Start, *, responses: bool) -> bool:
    """A numbered paragraph in an answer that has begun, set like the answer: a list, not an item.

    Restated comments are set off or labelled; when the previous item's answer has started and
    this paragraph is set exactly like that answer's text, it continues the answer.
    """
    if not responses or cand.label_only:
        return False
    between = paras[previous + 1 : cand.index]
    labelled = [p for p in between if _response_label(p)]
    if not labelled:
        return False
    para = paras[cand.index]
    first_answer = labelled[0]
    comment_set_off = paras[previous].emphasis
    return comment_set_off and not para.emphasis and not first_answer.emphasis


def _short_entry(text: str) -> bool:
    """A numbered line of a few words: a list caption, never a restated comment."""
    number = _NUMBER.match(text)
    return bool(number) and len(text[number.end() :].split()) <= SHORT_ENTRY_WORDS


def _response_label(para: Paragraph) -> re.Match[str] | None:
    match = _RESPONSE_LABEL.match(para.text)
    if not match:
        return None
    head = para.text[: match.end()].strip()
    if len(head.split()) > 8 or re.match(r"^responses?\s+dated\b", para.text, re.I):
        return None
    return match


# --- where they end -------------------------------------------------------------------------------


def end_of_items(paras: list[Paragraph], last_start: int) -> int:
    """The paragraph after the last item's text: the letter's closing remarks begin there."""
    for i in range(last_start + 1, len(paras)):
        text = paras[i].text
        if ENDS_ITEMS.match(text) or (TANDY.search(text) and re.search(r"acknowledg|remind", text, re.I)):
            return i
    return len(paras)


def _without_trailing_headings(body: list[Paragraph]) -> list[Paragraph]:
    """This item's paragraphs without the headings and labels of the next item at their end."""
    cut = len(body)
    while cut > 1 and (is_heading(body[cut - 1]) or _is_label_line(body[cut - 1])):
        cut -= 1
    return body[:cut]


def _heading_above(paras: list[Paragraph], index: int, spans: list[ItemSpan]) -> Paragraph | None:
    """The heading line directly above an item (label lines skipped), if it has one of its own."""
    i = index - 1
    while i >= 0 and _is_label_line(paras[i]):
        i -= 1
    if i >= 0 and is_heading(paras[i]) and not any(paras[i] in s.comment or paras[i] in s.response for s in spans):
        return paras[i]
    return None


def heading_text(para: Paragraph) -> str:
    """The innermost caption of a heading paragraph: PDFs can set a whole stack of them as one.

    "Management's Discussion ... , page 24" / "Results of Operations, page 27" gives the last line;
    a line that only finishes the one above ("... Results of" / "Operations", "page" / "52") is
    kept with it.
    """
    lines = list(para.lines) or [para.text]
    k = len(lines) - 1
    while k > 0 and _finishes(lines[k - 1], lines[k]):
        k -= 1
    return " ".join(lines[k:])


def _finishes(above: str, line: str) -> bool:
    return bool(line[:1].islower() or _BARE_PAGE.fullmatch(line) or _OPEN_END.search(above))


def _table_row(para: Paragraph) -> bool:
    """A row of a table (cells of figures: "Adjusted EBITDA | $ | 675 | 620"): short and
    unpunctuated like a heading, but text of the answer that sets it out."""
    return len(para.lines) >= 2 and any(_FIGURE_CELL.fullmatch(line) for line in para.lines[1:])


def _is_label_line(para: Paragraph) -> bool:
    label = _COMMENT_LABEL.match(para.text)
    return bool(label and label.end() >= len(para.text.rstrip()) and len(para.text.split()) <= 6)


def is_heading(para: Paragraph) -> bool:
    """A caption: short, not a sentence, not a list entry or a numbered comment."""
    text = para.text
    if numbered_caption(text):
        return True
    if _table_row(para):
        return False
    if len(text) > HEADING_MAX_CHARS or len(text.split()) > HEADING_MAX_WORDS or _NUMBER.match(text) or _BULLET.match(text):
        return False
    if _response_label(para) or ENDS_ITEMS.match(text):
        return False
    if _PAGE_AT_END.search(text):
        return True
    if text.endswith((".", ";", ",", ":", "?", "!", ")")) and not para.heading:
        return False
    return para.heading or para.emphasis or not text.endswith((".", ";", ",", ":"))


# --- comment and answer ---------------------------------------------------------------------------


def _item(start: _Start, body: list[Paragraph], *, responses: bool) -> ItemSpan:
    span = ItemSpan(start.number, start.index)
    if start.label_only:
        body = body[1:]
    if not responses:
        span.comment = body
        span.comment_text = _join(body, first=_strip_comment_opening)
        return span
    split = _answer_start(body)
    span.comment, span.response = body[:split], body[split:]
    span.comment_text = _join(span.comment, first=_strip_comment_opening)
    span.response_text = _join(span.response, first=_strip_response_opening) if span.response else None
    return span


def _answer_start(body: list[Paragraph]) -> int:
    """Index in ``body`` where the answer begins: its label, else the first plain paragraph."""
    for i, para in enumerate(body[1:], start=1):
        if _response_label(para):
            return i
    if body and body[0].emphasis:
        for i, para in enumerate(body[1:], start=1):
            if not para.emphasis and not para.heading:
                return i
        return len(body)
    return _first_plain_answer(body)


def _first_plain_answer(body: list[Paragraph]) -> int:
    """Without labels or type: the comment is its first paragraph and the list entries under it."""
    i = 1
    while i < len(body) and (_BULLET.match(body[i].text) or body[i].text[:1].islower() or body[i - 1].text.endswith(":")):
        i += 1
    return min(i, len(body))


def _join(paragraphs: list[Paragraph], *, first) -> str:
    """Paragraphs as text, a paragraph broken by a page boundary put back together."""
    pieces: list[str] = []
    for k, para in enumerate(paragraphs):
        text = _bullets_apart(para)
        text = first(text) if k == 0 else text
        if not text:
            continue
        if pieces and _continues(pieces[-1], text):
            pieces[-1] = pieces[-1] + " " + text
        else:
            pieces.append(text)
    return "\n\n".join(pieces)


def _bullets_apart(para: Paragraph) -> str:
    """The paragraph's text with each list entry on a line of its own.

    PDF text layers set a comment and its bullets ("... may:" / "• represent the board ...") as
    one block; the entries are the comment's structure, so they stay separate lines.
    """
    if not any(_LIST_ENTRY.match(line) for line in para.lines[1:]):
        return para.text
    out: list[str] = []
    for line in para.lines:
        if out and not _LIST_ENTRY.match(line):
            out[-1] += " " + line
        else:
            out.append(line)
    return "\n".join(out)


def _continues(before: str, text: str) -> bool:
    return not before.endswith((".", ":", ";", "?", "!", '"', "”")) and text[:1].islower()


def _strip_comment_opening(text: str) -> str:
    """The comment without its number and label: "1. Comment: The number ..." → "The number ..."."""
    number = _NUMBER.match(text)
    if number:
        text = text[number.end() :]
    label = _COMMENT_LABEL.match(text)
    if label and _is_label(text, label):
        text = text[label.end() :]
        number = _NUMBER.match(text)
        if number:
            text = text[number.end() :]
    return text.strip()


def _strip_response_opening(text: str) -> str:
    match = _RESPONSE_LABEL.match(text)
    return text[match.end() :].strip() if match else text.strip()

