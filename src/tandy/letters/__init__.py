"""Stage 3 for correspondence: staff comment letters, responses and closing letters as :class:`Letter`."""

from tandy.letters.model import Acknowledgments, Citation, Commitment, Item, Letter, SubjectFiling
from tandy.letters.reader import letter_from_submission, read_letter

__all__ = [
    "Acknowledgments",
    "Citation",
    "Commitment",
    "Item",
    "Letter",
    "SubjectFiling",
    "letter_from_submission",
    "read_letter",
]
