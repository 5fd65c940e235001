"""Review threads rebuilt from real letters, checked against what the letters say.

Each expectation below was checked by reading the letters of ``shared/corpus/threads``: their Re:
blocks (form, filing date, file number), their dates, and the letters they name. The folders are
the source project's grouping and are deliberately not used: several mix reviews, one review is
split across two folders.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CORPUS, needs_shared
from tandy.corpus.model import ItemRecord, LetterRecord
from tandy.corpus.records import (
    edgar_listing,
    letters_cited,
    normal_cik,
    normal_file_number,
    normal_form,
    records_from_files,
)
from tandy.corpus.threads import build_threads, reissued_comments, squash_company, thread_json

THREADS = CORPUS / "threads"

AFLAC, GALLAGHER, MOLSON, FORD, SANDS = "0000004977", "0000354190", "0000024545", "0000037996", "0001300514"
OXY, EXPEDIA, GENERAL_MILLS, EATON, CASEYS = "0000797468", "0001324424", "0000040704", "0001551182", "0000726958"


@pytest.fixture(scope="module")
def corpus_threads():
    """Every letter of the thread folders, read once, grouped by the letters alone."""
    if not THREADS.is_dir():
        pytest.skip("../shared/corpus/threads is absent: real review threads not available")
    paths = sorted(str(p) for p in THREADS.glob("*/*/filings/*/filename1.*"))
    letters, items = records_from_files(paths)
    return letters, build_threads(letters, items)


def thread(threads, cik: str, first_date: str, form: str | None = None):
    found = [t for t in threads if t.cik == cik and t.first_date == first_date and (form is None or t.form_reviewed == form)]
    assert len(found) == 1, f"{len(found)} threads of {cik} start {first_date} ({form})"
    return found[0]


def timeline(t) -> list[tuple[str, str]]:
    return [(l.kind, l.date) for l in t.letters]


def folder(letter: LetterRecord) -> str:
    return Path(letter.path).parents[2].name


# --- real threads, read by hand ------------------------------------------------------------------


@needs_shared
def test_aflac_2016_10k_review_two_rounds_closed(corpus_threads):
    _, threads = corpus_threads
    t = thread(threads, AFLAC, "2016-04-28")
    assert timeline(t) == [
        ("staff_comment", "2016-04-28"), ("response", "2016-05-11"), ("staff_comment", "2016-06-10"),
        ("response", "2016-06-23"), ("closing", "2016-06-29"),
    ]
    assert (t.form_reviewed, t.file_numbers, t.status, t.rounds, t.days) == ("10-K", ["001-07434"], "closed", 2, 62)
    assert t.comments_per_round == [1, 2]
    # "We acknowledge your response to our prior comment 1 ... Please further revise"
    assert t.reissued == [1]


@needs_shared
def test_aflac_2017_file_number_spelled_two_ways_is_one_review(corpus_threads):
    """The staff write "File No. 1-07434", Aflac "001-07434": the same file number."""
    _, threads = corpus_threads
    t = thread(threads, AFLAC, "2017-04-28")
    assert [k for k, _ in timeline(t)] == ["staff_comment", "response", "closing"]
    assert (t.file_numbers, t.status, t.rounds, t.days) == (["001-07434"], "closed", 1, 24)


@needs_shared
def test_aflac_2023_s3_not_reviewed(corpus_threads):
    """"We have not reviewed and will not review your registration statement", then Aflac asks for
    acceleration: a no-review thread, no rounds, never closed."""
    _, threads = corpus_threads
    t = thread(threads, AFLAC, "2023-08-10")
    assert (t.form_reviewed, t.file_numbers, t.status, t.rounds, t.days) == ("S-3", ["333-273722"], "no_review", 0, None)
    assert [l.no_review for l in t.letters] == [True, False]


@needs_shared
def test_gallagher_2024_review_split_across_two_folders(corpus_threads):
    """The closing letter of 16 September 2024 sits in a folder of its own; its Re: block names the
    same 10-K for 2023 and file number as the March comment letter."""
    _, threads = corpus_threads
    t = thread(threads, GALLAGHER, "2024-03-19")
    assert timeline(t) == [("staff_comment", "2024-03-19"), ("response", "2024-04-02"), ("closing", "2024-09-16")]
    assert len({folder(l) for l in t.letters}) == 2
    assert (t.status, t.rounds, t.days) == ("closed", 1, 181)


@needs_shared
def test_molson_coors_folder_mixes_three_reviews(corpus_threads):
    """One folder: the tail of a Schedule 14C review begun in 2015, the 2015 10-K review, and a 2017
    S-4 the staff did not review."""
    _, threads = corpus_threads
    info = thread(threads, MOLSON, "2016-01-05")
    ten_k = thread(threads, MOLSON, "2016-03-28")
    s4 = thread(threads, MOLSON, "2017-11-08")
    assert {folder(l) for t in (info, ten_k, s4) for l in t.letters} == {"TAP_0000000000-16-060314"}
    assert (info.form_reviewed, info.status, info.rounds, info.last_date) == ("SC 14C", "closed", 1, "2016-01-13")
    assert timeline(ten_k) == [
        ("staff_comment", "2016-03-28"), ("other", "2016-04-06"), ("response", "2016-04-14"),
        ("response", "2016-05-05"), ("closing", "2016-05-13"),
    ]
    assert (s4.form_reviewed, s4.file_numbers, s4.status) == ("S-4", ["333-221272"], "no_review")


@needs_shared
def test_ford_folder_holds_two_years_of_10k_reviews(corpus_threads):
    """The closing letter of 18 January 2018 ends the review of the 2016 10-K; the April 2018 letter
    opens the review of the 2017 10-K (filed February 8, 2018)."""
    _, threads = corpus_threads
    first = thread(threads, FORD, "2017-08-17")
    second = thread(threads, FORD, "2018-04-17")
    assert folder(first.letters[0]) == folder(second.letters[0]) == "F_0000000000-17-029248"
    assert [d for _, d in timeline(first)] == ["2017-08-17", "2017-09-29", "2017-11-07", "2017-12-01", "2018-01-18"]
    assert (first.status, first.days) == ("closed", 154)
    assert timeline(second) == [
        ("staff_comment", "2018-04-17"), ("response", "2018-04-25"), ("staff_comment", "2018-05-03"),
        ("response", "2018-05-17"), ("closing", "2018-05-22"),
    ]
    assert (second.status, second.rounds, second.days, second.comments_per_round) == ("closed", 2, 35, [1, 4])


@needs_shared
def test_sands_2023_responses_on_the_8k_join_the_10k_review(corpus_threads):
    """The staff letters name the 10-K and an 8-K; the August and December responses' Re: blocks
    name only the 8-K, but each answers a staff letter by its date."""
    _, threads = corpus_threads
    t = thread(threads, SANDS, "2023-03-23")
    assert timeline(t) == [
        ("staff_comment", "2023-03-23"), ("response", "2023-04-06"), ("staff_comment", "2023-07-03"),
        ("response", "2023-08-04"), ("staff_comment", "2023-11-16"), ("response", "2023-12-01"),
        ("closing", "2023-12-06"),
    ]
    assert (t.form_reviewed, t.status, t.rounds, t.days) == ("10-K", "closed", 3, 258)


@needs_shared
def test_occidental_2019_folder_holds_four_reviews(corpus_threads):
    """An S-4 and a contested proxy (PREC14A) reviewed the same week, a second S-4 not reviewed,
    and soliciting material (DFAN14A) in November."""
    _, threads = corpus_threads
    s4 = thread(threads, OXY, "2019-07-01", "S-4")
    proxy = thread(threads, OXY, "2019-07-01", "PREC14A")
    second_s4 = thread(threads, OXY, "2019-08-09")
    dfan = thread(threads, OXY, "2019-11-12")
    assert [k for k, _ in timeline(s4)] == ["staff_comment", "response", "acceleration_request"]
    assert s4.file_numbers == ["333-232001"] and s4.status == "open"
    assert [d for k, d in timeline(proxy) if k == "staff_comment"] == ["2019-07-01", "2019-07-03", "2019-07-08"]
    assert proxy.rounds == 3 and proxy.letters[-1].kind == "staff_comment"
    assert (second_s4.file_numbers, second_s4.status) == (["333-232932"], "no_review")
    assert (dfan.form_reviewed, dfan.rounds, dfan.status) == ("DFAN14A", 1, "open")


@needs_shared
def test_expedia_2019_folder_one_review_and_two_no_review_notices(corpus_threads):
    _, threads = corpus_threads
    reviewed = thread(threads, EXPEDIA, "2019-05-24")
    assert (reviewed.file_numbers, reviewed.rounds, reviewed.status) == (["333-231164"], 1, "open")
    assert thread(threads, EXPEDIA, "2019-11-19").status == "no_review"
    assert thread(threads, EXPEDIA, "2021-05-13").file_numbers == ["333-255868"]


@needs_shared
def test_general_mills_2018_misprinted_file_number_still_one_review(corpus_threads):
    """The staff letters read "1-00185", General Mills "001-01185"; the response answers "your
    letter dated September 17, 2018", which ties them. The plan letter of June 2018 is not part of it."""
    _, threads = corpus_threads
    t = thread(threads, GENERAL_MILLS, "2018-09-17")
    assert timeline(t) == [("staff_comment", "2018-09-17"), ("response", "2018-10-02"), ("closing", "2018-10-10")]
    assert t.status == "closed"
    assert all(l.date != "2018-06-07" for l in t.letters)


