"""The letter's frame: its date, sender and addressee, the Re: block, and the signature and cc list.

The Re: block names what is under review the way people write it ("Preliminary Proxy Statement
on Schedule 14A", "Form 10-K for the Fiscal Year Ended ..."); threads are assembled on EDGAR form
codes, so the description is mapped to the code ("PRE 14A", "10-K"). Dates in the Re: block are
the filing's, never the letter's: the letter's own date is the one printed alone on a line of
the letterhead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from tandy.letters.body import Paragraph, flatten
from tandy.letters.model import SubjectFiling

#: The letter's date is looked for in this many characters at the top of the letter.
DATE_WINDOW_CHARS = 3000
#: cc lists are short lines; longer ones end the list.
CC_LINE_CHARS = 120

_MONTHS = "January February March April May June July August September October November December".split()
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_DATE = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})\s*,?\s+(\d{{4}})\b")
_DATE_ALONE = re.compile(rf"^(?:[A-Z][a-z]+day,\s*)?{_DATE.pattern}\s*$")
_RE = re.compile(r"^\s*(?:re|subject)\s*:\s*", re.I)
_FILED = re.compile(rf"\bfiled\b(?:\s+with\s+the\s+(?:commission|sec))?(?:\s+on)?\s+({_DATE.pattern})", re.I)
_RESPONSE_DATED = re.compile(rf"\bresponse\s+(?:letter\s+)?dated\s+({_DATE.pattern})", re.I)
_FILE_NUMBER = re.compile(r"\bFile\s+(?:No|Number|Nos)s?\.?\s*:?\s*((?:\d{1,4}-\d{3,8}(?:\s*(?:,|;|and|&)\s*)?)+)", re.I)
_FILE_NUMBER_ONE = re.compile(r"\d{1,4}-\d{3,8}")
_CIK = re.compile(r"\bCIK\s*(?:No\.?|Number|#)?\s*:?\s*(\d{4,10})\b", re.I)
_FIRM = re.compile(r"\b(?:LLP|L\.L\.P\.|LLC|L\.L\.C\.|P\.C\.|P\.A\.|PLLC|Chartered)\s*$|\b[A-Z][\w.]+\s+&\s+[A-Z][\w.]+", re.I)
_DIVISION = re.compile(r"^Division of [A-Z][\w ]+$|^Office of [A-Z][\w ,&]+$")
_ROUTING = re.compile(r"^(?:via|by)\s|^correspondence\b|^(?:submitted|filed)\s+via\b|\bedgar\b|^confidential", re.I)
_ATTENTION = re.compile(r"^(?:attention|attn)\.?\s*:?\s*", re.I)
_SIGNED = re.compile(r"^/s/\s*(.+?)(?:\s+for)?$", re.I)
_CC = re.compile(r"^(?:cc|c\.c\.|copy\s+to|copies\s+to|with\s+copies?\s+to)\s*:?\s*", re.I)
_PERSON = re.compile(r"^(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?[A-Z][a-zA-Z'’.\-]+(?:\s+[A-Z][a-zA-Z'’.\-]*\.?){1,3}(?:,\s*(?:Jr|Sr|III|II|IV)\.?)?$")
_NOT_A_NAME = re.compile(
    r"\b(?:Division|Office|Commission|Company|Inc|Corporation|LLP|LLC|Counsel|Officer|Director|Accountant|Chief|"
    r"President|Attorney|Partner|Secretary|Treasurer|Enclosures?|Services|Street|Avenue)\b"
)
_PARENTHETICAL = re.compile(r"\s*\((?:the|a|an)\s+[\"“'][^)]*\)\s*$|\s*\(\s*[\"“][^)]*\)\s*$", re.I)

#: Form descriptions as letters print them, mapped to the EDGAR form code; first match wins.
FORM_CODES: tuple[tuple[str, str], ...] = (
    (r"\b(DEFA14A|DFAN14A|DEFM14A|DEFR14A|DEFC14A|PREM14A|PREC14A|PRER14A|PRE\s?14A|DEF\s?14A|PRRN14A|PREN14A|DEFN14A)\b", "{0}"),
    (r"\bsoliciting\s+material\b", "DEFA14A"),
    (r"\brevised\s+preliminary\s+proxy\b", "PRER14A"),
    (r"\bpreliminary[\s-]+(?:merger\s+)?proxy\b", "PRE 14A"),
    (r"\b(?:definitive\s+)?(?:merger\s+)?proxy\s+statement\b", "DEF 14A"),
    (r"\bschedule\s+(14D-9|13E-3|TO(?:-[CIT])?|13D|13G|14C)\b", "SC {0}"),
    (r"\b(?:amendment\s+no\.\s*\d+\s+to\s+)?(?:registration\s+statement\s+on\s+)?forms?\s+((?:10-K|10-Q|8-K|20-F|40-F|6-K|11-K|N-CSR|N-1A|N-2|N-14|S-\d{1,2}|F-\d{1,2}|10-12B|1-A)(?:/A)?)\b", "{0}"),
    (r"\b(10-K|10-Q|8-K|20-F)\b", "{0}"),
)


@dataclass(slots=True)
class Header:
    """What the letter's frame says, before the items."""

    date: str | None = None
    sender: str | None = None
    addressee: str | None = None
    registrant: str | None = None
    subject: SubjectFiling = field(default_factory=SubjectFiling)
    signatories: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)


