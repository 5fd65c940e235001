"""The three "Tandy" statements, each found on its own, however the letter words and wraps them.

From 2004 to October 2016 staff asked every reviewed company to acknowledge that (1) it is
responsible for the adequacy and accuracy of its disclosure, (2) staff comments do not foreclose
Commission action, and (3) it may not assert staff comments as a defense. The same three elements
appear as the company's acknowledgment, as the staff's request, and as the staff's reminder in a
pre-2016 closing letter; all three count. The post-2016 reminder ("the company and its management
are responsible for the accuracy and adequacy of their disclosures, notwithstanding ...") carries
only the first element, and an acceleration request's "awareness of its responsibilities" none,
so neither makes a letter Tandy.
"""

from __future__ import annotations

import re

from tandy.letters.model import Acknowledgments

_GAP = r"[\W_]+"  # spaces, line breaks, bullets and punctuation between two words

ADEQUACY = re.compile(
    rf"responsib\w*{_GAP}for{_GAP}the{_GAP}(?:adequacy{_GAP}and{_GAP}accuracy|accuracy{_GAP}and{_GAP}adequacy)"
    rf"{_GAP}of{_GAP}(?:the{_GAP}|its{_GAP}|their{_GAP})?disclosures?",
    re.IGNORECASE,
)
NO_FORECLOSURE = re.compile(
    rf"\bnot{_GAP}foreclose{_GAP}the{_GAP}Commission{_GAP}from{_GAP}taking{_GAP}(?:any{_GAP})?action",
    re.IGNORECASE,
)
NO_DEFENSE = re.compile(
    rf"\bnot{_GAP}assert{_GAP}(?:the{_GAP})?staff(?:'s|s')?{_GAP}comments?\b[^.;]{{0,80}}?{_GAP}as{_GAP}a{_GAP}defen[cs]e",
    re.IGNORECASE,
)


def find_acknowledgments(text: str) -> Acknowledgments:
    """Which of the three Tandy elements the text states (in any voice: company, staff request,
    staff reminder)."""
    return Acknowledgments(
        adequacy=bool(ADEQUACY.search(text)),
        no_foreclosure=bool(NO_FORECLOSURE.search(text)),
        no_defense=bool(NO_DEFENSE.search(text)),
    )
