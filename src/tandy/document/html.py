"""HTML to blocks: paragraphs with their styles, tables with their cells, and page breaks.

EDGAR HTML comes from a handful of typesetting systems (Workiva, Donnelley, Toppan Merrill, law
firms' Word exports). They agree on little but this: block elements make paragraphs, inline
``font-weight``/``font-style``/``text-decoration`` styles carry the emphasis that tells a restated
comment from its answer, and pages end at a ``page-break`` style or, in older files, an ``<hr>``.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from tandy.document.layout import Layout, normalize
from tandy.document.model import Table

BOLD, ITALIC, UNDERLINE, HEADING = 1, 2, 4, 8

_SKIP = {"script", "style", "head", "title", "noscript", "template", "{http://www.xbrl.org/2013/inlinexbrl}header", "ix:header"}
_BLOCK = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "center", "pre",
    "dl", "dt", "dd", "address", "section", "article", "header", "footer", "body", "html", "form",
    "fieldset", "caption", "main", "nav", "aside", "figure", "figcaption",
}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SPACE = re.compile(r"[ \t\n\f]+")
_BREAK_STYLE = re.compile(r"(?:page-break-(?:before|after)|break-(?:before|after))\s*:\s*(always|page|left|right)")
_HIDDEN = re.compile(r"display\s*:\s*none")
_MERGE_LEFT = {"%", ")", "%)", ")%"}
_MERGE_RIGHT = {"$", "($", "(", "€", "£"}
_PREFIX_CELL = re.compile(r"^(?:\(?\d{1,3}[.)]?|\(?[a-zA-Z][.)]|[IVXivx]{1,4}[.)]|[•·\-–—*●■◦o])$")


def read_html(source_text: str) -> Layout:
    """Lay an HTML document out as blocks and pages."""
    layout = Layout()
    if not source_text.strip():
        return layout
    root = lxml_html.document_fromstring(source_text.encode("utf-8"))
    breaks_by_style = bool(_BREAK_STYLE.search(source_text[:2_000_000].lower()))
    walker = _Walker(layout, hr_breaks_page=not breaks_by_style)
    body = root.find("body")
    walker.walk(body if body is not None else root, 0)
    walker.flush()
    return layout


class _Walker:
    """Walks the tree once, buffering inline text runs until a block boundary flushes them."""

    def __init__(self, layout: Layout, hr_breaks_page: bool, sink: list | None = None) -> None:
        self.layout = layout
        self.hr_breaks_page = hr_breaks_page
        self.sink = sink
        self.runs: list[tuple[str, int]] = []
        self.preformatted = 0

    def walk(self, el, flags: int) -> None:
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None:
            return
        tag = tag.lower()
        style = (el.get("style") or "").lower()
        if tag in _SKIP or (style and _HIDDEN.search(style)) or el.get("hidden") is not None:
            return
        flags = _flags(tag, style, flags)
        brk = _BREAK_STYLE.search(style) if style else None
        if brk and "before" in brk.group(0):
            self.flush()
            self._page_break()
        if tag == "table":
            self.flush()
            self.table(el, flags)
        elif tag == "hr":
            self.flush()
            if self.hr_breaks_page or brk:
                self._page_break()
        elif tag == "br":
            self.runs.append(("\n", flags))
        elif tag in _BLOCK or tag in ("tr", "td", "th"):
            self.flush()
            self._children(el, flags, tag == "pre")
            self.flush(tagged=tag in _HEADING_TAGS)
        else:
            self._children(el, flags, False)
        if brk and "after" in brk.group(0):
            self.flush()
            self._page_break()

    def _children(self, el, flags: int, pre: bool) -> None:
        self.preformatted += pre
        if el.text:
            self.runs.append((el.text, flags))
        for child in el:
            self.walk(child, flags)
            if child.tail:
                self.runs.append((child.tail, flags))
        self.preformatted -= pre

    def flush(self, tagged: bool = False) -> None:
        """End the current block: collapse its whitespace and hand it on with its emphasis."""
        if not self.runs:
            return
        runs, self.runs = self.runs, []
        text, counts = _join(runs, keep_space=self.preformatted > 0)
        if not text:
            return
        total = max(1, counts[0])
        styled = {f: counts[f] / total >= 0.6 for f in (BOLD, ITALIC, UNDERLINE)}
        if self.sink is not None:
            self.sink.append((text, styled, tagged or counts[HEADING] / total >= 0.6))
            return
        self.layout.add_block(
            text,
            bold=styled[BOLD],
            italic=styled[ITALIC],
            underline=styled[UNDERLINE],
            tagged_heading=tagged or counts[HEADING] / total >= 0.6,
        )

    def _page_break(self) -> None:
        if self.sink is None:
            self.layout.page_break()

    def table(self, el, flags: int) -> None:
        """Read a table's cells; lay out its rows so a letter's "1. | comment" row reads as one."""
        grid = []
        for tr in _rows(el):
            cells = []
            for td in tr:
                if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                    continue
                blocks: list = []
                sub = _Walker(self.layout, False, sink=blocks)
                sub._children(td, _flags(td.tag.lower(), (td.get("style") or "").lower(), flags), False)
                sub.flush()
                cells.append((td, blocks))
            grid.append(cells)
        if self.sink is not None:
            for cells in grid:
                for _, blocks in cells:
                    self.sink.extend(blocks)
            return
        index = len(self.layout.tables)
        first = None
        for cells in grid:
            for block in _row_blocks([b for _, b in cells]):
                text, styled, _ = block
                added = self.layout.add_block(
                    text, bold=styled[BOLD], italic=styled[ITALIC], underline=styled[UNDERLINE], table=index
                )
                first = first if first is not None or added is None else added
        rows = normalize_rows(grid)
        if first is not None and rows:
            self.layout.tables.append(Table("html", first.start, self.layout.pos, rows))
        elif first is not None:
            for block in self.layout.blocks[::-1]:
                if block.table != index:
                    break
                block.table = None


def _rows(table):
    """The table's own rows, not those of tables nested in its cells."""
    for child in table:
        if not isinstance(child.tag, str):
            continue
        tag = child.tag.lower()
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            yield from (tr for tr in child if isinstance(tr.tag, str) and tr.tag.lower() == "tr")