def iso_date(text: str) -> str | None:
    """ "January 3, 2008" → "2008-01-03"; None when the text holds no valid date."""
    match = _DATE.search(text)
    if not match:
        return None
    month = next(i for i, m in enumerate(_MONTHS, 1) if m.lower().startswith(match.group(1).lower().rstrip(".")[:3]))
    try:
        return date(int(match.group(3)), month, int(match.group(2))).isoformat()
    except ValueError:
        return None


def letter_date(text: str) -> str | None:
    """The date printed alone on a line (or table cell) of the letterhead, else the first date."""
    top = text[:DATE_WINDOW_CHARS]
    for line in re.split(r"[\n\t]", top):
        line = flatten(line)
        if _RE.match(line):
            break
        if _DATE_ALONE.match(line) or re.search(rf"{_DATE.pattern}\s*$", line) and len(line) < 80:
            return iso_date(line)
    return iso_date(top)


def re_block(paras: list[Paragraph], salutation: int | None) -> list[str]:
    """The lines of the Re: block: after "Re:" up to the salutation, or the lines just above it."""
    end = salutation if salutation is not None else min(len(paras), 15)
    lines: list[str] = []
    for i in range(end):
        match = _RE.match(paras[i].lines[0] if paras[i].lines else "")
        if match:
            for para in paras[i:end]:
                lines.extend(para.lines)
            lines[0] = _RE.sub("", lines[0])
            return [line for line in lines if line]
    if salutation:
        above = paras[salutation - 1]
        if _FILE_NUMBER.search(above.text) or _CIK.search(above.text) or re.search(r"\b(?:Form|Schedule)\b", above.text):
            return list(above.lines)
    return []


def subject_filing(re_lines: list[str], opening: str) -> tuple[str | None, SubjectFiling]:
    """Registrant and filing under review from the Re: block (the opening paragraph fills gaps)."""
    lines = [line for line in re_lines if not re.match(r"^(?:comment\s+letter|letter)\s+dated\b", line, re.I)]
    registrant = _registrant(lines)
    text = " ".join(lines)
    subject = SubjectFiling(description=_form_line(lines))
    subject.form = _dissident(form_code(subject.description or ""), text, registrant)
    filed = _FILED.search(text) or _FILED.search(opening)
    subject.filed = iso_date(filed.group(1)) if filed else None
    subject.file_numbers = [n for m in _FILE_NUMBER.finditer(text) for n in _FILE_NUMBER_ONE.findall(m.group(1))]
    cik = _CIK.search(text)
    subject.cik = cik.group(1).zfill(10) if cik else None
    dated = _RESPONSE_DATED.search(text)
    subject.response_dated = iso_date(dated.group(1)) if dated else None
    return registrant, subject


def form_code(description: str) -> str | None:
    """The EDGAR code of a form as letters describe it: "Preliminary Proxy Statement" → "PRE 14A"."""
    for pattern, code in FORM_CODES:
        match = re.search(pattern, description, re.I)
        if match:
            value = code.format(*(g.upper() for g in match.groups()))
            return re.sub(r"^(PRE|DEF)(14A)$", r"\1 \2", value.replace("  ", " "))
    return None


