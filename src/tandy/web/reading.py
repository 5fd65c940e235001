"""Reading what a request names, through the public API, with the results named as the person knows them.

Pages and the JSON API both come here, so a page shows exactly what ``/api/`` answers and what the
CLI prints: :func:`tandy.review`, :func:`tandy.read_letter`, :func:`tandy.read_proxy`,
:func:`tandy.rules.verify.verify` and :func:`~tandy.rules.verify.verify_against_staff` do the work.
"""

from __future__ import annotations

from dataclasses import dataclass

from tandy.errors import InputError
from tandy.letters.model import Letter
from tandy.proxy.model import Proxy
from tandy.rules.model import Review
from tandy.rules.verify import StaffCheck, Verification
from tandy.web.inputs import Chosen, named


@dataclass(slots=True)
class ReviewOptions:
    """``tandy review``'s options that a form may set: rule selection and what the file does not say."""

    select: str | None = None
    ignore: str | None = None
    form: str | None = None
    filed: str | None = None
    fund: bool | None = None


def _ids(value: str | None) -> list[str]:
    return [part.strip().upper() for part in (value or "").split(",") if part.strip()]


def review_document(doc: Chosen, options: ReviewOptions) -> Review:
    from tandy.rules import load_config, review

    config = load_config()
    config.select = _ids(options.select) or config.select
    config.ignore = [*config.ignore, *_ids(options.ignore)]
    try:
        result = review(str(doc.path), config=config, form=options.form or None, filed=options.filed or None, fund=options.fund)
    except InputError as exc:
        raise named(exc, [doc]) from None
    result.subject.path = doc.name
    for part in (result.subject.letter, result.subject.proxy):
        if part is not None:
            part.path = doc.name
    return result


def letter_document(doc: Chosen) -> Letter:
    from tandy.letters import read_letter

    try:
        letter = read_letter(str(doc.path))
    except InputError as exc:
        raise named(exc, [doc]) from None
    letter.path = doc.name
    return letter


def proxy_document(doc: Chosen) -> Proxy:
    from tandy.proxy import read_proxy

    try:
        proxy = read_proxy(str(doc.path))
    except InputError as exc:
        raise named(exc, [doc]) from None
    proxy.path = doc.name
    return proxy


def verification(response: Chosen, before: Chosen, after: Chosen) -> Verification:
    """Each claimed change of the response looked for between the two versions."""
    from tandy.rules.verify import verify

    try:
        result = verify(str(response.path), str(before.path), str(after.path))
    except InputError as exc:
        raise named(exc, [response, before, after]) from None
    result.response.path, result.before.path, result.after.path = response.name, before.name, after.name
    return result


def staff_check(response: Letter, staff: Letter) -> StaffCheck:
    """Which staff comments the response answers (both letters already read)."""
    from tandy.rules.verify import verify_against_staff

    return verify_against_staff(response, staff)
