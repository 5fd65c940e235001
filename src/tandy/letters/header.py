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
_POSTCODE = re.compile(r"\b(?:[A-Z]{2}|D\.\s?C\.|[A-Z][a-z]+)\s+\d{5}(?:-\d{4})?\s*$")
#: This many one- or two-word lines in a row are a law firm's office list, not an address.
OFFICE_LIST_LINES = 3
#: An address is this many lines at most, each no longer than this.
ADDRESS_LINES = 8
ADDRESS_LINE_CHARS = 100
#: cc lists are short lines; longer ones end the list.
CC_LINE_CHARS = 120

_MONTHS = "January February March April May June July August September October November December".split()
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_DATE = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})\s*,?\s+(\d{{4}})\b")
_DATE_ALONE = re.compile(rf"^(?:[A-Z][a-z]+day,\s*)?{_DATE.pattern}\s*$")
_RE = re.compile(r"^\s*(?:re|subject)\s*:\s*", re.I)
#: Where a Re: line that runs the registrant into the form description turns to the form.
_FORM_AFTER_NAME = re.compile(
    r"(?<=\w)\s+(?=(?:Definitive|Preliminary|Revised\s+Preliminary|Annual\s+Report|Registration\s+Statement|Form\s+(?:10|8|20|40|6|S|F)-?\w*|Schedule\s+1[34])\b)"
)
_FILED_TAIL = re.compile(r"\s+(?:Filed|File\s+No)\b.*$", re.I)
_SALUTATION_LINE = re.compile(r"^(?:dear\s|ladies\s+(?:and|&)\s+gentlemen|gentlemen\s*[:,])", re.I)
#: Words before a date that make it a filing's or a period's, not the letter's.
_FILING_DATE = re.compile(r"\b(?:filed|dated|ended|ending|as\s+of|submitted|furnished|amended)\b[^\n]{0,30}$", re.I)
_FILED = re.compile(rf"\bfiled\b(?:\s+with\s+the\s+(?:commission|sec))?(?:\s+on)?\s+({_DATE.pattern})", re.I)
_RESPONSE_DATED = re.compile(rf"\bresponse\s+(?:letter\s+)?dated\s+({_DATE.pattern})", re.I)
_FILE_NUMBER = re.compile(r"\bFile\s+(?:No|Number|Nos)s?\.?\s*:?\s*((?:\d{1,4}-\d{3,8}(?:\s*(?:,|;|and|&)\s*)?)+)", re.I)
_FILE_NUMBER_ONE = re.compile(r"\d{1,4}-\d{3,8}")
_CIK = re.compile(r"\bCIK\s*(?:No\.?|Number|#)?\s*:?\s*(\d{4,10})\b", re.I)
_FIRM = re.compile(r"\b(?:LLP|L\.L\.P\.|LLC|L\.L\.C\.|P\.C\.|P\.A\.|PLLC|Chartered)\s*$|\b[A-Z][\w.]+\s+&\s+[A-Z][\w.]+", re.I)
_TITLE = re.compile(r"\b(?:President|Officer|Counsel|Director|Secretary|Treasurer|Chief|Vice|Partner|Controller|Manager|Engagement)\b", re.I)
_DIVISION = re.compile(r"^Division of [A-Z][\w ]+$|^Office of [A-Z][\w ,&]+$")
_ROUTING = re.compile(r"^(?:via|by)\s|^mail\s*stop\b|^correspondence\b|^(?:submitted|filed)\s+via\b|\bedgar\b|^confidential", re.I)
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
    """The date printed alone on a line (or table cell) of the letterhead, else the first date
    that is no filing's.

    The Re: block's dates ("Filed March 21, 2022", "Fiscal Year Ended ...") are the filing's; a
    letter that puts its own date below the Re: block still prints it alone on a line.
    """
    top = text[:DATE_WINDOW_CHARS]
    in_re = False
    for line in re.split(r"[\n\t]", top):
        line = flatten(line)
        if _RE.match(line):
            in_re = True
            continue
        if _SALUTATION_LINE.match(line):
            break
        if _DATE_ALONE.match(line) or not in_re and re.search(rf"{_DATE.pattern}\s*$", line) and len(line) < 80 and not _FILING_DATE.search(line):
            return iso_date(line)
    for match in _DATE.finditer(top):
        if not _FILING_DATE.search(top[max(0, match.start() - 40) : match.start()]):
            return iso_date(match.group())
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
        line = _FORM_AFTER_NAME.split(line, maxsplit=1)[0]  # "Capital One Financial Corporation Definitive Proxy"
        return _PARENTHETICAL.sub("", line).strip(" ,;") or None
    return None


def _form_line(lines: list[str]) -> str | None:
    """The Re: line naming the form; where a narrow column wrapped it ("... Corporation Definitive
    Proxy" / "Statement on Schedule 14A Filed ..."), the form's words after the registrant's."""
    for line in lines[1:] if len(lines) > 1 else lines:
        if form_code(line):
            return line
    joined = " ".join(lines)
    parts = _FORM_AFTER_NAME.split(joined, maxsplit=1)
    if len(parts) == 2 and form_code(parts[1]):
        return _FILED_TAIL.sub("", parts[1]).strip()
    return None


