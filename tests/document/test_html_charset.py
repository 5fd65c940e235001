"""A ``<meta charset>`` left in a filing's HTML must not make the parser decode the text twice."""

from __future__ import annotations

import pytest

from tandy.document import read_document
from tandy.source import Part


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-1", "utf-8", "us-ascii"])
def test_meta_charset_does_not_garble_decoded_text(charset):
    html = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}"></head>'
        "<body><p>The Trust\u2019s r\u00e9sum\u00e9 \u2014 \u00a7 12</p></body></html>"
    )
    assert read_document("test.htm", Part("html", html)).text == "The Trust's r\u00e9sum\u00e9 \u2014 \u00a7 12"
