"""Parameters declared as data, so the commands a pre-commit hook runs start without click.

`lint` and `convert` run once per file in pre-commit hooks and CI steps, and importing click
(with the `inspect`, `uuid` and `datetime` it brings) cost about 70 million instructions of
a cold `stconfig lint`'s 420 (bench/cold.py). Their parameters are declared here, once:
`stconfig.cli.group` builds the click command from them (help, usage errors, everything
click does), and `parse` reads the plain command lines without click. `parse` accepts only
what click would read the same way (known options, their values, paths that pass click's
checks) and returns None for anything else (help, an unknown or malformed option, a value
click would refuse), which then goes to click; tests/cli/test_fast_path.py checks with
hypothesis that it agrees with click on every command line it accepts.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from stconfig._records import record


class UsageProblem(Exception):
    """A usage error found while a command runs (a bad `target-version` in pyproject.toml):
    printed as one line naming the command's help, exit code 2, with or without click."""

    def line(self, command_path: str) -> str:
        return f"error: {' '.join(str(self).split())} (see '{command_path} --help')"


@record(frozen=True)
class PathCheck:
    """click.Path's checks of a path that exists (it passes a path that does not)."""

    dir_okay: bool = True
    as_path: bool = False
    """The value is a `pathlib.Path` (click's `path_type=Path`), else the string given."""
    writable: bool = False
    """An existing path must be writable too (click's `writable=True`)."""

    def accepts(self, value: str) -> bool:
        try:
            mode = os.stat(value).st_mode
        except (OSError, ValueError):
            return True
        if not self.dir_okay and stat.S_ISDIR(mode):
            return False
        return os.access(value, os.W_OK if self.writable else os.R_OK)


@record(frozen=True)
class Option:
    """One option: `flags` are its spellings (`--to`, `-o`), `name` the parameter it fills."""

    flags: tuple[str, ...]
    name: str
    help: str
    metavar: str | None = None
    choices: tuple[str, ...] | None = None
    default: str | None = None
    show_default: bool = False
    multiple: bool = False
    is_flag: bool = False
    path: PathCheck | None = None


@record(frozen=True)
class Arguments:
    """The positional arguments: one or more (`nargs=-1`, required), or exactly one."""

    name: str
    metavar: str | None = None
    path: PathCheck | None = None
    single: bool = False
    """Exactly one (click's `nargs=1`): the parameter is that string, not a tuple."""


@record(frozen=True)
class Command:
    """A command's parameters, in the order `--help` lists them."""

    arguments: Arguments
    options: tuple[Option, ...]

    def parse(self, argv: list[str]) -> dict[str, Any] | None:
        """The parameters click would pass for `argv`, or None to let click read it.

        `UsageProblem` for a mistake the fast path can word as click does (extra arguments)."""
        by_flag = {flag: option for option in self.options for flag in option.flags}
        given: dict[str, Any] = {}
        positional: list[str] = []
        tokens = iter(argv)
        for token in tokens:
            if token == "--":
                positional.extend(tokens)
                break
            if len(token) < 2 or not token.startswith("-"):
                positional.append(token)
                continue
            flag, equals, attached = token.partition("=")
            option = by_flag.get(flag)
            if option is None or (equals and (option.is_flag or not flag.startswith("--"))):
                return None  # help, unknown, or a spelling click reads its own way: click
            if option.is_flag:
                given[option.name] = True
                continue
            value = attached if equals else next(tokens, None)
            if value is None or not _accepts(option, value):
                return None
            if option.multiple:
                given.setdefault(option.name, []).append(value)
            else:
                given[option.name] = value
        if not positional or (
            self.arguments.path is not None
            and not all(map(self.arguments.path.accepts, positional))
        ):
            return None
        extra = positional[1:] if self.arguments.single else []
        if extra:  # click's check, after every value was accepted, in its words
            plural = "s" if len(extra) > 1 else ""
            raise UsageProblem(f"Got unexpected extra argument{plural} ({' '.join(extra)})")
        return self._complete(given, tuple(positional))

    def _complete(self, given: dict[str, Any], positional: tuple[str, ...]) -> dict[str, Any]:
        """Every parameter, with click's defaults and value types."""
        arguments = self.arguments
        params: dict[str, Any] = {arguments.name: positional[0] if arguments.single else positional}
        for option in self.options:
            value = given.get(option.name)
            if option.multiple:
                params[option.name] = tuple(value or ())
            elif option.is_flag:
                params[option.name] = bool(value)
            elif value is None:
                params[option.name] = option.default
            elif option.path is not None and option.path.as_path:
                params[option.name] = Path(value)
            else:
                params[option.name] = value
        return params


VAR_OPTION = Option(
    ("--var",),
    "variables",
    help="A job variable, as SeaTunnel's `-i KEY=VALUE` (repeatable).",
    metavar="KEY=VALUE",
    multiple=True,
)
"""`--var`, as the commands that read job files spell it."""


def _accepts(option: Option, value: str) -> bool:
    if option.choices is not None and value not in option.choices:
        return False
    return option.path is None or option.path.accepts(value)


__all__ = ["VAR_OPTION", "Arguments", "Command", "Option", "PathCheck", "UsageProblem"]
