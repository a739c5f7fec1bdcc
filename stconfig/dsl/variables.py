"""Job variables and secrets as values, so a template job never holds the real value.

SeaTunnel fills a quoted `"${name}"` or `"${name:default}"` from `-i name=value` when it loads
the file (seatunnel-job-files.md §2.3); both are written quoted, the only form in which a
default is legal. A secret is a variable without a default, named after the environment
variable that holds it, so no password is ever written into a job file.
"""

from __future__ import annotations

import re

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


class Var(str):
    """`Var("table")` is `"${table}"`; `Var("table", "users")` is `"${table:users}"`.

    It is a string (the placeholder itself), so it fits any string option of a typed plugin.
    """

    name: str
    default: str | int | float | bool | None

    def __new__(cls, name: str, default: str | int | float | bool | None = None) -> Var:
        _check_name(name)
        if default is None:
            text = "${" + name + "}"
        else:
            shown = ("true" if default else "false") if isinstance(default, bool) else str(default)
            if "}" in shown:
                raise VariableError(f"the default of variable {name!r} cannot contain '}}'")
            text = "${" + name + ":" + shown + "}"
        self = super().__new__(cls, text)
        self.name = name
        self.default = default
        return self

    @property
    def placeholder(self) -> str:
        """The placeholder as a plain string."""
        return str.__str__(self)

    def __repr__(self) -> str:
        if self.default is None:
            return f"Var({self.name!r})"
        return f"Var({self.name!r}, {self.default!r})"


class Secret(str):
    """A value kept out of the file: `Secret("MYSQL_PASSWORD")` is `"${MYSQL_PASSWORD}"`.

    Give the value when the job runs, as SeaTunnel's `-i MYSQL_PASSWORD=...`; it is never
    written into a job file.
    """

    env_var: str

    def __new__(cls, env_var: str) -> Secret:
        _check_name(env_var)
        self = super().__new__(cls, "${" + env_var + "}")
        self.env_var = env_var
        return self

    @property
    def placeholder(self) -> str:
        return str.__str__(self)

    def __repr__(self) -> str:
        return f"Secret({self.env_var!r})"


__all__ = ["Secret", "Var"]
