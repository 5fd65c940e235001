"""Word files built with python-docx from real documents, the way counsel's drafts are made.

A corpus document is read by tandy (HTML or text), and each of its blocks written as a Word
paragraph with the same emphasis, each table as a Word table. A paragraph that starts with a
printed number ("1.", "(a)") is written as *automatic numbering*: the number is taken out of the
text and the paragraph joined to a list whose definition (``numbering.xml``) prints it, a new
list instance with a ``startOverride`` where the printed sequence jumps. So a reader that drops
list numbering, or counts it wrong, finds the wrong items.

Pages: where ``pages=True``, each page of the source becomes a page of the .docx the way Word
saves one (a ``lastRenderedPageBreak`` at each page's first run), with a footer ``PAGE`` field and
the section's first number (``pgNumType w:start``) set to the source's first printed number.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from tandy.document import Document, parse
from tandy.tables import read_text_tables

_LEVEL0 = re.compile(r"^(\d{1,3})\.\s+(?=\S)")
_LEVEL1 = re.compile(r"^\(([a-h])\)\s+(?=\S)")

NUMBERING = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="{aid}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>
    <w:pPr><w:ind w:left="720" w:hanging="720"/></w:pPr></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/><w:lvlJc w:val="left"/>
    <w:pPr><w:ind w:left="1440" w:hanging="720"/></w:pPr></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>"""


@dataclass
class _Lists:
    """The list instances written so far, and what Word will print next on each level."""

    numbering: object
    aid: int
    num_id: int | None = None
    next0: int = 1
    next1: int = 1
    created: list[int] = field(default_factory=list)

    def instance(self, start: int | None = None) -> int:
        """A new ``w:num`` of the letter's list, restarting level 0 at ``start`` if given."""
        root = self.numbering
        num_id = max([int(n.get(qn("w:numId"))) for n in root.findall(qn("w:num"))] + [0]) + 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(num_id))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(self.aid))
        num.append(ref)
        if start is not None:
            override = OxmlElement("w:lvlOverride")
            override.set(qn("w:ilvl"), "0")
            value = OxmlElement("w:startOverride")
            value.set(qn("w:val"), str(start))
            override.append(value)
            num.append(override)
        root.append(num)
        self.created.append(num_id)
        return num_id


def _lists(word) -> _Lists:
    from lxml import etree

    numbering = word.part.numbering_part.element
    aid = max([int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))] + [0]) + 1
    node = etree.fromstring(NUMBERING.format(aid=aid))
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(node)
    else:
        numbering.append(node)
    return _Lists(numbering, aid)


def _number(paragraph, num_id: int, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(num)
    ppr.append(numpr)


def _numbered(text: str, lists: _Lists) -> tuple[str, tuple[int, int] | None]:
    """The paragraph's text without its printed number, and the list (numId, level) to print it."""
    first = _LEVEL0.match(text)
    if first:
        number = int(first.group(1))
        if lists.num_id is None or number != lists.next0:
            lists.num_id = lists.instance(None if number == 1 and lists.num_id is None else number)
        lists.next0, lists.next1 = number + 1, 1
        return text[first.end():], (lists.num_id, 0)
    sub = _LEVEL1.match(text)
    if sub and lists.num_id is not None and ord(sub.group(1)) - ord("a") + 1 == lists.next1:
        lists.next1 += 1
        return text[sub.end():], (lists.num_id, 1)
    return text, None


def build_docx(source: Path, target: Path, *, numbering: bool = True, pages: bool = False, heading_styles: bool = False) -> Document:
    """Write ``source`` (any document tandy reads) as a .docx; returns the source as tandy read it."""
    document = parse(str(source)).main
    word = WordDocument()
    lists = _lists(word) if numbering else None
    page_of = {id(b): document.page_at(b.start).index if document.pages else 0 for b in document.blocks}
    current_page = 0
    pending_break = False
    tables_done: set[int] = set()
    seen_furniture: set[str] = set()
    for block in document.blocks:
        if block.furniture:
            # Page numbers go to the footer's PAGE field; a running header or footer is the
            # author's text where it first stands (a letter's date), Word's header after that.
            line = " ".join(document.text[block.start : block.end].split())
            if block.furniture in ("page_number", "marker") or line in seen_furniture:
                continue
            seen_furniture.add(line)
        new_page = pages and page_of[id(block)] != current_page
        if new_page:
            current_page = page_of[id(block)]
            pending_break = True
        if block.table is not None:
            if block.table in tables_done:
                continue
            tables_done.add(block.table)
            blocks = [b for b in document.blocks if b.table == block.table]
            style = [sum(getattr(b, name) for b in blocks) * 2 > len(blocks) for name in ("bold", "italic", "underline")]
            _table(word, _cells(document, document.tables[block.table]), pending_break, style)
            pending_break = False
            continue
        text = document.text[block.start : block.end]
        paragraph = word.add_paragraph(style="Heading 2" if heading_styles and block.kind == "heading" and block.bold else None)
        target_list = None
        if lists is not None:
            text, target_list = _numbered(text, lists)
        if target_list:
            _number(paragraph, *target_list)
        _runs(paragraph, text, block, pending_break)
        pending_break = False
    if pages:
        _page_footer(word, document)
    target.parent.mkdir(parents=True, exist_ok=True)
    word.save(str(target))
    return document


def _cells(document: Document, table) -> list[list[str]]:
    """A table's cells: an HTML table's as they are, a fixed-width one's as tandy.tables splits it
    (header row first, a wrapped cell's lines kept as lines), as a Word author would have typed it."""
    if table.rows:
        return table.rows
    rows: list[list[str]] = []
    for found in read_text_tables(document.text, table.start, table.end):
        rows.append(found.header)
        rows.extend(["\n".join(lines) for lines in record.cell_lines] for record in found.records)
    return rows


def _runs(paragraph, text: str, block, page_start: bool) -> None:
    if page_start:
        marker = paragraph.add_run()
        marker._r.append(OxmlElement("w:lastRenderedPageBreak"))
    lines = text.split("\n")
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold = block.bold or None
        run.italic = block.italic or None
        run.underline = block.underline or None
        if i < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)


