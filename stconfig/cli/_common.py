"""Pieces every command shares: reading jobs, `--var`, and turning errors into exit code 2."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

import click

from stconfig.errors import ParseError, StconfigError
from stconfig.model.job import Job
from stconfig.reader import load, loads, read_stdin
from stconfig.secrets import (
    command_scope,
    job_secrets,
    mark_job,
    redact_known,
    remember,
    variable_secrets,
)
from stconfig.variables import parse_assignments

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

var_option = click.option(
    "--var",
    "variables",
    multiple=True,
    metavar="KEY=VALUE",
    help="A job variable, as SeaTunnel's `-i KEY=VALUE` (repeatable).",
)


@contextmanager
def user_errors() -> Iterator[None]:
    """Print stconfig's own errors as one line (plus the source and a caret) and exit 2.

    Secret values met while the block ran (stconfig.secrets) are scrubbed from the message.
    """
    with command_scope():
        try:
            yield
        except ParseError as error:
            click.echo(error.render(), err=True)
            sys.exit(EXIT_USAGE)
        except StconfigError as error:
            click.echo(redact_known(f"error: {error}"), err=True)
            sys.exit(EXIT_USAGE)
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            click.echo(redact_known(f"error: {where}{error.strerror or error}"), err=True)
            sys.exit(EXIT_USAGE)


def read_job(
    path: str,
    variables: tuple[str, ...],
    syntax: Literal["hocon", "json"] | None = None,
) -> Job:
    """A job from a path, or from standard input for `-` (HOCON unless `syntax` says JSON).

    A Python DSL file (`.py`) is run and the one job it defines is built.
    """
    given = parse_assignments(variables)
    remember(variable_secrets(given, {}))
    job = _read(path, given, syntax)
    values = job_secrets(job, given)
    remember(values)
    mark_job(job, values)
    return job


def _read(path: str, given: dict[str, str], syntax: Literal["hocon", "json"] | None) -> Job:
    if path.endswith(".py") and syntax is None:
        from stconfig.dsl.runner import build_one

        return build_one(path, given)
    if path == "-":
        text = read_stdin("-")
        return loads(text, fmt=syntax or "hocon", path="-", variables=given)
    if syntax is not None:
        from stconfig.reader import read_source

        source = read_source(path)
        return loads(source.text, fmt=syntax, path=path, variables=given)
    return load(path, variables=given)


__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "read_job", "user_errors", "var_option"]