@needs_shared
def test_eaton_same_day_response_and_closing(corpus_threads):
    """Eaton's last response and the closing letter are both dated May 10, 2024: answer first."""
    _, threads = corpus_threads
    t = thread(threads, EATON, "2024-04-08")
    assert timeline(t)[-2:] == [("response", "2024-05-10"), ("closing", "2024-05-10")]
    assert (t.rounds, t.days, t.comments_per_round) == (2, 32, [3, 1])


@needs_shared
def test_caseys_follow_up_comments_name_the_comments_they_pursue(corpus_threads):
    """March 16, 2023: "We note your response to comment 1 ..." and "... in response to comment 3"."""
    _, threads = corpus_threads
    t = thread(threads, CASEYS, "2023-02-10")
    assert (t.rounds, t.comments_per_round, t.reissued, t.status) == (2, [4, 2], [1, 3], "closed")
    assert ("other", "2023-02-27") in timeline(t)  # the request for more time to respond


@needs_shared
def test_every_letter_in_exactly_one_thread_in_date_order(corpus_threads):
    letters, threads = corpus_threads
    placed = [l.path for t in threads for l in t.letters]
    assert sorted(placed) == sorted(l.path for l in letters)
    for t in threads:
        dates = [l.date for l in t.letters]
        assert dates == sorted(dates)
        assert t.rounds == sum(l.kind == "staff_comment" for l in t.letters)
        assert (t.status == "closed") == any(l.kind == "closing" for l in t.letters)


