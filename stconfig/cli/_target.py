"""`--target-version` and `target-version` in `[tool.stconfig]`: how every command picks the
SeaTunnel version it reads and writes jobs for.

The flag wins, then the nearest pyproject.toml's `[tool.stconfig] target-version`, then
`stconfig.versions.DEFAULT_TARGET`. Every command offers the same choices (the versions of
`stconfig.versions`), so no command accepts a version another refuses.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from stconfig._records import record
from stconfig.cli._parameters import Option, UsageProblem
from stconfig.versions import DEFAULT_TARGET, VERSION_CHOICES, known

F = TypeVar("F", bound=Callable[..., object])

TARGET_HELP = (
    "SeaTunnel version the job runs on: 2.3.0 to 2.3.12, or 2.3.9-SNAPSHOT / 15431c9 "
    f"(default: target-version in [tool.stconfig], else {DEFAULT_TARGET})."
)


TARGET_OPTION = Option(
    ("--target-version",),
    "target_version",
    help=TARGET_HELP,
    metavar="VERSION",
    choices=VERSION_CHOICES,
)
"""The `--target-version` option, with the same choices on every command."""


def target_option(function: F) -> F:
    """`TARGET_OPTION` for a command declared with click's decorators."""
    from stconfig.cli._clicked import option_decorator

    return option_decorator(TARGET_OPTION)(function)


def hidden_seatunnel_option(function: F) -> F:
    """`--seatunnel VERSION`, the old name of `--target-version` on plugins and schema."""
    import click

    option = click.option(
        "--seatunnel",
        "seatunnel_version",
        type=click.Choice(VERSION_CHOICES),
        default=None,
        hidden=True,
    )
    return option(function)


@record(frozen=True)
class Target:
    """The version a command works for, and where that choice came from."""

    version: str
    source: str
    """`--target-version`, the pyproject.toml path, or `default`."""

    @property
    def label(self) -> str:
        """`SeaTunnel 2.3.8 (default)`: what outputs print about the version they used."""
        return f"SeaTunnel {self.version} ({self.source_label})"

    @property
    def source_label(self) -> str:
        return "target-version in " + self.source if self.source.endswith(".toml") else self.source


def resolve_target(flag: str | None, start: Path | None = None) -> Target:
    """The flag, else `[tool.stconfig] target-version` of the nearest pyproject.toml, else the
    default. A bad value in pyproject.toml is a usage error (exit 2) naming the file."""
    if flag is not None:
        return Target(known(flag), "--target-version")
    from stconfig._pyproject import find_stconfig_table

    found = find_stconfig_table(start or Path.cwd())
    if found is not None:
        path, table = found
        value = table.get("target-version") if isinstance(table, dict) else None
        if value is not None:
            if not isinstance(value, str):
                message = 'target-version must be a string such as "2.3.8"'
            else:
                try:
                    return Target(known(value), str(path))
                except ValueError as error:
                    message = f"target-version: {error}"
            raise UsageProblem(f"{path}: [tool.stconfig] {message}")
    return Target(DEFAULT_TARGET, "default")


__all__ = [
    "TARGET_HELP",
    "TARGET_OPTION",
    "Target",
    "hidden_seatunnel_option",
    "resolve_target",
    "target_option",
]
