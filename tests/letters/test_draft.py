"""The response skeleton: what counsel open in Word, and how the command treats their files."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as WordDocument
from typer.testing import CliRunner

import tandy.cli.draft as draft_cli
from conftest import corpus
from tandy.cli import app
from tandy.document import Document
from tandy.errors import OutputError
from tandy.letters.draft import RESPONSE_PLACEHOLDER, draft_response, to_markdown, write_docx, write_markdown
from tandy.letters.model import Item, Letter, SubjectFiling

STAFF_TEXT = """Division of Corporation Finance
Office of Manufacturing

Re: Keysight Technologies, Inc.
Form 10-K for the Fiscal Year Ended October 31, 2015

Dear Mr. Smith:

1. Please revise to quantify each factor you cite.
2. Please tell us how you identified your segments.
"""


def staff_letter(date: str | None, *, signatories=("Kate Tillan",), text: str = STAFF_TEXT) -> Letter:
    document = Document(text=text, format="text", pages=[], blocks=[], tables=[])
    return Letter(
        path="staff.pdf",
        sha256="0" * 64,
        kind="staff_comment",
        document=document,
        date=date,
        registrant="Keysight Technologies, Inc.",
        subject_filing=SubjectFiling(form="10-K", filed="2015-12-21", file_numbers=["001-36334"],
                                     description="Form 10-K for the Fiscal Year Ended October 31, 2015"),
        items=[
            Item(number=1, heading="Results of Operations, page 22", comment="Please revise to quantify\neach factor you cite."),
            Item(number=2, heading=None, comment="Please tell us how you identified your segments."),
        ],
        signatories=list(signatories),
    )


def paragraphs(path: Path) -> list:
    return WordDocument(str(path)).paragraphs


def test_draft_has_date_addressee_re_block_and_salutation():
    draft = draft_response(staff_letter("2016-04-05"), date="2016-04-19")
    assert draft.date == "April 19, 2016"
    assert draft.addressee[:3] == ["Kate Tillan", "Division of Corporation Finance", "Office of Manufacturing"]
    assert draft.addressee[-1] == "Washington, D.C. 20549"
    assert draft.re_block == ["Keysight Technologies, Inc.", "Form 10-K for the Fiscal Year Ended October 31, 2015", "File No. 001-36334"]
    assert draft.salutation == "Dear Kate Tillan:"
    assert "letter dated April 5, 2016" in draft.opening
    assert [(i.number, i.heading, i.comment) for i in draft.items] == [
        (1, "Results of Operations, page 22", "Please revise to quantify each factor you cite."),
        (2, None, "Please tell us how you identified your segments."),
    ]


def test_several_or_no_signatories_get_ladies_and_gentlemen():
    assert draft_response(staff_letter("2020-01-02", signatories=()), date="2020-01-10").salutation == "Ladies and Gentlemen:"


@pytest.mark.parametrize(
    "dated, tandy",
    [("2008-01-03", True), ("2016-10-04", True), ("2016-10-05", False), ("2022-09-20", False), ("2004-01-15", False), (None, False)],
)
def test_tandy_paragraph_follows_the_staff_letter_date(dated, tandy):
    assert (draft_response(staff_letter(dated), date="2024-01-01").tandy is not None) is tandy


def test_tandy_paragraph_when_staff_asked_for_it_after_the_window():
    request = STAFF_TEXT + (
        "\nPlease provide a written statement from the company acknowledging that the company is responsible for the "
        "adequacy and accuracy of the disclosure in the filing; staff comments do not foreclose the Commission from "
        "taking any action with respect to the filing; and the company may not assert staff comments as a defense in "
        "any proceeding.\n"
    )
    assert draft_response(staff_letter("2017-02-01", text=request), date="2017-02-10").tandy is not None


def test_docx_has_bold_comments_response_placeholders_and_tandy(tmp_path):
    path = write_docx(draft_response(staff_letter("2016-04-05"), date="2016-04-19"), tmp_path / "response.docx")
    paras = paragraphs(path)
    texts = [p.text for p in paras]
    assert texts[0] == "April 19, 2016"
    bold = [p.text for p in paras if p.runs and all(r.bold for r in p.runs)]
    assert bold == ["1. Please revise to quantify each factor you cite.", "2. Please tell us how you identified your segments."]
    assert texts.count(f"Response: {RESPONSE_PLACEHOLDER}") == 2
    responses = [i for i, t in enumerate(texts) if t.startswith("Response:")]
    comments = [texts.index(b) for b in bold]
    assert [r - c for c, r in zip(comments, responses)] == [1, 1]  # each response right under its comment
    assert any("may not assert Staff comments as a defense" in t for t in texts)
    assert "Results of Operations, page 22" in texts


def test_docx_after_2016_has_no_tandy(tmp_path):
    path = write_docx(draft_response(staff_letter("2022-09-20"), date="2022-10-01"), tmp_path / "response.docx")
    assert not any("foreclose" in p.text for p in paragraphs(path))


def test_markdown(tmp_path):
    path = write_markdown(draft_response(staff_letter("2016-04-05"), date="2016-04-19"), tmp_path / "response.md")
    text = path.read_text(encoding="utf-8")
    assert "**1. Please revise to quantify each factor you cite.**" in text
    assert text.count("Response: ") == 2
    assert text == to_markdown(draft_response(staff_letter("2016-04-05"), date="2016-04-19"))


def test_writers_never_overwrite_without_force(tmp_path):
    target = tmp_path / "response.md"
    target.write_text("counsel's work", encoding="utf-8")
    draft = draft_response(staff_letter("2016-04-05"), date="2016-04-19")
    with pytest.raises(FileExistsError):
        write_markdown(draft, target)
    assert target.read_text(encoding="utf-8") == "counsel's work"
    write_markdown(draft, target, force=True)
    assert target.read_text(encoding="utf-8").startswith("April 19, 2016")


def test_failed_write_leaves_no_file(tmp_path, monkeypatch):
    def broken_save(self, path):
        Path(path).write_bytes(b"half a letter")
        raise OSError("disk full")

    monkeypatch.setattr("docx.document.Document.save", broken_save)
    with pytest.raises(OutputError, match="response.docx: cannot be written"):
        write_docx(draft_response(staff_letter("2016-04-05"), date="2016-04-19"), tmp_path / "response.docx")
    assert list(tmp_path.iterdir()) == []


# --- the command ----------------------------------------------------------------------------------

runner = CliRunner()


@pytest.fixture
def letter_reader(monkeypatch):
    """The command reads the staff letter through the letter reader; here, a letter made above."""
    monkeypatch.setattr(draft_cli, "load_letter", lambda path: staff_letter("2016-04-05"))


def test_command_writes_docx_and_refuses_to_overwrite(tmp_path, letter_reader):
    out = tmp_path / "response.docx"
    result = runner.invoke(app, ["draft-response", "staff.pdf", "-o", str(out), "--date", "2016-04-19"])
    assert result.exit_code == 0, result.output
    assert paragraphs(out)[0].text == "April 19, 2016"
    again = runner.invoke(app, ["draft-response", "staff.pdf", "-o", str(out)])
    assert again.exit_code == 2 and "--force" in again.output
    forced = runner.invoke(app, ["draft-response", "staff.pdf", "-o", str(out), "--force", "--date", "2016-05-01"])
    assert forced.exit_code == 0 and paragraphs(out)[0].text == "May 1, 2016"


@pytest.mark.parametrize(
    "args, problem",
    [
        (["-o", "response.txt"], ".docx or .md"),
        (["-o", "response.md", "--date", "19 April"], "YYYY-MM-DD"),
    ],
)
def test_command_bad_options_exit_2_with_one_line(tmp_path, letter_reader, monkeypatch, args, problem):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["draft-response", "staff.pdf", *args])
    assert result.exit_code == 2
    assert problem in result.output and len(result.output.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


# --- end to end, on real staff letters ------------------------------------------------------------


def real_reader():
    try:
        from tandy.letters import read_letter  # noqa: F401
    except ImportError:
        pytest.skip("tandy.letters.read_letter is not available yet: the letter reader is not in this checkout")


@pytest.mark.parametrize(
    "letter, comments, tandy",
    [
        ("keys_upload_2016-04-05_0000000000-16-071042.pdf", 3, True),  # asks for Tandy, April 2016
        ("brkb_upload_2022-09-02_0000000000-22-009598.pdf", 2, False),  # after October 2016
    ],
)
def test_real_staff_letter_to_docx(tmp_path, letter, comments, tandy):
    real_reader()
    out = tmp_path / "response.docx"
    result = runner.invoke(app, ["draft-response", str(corpus("letters", letter)), "-o", str(out), "--date", "2024-01-02"])
    assert result.exit_code == 0, result.output
    paras = paragraphs(out)
    bold = [p.text for p in paras if p.runs and all(r.bold for r in p.runs) and p.text[:1].isdigit()]
    assert [text.split(".")[0] for text in bold] == [str(n) for n in range(1, comments + 1)]
    assert sum(p.text.startswith("Response:") for p in paras) == comments
    assert any("foreclose the Commission" in p.text for p in paras) is tandy
    assert paras[0].text == "January 2, 2024"