def sender(paras: list[Paragraph], *, staff: bool, date_index: int, close: int | None) -> str | None:
    """Staff: the division and office that sign. Filers: the signer's firm (the letterhead's or
    the signature's), else the company that signs; never a name on the cc list."""
    after = _signature_block(paras, close)
    if staff:
        return _offices([line for p in after for line in p.lines]) or None
    for para in paras[:date_index] + after:
        for line in para.lines:
            firm = _firm_in(line)
            if firm:
                return firm
    return None


def _signature_block(paras: list[Paragraph], close: int | None) -> list[Paragraph]:
    """The paragraphs under the complimentary close, up to the cc list."""
    if close is None:
        return []
    out = []
    for para in paras[close + 1 :]:
        lines = []
        for line in para.lines:
            if _CC.match(line):
                break
            lines.append(line)
        if lines:
            out.append(Paragraph(para.start, para.end, " ".join(lines), page=para.page, lines=tuple(lines)))
        if len(lines) < len(para.lines):
            break
    return out


def _offices(lines: list[str]) -> str:
    """ "Division of Corporation Finance, Office of Real Estate and Construction": a name the
    PDF wrapped ("Office of Real Estate and" / "Construction") is put back together."""
    offices = []
    for k, line in enumerate(lines):
        if not _DIVISION.match(line):
            continue
        if re.search(r"(?:\band|&|,)$", line) and k + 1 < len(lines) and len(lines[k + 1]) < 40:
            line = f"{line} {lines[k + 1]}"
        offices.append(line)
    return ", ".join(offices[:2])


def _firm_in(line: str) -> str | None:
    """The firm a line names ("Ian Schuman, Latham & Watkins LLP" → "Latham & Watkins LLP"), not a
    title that happens to hold an ampersand ("Executive Vice President & Chief Financial Officer")."""
    if len(line) > 80 or _CC.match(line) or not _FIRM.search(line):
        return None
    parts = [part.strip(" ()") for part in re.split(r",\s+|\s*\(", line) if part.strip(" ()")]
    for part in reversed(parts):
        if _FIRM.search(part) and not _TITLE.search(part):
            return _firm_name(part)
    return None


def _firm_name(line: str) -> str:
    """A firm name as it is spelt in running text: letterheads print "SULLIVAN & WORCESTER LLP"."""
    line = re.sub(r"^of\s+", "", line.strip(), flags=re.I)
    if line.upper() != line:
        return line
    suffixes = {"LLP", "LLC", "P.C.", "P.A.", "PLLC", "L.L.P.", "L.L.C."}
    return " ".join(w if w in suffixes or w == "&" else w.capitalize() for w in line.split())


def addressee(paras: list[Paragraph], start: int, stop: int) -> str | None:
    """Whom the letter is to, name and address, one line each: the "Attention:" name first (or
    the first line after the routing lines), then the address lines down to the Re: block.

    Only short lines count, at most :data:`ADDRESS_LINES` of them: a letter with no Re: block
    must not lend the addressee its first paragraph.
    """
    window = _without_office_lists([line for p in paras[start:stop] for line in p.lines])
    name = next((_ATTENTION.sub("", line).strip() for line in window if _ATTENTION.match(line)), None) or None
    lines: list[str] = []
    for line in window:
        if _RE.match(line) or _SALUTATION_LINE.match(line) or len(line) > ADDRESS_LINE_CHARS:
            break
        if _ATTENTION.match(line) or _ROUTING.match(line) or _DATE_ALONE.match(line):
            continue
        lines.append(line)
        if _POSTCODE.search(line):
            break  # the address ends with its city and postcode; what follows is letterhead
    if name:
        lines = [name] + [line for line in lines if line != name]
    return "\n".join(lines[:ADDRESS_LINES]) or None


def _without_office_lists(lines: list[str]) -> list[str]:
    """The lines without a law firm's list of offices ("Dubai" / "San Diego" / "Düsseldorf" ...),
    which HTML letterheads set among the address lines: three or more such lines in a row."""
    out: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if line and _letterhead_word(line):
            run.append(line)
            continue
        if len(run) < OFFICE_LIST_LINES:
            out.extend(run)
        run = []
        if line:
            out.append(line)
    return out


def _letterhead_word(line: str) -> bool:
    """A city of a law firm's office list ("Dubai", "San Francisco")."""
    return len(line.split()) <= 2 and not re.search(r"[\d,.&]|\b(?:Corp|Co|Inc|Ltd|plc|LLC|LP|Company|Corporation|Incorporated|Group|Trust|Fund|Bank|Holdings|Limited|AG|SA|NV|SE)\b", line)


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
    """The "cc:" list: the names on the cc line and the lines under it, wherever the line stands
    in its paragraph (staff PDFs set it under the office that signs)."""
    start = close or 0
    for i in range(start, len(paras)):
        lines = paras[i].lines
        at = next((j for j, line in enumerate(lines) if _CC.match(line)), None)
        if at is None:
            continue
        names = [_CC.sub("", lines[at])] + list(lines[at + 1 :])
        if at == len(lines) - 1:
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
