"""HTML to blocks: paragraphs with their styles, tables with their cells, and page breaks.

EDGAR HTML comes from a handful of typesetting systems (Workiva, Donnelley, Toppan Merrill, law
firms' Word exports). They agree on little but this: block elements make paragraphs, inline
``font-weight``/``font-style``/``text-decoration`` styles carry the emphasis that tells a restated
comment from its answer, and pages end at a ``page-break`` style or, in older files, an ``<hr>``.

Speed matters here: a fund prospectus is 2 MB of markup with a ``<span style=...>`` around every
few words, so the walker does as little as it can per element. Tags are classified once (a cached
lookup, not set tests and ``lower()`` on every element), a ``style`` attribute is read once per
distinct string (the same few styles repeat thousands of times), and lxml's plain parser is used
rather than :mod:`lxml.html`'s, which calls back into Python for every element it hands out.
"""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager
from functools import lru_cache

from lxml import etree

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
_ROW_GROUPS = {"thead", "tbody", "tfoot"}
_SPACE = re.compile(r"[ \t\n\f]+")
_BREAK_STYLE = re.compile(r"(?:page-break-(?:before|after)|break-(?:before|after))\s*:\s*(always|page|left|right)")
_HIDDEN = re.compile(r"display\s*:\s*none")
_FONT_WEIGHT = re.compile(r"font-weight\s*:\s*(\w+)")
_MERGE_LEFT = {"%", ")", "%)", ")%"}
_MERGE_RIGHT = {"$", "($", "(", "€", "£"}
_PREFIX_CELL = re.compile(r"^(?:\(?\d{1,3}[.)]?|\(?[a-zA-Z][.)]|[IVXivx]{1,4}[.)]|[•·\-–—*●■◦o])$")

# What the walker does with an element, by its tag. Comments and processing instructions (whose
# ``tag`` is a function) and skipped elements contribute nothing but their tail.
IGNORED, SKIPPED, INLINE, TABLE, HR, BR, ROW, CELL, BLOCK, PRE, HEADING_BLOCK = range(11)
_BEFORE, _AFTER = 1, 2

_PARSER = etree.HTMLParser(encoding="utf-8", huge_tree=True)
"""lxml.html's parser options, without its element classes, which cost a Python call per element.

The text arrives decoded and is handed over as UTF-8, so the parser is told so: otherwise a
``<meta charset=windows-1252>`` left from the filing's original encoding makes libxml2 decode the
UTF-8 bytes a second time (``Trust’s`` read as ``Trustâ€™s``). ``huge_tree`` lifts libxml2's
default limits (256 levels of nesting, 10 MB text nodes) to 2,048 levels: beyond its limit
libxml2 silently drops everything deeper, so a file of 400 unclosed ``<font>`` tags read as empty.
"""

MAX_DEPTH = 2048
"""libxml2's nesting limit with ``huge_tree``; a deeper document is read again without inline tags."""

_INLINE_TAG = re.compile(
    r"</?(?:font|span|a|b|i|u|s|em|strong|small|big|sup|sub|ins|del|strike|tt|code|nobr|abbr|cite|q|label)\b[^<>]*>",
    re.I,
)


class NestedTooDeep(ValueError):
    """HTML nested deeper than libxml2 reads even without its inline tags: text would be lost."""


def read_html(source_text: str) -> Layout:
    """Lay an HTML document out as blocks and pages (none for HTML that holds no element).

    Raises :class:`NestedTooDeep` rather than return a layout that lost text to the nesting limit.
    """
    layout = Layout()
    if not source_text.strip():
        return layout
    root = _tree(source_text)
    if root is None:
        return layout
    breaks_by_style = bool(_BREAK_STYLE.search(source_text[:2_000_000].lower()))
    walker = _Walker(layout, hr_breaks_page=not breaks_by_style)
    body = root.find("body")
    with _recursion_for(MAX_DEPTH):
        walker.walk(body if body is not None else root, 0)
    walker.flush()
    return layout


def _tree(source_text: str):
    """The parsed tree; a file too deep for libxml2 is parsed again without inline tags (its text
    kept, some emphasis lost), and refused, saying where, when even that is too deep."""
    root, deep = _parse(source_text)
    if deep is None:
        return root
    root, deep = _parse(_INLINE_TAG.sub("", source_text))
    if deep is None:
        return root
    line, column = deep
    raise NestedTooDeep(
        f"HTML nested deeper than {MAX_DEPTH:,} levels (line {line}, column {column}): text below that depth cannot be read"
    )


