"""Director and officer biographies written as prose, the way operating companies print them.

Operating companies (and a few funds) do not give a Schedule 14A Item 22(b)(1) table: each person
gets a paragraph, and the facts staff check (age, board service, office held) sit in sentences:
"Jane Roe, 62, has served as a director since 2015", "WALTER SCOTT, JR., age 67, ...",
"Mr. Murphy is 63 years old." at the end of a paragraph headed "JOHN J. MURPHY, Chairman ...",
or an HTML box with the name in bold and "Age:" then the value in the next cell.

The age is the anchor: a biography is found where an age is printed, and the person's full name
is then taken from the nearest heading or paragraph opening that carries the same surname. The
roles come from the passage the biography sits in (nominees, continuing directors, executive
officers) and from the offices the biography says the person holds now at the registrant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tandy.document import Document
from tandy.proxy.model import Person, Role


@dataclass(frozen=True, slots=True)
class BiographySettings:
    """How far to look, in blocks, from an age back to the name it belongs to."""

    name_lookback_blocks: int = 12
    name_lookahead_blocks: int = 12
    section_lookback_blocks: int = 400
    bio_tail_blocks: int = 4
    cover_lines: int = 80
    marker_max_words: int = 40


SETTINGS = BiographySettings()

HONORIFICS = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Hon|Judge|Senator|Ambassador|Admiral|General|Governor|Prof|Professor)"
_HONORIFIC_PREFIX = re.compile(rf"^(?:(?:the\s+)?{HONORIFICS}\.?\s+)+", re.IGNORECASE)
_SUFFIX = r"(?:,?\s+(?:Jr|Sr)\.?|,?\s+(?:II|III|IV|V)\b|,\s+(?:M\.D\.|Ph\.D\.|Esq\.))"
_LETTERS = "A-Za-zÀ-ÖØ-öø-ÿ"
_WORD = rf"(?:[A-ZÀ-Þ](?:[{_LETTERS}'’\-]*[{_LETTERS}])?\.?|[A-Z]\.)"
_NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{1,4}}{_SUFFIX}*"
_FOOTNOTE = r"(?:\s*(?:\*+|†|‡|#|\(\d\)|\d)(?=[\s,]))*"

# "JANE ROE, age 62," / "Dr. Jane Roe, 62, has" / "Jane Roe (62)" at the start of a block.
_LEAD_AGE = re.compile(
    rf"^\s*(?P<name>(?:{HONORIFICS}\.?\s+)?{_NAME}){_FOOTNOTE},?\s+(?:(?:age|aged)\s+(?P<age>\d{{2,3}})\b|(?P<age2>\d{{2}}),\s)",
    re.IGNORECASE,
)
# "Mr. Cook, 65," / "Dr. Simmons, age 54," / "Mr. Murphy is 63 years old."
_SURNAME_AGE = re.compile(
    rf"\b(?P<hon>{HONORIFICS})\.?\s+(?P<name>{_WORD}(?:\s+{_WORD}){{0,3}}?){_SUFFIX}?"
    rf"(?:,\s+(?:age|aged)\s+(?P<age>\d{{2,3}})\b|,\s+(?P<age2>\d{{2}}),(?!\d)|\s+is\s+(?P<age3>\d{{2,3}})\s+years\s+old)"
)
# "Age: 65" in one block, or "Age" / "Age:" alone with the value in the next block.
_AGE_LABEL = re.compile(r"^\s*Age\s*:?\s*(?P<age>\d{2,3})?\s*$", re.IGNORECASE)
_AGE_INLINE = re.compile(r"\bAge\s*:\s*(?P<age>\d{2,3})\b")
_BARE_NUMBER = re.compile(r"^\s*(\d{2,3})\s*$")

_NAME_BLOCK = re.compile(rf"^\s*(?:{HONORIFICS}\.?\s+)?(?P<name>{_NAME}){_FOOTNOTE}\s*(?:$|\t|\s{{2,}}|\[|,\s|\s+(?:was|is|has|a)\s)")
_CAPS_LEAD = re.compile(rf"^\s*(?P<name>[A-Z][A-Z.'’\- ]+?(?:,\s+(?:JR|SR)\.|,\s+I{{2,3}}|,\s+M\.D\.)?)(?=,|\s+(?:was|is|has|a|an)\s)")

_OFFICER_TITLE = re.compile(
    r"\b(?:Chief\s+\w+(?:\s+\w+)?\s+Officer|CEO|CFO|COO|(?:Co-)?President|Vice\s+Chairman|Vice\s+Chair|"
    r"(?:Executive|Senior|Group)?\s*Vice\s+President|Treasurer|Secretary|General\s+Counsel|Controller)\b"
)
_PAST = re.compile(r"\b(?:former|formerly|retired|was|were|had\s+been|previously|until|prior\s+to|from\s+\d{4}\s+(?:to|through|until))\b", re.IGNORECASE)
_RETIRING = re.compile(
    r"\b(?:is\s+retiring|retiring\s+(?:from\s+the\s+board|as\s+a\s+director)|will\s+retire|not\s+standing\s+for\s+re-?election|will\s+not\s+stand)\b",
    re.IGNORECASE,
)
_DIRECTOR_EVIDENCE = re.compile(
    r"\bdirector\s+since\b|\bdirector\s+of\s+the\s+(?:corporation|company)\b|\belected\s+(?:a\s+|as\s+a\s+)?director\b|"
    r"\b(?:member\s+of|elected\s+to|joined)\s+\S+\s+board\b|\bboard\s+since\b|\b(?:has\s+(?:been|served\s+as)|serves?\s+as)\s+a\s+director\b|"
    r"\ba\s+director\s+since\b|\bdirector\s+of\s+\w+\s+since\b",
    re.IGNORECASE,
)

_OTHER_COMPANY = re.compile(r"\b[A-Z][\w&\-]*(?:\s+[A-Z][\w&.\-]*)*\s+(?:Corp\.?|Corporation|Inc\.?|Company|Co\.|Ltd\.?|plc|LLC)")
_SECTION_NOMINEE = re.compile(r"\bnominee|\bstanding\s+for\s+(?:re-?)?election\b|\bfor\s+(?:re-?)?election\b", re.IGNORECASE)
_SECTION_CONTINUING = re.compile(r"\bcontinu|\bnot\s+standing\b|\bremaining\s+directors\b|\bother\s+directors\b|\bwhose\s+terms?\s+(?:will\s+)?continue", re.IGNORECASE)
_SECTION_OFFICERS = re.compile(r"\bexecutive\s+officers\b|\bofficers\s+of\s+the\s+(?:company|corporation|registrant)\b|\bmanagement\s+team\b", re.IGNORECASE)
_SECTION_BOARD = re.compile(r"\b(?:board\s+of\s+directors|directors|board\s+members?)\b", re.IGNORECASE)

_NOT_NAME_WORDS = {
    "the", "of", "and", "for", "at", "on", "in", "as", "by", "to", "board", "committee", "directors", "company",
    "election", "item", "proposal", "fiscal", "year", "ended", "awards", "outstanding", "table", "total", "news",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
_COMMON_FIRST_WORDS = {"united", "american", "general", "first", "national", "international", "the", "new", "great"}


@dataclass(slots=True)
class _Found:
    name: str
    age: int
    name_block: int
    age_block: int
    labelled: bool = False
    """Found from an "Age:" label and the nearest heading: the name is not in the age's sentence."""


