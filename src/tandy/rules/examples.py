"""A rule's docstring in four parts, and its two examples as documents the tests can review.

The docstring is the rule's documentation (``tandy rules ID`` prints it) and its test: the
failing example must produce a finding of the rule, the passing example must not. An example is
an indented block; it may start with ``key: value`` lines (form, filed, fund, suffix) and a
``---`` line, which set what the document's EDGAR header would otherwise say.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from dataclasses import dataclass, field

SECTIONS = ("What it checks", "Why staff ask", "Failing example", "Passing example")


@dataclass(slots=True)
class Example:
    text: str
    settings: dict[str, str] = field(default_factory=dict)


def sections(rule_class: type) -> dict[str, str]:
    """The docstring's parts by their headings (a heading is a line ending in ``:``)."""
    doc = inspect.cleandoc(rule_class.__doc__ or "")
    parts, current = {"summary": []}, "summary"
    for line in doc.splitlines():
        heading = line.rstrip(":").strip()
        if line.endswith(":") and heading in SECTIONS:
            current = heading
            parts[current] = []
        else:
            parts[current].append(line)
    return {k: "\n".join(v).strip("\n") for k, v in parts.items()}


def example(rule_class: type, which: str) -> Example:
    """The failing or passing example of a rule, dedented, with its settings split off."""
    body = textwrap.dedent(sections(rule_class)[which]).strip("\n")
    settings = {}
    if "\n---\n" in body:
        head, body = body.split("\n---\n", 1)
        for line in head.splitlines():
            key, _, value = line.partition(":")
            settings[key.strip()] = value.strip()
    return Example(re.sub(r"\n{3,}", "\n\n", body) + "\n", settings)
