"""Click pieces: commands built from parameters declared as data (stconfig.cli._parameters),
decorators for shared options, and options with hidden old spellings."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import click

from stconfig.cli._parameters import VAR_OPTION, Command, Option, PathCheck

F = TypeVar("F", bound=Callable[..., object])


def _path_type(check: PathCheck) -> click.Path:
    return click.Path(
        dir_okay=check.dir_okay, writable=check.writable, path_type=Path if check.as_path else str
    )


def _settings(option: Option) -> dict[str, Any]:
    """click.Option's keyword arguments; only those set, so click's own defaults stay."""
    settings: dict[str, Any] = {"help": option.help}
    if option.choices is not None:
        settings["type"] = click.Choice(option.choices)
    elif option.path is not None:
        settings["type"] = _path_type(option.path)
    if option.default is not None:
        settings["default"] = option.default
        settings["show_default"] = option.show_default
    if option.metavar is not None:
        settings["metavar"] = option.metavar
    if option.multiple:
        settings["multiple"] = True
    if option.is_flag:
        settings["is_flag"] = True
    return settings


def option_decorator(option: Option) -> Callable[[F], F]:
    """`option` as a click decorator, for commands declared with click's decorators."""
    add: Callable[[F], F] = click.option(*option.flags, option.name, **_settings(option))
    return add


var_option = option_decorator(VAR_OPTION)


@cache
def click_command(name: str, function: Callable[..., Any], parameters: Command) -> click.Command:
    """The click command for `function`, its help taken from the function's docstring."""
    arguments = parameters.arguments
    argument = click.Argument(
        [arguments.name],
        nargs=1 if arguments.single else -1,
        required=True,
        metavar=arguments.metavar,
        type=_path_type(arguments.path) if arguments.path is not None else None,
    )
    options = [click.Option([*o.flags, o.name], **_settings(o)) for o in parameters.options]
    return click.Command(
        name, callback=function, params=[argument, *options], help=function.__doc__
    )


class AliasedOption(click.Option):
    """An option whose old spellings (`hidden_aliases`) still work but are left out of --help:
    one name per idea across commands, without breaking scripts that use the old one."""

    def __init__(self, *args: Any, hidden_aliases: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hidden_aliases = hidden_aliases

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        every = self.opts
        self.opts = [name for name in every if name not in self.hidden_aliases]
        try:
            return super().get_help_record(ctx)
        finally:
            self.opts = every


__all__ = ["AliasedOption", "click_command", "option_decorator", "var_option"]