def _table(word, rows: list[list[str]], page_start: bool, style: list[bool]) -> None:
    if not rows:
        return
    width = max(len(r) for r in rows)
    table = word.add_table(rows=len(rows), cols=width)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row + [""] * (width - len(row))):
            paragraph = table.cell(r, c).paragraphs[0]
            for i, line in enumerate(cell.split("\n")):
                run = paragraph.add_run(line)
                run.bold, run.italic, run.underline = (value or None for value in style)
                if i:
                    run._r.insert(0, OxmlElement("w:br"))
    if page_start:
        first = table.cell(0, 0).paragraphs[0]
        run = first.runs[0] if first.runs else first.add_run()
        run._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))


def _page_footer(word, document: Document) -> None:
    """A footer ``PAGE`` field, numbered from the source's first printed number."""
    section = word.sections[0]
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    first = next((p.number for p in document.pages if p.number), None)
    if first and first.isdigit():
        index = next(i for i, p in enumerate(document.pages) if p.number)
        numbering = OxmlElement("w:pgNumType")
        numbering.set(qn("w:start"), str(int(first) - index))
        section._sectPr.append(numbering)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def build_marked_docx(before: Path, after: Path, target: Path, *, extra: tuple[str, str] | None = None,
                      author: str = "Counsel", date: str = "2008-01-03T00:00:00Z") -> None:
    """A .docx of ``before`` whose tracked changes make it ``after``: what counsel send as the
    revised pages "marked to show changes". Both are built with :func:`build_docx`, paragraphs
    matched by their text, and each changed paragraph rewritten word by word as Word records an
    edit (``w:del`` with ``w:delText``, ``w:ins``); a paragraph only ``after`` has is inserted
    whole. ``extra`` (old words, new words) makes one more edit that the response does not claim.
    """
    from difflib import SequenceMatcher
    from tempfile import TemporaryDirectory

    from docx import Document as Open

    with TemporaryDirectory() as tmp:
        build_docx(before, Path(tmp) / "before.docx", pages=True)
        build_docx(after, Path(tmp) / "after.docx", pages=True)
        old, new = Open(str(Path(tmp) / "before.docx")), Open(str(Path(tmp) / "after.docx"))
    old_body, new_body = old.element.body, new.element.body
    a = [el for el in old_body if el.tag != f"{_W}sectPr"]
    b = [el for el in new_body if el.tag != f"{_W}sectPr"]
    ka, kb = [_words(el) for el in a], [_words(el) for el in b]
    if extra:
        old_words, new_words = extra
        at = next(i for i, k in enumerate(kb) if old_words in k)
        kb[at] = kb[at].replace(old_words, new_words, 1)
    counter = iter(range(1, 10_000))
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1 and all(a[i].tag == f"{_W}p" for i in range(i1, i2)):
            for i, j in zip(range(i1, i2), range(j1, j2)):
                _mark_words(a[i], ka[i], kb[j], counter, author, date)
        elif tag in ("insert", "replace"):
            anchor = a[i2 - 1] if i2 > 0 else None
            for j in range(j1, j2):
                if b[j].tag == f"{_W}p":
                    para = _inserted_paragraph(b[j], kb[j], counter, author, date)
                    (anchor.addnext(para) if anchor is not None else old_body.insert(0, para))
                    anchor = para
    old.save(str(target))


