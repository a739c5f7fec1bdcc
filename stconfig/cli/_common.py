"""Pieces every command shares: reading jobs, `--var`, and turning errors into exit code 2."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Literal, NoReturn

from stconfig.errors import ParseError, StconfigError
from stconfig.secrets import (
    command_scope,
    job_secrets,
    mark_job,
    redact_known,
    remember,
    variable_secrets,
)
from stconfig.variables import parse_assignments

if TYPE_CHECKING:
    from stconfig.model.job import Job

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def echo(line: str) -> None:
    """One line on standard output, at once (as click.echo would write it)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def echo_error(line: str) -> None:
    """One line on standard error, at once (as click.echo(err=True) would write it)."""
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def error_text(error: StconfigError) -> str:
    """An error as every command prints it: `path:line:col: ...` with the source line and a
    caret when it has a position, else `error: ...`."""
    return error.render() if isinstance(error, ParseError) else redact_known(f"error: {error}")


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """How every command reports a problem: `error: message` on standard error, then exit."""
    echo_error(redact_known(f"error: {message}"))
    sys.exit(code)


def warn(message: str) -> None:
    """How every command reports something it went on despite: `warning: message`."""
    echo_error(f"warning: {message}")


@contextmanager
def user_errors() -> Iterator[None]:
    """Print stconfig's own errors as one line (plus the source and a caret) and exit 2.

    Secret values met while the block ran (stconfig.secrets) are scrubbed from the message.
    """
    with command_scope():
        try:
            yield
        except StconfigError as error:
            echo_error(error_text(error))
            sys.exit(EXIT_USAGE)
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            fail(f"{where}{error.strerror or error}")


def stdin_syntax(text: str) -> Literal["hocon", "json"]:
    """The syntax of a job piped in: JSON when the text is a JSON object, else HOCON.

    Standard input has no file extension for SeaTunnel's rule, and a JSON job read as HOCON
    turns every plugin into a list of its values; a note says which was chosen.
    """
    if text.lstrip().startswith("{"):
        try:
            document = json.loads(text)
        except ValueError:
            return "hocon"
        if isinstance(document, dict):
            echo_error(
                "note: standard input is a JSON document: read as JSON (--from hocon reads "
                "it as HOCON)"
            )
            return "json"
    return "hocon"


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
    # Here, not at the top: `build` and `import` reach this module without reading HOCON.
    from stconfig.reader import load, loads, read_source, read_stdin

    if path.endswith(".py") and syntax is None:
        from stconfig.dsl.runner import build_one

        return build_one(path, given)
    if path == "-":
        text = read_stdin("-")
        return loads(text, fmt=syntax or stdin_syntax(text), path="-", variables=given)
    if syntax is not None:
        source = read_source(path)
        return loads(source.text, fmt=syntax, path=path, variables=given)
    return load(path, variables=given)


__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "echo",
    "echo_error",
    "fail",
    "read_job",
    "stdin_syntax",
    "user_errors",
    "warn",
]
