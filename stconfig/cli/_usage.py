"""Usage errors as one line: `error: ... (see 'stconfig lint --help')`, exit code 2.

Click prints a usage error as four lines (Usage, Try, a blank line, Error), which in a
pre-commit or CI log buries the one line that matters. `OneLineUsage` is mixed into the
`stconfig` group: every usage error raised while parsing the group's or a command's
arguments, or inside a command (a bad option value, a missing argument, an unknown command
or option, a bad `target-version` in pyproject.toml), leaves it as one line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

import click
from click.exceptions import NoArgsIsHelpError

from stconfig.cli._parameters import UsageProblem


class OneLineUsageError(click.UsageError):
    """A usage error that prints itself as one line naming the help to read."""

    def __init__(self, message: str, command_path: str) -> None:
        super().__init__(message)
        self.command_path = command_path

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(self.line(), err=file is None, file=file)

    def line(self) -> str:
        text = " ".join(self.format_message().split())
        return f"error: {text} (see '{self.command_path} --help')"


@contextmanager
def _one_line(command_path: Callable[[], str]) -> Iterator[None]:
    """Turn a click usage error into a one-line one; `command_path` names the command when
    the error carries no context (one raised inside a command's own code)."""
    try:
        yield
    except (OneLineUsageError, NoArgsIsHelpError):
        raise  # already one line, or the help asked for by giving no arguments
    except UsageProblem as problem:
        raise OneLineUsageError(str(problem), command_path()) from None
    except click.UsageError as error:
        path = error.ctx.command_path if error.ctx is not None else command_path()
        raise OneLineUsageError(error.format_message(), path) from None


class OneLineUsage(click.Group):
    """A group whose usage errors, and those of its commands, print as one line."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        with _one_line(lambda: info_name or self.name or "stconfig"):
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        def running() -> str:
            name = ctx.invoked_subcommand
            return f"{ctx.command_path} {name}" if name else ctx.command_path

        with _one_line(running):
            return super().invoke(ctx)


__all__ = ["OneLineUsage", "OneLineUsageError"]
