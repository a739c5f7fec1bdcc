"""The `stconfig` click group: commands are imported only when used (stconfig.cli)."""

from __future__ import annotations

from typing import Any

import click

from stconfig import __version__
from stconfig.cli._clicked import click_command
from stconfig.cli._commands import COMMANDS, command_target
from stconfig.cli._usage import OneLineUsage


class LazyGroup(OneLineUsage):
    """A group that imports a command's module only when that command runs (and prints
    usage errors as one line: stconfig.cli._usage)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, target = command_target(cmd_name)
        parameters = getattr(module, "PARAMETERS", None)
        if parameters is None:
            command: click.Command = target
            return command
        return click_command(cmd_name, target, parameters)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="stconfig")
def main(**_: Any) -> None:
    """Read, convert, lint and submit Apache SeaTunnel job files.

    Exit codes: 0 success, 1 findings or a refusal by the server, 2 bad input or usage.
    """


__all__ = ["main"]