@needs_shared
def test_no_thread_mixes_companies_or_forms_without_a_link(corpus_threads):
    _, threads = corpus_threads
    for t in threads:
        assert len({l.cik for l in t.letters}) == 1
        assert len({l.form_reviewed for l in t.letters if l.kind == "staff_comment" and l.form_reviewed}) <= 1


@needs_shared
def test_thread_json_follows_the_contract(corpus_threads):
    _, threads = corpus_threads
    line = json.loads(json.dumps(thread_json(thread(threads, AFLAC, "2016-04-28"))))
    required = {"registrant", "cik", "file_numbers", "form_reviewed", "status", "rounds", "first_date", "last_date", "days", "letters"}
    assert required <= line.keys()
    assert line["letters"][0].keys() >= {"kind", "date", "items", "path"}
    assert (line["registrant"], line["first_date"], line["last_date"]) == ("Aflac Incorporated", "2016-04-28", "2016-06-29")


# --- the rules, on letters made up for each ------------------------------------------------------


def made_letter(kind: str, day: str, *, form: str | None = "10-K", files=("001-00001",), filed=None, cited=(), no_review=False, n=0, id=None) -> LetterRecord:
    return LetterRecord(
        path=f"{kind}-{day}", sha256="", kind=kind, date=day, registrant="Example Corp", cik="0000000001",
        file_numbers=list(files), form_reviewed=form, subject_filed=filed, letters_cited=list(cited),
        no_review=no_review, items=n, id=id,
    )


