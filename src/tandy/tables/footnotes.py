"""Footnotes printed under a table ("*  Ms. Forget is an 'interested person' ..."), by marker.

A marker in a cell ("Forget*", "Complex+", "Moritz(2)") means nothing without its note, so the
reader collects the notes that follow a table and keys them by their marker.
"""

from __future__ import annotations

import re

from tandy.tables.settings import TableSettings

FOOTNOTE = re.compile(r"^[ \t]*(\*{1,3}|\+{1,2}|#|\^|\u2020|\u2021|\(\d{1,2}\)|\([a-z]\)|\d{1,2}(?=[ \t]{2,}))[ \t]+(\S.*)$")


def footnotes_below(text: str, end: int, settings: TableSettings) -> dict[str, str]:
    """Notes in the paragraphs right below ``end``, each keyed by its marker."""
    notes: dict[str, str] = {}
    marker, blanks, pos = None, 0, end
    while pos < len(text) and len(notes) < settings.max_footnotes:
        nl = text.find("\n", pos + 1)
        nl = len(text) if nl == -1 else nl
        line = text[pos:nl].strip("\n")
        pos = nl
        if not line.strip() or line.strip().upper() in {"</TABLE>", "<FN>", "</FN>"} or set(line.strip()) <= {"-", " ", "_"}:
            blanks += 1
            if blanks > settings.max_footnote_gap:
                break
            continue
        m = FOOTNOTE.match(line)
        if m:
            marker = m.group(1)
            notes[marker] = m.group(2).strip()
        elif marker and (blanks == 0 or line.startswith(" ")):
            notes[marker] += " " + line.strip()
        else:
            break
        blanks = 0
    return notes
