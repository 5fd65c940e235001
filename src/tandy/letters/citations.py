"""Rules, items, sections, forms and page references that a letter cites, found in plain text.

Letters spell the same authority many ways ("Item 407(b)(1) of Regulation S-K", "Section 407(b)(1)
of Reg. S-K", "S-K Item 407(b)(1)") and often give the full form once and a short form after it
("... Item 407(c)(2)(vii)"). Everything here works on a string, so the letter reader can run it on
one comment, one response or a whole letter, and the offsets it returns point into that string.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from tandy.letters.model import Citation

# --- the names letters use for regulations and Acts ----------------------------------------------

_REGULATION = r"(?:Regulation|Reg\.?)\s+(?P<reg>S-K|S-X|S-T|M-A|G|S|D|FD|AB|BTR|M|SHO|14A|13D-G)\b"
_ACT_NAMES = {
    "1933": r"(?:the\s+)?(?:Securities\s+Act(?:\s+of\s+1933)?|1933\s+Act)",
    "1934": r"(?:the\s+)?(?:Securities\s+Exchange\s+Act(?:\s+of\s+1934)?|Exchange\s+Act(?:\s+of\s+1934)?|1934\s+Act)",
    "1940": r"(?:the\s+)?(?:Investment\s+Company\s+Act(?:\s+of\s+1940)?|1940\s+Act)",
    "Advisers Act": r"(?:the\s+)?(?:Investment\s+)?Advisers\s+Act(?:\s+of\s+1940)?",
}
_ACT = "(?:" + "|".join(f"(?P<act_{i}>{pattern})" for i, pattern in enumerate(_ACT_NAMES.values())) + ")"
_ACT_KEYS = list(_ACT_NAMES)
_FORM_CODE = (
    r"(?:N-[A-Z0-9]{1,4}(?:-[A-Z0-9]{1,3})?"  # fund forms: N-1A, N-CSR, N-14
    r"|[A-Z]{1,3}-\d{1,2}[A-Z]?(?![-\d])"  # registration forms: S-1, F-4, S-8
    r"|\d{1,2}-[A-Z]{1,3}(?![-\w])"  # periodic and current reports: 10-K, 8-K, 20-F, 10-KT
    r"|[345]\b|144\b|D\b|ADV\b|ID\b)"
)
_SCHEDULE_CODE = r"(?:14[ACDF](?:-\d)?|13[DEG](?:-\d)?|TO(?:-[CIT])?|14D-9|13E-3)\b"
_PARAGRAPH = r"(?:\s?\([a-zA-Z0-9]{1,5}\))+"

#: What "of ..." after an item or rule number may name; the first group that matches says which.
_QUALIFIER = (
    rf"(?:{_REGULATION}"
    rf"|Form\s+(?P<qform>{_FORM_CODE})"
    rf"|Schedule\s+(?P<qsched>{_SCHEDULE_CODE})"
    rf"|{_ACT})"
)


def _unnamed(pattern: str) -> str:
    """The same pattern without group names, to embed it more than once in a larger one."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_TRAILING = rf"\s+(?:of|under|in|to|promulgated\s+under)\s+(?:the\s+)?{_unnamed(_QUALIFIER)}"

_ITEM_NUMBER = r"\d{1,4}(?:\.\d{2})?[A-Z]?"
_RULE_NUMBER = r"\d{1,3}[a-zA-Z]{0,2}\d?-\d{1,3}[A-Za-z]?|\d{3}[A-Z]?|\d{1,3}-\d{2}|\d{2,3}"
_SECTION_NUMBER = r"\d{1,3}[A-Z]?"

_LIST_SEPARATOR = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|through)\s+)"

