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

_DIVISION = re.compile(r"Division\s+of\s+(?:Corporation\s+Finance|Investment\s+Management)")
_OFFICE = re.compile(r"^\s*(Office\s+of\s+[A-Z][A-Za-z&,' -]{3,80}?)\s*$", re.MULTILINE)


@dataclass(slots=True)
class DraftItem:
    """One comment to answer, as the staff numbered and headed it."""

    number: int | None
    heading: str | None
    comment: str


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
    """The division and office lines of the staff letter, for the response's address block."""
    division = _DIVISION.search(text)
    office = _OFFICE.search(text)
    lines = [" ".join(division.group().split()) if division else DEFAULT_DIVISION]
    if office:
        lines.append(" ".join(office.group(1).split()))
    return lines


def _addressee(letter: Letter) -> list[str]:
    reviewer = letter.signatories[:1]
    return [*reviewer, *staff_office(letter.document.text), *COMMISSION_ADDRESS]


def _re_block(letter: Letter) -> list[str]:
    filing = letter.subject_filing
    lines = [letter.registrant] if letter.registrant else []
    if filing.description:
        lines.append(" ".join(filing.description.split()))
    elif filing.form:
        title = FORM_TITLES.get(filing.form, f"Form {filing.form}")
        lines.append(f"{title} filed {long_date(filing.filed)}" if filing.filed else title)
    if filing.file_numbers:
        label = "File No." if len(filing.file_numbers) == 1 else "File Nos."
        lines.append(f"{label} {', '.join(filing.file_numbers)}")
    return lines


def _salutation(letter: Letter) -> str:
    return f"Dear {letter.signatories[0]}:" if len(letter.signatories) == 1 else "Ladies and Gentlemen:"


def _opening(letter: Letter) -> str:
    company = letter.registrant or "[Company]"
    dated = f" dated {long_date(letter.date)}" if letter.date else ""
    division = staff_office(letter.document.text)[0]
    return (
        f"On behalf of {company} (the \"Company\"), we respond to the comments of the staff (the \"Staff\") of the "
        f"{division} of the Securities and Exchange Commission in its letter{dated}. For convenience, each comment "
        "is set out below in bold, with its number and heading, followed by the Company's response."
    )


def draft_response(letter: Letter, date: str | None = None) -> ResponseDraft:
    """A response skeleton for a staff comment letter; ``date`` (ISO) defaults to today."""
    return ResponseDraft(
        date=long_date(date or Date.today().isoformat()),
        addressee=_addressee(letter),
        re_block=_re_block(letter),
        salutation=_salutation(letter),
        opening=_opening(letter),
        items=[DraftItem(item.number, item.heading, " ".join(item.comment.split())) for item in letter.items],
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
    """The draft as a Word document: comments in bold, a "Response:" paragraph under each."""
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
            if item.heading:
                doc.add_paragraph().add_run(item.heading).underline = True
            doc.add_paragraph().add_run(_comment_label(item) + item.comment).bold = True
            response = doc.add_paragraph()
            response.add_run("Response:").underline = True
            response.add_run(" " + RESPONSE_PLACEHOLDER)
        if draft.tandy:
            doc.add_paragraph(draft.tandy)
        for line in draft.closing:
            doc.add_paragraph(line)
        doc.save(str(temporary))

    return write_atomically(path, force, write)


def to_markdown(draft: ResponseDraft) -> str:
    """The draft as Markdown, for counsel who draft in plain text."""
    lines = [draft.date, "", "VIA EDGAR", "", *(f"{line}  " for line in draft.addressee), ""]
    lines += ["Re: " + "  \n    ".join(f"**{line}**" for line in draft.re_block), "", draft.salutation, "", draft.opening, ""]
    for item in draft.items:
        if item.heading:
            lines += [f"*{item.heading}*", ""]
        lines += [f"**{_comment_label(item)}{item.comment}**", "", f"Response: {RESPONSE_PLACEHOLDER}", ""]
    if draft.tandy:
        lines += [draft.tandy, ""]
    for line in draft.closing:
        lines += [line, ""]
    return "\n".join(lines)


def write_markdown(draft: ResponseDraft, path: str | Path, force: bool = False) -> Path:
    """The draft as a Markdown file, written atomically like :func:`write_docx`."""
    return write_text(path, to_markdown(draft), force)