def find_biographies(document: Document, registrant: str | None = None) -> list[Person]:
    """The people the document gives a prose biography with an age, in document order.

    A name taken from the heading nearest an "Age:" label must be named again (a committee
    list, a table) or spoken of as "Mr. Old": a run of capitalised words printed once near an age
    is a caption or a skills heading ("Character Experience Willingness"), not a name.

    ``registrant`` (the company's name) tells an office at the company from one held elsewhere;
    when it is not given it is read from the cover page ("Name of Registrant as Specified ...").
    """
    blocks = [b for b in document.blocks if b.furniture is None]
    texts = [document.text[b.start : b.end] for b in blocks]
    company = _company_names(registrant or _registrant_from_cover(document))
    found = sorted(_find_ages(texts), key=lambda f: (f.name_block, f.age_block))
    flat = " ".join(document.text.split())
    people: dict[str, Person] = {}
    for n, item in enumerate(found):
        name = _mixed_case(document.text, item.name)
        key = _name_key(name)
        if key in people:
            continue
        following = [f.name_block for f in found[n + 1 :] if f.name_block > item.name_block]
        last = min([item.age_block + SETTINGS.bio_tail_blocks, *(b - 1 for b in following[:1])])
        last = min(max(last, item.age_block), len(blocks) - 1)
        bio = "\n".join(texts[item.name_block : last + 1])
        roles = _roles(texts, item.name_block, bio, company)
        location = document.location(blocks[item.name_block].start, blocks[last].end)
        if item.labelled and not _named_again(flat, name):
            continue
        people[key] = Person(name=name, age=item.age, roles=roles, location=location)
    return list(people.values())


