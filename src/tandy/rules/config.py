"""Which rules run and how loud they are: ``[tool.tandy]`` in pyproject.toml, or ``tandy.toml``.

As ruff does: ``select`` and ``ignore`` take rule IDs or their prefixes ("TDY1" is the whole
consistency family), ``severity`` overrides a rule's default, ``fail-on`` sets the exit-code
threshold. The nearest file from the working folder upwards wins.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tandy.errors import InputError
from tandy.rules.model import SEVERITIES, Severity


@dataclass(slots=True)
class Config:
    select: list[str] = field(default_factory=lambda: ["TDY"])
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: Severity = "error"
    path: str | None = None

    def enabled(self, rule_id: str) -> bool:
        """Selected by the longest matching prefix, unless a longer ignore prefix matches."""
        selected = max((len(p) for p in self.select if rule_id.startswith(p)), default=-1)
        ignored = max((len(p) for p in self.ignore if rule_id.startswith(p)), default=-1)
        return selected > ignored

    def severity_of(self, rule_id: str, default: Severity) -> Severity:
        return self.severity.get(rule_id, default)


def load_config(start: str | Path | None = None) -> Config:
    """The configuration in force for the working folder (defaults when there is none)."""
    folder = Path(start or Path.cwd()).resolve()
    for candidate in [folder, *folder.parents]:
        own = candidate / "tandy.toml"
        if own.is_file():
            table = _read(own)
            if set(table) == {"tool"}:  # the README's [tool.tandy] block pasted as it is
                table = table["tool"].get("tandy", {})
            return config_from(table, own)
        project = candidate / "pyproject.toml"
        if project.is_file():
            section = _read(project).get("tool", {}).get("tandy")
            if section is not None:
                return config_from(section, project)
    return Config()


def config_from(table: dict, path: Path | None = None) -> Config:
    """A :class:`Config` from a TOML table, refusing unknown keys and severities by name."""
    where = str(path) if path else "configuration"
    known = {"select", "ignore", "severity", "fail-on", "user_agent"}  # user_agent: tandy fetch's
    unknown = set(table) - known
    if unknown:
        raise InputError(where, f"unknown [tool.tandy] setting(s): {', '.join(sorted(unknown))}")
    severity = dict(table.get("severity", {}))
    for value in [*severity.values(), table.get("fail-on", "error")]:
        if value not in SEVERITIES:
            raise InputError(where, f"severity must be one of {', '.join(SEVERITIES)}, not {value!r}")
    return Config(
        select=list(table.get("select", ["TDY"])),
        ignore=list(table.get("ignore", [])),
        severity=severity,
        fail_on=table.get("fail-on", "error"),
        path=str(path) if path else None,
    )


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"not valid TOML ({exc})") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