_ITEMS = re.compile(
    rf"(?P<prefix>(?:{_unnamed(_REGULATION)}|S-K|S-X)\s+)?(?P<word>Items?|Sections?)\s+"
    rf"(?P<list>{_ITEM_NUMBER}(?:{_PARAGRAPH})?(?:{_LIST_SEPARATOR}{_ITEM_NUMBER}(?:{_PARAGRAPH})?)*)"
    rf"(?P<tail>{_TRAILING})?"
)
_RULES = re.compile(
    rf"(?P<prefix>(?:{_unnamed(_ACT)}|{_unnamed(_REGULATION)}|S-X)\s+)?(?P<word>Rules?)\s+"
    rf"(?P<list>(?:{_RULE_NUMBER})(?:{_PARAGRAPH})?(?:{_LIST_SEPARATOR}(?:{_RULE_NUMBER})(?:{_PARAGRAPH})?)*)"
    rf"(?P<tail>{_TRAILING})?"
)
_SECTIONS_OF_ACTS = re.compile(
    rf"(?P<prefix>(?:{_unnamed(_ACT)})\s+)?Sections?\s+(?P<list>{_SECTION_NUMBER}(?:{_PARAGRAPH})?"
    rf"(?:{_LIST_SEPARATOR}{_SECTION_NUMBER}(?:{_PARAGRAPH})?)*)(?![.\d]\d)(?P<tail>\s+of\s+{_unnamed(_ACT)})?"
)
_FORMS = re.compile(rf"\bForms?\s+(?P<code>{_FORM_CODE})")
_SCHEDULES = re.compile(rf"\bSchedule\s+(?P<code>{_SCHEDULE_CODE})")
_BARE_REGULATIONS = re.compile(_REGULATION)
_ASC = re.compile(
    r"\b(?:FASB\s+)?(?:ASC|Accounting\s+Standards\s+Codification)(?:\s+Topic)?\s+"
    r"(?P<topic>\d{3})(?P<rest>(?:-\d{1,3}){1,3}[a-z]{0,4}(?:\([a-z0-9]{1,4}\))*)?"
)
_SAB = re.compile(
    r"\b(?:SAB|Staff\s+Accounting\s+Bulletin)(?:\s+(?:Topic\s+(?P<topic>\d{1,2}(?:\.[A-Z](?:\.\d)?)?)"
    r"|(?:No\.\s*)?(?P<number>\d{1,3})\b))"
)
_RULE_IN_LIST = re.compile(rf"(?P<number>{_RULE_NUMBER})(?P<paragraph>{_PARAGRAPH})?")
_ITEM_IN_LIST = re.compile(rf"(?P<number>{_ITEM_NUMBER})(?P<paragraph>{_PARAGRAPH})?")

# --- which Act a rule number belongs to --------------------------------------------------------

#: Rule families (the part before the dash) that only the Exchange Act uses.
EXCHANGE_ACT_FAMILIES = frozenset(
    "3b 10a 10b 10b5 10c 12g 12h 13a 13d 13e 13f 13g 13k 13n 13p 13q 14a 14b 14c 14d 14e 14f 14n 15c 15d 15g 16a 16b 16c 17ad 19b".split()
)
#: Rule families that only the Investment Company Act uses.
INVESTMENT_COMPANY_ACT_FAMILIES = frozenset(
    "0 2a 2a19 6c 6e 10f 12d1 12d2 12d3 17d 17e 17f 17g 17j 18f 19a 22c 22d 22e 23c 30a 30b 30e 31a 32a 38a".split()
)
#: Families both Acts use: the letter's subject decides ("Rule 12b-1" fees vs "Rule 12b-25").
SHARED_FAMILIES = frozenset("3a 3c 12b 15a 17a".split())

_INVESTMENT_COMPANY_CONTEXT = re.compile(
    r"Investment\s+Company\s+Act|1940\s+Act|Form\s+N-[A-Z0-9]|Division\s+of\s+Investment\s+Management"
    r"|\b(?:mutual\s+)?funds?\b|\bTrust's\s+(?:portfolios|series)",
    re.IGNORECASE,
)


def about_investment_companies(text: str) -> bool:
    """Whether a text reads as fund correspondence, which decides rules like "Rule 12b-1"."""
    return bool(_INVESTMENT_COMPANY_CONTEXT.search(text))


