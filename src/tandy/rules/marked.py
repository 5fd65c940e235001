"""``verify --marked``: the claims of a response checked against a marked copy's own marks.

A marked copy (Word tracked changes, or EDGAR HTML with insertions underlined and deletions
struck) says itself what changed, so no diff of two files is needed and none of its guesses: each
mark is one :class:`~tandy.rules.changes.Change`, with exactly the words taken out and put in,
and the claims are matched to them by :func:`tandy.rules.verify.match_claims`, as for a diff.
"""

from __future__ import annotations

from pathlib import Path

from tandy.document import Document
from tandy.document.marked import read_marked
from tandy.document.model import Revision
from tandy.errors import InputError
from tandy.letters import Letter, read_letter
from tandy.rules.changes import CONTEXT_WORDS, Change
from tandy.rules.verify import Verification, Version, match_claims

_KINDS = {"inserted": "added", "deleted": "removed", "replaced": "changed"}


def verify_marked(response: str | Path | Letter, marked: str | Path) -> Verification:
    """Check each change the response claims against the changes marked in ``marked``."""
    letter = response if isinstance(response, Letter) else read_letter(str(response))
    if letter.kind != "response":
        raise InputError(letter.path, f"not a response letter (it reads as {letter.kind.replace('_', ' ')}); give the CORRESP that answers the staff")
    submission = read_marked(str(marked))
    after = submission.main
    changes = [change_of(revision, after) for revision in after.revisions]
    items, unclaimed = match_claims(letter, changes)
    sha = submission.source.sha256
    return Verification(letter, Version(str(marked), sha, after.before), Version(str(marked), sha, after), items, unclaimed)


def change_of(revision: Revision, after: Document) -> Change:
    """A mark as a change record: quoted with a few unchanged words either side, as a diff's are."""
    before = after.before
    return Change(
        _KINDS[revision.kind],
        _quote(before.text, revision.before_location.start, revision.before_location.end) if revision.before.strip() else None,
        _quote(after.text, revision.location.start, revision.location.end) if revision.after.strip() else None,
        revision.location,
        revision.before_location,
        removed=" ".join(revision.before.split()),
        added=" ".join(revision.after.split()),
    )


def _quote(text: str, start: int, end: int) -> str:
    """The span with :data:`CONTEXT_WORDS` words of its paragraph either side; "..." where it goes on."""
    para_start = text.rfind("\n\n", 0, start) + 1 if start else 0
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end == -1 else para_end
    left = text[para_start:start].split()
    right = text[end:para_end].split()
    shown = left[-CONTEXT_WORDS:] + text[start:end].split() + right[:CONTEXT_WORDS]
    return ("..." if len(left) > CONTEXT_WORDS else "") + " ".join(shown) + ("..." if len(right) > CONTEXT_WORDS else "")