def _row_blocks(cells: list[list]) -> list:
    """Blocks for one table row, in reading order.

    A row of one-line cells reads as one line, cells separated by tabs; a short marker cell
    ("1.", "(a)", a bullet) joins the cell after it, so numbered comments laid out in two
    columns read as numbered paragraphs; cells with several paragraphs keep them.
    """
    filled = [blocks for blocks in cells if blocks]
    if not filled:
        return []
    if all(len(b) == 1 and "\n" not in b[0][0] for b in filled):
        texts = [b[0][0] for b in filled]
        if len(texts) == 2 and _PREFIX_CELL.match(texts[0]):
            return [(texts[0] + " " + texts[1], filled[1][0][1], False)]
        return [("\t".join(texts), _all_styled(filled), False)]
    out = []
    prefix = None
    for blocks in filled:
        if len(blocks) == 1 and _PREFIX_CELL.match(blocks[0][0]):
            prefix = blocks[0][0] if prefix is None else prefix + " " + blocks[0][0]
            continue
        for i, (text, styled, tagged) in enumerate(blocks):
            if i == 0 and prefix:
                text, prefix = prefix + " " + text, None
            out.append((text, styled, tagged))
    if prefix:
        out.append((prefix, filled[-1][0][1], False))
    return out


def _all_styled(filled: list[list]) -> dict:
    return {f: all(b[0][1][f] for b in filled) for f in (BOLD, ITALIC, UNDERLINE)}


def normalize_rows(grid: list[list]) -> list[list[str]]:
    """Cells as a rectangle: spans resolved, ``$``/``%``/``)`` cells merged, spacer columns gone."""
    occupied: dict[tuple[int, int], str] = {}
    width = 0
    for r, cells in enumerate(grid):
        c = 0
        for td, blocks in cells:
            while (r, c) in occupied:
                c += 1
            text = " ".join(b[0].replace("\n", " ") for b in blocks).strip()
            colspan, rowspan = _span(td.get("colspan")), _span(td.get("rowspan"))
            for dr in range(rowspan):
                for dc in range(colspan):
                    occupied[(r + dr, c + dc)] = text if (dr, dc) == (0, 0) else ""
            c += colspan
            width = max(width, c)
    rows = [[occupied.get((r, c), "") for c in range(width)] for r in range(len(grid))]
    rows = [_merge_symbols(row) for row in rows]
    keep = [c for c in range(width) if any(row[c] for row in rows)]
    rows = [[row[c] for c in keep] for row in rows]
    return [row for row in rows if any(row)]


def _merge_symbols(row: list[str]) -> list[str]:
    row = list(row)
    for c, cell in enumerate(row):
        if cell in _MERGE_LEFT:
            left = next((i for i in range(c - 1, -1, -1) if row[i]), None)
            if left is not None:
                row[left] += cell
                row[c] = ""
        elif cell in _MERGE_RIGHT:
            right = next((i for i in range(c + 1, len(row)) if row[i]), None)
            if right is not None:
                row[right] = cell + row[right]
                row[c] = ""
    return row


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 200))
    except ValueError:
        return 1


def _flags(tag: str, style: str, flags: int) -> int:
    if tag in ("b", "strong") or tag in _HEADING_TAGS:
        flags |= BOLD
    if tag in ("i", "em", "cite"):
        flags |= ITALIC
    if tag in ("u", "ins"):
        flags |= UNDERLINE
    if tag in _HEADING_TAGS:
        flags |= HEADING
    if style:
        if "font-weight" in style:
            weight = re.search(r"font-weight\s*:\s*(\w+)", style)
            if weight:
                value = weight.group(1)
                if value in ("bold", "bolder") or (value.isdigit() and int(value) >= 600):
                    flags |= BOLD
                elif value in ("normal", "lighter") or value.isdigit():
                    flags &= ~BOLD
        if "italic" in style or "oblique" in style:
            flags |= ITALIC
        elif "font-style" in style and "normal" in style:
            flags &= ~ITALIC
        if "underline" in style:
            flags |= UNDERLINE
    return flags


def _join(runs: list[tuple[str, int]], keep_space: bool) -> tuple[str, dict[int, int]]:
    """Join runs into a block's text, and count the visible characters under each style."""
    pieces = []
    counts = {0: 0, BOLD: 0, ITALIC: 0, UNDERLINE: 0, HEADING: 0}
    for text, flags in runs:
        if not keep_space and text != "\n":
            text = _SPACE.sub(" ", text)
        pieces.append(text)
        visible = len(text) - text.count(" ") - text.count("\n")
        if visible:
            counts[0] += visible
            for f in (BOLD, ITALIC, UNDERLINE, HEADING):
                if flags & f:
                    counts[f] += visible
    joined = normalize("".join(pieces))
    if keep_space:
        return joined.strip("\n"), counts
    lines = [" ".join(line.split()) for line in joined.split("\n")]
    return "\n".join(line for line in lines if line), counts