def act_of_rule(rule: str, investment_company: bool = False) -> str | None:
    """The Act a rule number implies: "14a-9" → "1934", "430A" → "1933", "22c-1" → "1940"."""
    family = re.match(r"(\d+[a-z]*\d?)-", rule.lower())
    if family:
        name = family.group(1)
        if name in EXCHANGE_ACT_FAMILIES:
            return "1934"
        if name in INVESTMENT_COMPANY_ACT_FAMILIES:
            return "1940"
        if name in SHARED_FAMILIES:
            return "1940" if investment_company else "1934"
        return None
    number = re.match(r"(\d+)", rule)
    if number and 100 <= int(number.group(1)) < 1000 and int(number.group(1)) // 100 in (1, 4, 5):
        return "1933"  # 144/145/162, 405/415/430A/461, Regulation D's 501-508
    return None


def _is_regulation_sx_rule(rule: str) -> bool:
    """S-X rules are article-dash-two digits ("3-05", "5-03"); no other rule is spelt so."""
    return re.fullmatch(r"\d{1,2}-\d{2}", rule) is not None


# --- finding citations ---------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class _Qualifier:
    """What a citation is "of": a regulation, a form, a schedule or an Act."""

    regulation: str | None = None
    form: str | None = None
    act: str | None = None


def _qualifier(match: re.Match[str]) -> _Qualifier:
    groups = match.groupdict()
    if groups.get("reg"):
        return _Qualifier(regulation=groups["reg"])
    if groups.get("qform"):
        return _Qualifier(form=f"Form {groups['qform']}")
    if groups.get("qsched"):
        return _Qualifier(form=f"Schedule {groups['qsched']}")
    for i, act in enumerate(_ACT_KEYS):
        if groups.get(f"act_{i}"):
            return _Qualifier(act=act)
    return _Qualifier()


def _prefix_qualifier(match: re.Match[str]) -> _Qualifier:
    prefix = match.group("prefix")
    if not prefix:
        return _Qualifier()
    prefix = prefix.strip()
    if prefix in ("S-K", "S-X"):
        return _Qualifier(regulation=prefix)
    for pattern in (_REGULATION, _ACT):
        m = re.fullmatch(pattern, prefix)
        if m:
            return _qualifier(m)
    return _Qualifier()


def _tail_qualifier(match: re.Match[str]) -> _Qualifier:
    tail = match.group("tail")
    if not tail:
        return _Qualifier()
    m = re.search(_QUALIFIER, tail)
    return _qualifier(m) if m else _Qualifier()


def _numbers(match: re.Match[str], number: re.Pattern[str] = _ITEM_IN_LIST) -> Iterator[tuple[str, str | None, int, int]]:
    """Each number of "Items 407(b) and 407(c)" with its paragraph and its span in the text."""
    base = match.start("list")
    for m in number.finditer(match.group("list")):
        paragraph = re.sub(r"\s", "", m.group("paragraph")) if m.group("paragraph") else None
        yield m.group("number"), paragraph, base + m.start(), base + m.end()


def _spans(match: re.Match[str], numbers: list[tuple[str, str | None, int, int]]) -> list[tuple[int, int]]:
    """The first citation of a list starts at its keyword; the last takes the trailing "of ..."."""
    spans = [(start, end) for _, _, start, end in numbers]
    spans[0] = (match.start(), spans[0][1])
    if match.group("tail"):
        spans[-1] = (spans[-1][0], match.end("tail"))
    return spans


def _item_citations(text: str) -> Iterator[Citation]:
    for match in _ITEMS.finditer(text):
        qualifier = _prefix_qualifier(match)
        tail = _tail_qualifier(match)
        qualifier = _Qualifier(
            regulation=qualifier.regulation or tail.regulation,
            form=qualifier.form or tail.form,
            act=qualifier.act or tail.act,
        )
        is_section = match.group("word").startswith("Section")
        if is_section and not qualifier.regulation:
            continue  # a section of an Act or of a contract: see _section_citations
        numbers = list(_numbers(match))
        for (number, paragraph, _, _), (start, end) in zip(numbers, _spans(match, numbers)):
            kind = "schedule_item" if (qualifier.form or "").startswith("Schedule") else "item"
            yield Citation(
                text=text[start:end], kind=kind, regulation=qualifier.regulation, item=number,
                form=qualifier.form, act=qualifier.act, paragraph=paragraph, start=start, end=end,
            )