def test_a_closing_letter_ends_the_review():
    letters = [
        made_letter("staff_comment", "2020-03-01"), made_letter("response", "2020-03-15"),
        made_letter("closing", "2020-04-01"), made_letter("staff_comment", "2020-05-01"),
    ]
    first, second = build_threads(letters)
    assert (first.status, first.days, second.status, second.days) == ("closed", 31, "open", None)


def test_letters_far_apart_are_different_reviews_unless_one_names_the_other():
    apart = [made_letter("staff_comment", "2020-01-10"), made_letter("response", "2020-12-01")]
    assert len(build_threads(apart)) == 2
    linked = [made_letter("staff_comment", "2020-01-10"), made_letter("response", "2020-12-01", cited=["2020-01-10"])]
    assert len(build_threads(linked)) == 1


def test_another_years_filing_is_another_review():
    letters = [
        made_letter("staff_comment", "2020-06-01", filed="2020-02-20"),
        made_letter("staff_comment", "2020-08-01", filed="2019-02-21"),
    ]
    assert len(build_threads(letters)) == 2


def test_lone_no_review_notice():
    (t,) = build_threads([made_letter("other", "2021-05-13", form="S-4", files=["333-1"], no_review=True)])
    assert (t.status, t.rounds) == ("no_review", 0)


def test_company_known_by_file_number_when_cik_missing():
    named = made_letter("staff_comment", "2020-01-10")
    anonymous = made_letter("response", "2020-01-20")
    anonymous.cik, anonymous.registrant = None, "Some Other Spelling"
    (t,) = build_threads([named, anonymous])
    assert t.cik == "0000000001" and len(t.letters) == 2


def item(number: int, comment: str, refers_to=()) -> ItemRecord:
    return ItemRecord(letter_id=0, number=number, heading=None, comment=comment, response=None, disposition=None, refers_to=list(refers_to))


def test_reissued_comments_three_ways():
    first = [item(1, "Please disclose the amount of goodwill allocated to each reporting unit."), item(2, "Tell us about RINs."), item(3, "Quantify the backlog.")]
    second = [
        item(1, "We note your response to comment 2. Please expand.", refers_to=[2]),
        item(2, "We reissue comment 3 in part."),
        item(3, "Please disclose the amount of goodwill allocated to each of your reporting units."),
        item(4, "Please describe your new segment."),
    ]
    assert reissued_comments([first, second]) == [2, 3, 1]


def test_no_reissue_in_a_single_round():
    assert reissued_comments([[item(1, "We reissue nothing; comment 4 of our letter.")]]) == []


# --- normalising what letters print ---------------------------------------------------------------


def test_file_numbers_forms_ciks_and_names_compare_equal_however_printed():
    assert normal_file_number("1-07434") == normal_file_number("001-07434") == "001-07434"
    assert normal_file_number("333-273722") == "333-273722"
    assert normal_form("Form 10-K/A") == normal_form("10-K") == "10-K"
    assert normal_cik("4977") == "0000004977" and normal_cik("") is None
    assert squash_company("Expedia Group, Inc.") == squash_company("EXPEDIA, INC.") == "expedia"


def test_letters_named_by_date():
    text = (
        "Reference is made to your letter (the \"Comment Letter\") dated January 21, 2020. "
        "Casey's acknowledges receipt of the March 27, 2018 comment letter. Filed February 9, 2024."
    )
    assert letters_cited(text, own_date="2020-03-13") == ["2018-03-27", "2020-01-21"]


@needs_shared
def test_cik_and_accession_from_the_edgar_listing_beside_a_response():
    response = THREADS / "AFL/AFL_0000000000-16-074172/filings/0000004977-16-000316/filename1.htm"
    if not response.exists():
        pytest.skip(f"{response} is absent")
    filing = edgar_listing(str(response))
    assert filing.accession == "0000004977-16-000316" and filing.filers[0].cik == "4977"
