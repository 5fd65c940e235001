"""Adversarial inputs for each pattern family and loop that once ran quadratic or forever: each
command must exit (the subprocess timeout fails the test otherwise) without a crash, and the
text that was there must still be read."""

from __future__ import annotations

import json

import pytest

from tests.hardening.conftest import assert_ran, tandy

_ENVELOPE = "<SEC-DOCUMENT>\n<SEC-HEADER>\n{header}\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>CORRESP\n<TEXT>\n{text}\n</TEXT>\n</DOCUMENT>\n"

#: name -> (command, file name, content): each family of pattern or loop at its worst.
CASES = {
    "header-blank-lines": ("parse", "a.txt", _ENVELOPE.format(header="ACCESSION NUMBER:" + "\n" * 100_000 + "x", text="Dear Sir:")),
    "header-padded-name": (
        "parse", "a.txt",
        _ENVELOPE.format(header="FILER:\n\tCOMPANY CONFORMED NAME:\tA" + " " * 200_000 + "B", text="Dear Sir:"),
    ),
    "header-role-blank-lines": ("parse", "a.txt", _ENVELOPE.format(header="FILER:" + " \n" * 50_000, text="Dear Sir:")),
    "numbered-lines-as-proxy": ("proxy", "p.txt", "PROXY STATEMENT\n" + "1.\n" * 100_000),
    "numbered-lines-reviewed": ("review", "p.txt", "PROXY STATEMENT\n" + "1.\n" * 100_000),
    "short-citations": ("letter", "l.txt", "Dear Mr. Smith:\n\n1. " + "Item 407(" * 50_000 + "\n\nSincerely,\n"),
    "citation-list": ("letter", "l.txt", "Dear Mr. Smith:\n\n1. Items " + ", ".join(["407(a)"] * 30_000) + " of\n"),
    "rule-list": ("letter", "l.txt", "Dear Mr. Smith:\n\n1. Rules " + " and ".join(["14a-9(a)"] * 30_000) + "\n"),
    "page-list": ("letter", "l.txt", "Dear Mr. Smith:\n\n1. See pages " + ", ".join(["12 - 13"] * 30_000) + "\n"),
    "section-of-act": ("letter", "l.txt", "Dear Sir:\n\n1. " + "Section 13(a) of the Exchange Act " * 20_000 + "\n"),
    "unclosed-tags": ("parse", "h.htm", "<html><body>" + "<p <b " * 50_000 + "text"),
    "unclosed-comment": ("parse", "h.htm", "<html><body><p>text</p><!--" + "- -" * 100_000),
    "many-spaces-one-line": ("letter", "l.txt", "Dear Sir:\n\n1. " + "word   " * 200_000 + "\n"),
    "fixed-width-columns": ("proxy", "t.txt", "PROXY STATEMENT\n" + ("Name    Age    Position    Since\n" + "a  " * 300 + "\n") * 300),
    "table-tags": ("proxy", "t.txt", "PROXY STATEMENT\n" + "<TABLE>\n<CAPTION>\n" * 20_000),
    "re-lines": ("letter", "l.txt", "Re:" + " \n" * 50_000 + "Dear Sir:\n"),
    "dear-repeated": ("letter", "l.txt", "Dear Mr. " * 50_000 + "\n"),
    "uuencoded-garbage": (
        "parse", "a.txt",
        "<DOCUMENT>\n<TYPE>CORRESP\n<FILENAME>a.pdf\n<TEXT>\n<PDF>\nbegin 644 a.pdf\n" + "M" * 61 + "\n" * 50_000 + "end\n</TEXT>\n</DOCUMENT>\n",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_adversarial_input_exits(tmp_path, name):
    command, filename, content = CASES[name]
    path = tmp_path / filename
    path.write_text(content, encoding="utf-8")
    assert_ran(tandy(command, str(path), cwd=tmp_path))


@pytest.mark.parametrize("opening,closing", [("<font>", ""), ("<div>", "</div>"), ("<span><b>", "")])
def test_deep_html_keeps_its_text(tmp_path, opening, closing):
    depth = 1500
    path = tmp_path / "deep.htm"
    path.write_text("<html><body><p>first words</p>" + opening * depth + "the deepest words" + closing * depth + "</body></html>")
    run = tandy("parse", str(path), "--json", "--text", cwd=tmp_path)
    assert_ran(run)
    text = json.loads(run.stdout)["documents"][0]["text"]
    assert "first words" in text and "the deepest words" in text


def test_inline_tags_past_the_parser_limit_are_read_without_them(tmp_path):
    path = tmp_path / "deep.htm"
    path.write_text("<html><body><p>first words</p>" + "<font>" * 5000 + "the deepest words</body></html>")
    run = tandy("parse", str(path), "--json", "--text", cwd=tmp_path)
    assert_ran(run)
    assert "the deepest words" in json.loads(run.stdout)["documents"][0]["text"]


def test_a_long_single_line_letter_is_read_whole(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text("Dear Sir: 1. Please disclose " + "the board's role in risk oversight " * 150_000 + "Sincerely, Staff")
    run = tandy("letter", str(path), "--json", cwd=tmp_path)
    assert_ran(run)
    assert json.loads(run.stdout)["source"]["path"] == str(path)