def _rule_citations(text: str, investment_company: bool) -> Iterator[Citation]:
    for match in _RULES.finditer(text):
        prefix, tail = _prefix_qualifier(match), _tail_qualifier(match)
        regulation = prefix.regulation or tail.regulation
        if match.group("prefix") and match.group("prefix").strip() == "S-X":
            regulation = "S-X"
        act = prefix.act or tail.act
        numbers = list(_numbers(match, _RULE_IN_LIST))
        for (number, paragraph, _, _), (start, end) in zip(numbers, _spans(match, numbers)):
            rule_regulation = regulation or ("S-X" if _is_regulation_sx_rule(number) else None)
            rule_act = act or (None if rule_regulation else act_of_rule(number, investment_company))
            yield Citation(
                text=text[start:end], kind="rule", regulation=rule_regulation, rule=number,
                act=rule_act, paragraph=paragraph, start=start, end=end,
            )


def _section_citations(text: str) -> Iterator[Citation]:
    for match in _SECTIONS_OF_ACTS.finditer(text):
        tail = _Qualifier()
        if match.group("tail"):
            tail = _qualifier(re.search(_ACT, match.group("tail")))
        act = _prefix_qualifier(match).act or tail.act
        numbers = list(_numbers(match))
        if not act and not any(paragraph for _, paragraph, _, _ in numbers):
            continue  # "Section 5" alone may be a section of anything; "Section 2(a)(19)" is an Act's
        if re.match(rf"\s+of\s+{_REGULATION}", text[match.end():]):
            continue  # "Section 407(b)(1) of Reg. S-K" is an item, found by _item_citations
        for (number, paragraph, _, _), (start, end) in zip(numbers, _spans(match, numbers)):
            yield Citation(
                text=text[start:end], kind="section", section=number, act=act, paragraph=paragraph,
                start=start, end=end,
            )


def _form_citations(text: str, taken: list[tuple[int, int]]) -> Iterator[Citation]:
    for pattern, label in ((_FORMS, "Form"), (_SCHEDULES, "Schedule")):
        for match in pattern.finditer(text):
            if _inside(match.start(), match.end(), taken):
                continue  # the "of Form 8-K" of an item citation
            yield Citation(
                text=match.group(), kind="form", form=f"{label} {match.group('code')}",
                start=match.start(), end=match.end(),
            )


def _regulation_citations(text: str, taken: list[tuple[int, int]]) -> Iterator[Citation]:
    for match in _BARE_REGULATIONS.finditer(text):
        if not _inside(match.start(), match.end(), taken):
            yield Citation(
                text=match.group(), kind="regulation", regulation=match.group("reg"),
                start=match.start(), end=match.end(),
            )


def _accounting_citations(text: str) -> Iterator[Citation]:
    for match in _ASC.finditer(text):
        rest = (match.group("rest") or "").lstrip("-") or None
        yield Citation(
            text=match.group(), kind="asc", topic=match.group("topic"), paragraph=rest,
            start=match.start(), end=match.end(),
        )
    for match in _SAB.finditer(text):
        yield Citation(
            text=match.group(), kind="sab", topic=match.group("topic"), item=match.group("number"),
            start=match.start(), end=match.end(),
        )


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def find_citations(text: str) -> list[Citation]:
    """Every citation in ``text``, in order, each split into parts and with its offsets.

    Short forms take what the text said earlier: "Item 407(c)(2)(vii)" after "Item 407(b)(1) of
    Regulation S-K" is an S-K item; "Rule 14a-9" after "Exchange Act Rule 14a-6" is under the 1934
    Act; "Section 14(e)" after "Section 13(a) of the Exchange Act" too.
    """
    investment_company = about_investment_companies(text)
    cited = [*_item_citations(text), *_rule_citations(text, investment_company), *_section_citations(text)]
    taken = [(c.start, c.end) for c in cited]
    cited += [*_form_citations(text, taken), *_regulation_citations(text, taken), *_accounting_citations(text)]
    cited.sort(key=lambda c: (c.start, -(c.end or 0)))
    return _resolve_short_forms(_without_overlaps(cited))


def _without_overlaps(citations: list[Citation]) -> list[Citation]:
    """Keep the longest reading where two patterns claim the same words."""
    kept: list[Citation] = []
    for citation in citations:
        if kept and citation.start < kept[-1].end:
            continue
        kept.append(citation)
    return kept