def _parse(source_text: str):
    """(root or None, (line, column) where the nesting limit was hit, or None)."""
    try:
        root = etree.fromstring(source_text.encode("utf-8"), _PARSER)
    except etree.ParserError:  # no element at all (a comment, a doctype): a document without text
        return None, None
    too_deep = next((e for e in _PARSER.error_log if e.type_name == "ERR_RESOURCE_LIMIT"), None)
    return root, ((too_deep.line, too_deep.column) if too_deep is not None else None)


@contextmanager
def _recursion_for(depth: int):
    """Room for the walker's two frames a level at the deepest nesting the parser gives.

    Python-to-Python calls do not grow the C stack (3.11+), so the higher limit is safe.
    """
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(max(before, 3 * depth + 1000))
    try:
        yield
    finally:
        sys.setrecursionlimit(before)


@lru_cache(maxsize=4096)
def _tag_info(tag) -> tuple[int, int, str]:
    """An element's kind, the emphasis its tag adds, and its lower-case name (once per tag name)."""
    if not isinstance(tag, str):
        return IGNORED, 0, ""
    name = tag.lower()
    flags = 0
    if name in ("b", "strong") or name in _HEADING_TAGS:
        flags |= BOLD
    if name in ("i", "em", "cite"):
        flags |= ITALIC
    if name in ("u", "ins"):
        flags |= UNDERLINE
    if name in _HEADING_TAGS:
        flags |= HEADING
    if name in _SKIP:
        kind = SKIPPED
    elif name in ("table", "hr", "br", "tr"):
        kind = {"table": TABLE, "hr": HR, "br": BR, "tr": ROW}[name]
    elif name in ("td", "th"):
        kind = CELL
    elif name in _HEADING_TAGS:
        kind = HEADING_BLOCK
    elif name == "pre":
        kind = PRE
    elif name in _BLOCK:
        kind = BLOCK
    else:
        kind = INLINE
    return kind, flags, name


@lru_cache(maxsize=4096)
def _style_info(style: str) -> tuple[bool, int, int, int]:
    """What a ``style`` attribute does: hidden, emphasis bits it sets and clears, page break side.

    Each emphasis bit is set or cleared by at most one declaration, so a style's effect on the
    inherited emphasis is ``(flags & ~clear) | set``. Only the first break declaration counts.
    """
    style = style.lower()
    hidden = "none" in style and bool(_HIDDEN.search(style))
    set_bits = clear_bits = 0
    if "font-weight" in style:
        weight = _FONT_WEIGHT.search(style)
        if weight:
            value = weight.group(1)
            if value in ("bold", "bolder") or (value.isdigit() and int(value) >= 600):
                set_bits |= BOLD
            elif value in ("normal", "lighter") or value.isdigit():
                clear_bits |= BOLD
    if "italic" in style or "oblique" in style:
        set_bits |= ITALIC
    elif "font-style" in style and "normal" in style:
        clear_bits |= ITALIC
    if "underline" in style:
        set_bits |= UNDERLINE
    brk = _BREAK_STYLE.search(style) if "break" in style else None
    side = 0 if brk is None else _BEFORE if "before" in brk.group(0) else _AFTER
    return hidden, set_bits, clear_bits, side


