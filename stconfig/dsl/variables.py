"""Job variables and secrets as values, so a template job never holds the real value.

SeaTunnel fills a quoted `"${name}"` or `"${name:default}"` from `-i name=value` when it loads
the file (seatunnel-job-files.md §2.3); both are written quoted, the only form in which a
default is legal. A secret is a variable without a default, named after the environment
variable that holds it, so no password is ever written into a job file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stconfig.errors import VariableError
from stconfig.variables import RESERVED_PLACEHOLDERS

_NAME = re.compile(r"[^:{}\s$]+")


def _check_name(name: str) -> None:
    if not _NAME.fullmatch(name):
        raise VariableError(f"{name!r} is not a usable variable name (no ':', '{{', '}}', '$')")
    if name in RESERVED_PLACEHOLDERS:
        raise VariableError(
            f"{name!r} is a sink placeholder that SeaTunnel fills per table; "
            "write the string '${" + name + "}' instead of a variable"
        )


@dataclass(frozen=True, slots=True)
class Var:
    """`Var("table")` writes `"${table}"`; `Var("table", "users")` writes `"${table:users}"`."""

    name: str
    default: str | int | float | bool | None = None

    def __post_init__(self) -> None:
        _check_name(self.name)
        if self.default is not None and "}" in str(self.default):
            raise VariableError(f"the default of variable {self.name!r} cannot contain '}}'")

    @property
    def placeholder(self) -> str:
        if self.default is None:
            return "${" + self.name + "}"
        default = self.default
        text = ("true" if default else "false") if isinstance(default, bool) else str(default)
        return "${" + self.name + ":" + text + "}"

    def __str__(self) -> str:
        return self.placeholder


@dataclass(frozen=True, slots=True)
class Secret:
    """A value kept out of the file: `"${MYSQL_PASSWORD}"`, given at submit time.

    Pass it as SeaTunnel's `-i MYSQL_PASSWORD=...` (`stconfig submit --var`), never in the file.
    """

    env_var: str

    def __post_init__(self) -> None:
        _check_name(self.env_var)

    @property
    def placeholder(self) -> str:
        return "${" + self.env_var + "}"

    def __str__(self) -> str:
        return self.placeholder

    def __repr__(self) -> str:
        return f"Secret({self.env_var!r})"


__all__ = ["Secret", "Var"]