def _resolve_short_forms(citations: list[Citation]) -> list[Citation]:
    """Each short form takes what the latest full form before it gives.

    The latest qualified item, the latest section with its Act and the latest Act of each rule
    family are carried along, so each citation is resolved in constant time (rescanning every
    earlier citation was quadratic: 50,000 "Item 407(" took close to a minute).
    """
    resolved: list[Citation] = []
    last_item: Citation | None = None
    last_act_section: Citation | None = None
    rule_acts: dict[str, str] = {}
    for citation in citations:
        if citation.kind == "item" and not (citation.regulation or citation.form):
            citation = _resolve_item(citation, last_item)
        elif citation.kind == "section" and not citation.act:
            citation = replace(citation, act=last_act_section.act) if last_act_section else citation
        elif citation.kind == "rule" and not citation.regulation:
            citation = _resolve_rule(citation, rule_acts)
        if citation.kind in ("item", "schedule_item") and (citation.regulation or citation.form):
            last_item = citation
        elif citation.kind == "section" and citation.act:
            last_act_section = citation
        elif citation.kind == "rule" and citation.act and "-" in (citation.rule or ""):
            rule_acts[citation.rule.split("-", 1)[0]] = citation.act
        resolved.append(citation)
    return resolved


def _item_fits(item: str, regulation: str | None, form: str | None) -> bool:
    """Whether an item number could belong to what an earlier citation was "of"."""
    number = re.match(r"\d+", item)
    value = int(number.group()) if number else 0
    if regulation == "S-K":
        return value >= 10 and "." not in item
    if form == "Form 8-K":
        return "." in item
    if form and form.startswith("Schedule 14"):
        return 1 <= value <= 34 and "." not in item
    if form in ("Form 10-K", "Form 10-Q", "Form 20-F"):
        return value <= 19 and "." not in item
    return False


def _resolve_item(citation: Citation, previous: Citation | None) -> Citation:
    """An unqualified item takes the regulation or form of the latest qualified one, if it fits."""
    if previous is not None and _item_fits(citation.item or "", previous.regulation, previous.form):
        return replace(citation, kind=previous.kind, regulation=previous.regulation, form=previous.form)
    return citation


def _resolve_rule(citation: Citation, rule_acts: dict[str, str]) -> Citation:
    """A rule of the same family cited earlier with its Act lends that Act."""
    family = re.match(r"(\d+[a-z]*\d?)-", citation.rule or "")
    if not family or family.group(1) not in rule_acts:
        return citation
    return replace(citation, act=rule_acts[family.group(1)])


# --- pages ---------------------------------------------------------------------------------------

_PAGE_TOKEN = r"(?:[A-Z]{1,2}-)?\d{1,4}(?:\s?[-–—]\s?(?:[A-Z]{1,2}-)?\d{1,4})?(?![\d.]\d|\s?%)"
_PAGES = re.compile(
    rf"\b(?P<word>pages?|pp?\.)\s*(?P<list>{_PAGE_TOKEN}(?:{_LIST_SEPARATOR}{_PAGE_TOKEN})*)",
    re.IGNORECASE,
)
_RUNNING_HEADER = re.compile(r"^[ \t]*page[ \t]+\d+[ \t]*$", re.IGNORECASE | re.MULTILINE)
#: A letter's page-2+ header ends "September 2, 2022 Page 2", even when joined onto one line.
_HEADER_DATE_BEFORE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}\s*$"
)


def find_pages(text: str) -> list[str]:
    """Printed pages the text refers to, in order of first mention, each once.

    "pages 14-15" is one range "14-15" as printed; "pages 14 and 15" is two pages. A line that is
    only "Page 2", or "Page 2" right after a date, is the letter's own running header, not a
    reference, and is left out.
    """
    headers = {m.start() for m in _RUNNING_HEADER.finditer(text)}
    pages: list[str] = []
    for match in _PAGES.finditer(text):
        own_line = text.rfind("\n", 0, match.start()) + 1 in headers
        if own_line or _HEADER_DATE_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue
        for token in re.finditer(_PAGE_TOKEN, match.group("list")):
            page = re.sub(r"\s?[-–—]\s?", "-", token.group())
            if page not in pages:
                pages.append(page)
    return pages
