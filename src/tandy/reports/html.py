"""A review as one self-contained HTML page: the document's text with each finding marked in place.

The page shows the normalised text page by page, the printed page number in the margin, and each
finding's span wrapped in ``<mark>`` (its rule ID and message in the title, the rule ID tagged after
it). A findings list at the top links to each mark. Everything from the document is escaped; the
page loads nothing from elsewhere, so it can be mailed or archived as is.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from tandy import __version__
from tandy.document import Document
from tandy.reports import page_label, reviews_of
from tandy.reports.terminal import summary
from tandy.rules.model import Finding, Review

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; color: #222; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid #ccc; }
.findings li { margin: .4rem 0; } .severity { font-weight: bold; text-transform: uppercase; font-size: .8em; }
.error .severity, mark.error { color: #a00; } .warning .severity { color: #a60; } .info .severity { color: #066; }
mark { background: #fff3a0; } mark.error { background: #ffd6d6; color: inherit; } mark.info { background: #d6f5f5; }
.tag { font-size: .7em; vertical-align: super; } .tag a { color: #a00; text-decoration: none; }
.page { display: grid; grid-template-columns: 6rem 1fr; border-top: 1px dashed #bbb; }
.margin { color: #777; font-size: .85em; padding-top: .5rem; }
pre.text { white-space: pre-wrap; font: .85rem/1.35 ui-monospace, monospace; margin: .5rem 0; }
"""


def render(reviews: Review | Iterable[Review]) -> str:
    """One page for one or several reviews, each with its findings list and marked-up text."""
    reviews = reviews_of(reviews)
    title = "tandy review" if len(reviews) != 1 else f"tandy review of {reviews[0].subject.path}"
    body = "\n".join(_review(review, n) for n, review in enumerate(reviews, start=1))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{escape(title)}</title>\n<meta name=\"generator\" content=\"tandy {__version__}\">\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n<h1>{escape(title)}</h1>\n{body}\n</body>\n</html>\n"
    )


def _review(review: Review, n: int) -> str:
    ids = [f"d{n}-f{i}" for i in range(1, len(review.findings) + 1)]
    items = "\n".join(_list_item(finding, anchor) for finding, anchor in zip(review.findings, ids))
    return (
        f"<section class=\"review\" id=\"d{n}\">\n<h2>{escape(review.subject.path)}</h2>\n"
        f"<p>{escape(summary(review))}</p>\n<ol class=\"findings\">\n{items}\n</ol>\n"
        f"{_text(review.subject.document, review.findings, ids)}\n</section>"
    )


def _list_item(finding: Finding, anchor: str) -> str:
    where = escape(f"{finding.rule} · {page_label(finding) or 'no printed page'}")
    link = f"<a href=\"#{anchor}\">{where}</a>" if finding.location else f"{where} (the whole document)"
    return (
        f"<li class=\"{finding.severity}\" id=\"{anchor}-item\"><span class=\"severity\">{finding.severity}</span> "
        f"{link} {escape(finding.message)} "
        f"<em>({escape(finding.citation)})</em></li>"
    )


def _text(doc: Document, findings: list[Finding], ids: list[str]) -> str:
    """The text page by page, with findings marked; a document without pages is one page."""
    pages = [(p.start, p.end, p.number) for p in doc.pages] or [(0, len(doc.text), None)]
    located = [(f, anchor) for f, anchor in zip(findings, ids) if f.location]
    parts = []
    for start, end, number in pages:
        margin = f"page {escape(number)}" if number else ""
        parts.append(
            f"<div class=\"page\"><div class=\"margin\">{margin}</div>"
            f"<pre class=\"text\">{marked(doc.text, start, end, located)}</pre></div>"
        )
    return "\n".join(parts)


def marked(text: str, start: int, end: int, located: list[tuple[Finding, str]]) -> str:
    """``text[start:end]`` escaped, each finding's span in ``<mark>``; overlapping spans split.

    The text is cut at every finding boundary; a piece covered by findings is one ``<mark>``
    naming them all (rule IDs in ``data-rule``, messages in ``title``). Each finding's anchor
    stands just before the piece it starts at, and its rule tag just after.
    """
    cuts = {start, end}
    for finding, _ in located:
        cuts |= {min(max(finding.location.start, start), end), min(max(finding.location.end, start), end)}
    bounds = sorted(cuts)
    html = []
    for a, b in zip([*bounds, end], [*bounds[1:], end]):
        if a == b:  # a finding with an empty span gets an empty mark where it points
            covering = [(f, anchor) for f, anchor in located if f.location.start == f.location.end == a and a < end]
        else:
            covering = [(f, anchor) for f, anchor in located if f.location.start <= a and b <= f.location.end]
        piece = escape(text[a:b], quote=False)
        html.append(_mark(piece, covering, a) if covering else piece)
    return "".join(html)


def _mark(piece: str, covering: list[tuple[Finding, str]], at: int) -> str:
    starting = [(f, anchor) for f, anchor in covering if f.location.start == at]
    severity = max((f.severity for f, _ in covering), key=("info", "warning", "error").index)
    title = "; ".join(f"{f.rule}: {f.message}" for f, _ in covering)
    rules = " ".join(f.rule for f, _ in covering)
    anchors = "".join(f"<span class=\"anchor\" id=\"{anchor}\"></span>" for _, anchor in starting)
    tags = "".join(_tag(f, anchor) for f, anchor in starting)
    return f"{anchors}<mark class=\"{severity}\" data-rule=\"{escape(rules)}\" title=\"{escape(title)}\">{piece}</mark>{tags}"


def _tag(finding: Finding, anchor: str) -> str:
    return f"<sup class=\"tag\"><a href=\"#{anchor}-item\">{escape(finding.rule)}</a></sup>"
