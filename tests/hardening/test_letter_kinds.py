"""A command that needs a kind of letter refuses another kind, on one line, writing nothing."""

from __future__ import annotations

from tests.hardening.conftest import EXAMPLES, assert_refused, tandy

STAFF = str(EXAMPLES / "staff_letter_2007-12-20.txt")
RESPONSE = str(EXAMPLES / "response_2008-01-04.htm")
PROXY = str(EXAMPLES / "proxy_pre14a_excerpt.txt")


def test_verify_refuses_a_proxy_as_the_response(tmp_path):
    run = tandy("verify", "--response", PROXY, "--before", PROXY, "--after", PROXY, cwd=tmp_path)
    assert_refused(run, PROXY, "--response needs a response letter")


def test_verify_refuses_a_staff_letter_as_the_response(tmp_path):
    run = tandy("verify", "--response", STAFF, "--staff", STAFF, cwd=tmp_path)
    assert_refused(run, STAFF, "--response needs a response letter", "staff comment letter")


def test_verify_refuses_a_proxy_as_the_staff_letter(tmp_path):
    run = tandy("verify", "--response", RESPONSE, "--staff", PROXY, cwd=tmp_path)
    assert_refused(run, PROXY, "--staff needs a staff comment letter")


def test_verify_refuses_a_staff_letter_of_another_filing(tmp_path):
    other = tmp_path / "other_staff.txt"
    other.write_text(open(STAFF, encoding="utf-8").read().replace("0009990417", "0001234567"), encoding="utf-8")
    run = tandy("verify", "--response", RESPONSE, "--staff", str(other), cwd=tmp_path)
    assert_refused(run, str(other), "CIK 0001234567", "the response answers about CIK 0009990417")


def test_verify_names_a_missing_after_file(tmp_path):
    run = tandy("verify", "--response", RESPONSE, "--before", PROXY, "--after", "gone.txt", cwd=tmp_path)
    assert_refused(run, "gone.txt", "no such file")


def test_draft_response_refuses_a_response(tmp_path):
    run = tandy("draft-response", RESPONSE, "-o", "out.md", cwd=tmp_path)
    assert_refused(run, RESPONSE, "response letter", "not a staff comment letter")
    assert not (tmp_path / "out.md").exists()


def test_draft_response_refuses_a_proxy(tmp_path):
    run = tandy("draft-response", PROXY, "-o", "out.docx", cwd=tmp_path)
    assert_refused(run, PROXY, "not a staff comment letter")
    assert list(tmp_path.iterdir()) == []


def test_draft_response_refuses_a_bad_date_before_reading(tmp_path):
    run = tandy("draft-response", STAFF, "-o", "out.md", "--date", "2024-13-40", cwd=tmp_path)
    assert_refused(run, "--date", "YYYY-MM-DD")
    assert list(tmp_path.iterdir()) == []


def test_draft_response_refuses_an_unknown_output_kind(tmp_path):
    run = tandy("draft-response", STAFF, "-o", "out.pdf", cwd=tmp_path)
    assert_refused(run, "out.pdf", ".docx or .md")
    assert list(tmp_path.iterdir()) == []
