"""Stage 1: open what a user points at and say what it is (see :func:`open_source`)."""

from tandy.source.model import Filer, Filing, Part, Source
from tandy.source.reader import expand_paths, has_text, open_source

__all__ = ["Filer", "Filing", "Part", "Source", "expand_paths", "has_text", "open_source"]
