"""The skeleton counsel start a response letter from, built from the staff's comment letter.

A response mirrors the staff letter: it goes back to the reviewer who signed it, repeats the Re:
block, restates every comment in bold under its number and heading, and leaves a "Response:" under
each for counsel to fill in. From 2004 until October 2016 staff asked every reviewed company for
the three Tandy acknowledgments, so a response to a letter of that period (or to any letter that
asks for them) carries the paragraph; later responses do not need it.

:func:`draft_response` builds a :class:`ResponseDraft`; :func:`write_docx` and
:func:`write_markdown` render it. Both writers refuse to overwrite a file unless told to, and write
through a temporary file in the same folder, so a failure never leaves half a letter behind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

from tandy.files import write_atomically, write_text
from tandy.letters.acknowledgments import find_acknowledgments
from tandy.letters.model import Letter

#: Staff asked every reviewed filer for Tandy from the June 2004 policy (filings after Aug. 1, 2004)
#: until Corp Fin stopped on Oct. 5, 2016 (``shared/docs/rules.md`` A.3).
TANDY_REQUESTED_FROM = Date(2004, 8, 1)
TANDY_REQUESTED_UNTIL = Date(2016, 10, 5)

COMMISSION_ADDRESS = ("Securities and Exchange Commission", "100 F Street, N.E.", "Washington, D.C. 20549")
DEFAULT_DIVISION = "Division of Corporation Finance"
RESPONSE_PLACEHOLDER = "[Company response.]"

#: EDGAR form codes as a Re: block spells them out.
FORM_TITLES = {
    "PRE 14A": "Preliminary Proxy Statement on Schedule 14A",
    "PRER14A": "Revised Preliminary Proxy Statement on Schedule 14A",
    "DEF 14A": "Definitive Proxy Statement on Schedule 14A",
    "DEFA14A": "Additional Definitive Proxy Soliciting Materials on Schedule 14A",
    "DFAN14A": "Soliciting Material on Schedule 14A",
}

TANDY_PARAGRAPH = (
    "In connection with responding to the Staff's comments, the Company acknowledges that: (1) the Company is "
    "responsible for the adequacy and accuracy of the disclosure in the filing; (2) Staff comments or changes to "
    "disclosure in response to Staff comments do not foreclose the Commission from taking any action with respect "
    "to the filing; and (3) the Company may not assert Staff comments as a defense in any proceeding initiated by "
    "the Commission or any person under the federal securities laws of the United States."
)

_DIVISION = re.compile(r"Division\s+of\s+(Corporation\s+Finance|Investment\s+Management)", re.IGNORECASE)
_OFFICE = re.compile(
    r"^\s*(Office\s+of\s+[A-Z][A-Za-z&,' -]{3,80}?(?:(?:\band|&|,)[ \t]*\n[ \t]*[A-Z][A-Za-z&,' -]{2,40}?)?)[ \t]*$", re.MULTILINE
)
#: A signatory that is an office, not a person ("Disclosure Review Program", "Office of Manufacturing").
_NOT_A_PERSON = re.compile(r"\b(?:Program|Office|Division|Branch|Staff|Commission|Group)\b", re.IGNORECASE)
#: Staff named in the contact paragraph: "You may contact Amanda Ravitz at ..." / "... or Barbara Jacobs at ...".
_CONTACT = re.compile(
    r"\b(?:contact|call|or|questions\s+to)\s+((?:[A-Z][a-z]*\.?\s+)?[A-Z][\w'.-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'-]+){1,2}),?\s+"
    r"(?:(?:Staff\s+Accountant|Staff\s+Attorney|Attorney[- ]Adviser|Senior\s+[\w -]+?|Branch\s+Chief|Special\s+Counsel|Legal\s+Branch\s+Chief),?\s+)?at\b"
)
_RE_LINE = re.compile(r"^[ \t]*Re:[ \t]*(.*)$", re.IGNORECASE | re.MULTILINE)
_GREETING = re.compile(r"^\s*(?:Dear\b|Ladies\b|Gentlemen\b)", re.IGNORECASE)
#: Where the staff letter's closing starts, should the reader have run it into the last comment.
_CLOSING = re.compile(
    r"(?:In\s+closing,\s+)?We\s+remind\s+you\s+that\s+the\s+company|We\s+urge\s+all\s+persons\s+who\s+are\s+responsible"
    r"|In\s+responding\s+to\s+our\s+comments,\s+please\s+provide|(?:You\s+may|Please)\s+contact\s+[A-Z][^.]{0,120}?"
    r"(?:with\s+any\s+questions|if\s+you\s+have\s+questions)|Refer\s+to\s+Rules\s+460\s+and\s+461|\bSincerely,"
    r"|Please\s+respond\s+to\s+(?:this\s+letter|these\s+comments)"
)
_BULLET = re.compile(r"\s*(?:[•●▪◦\uf0b7\uf0a7])\s*")
_PAGE_FURNITURE = re.compile(r"^\s*Page\s+\d+\s*$|FirstName\s+LastName|Comapany\s+Name|Company\s+Name[A-Z]", re.MULTILINE)


@dataclass(slots=True)
class DraftItem:
    """One comment to answer, as the staff numbered and headed it.

    ``headings``: every heading line above the comment since the previous one, outermost first
    ("Form 10-K ...", "Management's Discussion and Analysis ..., page 24", "Results of
    Operations, page 27"); ``paragraphs``: the comment as the staff set it out, a bullet a
    paragraph (each starting "• "); ``precedents``: notes on earlier answers to such comments,
    for the margin, never the answer itself.
    """

    number: int | None
    heading: str | None
    comment: str
    headings: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    precedents: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ResponseDraft:
    """Everything a response skeleton says, in reading order, ready for a writer."""

    date: str
    addressee: list[str]
    re_block: list[str]
    salutation: str
    opening: str
    items: list[DraftItem] = field(default_factory=list)
    tandy: str | None = None
    closing: list[str] = field(default_factory=list)


def tandy_called_for(letter: Letter) -> bool:
    """Whether the response should carry the Tandy paragraph: asked for, or dated in the window."""
    if letter.acknowledgments.tandy or find_acknowledgments(letter.document.text).tandy:
        return True
    if not letter.date:
        return False
    return TANDY_REQUESTED_FROM <= Date.fromisoformat(letter.date) < TANDY_REQUESTED_UNTIL


def long_date(iso: str) -> str:
    """"2008-01-03" as a letter prints it: "January 3, 2008"."""
    day = Date.fromisoformat(iso)
    return f"{day:%B} {day.day}, {day.year}"


def staff_office(text: str) -> list[str]:
    """The division and office lines of the staff letter, for the response's address block.

    Letters print the division in any case ("DIVISION OF / INVESTMENT MANAGEMENT" over two lines
    in older Investment Management letters); the response writes it in title case.
    """
    division = _DIVISION.search(text)
    office = _OFFICE.search(text)
    lines = [f"Division of {' '.join(division.group(1).split()).title()}" if division else DEFAULT_DIVISION]
    if office:
        lines.append(" ".join(office.group(1).split()))
    return lines


def staff_members(letter: Letter) -> list[str]:
    """The staff the response goes to: the people who signed, else those the letter says to contact.

    A letter signed by an office ("Disclosure Review Program") names its people in the contact
    paragraph; "(for)" after a name says who signed on another's behalf, not a second person.
    """
    people = [_person(name) for name in letter.signatories]
    people = [name for name in people if name and not _NOT_A_PERSON.search(name)]
    if not people:
        people = [" ".join(m.group(1).split()) for m in _CONTACT.finditer(letter.document.text)]
    return list(dict.fromkeys(people))


def _person(name: str) -> str:
    return " ".join(re.sub(r"\(for\)|/s/", " ", name).split()).strip(" ,")


def _addressee(letter: Letter) -> list[str]:
    return [*staff_members(letter)[:1], *staff_office(letter.document.text), *COMMISSION_ADDRESS]


def re_block(letter: Letter) -> list[str]:
    """The staff letter's Re: block line for line ("Filed ..." and CIK lines included), else one
    built from the subject filing; a file number the block omits is added."""
    lines = _printed_re_block(letter.document.text) or _built_re_block(letter)
    filing = letter.subject_filing
    missing = [n for n in filing.file_numbers if not any(n in line for line in lines)]
    if missing:
        label = "File No." if len(missing) == 1 else "File Nos."
        lines.append(f"{label} {', '.join(missing)}")
    return lines


def _printed_re_block(text: str) -> list[str]:
    match = _RE_LINE.search(text)
    if not match:
        return []
    lines = [match.group(1).strip()] if match.group(1).strip() else []
    for line in text[match.end() :].splitlines()[1:]:
        if not line.strip() or _GREETING.match(line) or len(lines) >= 8:
            break
        lines.append(" ".join(line.split()))
    return lines


def _built_re_block(letter: Letter) -> list[str]:
    filing = letter.subject_filing
    lines = [letter.registrant] if letter.registrant else []
    if filing.description:
        lines.append(" ".join(filing.description.split()))
    elif filing.form:
        lines.append(FORM_TITLES.get(filing.form, f"Form {filing.form}"))
    if filing.filed:
        lines.append(f"Filed {long_date(filing.filed)}")
    return lines


def _salutation(letter: Letter) -> str:
    people = staff_members(letter)
    if not people or len(people) > 3:
        return "Ladies and Gentlemen:"
    names = people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]
    return f"Dear {names}:"


# --- the comments as the staff set them out --------------------------------------------------------


def heading_paths(letter: Letter) -> list[list[str]]:
    """For each item, the heading lines printed between the previous comment (or the letter's
    opening) and this one, outermost first; empty where the comment continues the same section.

    The reader keeps one heading an item; a response restates the whole path, so the lines are
    read again from the document: short paragraphs without a closing full stop, page furniture
    (continuation headers) left out, a wrapped "page\n24" joined to its line.
    """
    doc, paths = letter.document, []
    previous = _opening_end(letter)
    for item in letter.items:
        start = item.location.start if item.location and item.location.start is not None else None
        if start is None:
            paths.append([item.heading] if item.heading else [])
            continue
        lines = _heading_lines(doc.text[previous:start])
        if item.heading and " ".join(item.heading.split()) not in " ".join(lines):
            lines.append(" ".join(item.heading.split()))
        paths.append(lines)
        end = item.location.end if item.location.end is not None else start
        previous = max(previous, end)
    return paths


def _opening_end(letter: Letter) -> int:
    """Where the opening paragraphs end: after the last full sentence before the first comment."""
    items = [i for i in letter.items if i.location and i.location.start is not None]
    if not items:
        return 0
    text = letter.document.text[: items[0].location.start]
    greeting = max((m.end() for m in re.finditer(r"(?im)^\s*(?:Dear\b|Ladies\b).*$", text)), default=0)
    stops = [m.end() for m in re.finditer(r"[.:]\s*\n", text) if m.start() >= greeting]
    return max([greeting, *stops])


def _heading_lines(text: str) -> list[str]:
    lines: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        if not paragraph.strip() or _PAGE_FURNITURE.search(paragraph):
            continue
        flat = " ".join(paragraph.split())
        if len(flat) > 240 or flat.endswith(".") or re.match(r"^\d+\.\s", flat):
            continue
        for line in paragraph.splitlines():
            line = " ".join(line.split())
            if not line:
                continue
            if lines and (re.fullmatch(r"\d+|[A-Z]?-?\d+", line) or line[:1].islower() or lines[-1].endswith(("page", ",", "and", "of"))):
                lines[-1] = f"{lines[-1]} {line}"
            else:
                lines.append(line)
    return lines


def restated(comment: str) -> list[str]:
    """The comment as paragraphs, bullets each their own ("• ..."), without any closing text the
    reader ran into it ("We remind you that the company ...", "Please contact ... with any questions")."""
    closing = _CLOSING.search(comment)
    if closing and closing.start() > 0:
        comment = comment[: closing.start()]
    paragraphs = []
    for block in re.split(r"\n\s*\n", comment):
        parts = _BULLET.split(block)
        lead, bullets = parts[0], parts[1:]
        if " ".join(lead.split()):
            paragraphs.append(" ".join(lead.split()))
        paragraphs += [f"• {' '.join(b.split())}" for b in bullets if b.strip()]
    return paragraphs or [" ".join(comment.split())]


def _opening(letter: Letter) -> str:
    company = letter.registrant or "[Company]"
    dated = f" dated {long_date(letter.date)}" if letter.date else ""
    division = staff_office(letter.document.text)[0]
    return (
        f"On behalf of {company} (the \"Company\"), we respond to the comments of the staff (the \"Staff\") of the "
        f"{division} of the Securities and Exchange Commission in its letter{dated}. For convenience, each comment "
        "is set out below in bold, with its number and heading, followed by the Company's response."
    )


def draft_response(letter: Letter, date: str | None = None, precedents: list[list[str]] | None = None) -> ResponseDraft:
    """A response skeleton for a staff comment letter; ``date`` (ISO) defaults to today.

    ``precedents``: for each item, notes on earlier answers to comments like it (see
    :func:`precedent_notes`), written as margin comments (.docx) or footnotes (.md).
    """
    items = []
    for position, (item, path) in enumerate(zip(letter.items, heading_paths(letter))):
        paragraphs = restated(item.comment)
        heading = "\n".join(path) if path else None
        notes = precedents[position] if precedents and position < len(precedents) else []
        items.append(DraftItem(item.number, heading, " ".join(paragraphs), path, paragraphs, notes))
    return ResponseDraft(
        date=long_date(date or Date.today().isoformat()),
        addressee=_addressee(letter),
        re_block=re_block(letter),
        salutation=_salutation(letter),
        opening=_opening(letter),
        items=items,
        tandy=TANDY_PARAGRAPH if tandy_called_for(letter) else None,
        closing=[
            "If you have any questions regarding this letter, please contact [name] at [telephone].",
            "Very truly yours,",
            "[Signature]",
        ],
    )


def _comment_label(item: DraftItem) -> str:
    return f"{item.number}. " if item.number is not None else ""


# --- writers --------------------------------------------------------------------------------------


def write_docx(draft: ResponseDraft, path: str | Path, force: bool = False) -> Path:
    """The draft as a Word document: headings underlined, comments in bold (a bullet a paragraph),
    a "Response:" paragraph under each, and the precedent notes as Word comments on it."""
    from docx import Document as WordDocument

    def write(temporary: Path) -> None:
        doc = WordDocument()
        doc.add_paragraph(draft.date)
        doc.add_paragraph("VIA EDGAR")
        doc.add_paragraph("\n".join(draft.addressee))
        re_paragraph = doc.add_paragraph()
        re_paragraph.add_run("Re:\t")
        re_paragraph.add_run("\n\t".join(draft.re_block)).bold = True
        doc.add_paragraph(draft.salutation)
        doc.add_paragraph(draft.opening)
        for item in draft.items:
            for line in item.headings:
                doc.add_paragraph().add_run(line).underline = True
            for number, paragraph in enumerate(item.paragraphs or [item.comment]):
                label = _comment_label(item) if number == 0 else ""
                doc.add_paragraph().add_run(label + paragraph).bold = True
            response = doc.add_paragraph()
            response.add_run("Response:").underline = True
            placeholder = response.add_run(" " + RESPONSE_PLACEHOLDER)
            for note in item.precedents:
                doc.add_comment(placeholder, text=note, author="tandy precedents", initials="TP")
        if draft.tandy:
            doc.add_paragraph(draft.tandy)
        for line in draft.closing:
            doc.add_paragraph(line)
        doc.save(str(temporary))

    return write_atomically(path, force, write)


def to_markdown(draft: ResponseDraft) -> str:
    """The draft as Markdown, for counsel who draft in plain text; precedent notes as footnotes."""
    lines = [draft.date, "", "VIA EDGAR", "", *(f"{line}  " for line in draft.addressee), ""]
    lines += ["Re: " + "  \n    ".join(f"**{line}**" for line in draft.re_block), "", draft.salutation, "", draft.opening, ""]
    notes: list[str] = []
    for item in draft.items:
        for line in item.headings:
            lines += [f"*{line}*", ""]
        for number, paragraph in enumerate(item.paragraphs or [item.comment]):
            label = _comment_label(item) if number == 0 else ""
            text = paragraph[2:] if paragraph.startswith("• ") else label + paragraph
            lines += [f"- **{text}**" if paragraph.startswith("• ") else f"**{text}**", ""]
        marks = ""
        for note in item.precedents:
            notes.append(note)
            marks += f"[^{len(notes)}]"
        lines += [f"Response: {RESPONSE_PLACEHOLDER}{marks}", ""]
    if draft.tandy:
        lines += [draft.tandy, ""]
    for line in draft.closing:
        lines += [line, ""]
    lines += [f"[^{n}]: {note}" for n, note in enumerate(notes, start=1)]
    return "\n".join(lines)


def write_markdown(draft: ResponseDraft, path: str | Path, force: bool = False) -> Path:
    """The draft as a Markdown file, written atomically like :func:`write_docx`."""
    return write_text(path, to_markdown(draft), force)