def _dissident(form: str | None, text: str, registrant: str | None) -> str | None:
    """Soliciting material filed "by" someone other than the company is a DFAN14A, not a DEFA14A."""
    if form != "DEFA14A":
        return form
    by = re.search(r"\bby\s+((?:Mr\.|Ms\.|Mrs\.)?\s*[A-Z][\w.]*(?:\s+[A-Z][\w.,]*){0,5})", text)
    if by and not (registrant and squash_name(by.group(1)) in squash_name(registrant)):
        return "DFAN14A"
    return form


def squash_name(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", name.lower())


def _registrant(lines: list[str]) -> str | None:
    for line in lines:
        line = re.sub(r"^(?:regarding|in\s+re)\s*:?\s*", "", line, flags=re.I)
        if not line or form_code(line) and not re.search(r"\b(?:Inc|Corp|Company|Trust|Fund|LLC|Ltd|plc)\b", line):
            continue
        return _PARENTHETICAL.sub("", line).strip(" ,;") or None
    return None


def _form_line(lines: list[str]) -> str | None:
    for line in lines[1:] if len(lines) > 1 else lines:
        if form_code(line):
            return line
    return None


def sender(paras: list[Paragraph], *, staff: bool, date_index: int, close: int | None) -> str | None:
    """Staff: the division and office that sign. Filers: the law firm, else the company that signs."""
    after = paras[close + 1 :] if close is not None else []
    if staff:
        offices = [line for p in after for line in p.lines if _DIVISION.match(line)]
        return ", ".join(offices[:2]) or None
    for para in paras[:date_index] + after:
        for line in para.lines:
            if _FIRM.search(line) and len(line) <= 80 and not _CC.match(line):
                return _firm_name(line)
    return None


def _firm_name(line: str) -> str:
    """A firm name as it is spelt in running text: letterheads print "SULLIVAN & WORCESTER LLP"."""
    line = re.sub(r"^of\s+", "", line.strip(), flags=re.I)
    if line.upper() != line:
        return line
    suffixes = {"LLP", "LLC", "P.C.", "P.A.", "PLLC", "L.L.P.", "L.L.C."}
    return " ".join(w if w in suffixes or w == "&" else w.capitalize() for w in line.split())


def addressee(paras: list[Paragraph], start: int, stop: int) -> str | None:
    """Whom the letter is to: the "Attention:" name, else the first line after the routing lines."""
    window = [line for p in paras[start:stop] for line in p.lines]
    for line in window:
        if _ATTENTION.match(line):
            return _ATTENTION.sub("", line).strip() or None
    for line in window:
        if not _ROUTING.match(line) and not _DATE_ALONE.match(line) and not _RE.match(line):
            return line
    return None


def signatories(paras: list[Paragraph], close: int | None) -> list[str]:
    """Who signs: "/s/" names, else the first line under the close that reads as a person's name."""
    if close is None:
        return []
    lines = [line for p in paras[close : close + 8] for line in p.lines][1:]
    lines = [line for line in lines if not re.fullmatch(r"[-_=\s]+", line)]
    signed = [_SIGNED.match(line).group(1).strip() for line in lines if _SIGNED.match(line)]
    if signed:
        return list(dict.fromkeys(signed))
    for line in lines:
        if _CC.match(line):
            break
        if _PERSON.match(line) and not _NOT_A_NAME.search(line):
            return [line]
    return []


def cc_list(paras: list[Paragraph], close: int | None) -> list[str]:
    """The "cc:" list: the names on the cc line and the short lines under it."""
    start = close or 0
    for i in range(start, len(paras)):
        first = paras[i].lines[0] if paras[i].lines else ""
        if not _CC.match(first):
            continue
        names = [_CC.sub("", first)] + list(paras[i].lines[1:])
        if len(paras[i].lines) == 1:
            names.extend(_cc_lines_below(paras[i + 1 :], paras[i].page))
        return [n.strip() for n in names if n.strip()]
    return []


def _cc_lines_below(paras: list[Paragraph], page: int) -> list[str]:
    """HTML letters give each cc name a paragraph of its own under a lone "cc:"."""
    out = []
    for para in paras:
        if len(para.text) > CC_LINE_CHARS or para.heading or para.page != page or para.text.endswith(":"):
            break
        out.extend(para.lines)
    return out