def _named_again(flat: str, name: str) -> bool:
    """The name occurs twice, or the person is spoken of by honorific and surname ("Mr. Old")."""
    if flat.lower().count(" ".join(name.split()).lower()) >= 2:
        return True
    return re.search(rf"\b{HONORIFICS}\.?\s+{re.escape(_surname(name))}\b", flat, re.IGNORECASE) is not None


def _find_ages(texts: list[str]) -> list[_Found]:
    """Every printed age with the block holding the full name it belongs to."""
    found: list[_Found] = []
    for i, text in enumerate(texts):
        lead = _LEAD_AGE.match(text)
        if lead and _looks_like_name(lead["name"]):
            found.append(_Found(_clean_name(lead["name"]), int(lead["age"] or lead["age2"]), i, i))
            continue
        for match in _SURNAME_AGE.finditer(text):
            surname = _surname(match["name"])
            at = _block_with_surname(texts, i, surname)
            if at is not None:
                found.append(_Found(_clean_name(at[1]), int(match["age"] or match["age2"] or match["age3"]), at[0], i))
        age = _labelled_age(texts, i)
        if age is not None:
            at = _nearest_name_block(texts, i)
            if at is not None:
                found.append(_Found(_clean_name(at[1]), age, at[0], i, labelled=True))
    return found


def _labelled_age(texts: list[str], i: int) -> int | None:
    """The value of an "Age:" label in this block, or in the next block when the label stands alone."""
    inline = _AGE_INLINE.search(texts[i])
    if inline:
        return int(inline["age"])
    label = _AGE_LABEL.match(texts[i])
    if label and i + 1 < len(texts):
        value = _BARE_NUMBER.match(texts[i + 1])
        return int(value[1]) if value else None
    return None


def _block_with_surname(texts: list[str], i: int, surname: str) -> tuple[int, str] | None:
    """The nearest block at or before ``i`` that opens with a full name ending in ``surname``;
    failing that, one just after (a layout that captions the photo with the name below the
    biography: "Ms. Adams, 60, oversees ..." then "Kate Adams" / "Senior Vice President")."""
    for j in [*range(i, max(-1, i - SETTINGS.name_lookback_blocks), -1), *range(i + 1, min(len(texts), i + 1 + SETTINGS.name_lookahead_blocks))]:
        for name in (_leading_name(texts[j]), _split_name(texts, j)):
            if name and _surname(name).lower() == surname.lower():
                return j, name
    return None


_LONE_WORD = re.compile(rf"^\s*({_WORD})\s*$")
_GIVEN = re.compile(rf"^\s*({_WORD}(?:[ \t]+[A-Z]\.)?|[A-Z]\.[ \t]+{_WORD})\s*$")
"""The given name block: a word, with an initial after it ("Steven J.") or before it ("G. Mason")."""


def _split_name(texts: list[str], j: int) -> str | None:
    """A name set as two blocks, the given name above the surname ("Laura" / "Alber"), as
    designed profile pages print it beside a photo."""
    if j + 1 >= len(texts):
        return None
    first, last = _GIVEN.match(texts[j]), _LONE_WORD.match(texts[j + 1])
    if not (first and last):
        return None
    name = f"{' '.join(first[1].split())} {last[1]}"
    return name if _looks_like_name(name) and not TITLE_WORDS & set(name.split()) else None


def _nearest_name_block(texts: list[str], i: int) -> tuple[int, str] | None:
    """The nearest block before an "Age" label that is a name heading and nothing else (or a
    name set as two blocks)."""
    for j in range(i, max(-1, i - SETTINGS.name_lookback_blocks), -1):
        name = _wrapped_name(texts[j]) or _leading_name(texts[j], heading_only=True) or _split_name(texts, j)
        if name:
            return j, name
    return None


def _wrapped_name(text: str) -> str | None:
    """A short heading block whose name wraps onto a second line ("Kimberly A." / "Casiano")."""
    lines = [line.strip() for line in text.strip().split("\n")]
    if not 2 <= len(lines) <= 3 or len(text) > 60:
        return None
    joined = " ".join(lines)
    match = _NAME_BLOCK.match(joined)
    if match and match.end("name") >= len(joined.rstrip(" ,*")) - 1 and _looks_like_name(match["name"]):
        return match["name"]
    return None


