"""What the table reader saw, drawn over the text: column rulers and record marks.

Like pdfplumber's ``debug_tablefinder``: each line of the region with a gutter saying what the
reader took it for (H header, = rule, > record start, G group heading, + trailing line), under a
ruler that marks where each column begins (``|``) and, beneath it, each column's header.
"""

from __future__ import annotations

from tandy.tables.model import TextTable

_MARK = {"header": "H", "rule": "=", "group": "G", "blank": " ", "trailing": "+", "body": " "}


def debug_view(table: TextTable) -> str:
    """The region as text, with the detected columns and record starts marked."""
    width = max([len(l.text) for l in table.lines] + [c.left + 1 for c in table.columns])
    ruler = [" "] * width
    for i, col in enumerate(table.columns):
        ruler[col.left] = "|"
        label = str(i)
        for k, ch in enumerate(label):
            if col.left + 1 + k < width and ruler[col.left + 1 + k] == " ":
                ruler[col.left + 1 + k] = ch
    out = ["    " + "".join(ruler)]
    for line in table.lines:
        mark = ">" if line.record_start else _MARK[line.role]
        out.append(f" {mark}  {line.text}")
    out.append("")
    for i, col in enumerate(table.columns):
        out.append(f"column {i} at {col.left}: {col.header or '(no header)'}")
    out.append(f"{len(table.records)} records")
    for marker, note in table.footnotes.items():
        out.append(f"footnote {marker}: {note[:100]}")
    return "\n".join(out)