class _Walker:
    """Walks the tree once, buffering inline text runs until a block boundary flushes them.

    The runs are two parallel lists, their texts and their emphasis flags, emptied in place by
    :meth:`flush`, so that a block whose runs all share one emphasis is recognised in C.
    """

    def __init__(self, layout: Layout, hr_breaks_page: bool, sink: list | None = None) -> None:
        self.layout = layout
        self.hr_breaks_page = hr_breaks_page
        self.sink = sink
        self.texts: list[str] = []
        self.marks: list[int] = []
        self.preformatted = 0
        self._cells: _Walker | None = None

    def walk(self, el, flags: int) -> None:
        kind, tag_flags, _ = _tag_info(el.tag)
        if kind <= SKIPPED or el.get("hidden") is not None:
            return
        style = el.get("style")
        side = 0
        if style:
            hidden, set_bits, clear_bits, side = _style_info(style)
            if hidden:
                return
            flags = ((flags | tag_flags) & ~clear_bits) | set_bits
        else:
            flags |= tag_flags
        if side == _BEFORE:
            self.flush()
            self._page_break()
        if kind == INLINE:
            self._children(el, flags)
        elif kind >= ROW:
            self.flush()
            self._children(el, flags, kind == PRE)
            self.flush(tagged=kind == HEADING_BLOCK)
        elif kind == BR:
            self.texts.append("\n")
            self.marks.append(flags)
        elif kind == TABLE:
            self.flush()
            self.table(el, flags)
        else:  # HR
            self.flush()
            if self.hr_breaks_page or side:
                self._page_break()
        if side == _AFTER:
            self.flush()
            self._page_break()

    def _children(self, el, flags: int, pre: bool = False) -> None:
        texts, marks = self.texts, self.marks
        self.preformatted += pre
        text = el.text
        if text:
            texts.append(text)
            marks.append(flags)
        for child in el:
            self.walk(child, flags)
            tail = child.tail
            if tail:
                texts.append(tail)
                marks.append(flags)
        self.preformatted -= pre

    def flush(self, tagged: bool = False) -> None:
        """End the current block: collapse its whitespace and hand it on with its emphasis."""
        if not self.texts:
            return
        text, emphasis, heading = _block(self.texts, self.marks, keep_space=self.preformatted > 0)
        self.texts.clear()
        self.marks.clear()
        if not text:
            return
        if self.sink is not None:
            self.sink.append((text, emphasis, tagged or heading))
            return
        bold, italic, underline = emphasis
        self.layout.add_block(text, bold=bold, italic=italic, underline=underline, tagged_heading=tagged or heading)

    def _page_break(self) -> None:
        if self.sink is None:
            self.layout.page_break()

    def table(self, el, flags: int) -> None:
        """Read a table's cells; lay out its rows so a letter's "1. | comment" row reads as one."""
        grid = [[(td, self._cell_blocks(td, flags)) for td in _cells(tr)] for tr in _rows(el)]
        if self.sink is not None:
            for cells in grid:
                for _, blocks in cells:
                    self.sink.extend(blocks)
            return
        index = len(self.layout.tables)
        first = None
        for cells in grid:
            for text, (bold, italic, underline), _ in _row_blocks([b for _, b in cells]):
                added = self.layout.add_block(text, bold=bold, italic=italic, underline=underline, table=index)
                first = first if first is not None or added is None else added
        rows = normalize_rows(grid)
        if first is not None and rows:
            self.layout.tables.append(Table("html", first.start, self.layout.pos, rows))
        elif first is not None:
            for block in self.layout.blocks[::-1]:
                if block.table != index:
                    break
                block.table = None

    def _cell_blocks(self, td, flags: int) -> list:
        """A cell's blocks, read by a helper walker (made once, reused) that collects, not lays out.

        The cell's own ``hidden`` and break styles are not applied, only its emphasis; an empty
        cell (most spacer cells) has no blocks and needs no look at its style.
        """
        if not td.text and not len(td):
            return []
        if self._cells is None:
            self._cells = _Walker(self.layout, False, sink=[])
        walker = self._cells
        walker.sink = blocks = []
        _, tag_flags, _ = _tag_info(td.tag)
        flags |= tag_flags
        style = td.get("style")
        if style:
            _, set_bits, clear_bits, _ = _style_info(style)
            flags = (flags & ~clear_bits) | set_bits
        walker._children(td, flags)
        walker.flush()
        return blocks


def _rows(table):
    """The table's own rows, not those of tables nested in its cells."""
    for child in table:
        kind, _, name = _tag_info(child.tag)
        if kind == ROW:
            yield child
        elif name in _ROW_GROUPS:
            yield from (tr for tr in child if _tag_info(tr.tag)[0] == ROW)


def _cells(tr) -> list:
    return [td for td in tr if _tag_info(td.tag)[0] == CELL]


def _block(texts: list[str], marks: list[int], keep_space: bool) -> tuple[str, tuple[bool, bool, bool], bool]:
    """A block's text, its emphasis (bold, italic, underline) and whether it is styled as a heading.

    A style counts when it covers at least 60% of the visible characters; a block whose runs
    all carry the same flags (most blocks) has them without counting.
    """
    if keep_space:
        text = normalize("".join(texts)).strip("\n")
    else:
        text = _collapse(texts)
    if not text:
        return text, (False, False, False), False
    first = marks[0]
    if not keep_space and marks.count(first) == len(marks):
        # Non-empty text has a visible character, so each style covers all of them or none.
        return text, (bool(first & BOLD), bool(first & ITALIC), bool(first & UNDERLINE)), bool(first & HEADING)
    counts = _visible_counts(texts, marks, keep_space)
    total = max(1, counts[0])
    emphasis = (counts[BOLD] / total >= 0.6, counts[ITALIC] / total >= 0.6, counts[UNDERLINE] / total >= 0.6)
    return text, emphasis, counts[HEADING] / total >= 0.6