def _leading_name(text: str, heading_only: bool = False) -> str | None:
    """A person's name opening a block: a heading line, or the capitalised start of a bio paragraph."""
    first_line = text.strip().split("\n", 1)[0]
    match = _NAME_BLOCK.match(first_line)
    if match and _looks_like_name(match["name"]):
        rest = first_line[match.end("name") :].strip(" \t,*")
        if not heading_only or not rest or rest.startswith("[") or "\t" in first_line or re.match(r"(?i)director since", rest):
            return match["name"]
    if heading_only:
        return None
    caps = _CAPS_LEAD.match(text)
    if caps and _looks_like_name(caps["name"]):
        return caps["name"]
    return None


TITLE_WORDS = {
    "Officer", "Executive", "Director", "Directors", "Nominee", "Nominees", "Chair", "Chairman", "Chairwoman", "Chief",
    "Former", "Independent", "Lead", "Governance", "Corporate", "Professor", "Emerita", "Emeritus", "Global", "Holdings",
    "Capital", "Airlines", "President", "Vice", "Current", "Non-Executive", "Technology", "Financial", "Investment",
    "Operating", "Founder", "Co-Founder", "Partner", "Managing", "Senior", "General", "Counsel", "Secretary", "Treasurer",
    "Information", "Matters", "Section", "Stock", "Common", "Class", "Beneficial", "Owner", "Percent",
}
"""Words of a title, an office or a heading: a "name" made of them ("Executive Officer", "Lead
Independent") is a caption the reader took for a person."""


def _looks_like_name(name: str) -> bool:
    """Two to six words that are not a sentence's opening, a title, or a heading in capitals about something else."""
    words = _HONORIFIC_PREFIX.sub("", name).replace(",", " ").split()
    if not 2 <= len(words) <= 6:
        return False
    if any(w.strip(".") in TITLE_WORDS for w in words):
        return False
    if len(words) >= 3 and re.fullmatch(r"[A-Z]\.", words[-2]) and words[-1].lower() in _MONTH_SURNAMES:
        words = words[:-1]  # "John C. May": a surname that is a month, after an initial
    return not any(w.lower().strip(".") in _NOT_NAME_WORDS for w in words)


_MONTH_SURNAMES = {"may", "june", "april", "august"}


def _clean_name(name: str) -> str:
    """Drop honorifics and footnote marks; keep suffixes as printed."""
    name = _HONORIFIC_PREFIX.sub("", " ".join(name.split()))
    return re.sub(r"[\s,]*(?:\*+|†|‡|#)+$", "", name).strip(" ,")


def _surname(name: str) -> str:
    words = [w for w in re.split(r"[\s,]+", _clean_name(name)) if w]
    suffixes = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "m.d.", "ph.d.", "esq."}
    while len(words) > 1 and words[-1].lower() in suffixes:
        words.pop()
    return words[-1] if words else ""


