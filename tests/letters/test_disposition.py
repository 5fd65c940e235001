"""How each response disposes of its comment: the seed's four, idioms, and real corpus responses."""

from __future__ import annotations

import re

import pytest

import tandy
from conftest import SEED_LETTER, corpus
from tandy.letters.disposition import classify_disposition


def paragraph_starting(path, opening: str) -> str:
    """The paragraph of a real letter that begins with ``opening`` (whitespace collapsed)."""
    text = tandy.parse(str(path)).main.text
    for paragraph in re.split(r"\n\s*\n", text):
        flat = " ".join(paragraph.split())
        if flat.startswith(opening):
            return flat
    raise AssertionError(f"no paragraph of {path.name} begins {opening!r}")


def seed_responses() -> list[str]:
    if not SEED_LETTER.exists():
        pytest.skip(f"{SEED_LETTER} is absent")
    text = " ".join(tandy.parse(str(SEED_LETTER)).main.text.split())
    return re.findall(r"Response: (.*?)(?= Comment:| \d\. | In connection with|$)", text)


def test_seed_dispositions():
    assert [classify_disposition(None, r) for r in seed_responses()] == ["revised", "no_change", "added", "complied"]


@pytest.mark.parametrize(
    "response, disposition",
    [
        ("The footnote on page 12 has been corrected.", "revised"),
        ("We have revised the disclosure on page 8.", "revised"),
        ("The table has been updated to show 2023 amounts.", "revised"),
        ("Additional disclosure has been added to page 14.", "added"),
        ("We have added a sentence naming the category of each recommending person.", "added"),
        ("The requested sentence has been included on page 3.", "added"),
        ("Since all trustees attended, no additional disclosure is required.", "no_change"),
        ("We respectfully submit that the existing disclosure is sufficient.", "no_change"),
        ("We do not believe revisions are necessary.", "no_change"),
        ("We do not believe that the disclosure should be revised because it is not material.", "no_change"),
        ("We will revise the disclosure in future filings.", "future_filings"),
        ("Beginning with our Form 10-Q for the quarter ending June 30, 2024, we will disclose it.", "future_filings"),
        ("We supplementally advise the Staff that the amounts are not material.", "supplemental"),
        ("The analysis is supplementally provided to the Staff.", "supplemental"),
        ("We are providing under separate cover the requested board materials.", "supplemental"),
        ("The requested language is included in this letter.", "complied"),
        ("We acknowledge the Staff's comment.", "complied"),
        ("The Company confirms that no such payments were made.", "complied"),
        ("We respectfully advise the Staff that X. However, we have revised the disclosure on page 5.", "revised"),
    ],
)
def test_response_idioms(response, disposition):
    assert classify_disposition(None, response) == disposition


def test_no_response_has_no_disposition():
    assert classify_disposition("Please revise.", None) is None
    assert classify_disposition("Please revise.", "   ") is None


def test_comment_decides_only_when_the_response_gives_no_idiom():
    answer = "Our three segments share one chief operating decision maker."
    assert classify_disposition("Please tell us how you identified your segments.", answer) == "supplemental"
    assert classify_disposition(None, answer) is None


@pytest.mark.parametrize(
    "letter, opening, disposition",
    [
        ("cien_corresp_2017-07-14_0001193125-17-228629.htm", "Response: In response to the Staff's comment, the Company has revised the legend", "revised"),
        ("cci_corresp_2024-04-04_0000950142-24-000938.htm", "Response: The Company respectfully acknowledges the Staff's comment and, in response to the Staff's comment, advises the Staff that no", "revised"),
        ("bxp_corresp_2022-09-09_0001656423-22-000035.htm", "We acknowledge the Staff's comment and confirm that the Company will expand", "future_filings"),
        ("podd_corresp_2016-07-29_0001157523-16-006325.htm", "We respectfully acknowledge the Staff's comment. In future filings we will report", "future_filings"),
        ("adm_corresp_2020-10-21_0000007084-20-000031.htm", "Response: We will enhance our future disclosures", "future_filings"),
        ("iff_corresp_2020-07-24_0001193125-20-198114.htm", "We respectfully submit that the information that is material", "no_change"),
        ("kmi_corresp_2016-07-12_0001506307-16-000098.htm", "We do not believe providing the requested revenue percentage", "no_change"),
        ("cdns_corresp_2023-11-06_0000813672-23-000084.htm", "We respectfully advise the Staff that we generate", "supplemental"),
        ("a_corresp_2016-09-23_0001090872-16-000078.htm", "Response: The Company confirms to its knowledge", "complied"),
    ],
)
def test_real_responses(letter, opening, disposition):
    response = paragraph_starting(corpus("letters", letter), opening)
    assert classify_disposition(None, response) == disposition