def _words(el) -> str:
    """An element's text, its line breaks as spaces (Word wraps the lines of a marked copy itself)."""
    return "".join(" " if node.tag == f"{_W}br" else node.text or "" for node in el.iter(f"{_W}t", f"{_W}br"))


def _revision(tag: str, counter, author: str, date: str):
    el = OxmlElement(f"w:{tag}")
    el.set(qn("w:id"), str(next(counter)))
    el.set(qn("w:author"), author)
    el.set(qn("w:date"), date)
    return el


def _run(text: str, rpr, deleted: bool = False):
    run = OxmlElement("w:r")
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    run.append(t)
    return run


def _mark_words(para, old: str, new: str, counter, author: str, date: str) -> None:
    """Rewrite a paragraph's runs as the word-level edit from ``old`` to ``new``."""
    from difflib import SequenceMatcher

    first = para.find(f"{_W}r/{_W}rPr")
    rpr = copy.deepcopy(first) if first is not None else None
    keep_break = para.find(f".//{_W}lastRenderedPageBreak") is not None
    for run in para.findall(f"{_W}r"):
        para.remove(run)
    if keep_break:
        marker = OxmlElement("w:r")
        marker.append(OxmlElement("w:lastRenderedPageBreak"))
        para.append(marker)
    wa, wb = re.findall(r"\S+\s*", old), re.findall(r"\S+\s*", new)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if tag == "equal":
            para.append(_run("".join(wa[i1:i2]), rpr))
            continue
        if i2 > i1:
            deletion = _revision("del", counter, author, date)
            deletion.append(_run("".join(wa[i1:i2]), rpr, deleted=True))
            para.append(deletion)
        if j2 > j1:
            insertion = _revision("ins", counter, author, date)
            insertion.append(_run("".join(wb[j1:j2]), rpr))
            para.append(insertion)


def _inserted_paragraph(source, text: str, counter, author: str, date: str):
    """A paragraph added whole: its runs and its paragraph mark recorded as inserted."""
    para = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    mark = OxmlElement("w:rPr")
    mark.append(_revision("ins", counter, author, date))
    ppr.append(mark)
    para.append(ppr)
    first = source.find(f"{_W}r/{_W}rPr")
    insertion = _revision("ins", counter, author, date)
    insertion.append(_run(text, copy.deepcopy(first) if first is not None else None))
    para.append(insertion)
    return para


def build_marked_html(before: Path, after: Path, target: Path, *, style: bool = False) -> None:
    """The same marked copy as EDGAR HTML: insertions underlined, deletions struck through
    (``<u>``/``<s>`` tags, or with ``style`` the ``text-decoration`` typesetters write), one page
    per page of ``after`` with its printed number at the foot."""
    from difflib import SequenceMatcher
    from html import escape

    old, new = parse(str(before)).main, parse(str(after)).main
    ins, dele = ('<span style="text-decoration: underline">', "</span>") if style else ("<u>", "</u>"), (
        ('<span style="text-decoration:line-through">', "</span>") if style else ("<s>", "</s>")
    )
    blocks = lambda doc: [b for b in doc.body_blocks()]  # noqa: E731
    ba, bb = blocks(old), blocks(new)
    ka = [" ".join(old.text[b.start : b.end].split()) for b in ba]
    kb = [" ".join(new.text[b.start : b.end].split()) for b in bb]
    html: list[str] = []
    page = new.page_at(bb[0].start) if bb else None
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        pairs = list(zip(range(i1, i2), range(j1, j2))) if tag == "replace" and i2 - i1 == j2 - j1 else []
        for j in range(j1, j2):
            here = new.page_at(bb[j].start)
            if page is not None and here is not page:
                html.append(f"<p>{escape(page.number or '')}</p><hr style=\"page-break-after: always\">")
                page = here
            if tag == "equal":
                html.append(f"<p>{escape(kb[j])}</p>")
            elif pairs:
                html.append("<p>" + _word_marks(ka[i1 + j - j1], kb[j], ins, dele) + "</p>")
            else:
                html.append(f"<p>{ins[0]}{escape(kb[j])}{ins[1]}</p>")
    if page is not None:
        html.append(f"<p>{escape(page.number or '')}</p>")
    target.write_text("<html><body>\n" + "\n".join(html) + "\n</body></html>\n", encoding="utf-8")


def _word_marks(old: str, new: str, ins: tuple[str, str], dele: tuple[str, str]) -> str:
    from difflib import SequenceMatcher
    from html import escape

    wa, wb = old.split(" "), new.split(" ")
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(escape(" ".join(wa[i1:i2])))
            continue
        if i2 > i1:
            out.append(dele[0] + escape(" ".join(wa[i1:i2])) + dele[1])
        if j2 > j1:
            out.append(ins[0] + escape(" ".join(wb[j1:j2])) + ins[1])
    return " ".join(out)