def _collapse(texts: list[str]) -> str:
    """Runs joined with their whitespace collapsed; a run that is exactly ``\\n`` breaks the line.

    (That run is a ``<br>``, or a bare newline between tags, which typesetters use as one.)
    Newlines inside runs are spaces; every other whitespace run shrinks to one space per line.
    """
    joined = "".join(texts)
    if joined.isspace():
        return ""  # the whitespace between block tags: most flushes end here
    if "\n" in joined:
        joined = "".join([t if t == "\n" else t.replace("\n", " ") for t in texts])
    joined = normalize(joined)
    if "\n" not in joined:
        return " ".join(joined.split())
    lines = [" ".join(line.split()) for line in joined.split("\n")]
    return "\n".join(line for line in lines if line)


def _visible_counts(texts: list[str], marks: list[int], keep_space: bool) -> dict[int, int]:
    """Visible characters in all, and under each style: what is not space, newline, tab or form feed.

    Preformatted text keeps its tabs and form feeds, and they count as visible there.
    """
    counts = {0: 0, BOLD: 0, ITALIC: 0, UNDERLINE: 0, HEADING: 0}
    for text, flags in zip(texts, marks):
        visible = len(text) - text.count(" ") - text.count("\n")
        if not keep_space:
            visible -= text.count("\t") + text.count("\f")
        if visible:
            counts[0] += visible
            for f in (BOLD, ITALIC, UNDERLINE, HEADING):
                if flags & f:
                    counts[f] += visible
    return counts


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


def _all_styled(filled: list[list]) -> tuple[bool, bool, bool]:
    return tuple(all(b[0][1][i] for b in filled) for i in range(3))


def normalize_rows(grid: list[list]) -> list[list[str]]:
    """Cells as a rectangle: spans resolved, ``$``/``%``/``)`` cells merged, spacer columns gone."""
    rows = _rectangle(grid)
    rows = [_merge_symbols(row) if _MERGE_LEFT.intersection(row) or _MERGE_RIGHT.intersection(row) else row for row in rows]
    keep = [c for c, column in enumerate(zip(*rows)) if any(column)]
    rows = [[row[c] for c in keep] for row in rows]
    return [row for row in rows if any(row)]


def _rectangle(grid: list[list]) -> list[list[str]]:
    """The grid's cell texts placed by their spans, padded to the widest row.

    Without a ``rowspan`` each row is laid out on its own; with one, cells are placed around
    the positions that cells from rows above already hold.
    """
    texts = [[(td, _cell_text(blocks)) for td, blocks in cells] for cells in grid]
    if any(td.get("rowspan") is not None for cells in grid for td, _ in cells):
        return _rectangle_with_rowspans(texts)
    rows = []
    for cells in texts:
        row = []
        for td, text in cells:
            row.append(text)
            colspan = td.get("colspan")
            if colspan is not None:
                row.extend([""] * (_span(colspan) - 1))
        rows.append(row)
    width = max((len(row) for row in rows), default=0)
    return [row + [""] * (width - len(row)) for row in rows]


def _cell_text(blocks: list) -> str:
    """A cell's text on one line (most cells are empty spacers: no join for them)."""
    if not blocks:
        return ""
    return " ".join([b[0].replace("\n", " ") for b in blocks]).strip()


def _rectangle_with_rowspans(texts: list[list]) -> list[list[str]]:
    occupied: dict[tuple[int, int], str] = {}
    width = 0
    for r, cells in enumerate(texts):
        c = 0
        for td, text in cells:
            while (r, c) in occupied:
                c += 1
            colspan, rowspan = _span(td.get("colspan")), _span(td.get("rowspan"))
            for dr in range(rowspan):
                for dc in range(colspan):
                    occupied[(r + dr, c + dc)] = text if (dr, dc) == (0, 0) else ""
            c += colspan
            width = max(width, c)
    return [[occupied.get((r, c), "") for c in range(width)] for r in range(len(texts))]


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