def _name_key(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", name.lower()))


def _mixed_case(text: str, name: str) -> str:
    """A name printed in capitals, spelled as the document prints it elsewhere in mixed case."""
    if name != name.upper():
        return name
    words = re.split(r"[\s,]+", name)
    pattern = r"[\s,]+".join(re.escape(w) for w in words if w)
    for match in re.finditer(rf"(?<![\w]){pattern}(?![\w])", text, re.IGNORECASE):
        printed = match.group(0)
        if printed != printed.upper() and printed[0].isupper():
            return " ".join(printed.split())
    return " ".join(w if re.fullmatch(r"I{2,3}|IV|M\.D\.", w) else w.capitalize() for w in name.split())


def _roles(texts: list[str], at: int, bio: str, company: list[str]) -> list[Role]:
    """Roles from the section heading above the biography and the offices it says are held now."""
    section, heading = _section(texts, at)
    board: Role = "trustee" if re.search(r"\bTrustees?\b", heading) and not re.search(r"\bDirectors?\b", heading) else "director"
    roles: list[Role] = []
    if section == "nominee" and not _RETIRING.search(bio):
        roles.append("nominee")
    if section in ("nominee", "continuing") or _DIRECTOR_EVIDENCE.search(bio):
        roles.append(board)
    if section == "officers" or _holds_office(bio, company):
        roles.append("officer")
    return roles


def _section(texts: list[str], at: int) -> tuple[str | None, str]:
    """Which passage a biography is under (nominees, continuing directors, executive officers),
    and the heading or lead-in that says so."""
    for j in range(at - 1, max(-1, at - SETTINGS.section_lookback_blocks), -1):
        text = " ".join(texts[j].split())
        if not _is_marker(text):
            continue
        if _SECTION_OFFICERS.search(text) and not _SECTION_NOMINEE.search(text):
            return "officers", text
        if _SECTION_NOMINEE.search(text):
            return "nominee", text
        if _SECTION_CONTINUING.search(text) and _SECTION_BOARD.search(text):
            return "continuing", text
    return None, ""


def _is_marker(text: str) -> bool:
    """A heading, or a short lead-in that introduces what follows ("... the following nominees:")."""
    words = text.split()
    if not words or len(words) > SETTINGS.marker_max_words * 3:
        return False
    if text.rstrip().endswith(":"):
        return True
    if len(words) <= SETTINGS.marker_max_words and (text.upper() == text or not text.rstrip().endswith(".")):
        return True
    return bool(re.search(r"(?i)\b(?:set forth below|following|below)\b", text)) and len(words) <= SETTINGS.marker_max_words * 2


def _holds_office(bio: str, company: list[str]) -> bool:
    """True when a clause of the biography gives a current executive office at the registrant."""
    flat = " ".join(bio.split())
    for clause in re.split(r"(?<=[.;])\s+|\n", flat):
        for title in _OFFICER_TITLE.finditer(clause):
            if _PAST.search(clause[: title.start()][-60:]):
                continue
            tail = clause[title.end() : title.end() + 120]
            head = clause[max(0, title.start() - 60) : title.start()]
            if _names_company(tail, head, company):
                return True
    return False


def _names_company(tail: str, head: str, company: list[str]) -> bool:
    """Whether the words around a title say the office is at the registrant.

    The company must follow the title at once ("President of PepsiCo", "CEO, Ford Motor Company",
    "Vice Chairman of the Board of PepsiCo") or own it just before ("Apple's Chief Executive
    Officer", "the Corporation's Vice Chairman"); a company named later in the sentence is where
    the person sits as a director, not where they work. "its" counts when the last company the
    sentence named is the registrant ("a director of the Corporation ... and its Chairman").
    """
    names = [r"the\s+(?:Company|Corporation|Registrant)", *(rf"(?i:(?:the\s+)?{re.escape(name)})" for name in company)]
    board = r"(?:\s+of\s+the\s+Board(?:\s+of\s+Directors)?)?"
    titles_before = r"(?:\s+(?:[A-Z][\w\-]*|and|of|the)){0,6}\s*$"
    for name in names:
        if re.match(rf"^{board}\s*(?:of|,|at)\s+{name}\b", tail):
            return True
        if re.search(rf"\b{name}(?:'s|’s){titles_before}", head):
            return True
    if re.search(rf"\b(?:its|our){titles_before}", head):
        return _last_company_is_registrant(head, names)
    return False


def _last_company_is_registrant(head: str, names: list[str]) -> bool:
    """Whether the registrant, not another company, is the last one named before "its"."""
    own = max((m.end() for name in names for m in re.finditer(rf"\b{name}", head)), default=-1)
    other = max((m.end() for m in _OTHER_COMPANY.finditer(head)), default=-1)
    return own > other


def _registrant_from_cover(document: Document) -> str | None:
    """The name printed above "(Name of Registrant as Specified in Its Charter)" on the cover."""
    lines = document.text.split("\n", SETTINGS.cover_lines * 4)[: SETTINGS.cover_lines * 4]
    for i, line in enumerate(lines):
        if re.search(r"(?i)name\s+of\s+registrant", line):
            for previous in reversed(lines[max(0, i - 4) : i]):
                cleaned = previous.strip(" -_=\t")
                if cleaned and re.search(r"[A-Za-z]", cleaned):
                    return cleaned
    return None


def _company_names(registrant: str | None) -> list[str]:
    """The ways a biography names the registrant: in full, without "Inc.", and by its first word."""
    if not registrant:
        return []
    full = " ".join(registrant.split())
    short = re.sub(r"^(?:the\s+)", "", full, flags=re.IGNORECASE)
    for _ in range(3):
        short = re.sub(r",?\s*(?:Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.|Group|Holdings|Ltd\.?|plc|LLC)$", "", short, flags=re.IGNORECASE).strip()
    names = [full, short]
    first = short.split()[0] if short.split() else ""
    if len(first) >= 4 and first.lower() not in _COMMON_FIRST_WORDS:
        names.append(first)
    return list(dict.fromkeys(n for n in names if n))
