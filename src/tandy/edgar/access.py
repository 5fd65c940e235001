"""EDGAR's fair-access rules, as settings: who is asking, how fast, how often again, and where.

EDGAR refuses clients that do not declare themselves (a User-Agent naming a person or company and
an email address) and blocks addresses that pass 10 requests a second. So tandy asks for the
declaration before it sends anything, and every request of a process draws from one limiter.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from tandy.errors import InputError

MAX_RATE = 10.0
"""EDGAR's published ceiling, requests a second for one user."""

DEFAULT_RATE = 8.0
"""Below the ceiling, so clocks that disagree by a little never push a second past it."""

WWW = "https://www.sec.gov"
DATA = "https://data.sec.gov"

USER_AGENT_HELP = (
    'EDGAR asks every client to declare itself: pass --user-agent "Your Name you@example.com", '
    "or set TANDY_USER_AGENT, or user_agent in [tool.tandy] of pyproject.toml"
)

_EMAIL = re.compile(r"[^\s@<>]+@[^\s@<>]+\.[A-Za-z]{2,}")


@dataclass(frozen=True, slots=True)
class AccessSettings:
    """How a fetch treats EDGAR.

    ``attempts``: tries of one request before its filing is reported failed. ``backoff_seconds``
    and ``backoff_max``: the exponential wait between tries when the answer gives no
    ``Retry-After``. ``retry_after_max``: a longer ``Retry-After`` (EDGAR's ten-minute block) is
    not waited out; the filing is reported failed and the run goes on. ``read_timeout``: a
    server silent this long mid-answer is treated as a dropped connection.
    """

    rate: float = DEFAULT_RATE
    attempts: int = 5
    backoff_seconds: float = 1.0
    backoff_max: float = 60.0
    retry_after_max: float = 120.0
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    threads: int = 4


@dataclass(frozen=True, slots=True)
class Hosts:
    """The two EDGAR hosts, or one base standing for both (``--edgar-url``, a mirror or a test server)."""

    www: str = WWW
    data: str = DATA

    @classmethod
    def at(cls, base: str | None) -> Hosts:
        """Both hosts replaced by ``base`` when given (or ``TANDY_EDGAR_URL``), EDGAR's otherwise."""
        base = base or os.environ.get("TANDY_EDGAR_URL")
        if not base:
            return cls()
        if not re.match(r"https?://[^/\s]+", base):
            raise InputError(base, "--edgar-url must be an http:// or https:// address")
        base = base.rstrip("/")
        return cls(www=base, data=base)


def user_agent(given: str | None = None, start: str | Path | None = None) -> str:
    """The declared User-Agent: ``given``, else ``TANDY_USER_AGENT``, else ``[tool.tandy] user_agent``.

    Raises :class:`InputError` when there is none, or it names no email address, before any
    request is made.
    """
    value = given or os.environ.get("TANDY_USER_AGENT") or _from_pyproject(start)
    where = "--user-agent" if given else "TANDY_USER_AGENT" if os.environ.get("TANDY_USER_AGENT") else "user_agent"
    if not value or not value.strip():
        raise InputError("user-agent", f"no User-Agent. {USER_AGENT_HELP}")
    value = " ".join(value.split())
    if not _EMAIL.search(value) or not _EMAIL.sub("", value).strip():
        raise InputError(where, f"User-Agent {value!r} needs a name and an email address. {USER_AGENT_HELP}")
    return value


def check_rate(rate: float) -> float:
    if not 0 < rate <= MAX_RATE:
        raise InputError("--rate", f"must be above 0 and at most {MAX_RATE:g} requests a second (EDGAR's limit), not {rate:g}")
    return rate


def _from_pyproject(start: str | Path | None) -> str | None:
    """``user_agent`` of the nearest pyproject.toml's ``[tool.tandy]``, from the working folder up."""
    folder = Path(start or Path.cwd()).resolve()
    for candidate in [folder, *folder.parents]:
        project = candidate / "pyproject.toml"
        if project.is_file():
            try:
                table = tomllib.loads(project.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise InputError(str(project), f"not valid TOML ({exc})") from None
            section = table.get("tool", {}).get("tandy")
            if section is not None:
                value = section.get("user_agent")
                return value if isinstance(value, str) else None
    return None
