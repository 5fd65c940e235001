"""Directors, trustees, nominees and officers from the tables that present them.

A fund proxy or SAI gives each board member and officer a row (Item 22(b)(1) of Schedule 14A):
name, age and address; positions held; term of office and length of time served; principal
occupations; portfolios overseen; other directorships. Older operating-company proxies give a
name / age / position table too. This module decides which tables those are (from their headers
and the heading above them), maps their columns to fields, and reads each row into a
:class:`Person`, with whether the person is an interested person and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tandy.document import Document
from tandy.proxy.model import Person, ProxyTable, Role, TableKind
from tandy.tables import TextTable, read_text_tables

HONORIFIC = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Hon|Prof)\.?\s+)+", re.I)
_SUFFIX = r"(?:,?\s+(?:Jr|Sr)\.?|,?\s+(?:II|III|IV)\b|,\s*(?:M\.D\.|Ph\.D\.|Esq\.|CFA|CPA))"
_NAME_WORD = r"(?:[A-Z][a-zA-Z'\u2019\u00c0-\u00ff\-]*\.?|[A-Z]\.|(?:von|van|de|der|del|della|da|di|du|la|le)(?=\s+[A-Z])|[\"\u201c][A-Z][a-z]+[\"\u201d])"
"""A word of a name: a capitalised word or an initial, a particle before the next word ("Alexander
von Furstenberg"), or a nickname in quotes ("A. George "Skip" Battle")."""
_MARKERS = r"(?:\s*(?:\*+|\+|#|\^|\u2020|\u2021|\(\d\)|\([a-z]\)|(?<=[a-z])\d{1,2}|,\s*[#^*+](?:,\s*[#^*+])*)(?=$|[\s,(]))*"
PERSON = re.compile(
    rf"^(?P<hon>(?:(?:Mr|Mrs|Ms|Dr|Sir|Hon)\.?\s+)*)(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,4}}?{_SUFFIX}*)(?P<marks>{_MARKERS})"
    rf"\s*(?:\(\s*(?P<paren>\d{{2,4}})\s*\)|,?\s+(?P<bare>\d{{2}})\b)?\s*[.,]*\s*$"
)
_COMPANY = re.compile(r"\b(?:LLP|LLC|L\.P\.|Inc\.?|Corp\.?|Corporation|Company|Co\.|Trust|Trustees|Fund|Funds|Center|Avenue|Street|Plaza|Road|Suite|Floor|Counsel|Board|Directors?|Officers?|Name|Class|Total)\b")
_AGE_LINE = re.compile(r"^\(?\s*(?:Age\s*:?\s*)?(\d{2,4})\s*\)?$", re.I)
_MARKER_IN = re.compile(r"(\*+|\+|#|\^|\u2020|\u2021|\(\d{1,2}\)|\([a-z]\)|(?<=[a-z])\d{1,2}\b)")
_ZIP = re.compile(r"^\d{5}(?:-\d{4})?$")

PERSON_KINDS = {"nominees", "trustees", "directors", "officers"}
CAPTION_WORDS = {
    "Global", "Professor", "Emerita", "Emeritus", "Ambassador", "Former", "Chair", "Chairman", "Chief", "President",
    "Executive", "Independent", "Lead", "Director", "Officer", "Founder", "Co-Founder", "Partner", "Managing", "Retired",
}
"""Words that begin the title a cell prints after the name ("Deborah Marriott Harrison Global
Cultural Ambassador Emeritus"): the name ends before them (from its third word on)."""


@dataclass(slots=True)
class Heading:
    """What the text right above a table says about the people in it."""

    text: str

    @property
    def interested(self) -> bool | None:
        return interested_from(self.text)


def interested_from(text: str) -> bool | None:
    """Interested (or "management") vs independent (or "non-interested") from a heading."""
    low = text.lower()
    if re.search(r"\b(?:non-?interested|independent|disinterested|not interested)\b", low):
        return False
    if re.search(r"\b(?:interested|management)\s+(?:trustee|director|board|nominee|person)", low):
        return True
    return None


def is_person_start(text: str) -> bool:
    """Does a first-column cell begin a person's row ("Elizabeth M. Forget*  (41)")?"""
    first = text.split("\n")[0].strip()
    return bool(PERSON.match(first)) and not _COMPANY.search(first) and not first.isupper() or _caps_name(first)


def _caps_name(text: str) -> bool:
    """Names printed in capitals ("WALTER SCOTT, JR.") in tables that set names that way."""
    return bool(PERSON.match(text.title())) and text.isupper() and not _COMPANY.search(text.title())


def split_name(text: str) -> tuple[str, int | None, str]:
    """Name, the number printed with it (age or birth year), and the footnote markers."""
    m = PERSON.match(HONORIFIC.sub("", text.strip()) if not text.isupper() else HONORIFIC.sub("", text.strip().title()))
    if not m:
        return text.strip(), None, ""
    number = m.group("paren") or m.group("bare")
    return m.group("name").strip().rstrip(","), int(number) if number else None, m.group("marks") or ""


def classify(header: list[str], heading: str) -> TableKind:
    """Which table this is, from its column headers and the heading above it."""
    head = " ".join(header).lower()
    above = heading.lower()
    if not re.search(r"\bname\b", head) and not re.search(r"\b(?:nominee|trustee|director|officer)s?\b", head):
        return "other"
    if re.search(r"underwriter|distributor|advis[eo]r", head) or sum("position" in h.lower() for h in header) > 1:
        return "other"  # positions with the underwriter or adviser (Form N-1A Part C), not the board
    if re.search(r"compensation|aggregate|retirement|benefits|dollar range|shares|beneficial|percent|options|granted|salary|bonus|awards", head):
        return "ownership" if re.search(r"dollar range|shares|beneficial|percent", head) else "compensation"
    if not re.search(r"\bage\b|position|occupation|year of birth|born|served|since|term", head):
        return "other"
    both = head + " " + above
    if re.search(r"\bnominee", above) and "officer" not in head and "trustee" not in head:
        return "nominees"  # "Name / Age / Position" under "each of these director nominees"
    if "officer" in both and "trustee" not in head and "director" not in head:
        return "officers"
    if re.search(r"\bnominee", above) or re.search(r"\bnominee", head):
        return "nominees"
    if "trustee" in both:
        return "trustees"
    return "directors"


FIELDS = (
    ("birth_year", r"year of birth|born|birth year"),
    ("name", r"\bname\b"),
    ("portfolios_overseen", r"portfolios|number of funds|funds in|overseen"),
    ("other_directorships", r"directorships|other (?:public )?(?:company )?boards"),
    ("occupation", r"occupation|business experience|principal employment"),
    ("term", r"term|length|time served|since|served"),
    ("positions", r"posit|title|held with|office"),
    ("age", r"\bage\b"),
    ("address", r"address"),
)


def map_columns(header: list[str]) -> dict[str, int]:
    """Field name → column index, the first column whose header names the field."""
    mapping: dict[str, int] = {}
    for i, text in enumerate(header):
        low = text.lower()
        for field_name, pattern in FIELDS:
            if re.search(pattern, low) and field_name not in mapping:
                mapping[field_name] = i
                break
    if "name" not in mapping and header:
        mapping["name"] = 0
    return mapping


def person_from_cells(cells: list[list[str]], mapping: dict[str, int], footnotes: dict[str, str]) -> Person | None:
    """A :class:`Person` from one record's cells (each a list of printed lines)."""
    name_lines = [l.strip() for l in cells[mapping["name"]] if l.strip()]
    if not name_lines:
        return None
    name, number, marks, address = _name_cell(name_lines)
    if not PERSON.match(name) and not _caps_name(name):
        return None
    person = Person(name=name)
    _set_number(person, number)
    for field_name in ("age", "birth_year"):
        if field_name in mapping and mapping[field_name] != mapping["name"]:
            _set_number(person, _int(" ".join(cells[mapping[field_name]])), field_name)
    for field_name in ("positions", "term", "occupation", "other_directorships"):
        if field_name in mapping and mapping[field_name] != mapping["name"]:
            setattr(person, field_name, _joined(cells[mapping[field_name]]))
    if "portfolios_overseen" in mapping:
        person.portfolios_overseen = _int(" ".join(cells[mapping["portfolios_overseen"]]))
    person.address = address
    _interested_by_footnote(person, marks, footnotes)
    return person


def _name_cell(lines: list[str]) -> tuple[str, int | None, str, str | None]:
    """Name, printed number, markers and address from a name column's lines.

    The name is the first line, plus the next when that one is a wrapped part of the name
    ("Michael E." / "Moritz(2)(4)"); lines that are only "(47)" give the age; the rest is the
    address, its lines joined with commas (a ZIP code joins with a space).
    """
    first = lines[0]
    rest = lines[1:]
    if rest and (not PERSON.match(first) or re.search(r"\b[A-Z]\.$", first)) and PERSON.match(f"{first} {rest[0]}"):
        first, rest = f"{first} {rest[0]}", rest[1:]
    name, number, marks = split_name(first)
    address_lines = []
    for line in rest:
        m = _AGE_LINE.match(line)
        if m and number is None:
            number = int(m.group(1))
        elif not m:
            address_lines.append(line)
    return name, number, marks, _address(address_lines)


def _address(lines: list[str]) -> str | None:
    if not lines:
        return None
    text = lines[0]
    for line in lines[1:]:
        sep = " " if _ZIP.match(line) or text.endswith((",", "&")) or line[:1].islower() else ", "
        text += sep + line
    return text


def _set_number(person: Person, number: int | None, field_name: str | None = None) -> None:
    if number is None:
        return
    if field_name == "birth_year" or (field_name is None and number >= 1900):
        person.birth_year = number
    elif 18 <= number <= 110:
        person.age = number


def _int(text: str) -> int | None:
    m = re.search(r"\b(\d{1,4})\b", text.replace(",", ""))
    return int(m.group(1)) if m else None


def _joined(lines: list[str]) -> str | None:
    from tandy.tables.records import join_lines

    text = join_lines([l.strip() for l in lines if l.strip()])
    return text or None


def _interested_by_footnote(person: Person, marks: str, footnotes: dict[str, str]) -> None:
    """A marker on the name pointing to a note that says "interested person ... because"."""
    for marker in _MARKER_IN.findall(marks):
        note = footnotes.get(marker) or footnotes.get(marker.strip("()"))
        if note and re.search(r"interested\s+person", note, re.I):
            person.interested = True
            person.interested_reason = note


def heading_above(document: Document, start: int, max_chars: int = 1500) -> str:
    """The non-table blocks just above a table (up to two), nearest last."""
    found = []
    for block in reversed(document.blocks):
        if block.end > start or block.furniture:
            continue
        if start - block.end > max_chars or len(found) == 2:
            break
        if block.table is None:
            found.insert(0, document.text[block.start : block.end].strip())
    return "\n".join(found)


_FORMER = re.compile(r"^\s*(?:former|retired)\b", re.I)
_OFFICE = re.compile(r"\bChief\s+\w+(?:\s+\w+)?\s+Officer\b|\bPresident\b|\bSenior\s+Executive\b|\bTreasurer\b|\bSecretary\b|\bController\b|\bGeneral\s+Counsel\b")


def roles_for(kind: TableKind, board_role: Role, positions: str | None, corporate: bool) -> list[Role]:
    """Roles a table gives: the board role by the registrant's legal form, officers as such.

    In an operating company's table the position cell says more: "Director, Vice Chairman and
    Chief Executive Officer" is on the board and an officer; a "Former President" is neither.
    """
    if corporate and positions and _FORMER.match(positions):
        return []
    office = corporate and bool(positions and _OFFICE.search(positions))
    if kind == "officers":
        on_board = corporate and bool(positions and re.search(r"\bDirector\b", positions))
        return [board_role, "officer"] if on_board else ["officer"]
    if kind == "nominees":
        return (["nominee", board_role] + (["officer"] if office else [])) if corporate else ["nominee"]
    return [board_role] + (["officer"] if office else [])


def people_from_text_table(
    document: Document, table: TextTable, heading: str, board_role: Role, corporate: bool
) -> tuple[ProxyTable, list[Person]]:
    """The table as read and the people in it."""
    kind = classify(table.header, heading)
    proxy_table = ProxyTable(kind, table.header, table.rows, document.location(table.start, table.end))
    if kind not in PERSON_KINDS:
        return proxy_table, []
    mapping = map_columns(table.header)
    people = []
    for record in table.records:
        person = person_from_cells(record.cell_lines, mapping, table.footnotes)
        if person is None:
            continue
        context = " ".join(x for x in (heading, table.header[mapping["name"]], record.group or "") if x)
        group_kind = classify(table.header, record.group) if record.group else kind
        if person.interested is None and kind != "officers":
            person.interested = interested_from(record.group or "") if record.group else interested_from(context)
        person.roles = roles_for(group_kind if group_kind in PERSON_KINDS else kind, board_role, person.positions, corporate)
        if not person.roles:
            continue
        person.location = document.location(record.start, record.end)
        people.append(person)
    return proxy_table, people


def text_tables(document: Document) -> list[tuple[TextTable, str]]:
    """Every fixed-width table of the document, parsed, with the heading above it."""
    out = []
    for table in document.tables:
        if table.kind != "text":
            continue
        heading = heading_above(document, table.start)
        for parsed in read_text_tables(document.text, table.start, table.end, starts_record=is_person_start):
            out.append((parsed, heading))
    return out


_STOP_WORDS = (
    r"Board|Chair|Chairman|Chairperson|Chairwoman|Director|Trustee|President|Chief|Vice|Senior|Executive|Member|"
    r"Independent|Interested|Officer|Treasurer|Secretary|CEO|CFO|COO|Portfolios|Year|Age|Lead|Managing|Former|Since"
)
NAME_PREFIX = re.compile(
    rf"^(?:(?:Mr|Mrs|Ms|Dr|Sir|Hon)\.?\s+)*(?P<name>(?:(?!(?:{_STOP_WORDS})\b){_NAME_WORD}\s+){{1,4}}"
    rf"(?!(?:{_STOP_WORDS})\b){_NAME_WORD}{_SUFFIX}*)(?P<marks>{_MARKERS})"
    rf"(?:\s*\(\s*(?P<paren>\d{{2,4}})\s*\)|,?\s+(?P<bare>\d{{2,4}})\b)?"
)
_AGE_BEFORE_SERVICE = re.compile(r"\b(\d{2})\s*\((?:[A-Z][a-z]+\s+)?\d{4}\)")
_OVERSEEN = re.compile(r"(?:portfolios|funds)\s+overseen\s*:?\s*(\d{1,4})\b", re.I)
_HEADER_CELL = re.compile(r"\bname\b", re.I)
_HEADER_FIELD = re.compile(r"\bage\b|birth|position|occupation|served|director since|elected", re.I)


def html_people(document: Document, board_role: Role, corporate: bool) -> tuple[list[ProxyTable], list[Person]]:
    """Tables of people among the document's HTML tables, and the people in them."""
    tables, people = [], []
    previous: tuple[list[str], TableKind, int] | None = None
    for table in document.tables:
        if table.kind != "html" or not table.rows:
            continue
        at = _header_rows(table.rows)
        heading = heading_above(document, table.start)
        if at is not None:
            header = _stacked(table.rows[: at + 1])
            kind = classify(header, heading)
        elif previous and table.start - previous[2] < CONTINUATION_GAP and _continues(table.rows, previous[0]):
            (header, kind, _), at = previous, -1
        else:
            previous = None
            continue
        previous = (header, kind, table.end) if kind in PERSON_KINDS else None
        tables.append(ProxyTable(kind, header, table.rows[at + 1 :], document.location(table.start, table.end)))
        if kind in PERSON_KINDS:
            people += _html_rows(document, table, at, header, heading, kind, board_role, corporate)
    return tables, people


CONTINUATION_GAP = 3000
"""Characters of text between a people table and a header-less table that goes on with it."""


def _continues(rows: list[list[str]], header: list[str]) -> bool:
    """A table without its own header that goes on with the last people table (a page break,
    or a second list under the same columns): as many columns, and a name in the first cell."""
    first = next((r for r in rows if any(c.strip() for c in r)), [])
    return len(first) == len(header) and bool(NAME_PREFIX.match(first[0].strip()))


def _header_rows(rows: list[list[str]]) -> int | None:
    """Index of the last header row among the first few: one naming "Name" and a person field."""
    for i, row in enumerate(rows[:4]):
        text = " ".join(row)
        if _HEADER_CELL.search(text) and _HEADER_FIELD.search(text) and len(text) < 600:
            return i
    return None


def _stacked(rows: list[list[str]]) -> list[str]:
    width = max(len(r) for r in rows)
    header = [" ".join(r[i] for r in rows if i < len(r) and r[i].strip()).strip() for i in range(width)]
    return header


def _html_rows(document, table, at, header, heading, kind, board_role, corporate) -> list[Person]:
    mapping = map_columns(header)
    name_col = mapping["name"]
    above = [r[0].strip() for r in table.rows[: max(at, 0)] if sum(bool(c.strip()) for c in r) == 1 and r[0].strip()]
    group = above[-1] if above else None
    people: list[Person] = []
    for row in table.rows[at + 1 :]:
        cells = [c.strip() for c in row]
        filled = [c for c in cells if c]
        if not filled or cells == [h.strip() for h in header][: len(cells)]:
            continue
        if len(filled) == 1 and len(cells) > 1:
            group = cells[0]
            continue
        person = _html_person(cells, mapping, name_col, header)
        if person is None:
            continue
        if kind != "officers":
            person.interested = interested_from(group or heading) if person.interested is None else person.interested
        group_kind = classify(header, group) if group else kind
        person.roles = roles_for(group_kind if group_kind in PERSON_KINDS else kind, board_role, person.positions, corporate)
        if not person.roles:
            continue
        person.location = document.location(table.start, table.end)
        people.append(person)
    return people


def _html_person(cells: list[str], mapping: dict[str, int], name_col: int, header: list[str]) -> Person | None:
    if name_col >= len(cells) or not cells[name_col]:
        return None
    text = HONORIFIC.sub("", cells[name_col])
    m = NAME_PREFIX.match(text)
    if not m or _COMPANY.search(m.group("name")) or len(m.group("name").split()) < 2 or m.group("name").isupper():
        return None
    words = m.group("name").strip().rstrip(",").split()
    cut = next((i for i, w in enumerate(words) if i >= 2 and w.strip(".,") in CAPTION_WORDS), len(words))
    if cut < 2:
        return None
    person = Person(name=" ".join(words[:cut]).rstrip(","))
    number = m.group("paren") or m.group("bare")
    rest = text[m.end() :]
    if number is None:
        served = _AGE_BEFORE_SERVICE.search(rest[:80])
        number = served.group(1) if served else None
    if number is None:
        year = re.search(r"\b(19\d{2})\b", rest[:40])
        number = year.group(1) if year and re.search(r"birth", header[name_col], re.I) else None
    _set_number(person, int(number) if number else None)
    for field_name in ("age", "birth_year"):
        if field_name in mapping and mapping[field_name] != name_col and mapping[field_name] < len(cells):
            _set_number(person, _int(cells[mapping[field_name]]), field_name)
    for field_name in ("positions", "term", "occupation", "other_directorships"):
        col = mapping.get(field_name)
        if col is not None and col != name_col and col < len(cells):
            setattr(person, field_name, cells[col] or None)
    col = mapping.get("portfolios_overseen")
    if col is not None and col < len(cells):
        person.portfolios_overseen = _int(cells[col]) if col != name_col else _overseen(rest)
    return person


def _overseen(text: str) -> int | None:
    m = _OVERSEEN.search(text)
    return int(m.group(1)) if m else None
