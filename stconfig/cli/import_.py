"""`stconfig import`: a HOCON or JSON job file turned into Python DSL code."""

from __future__ import annotations

from typing import Literal

import click

from stconfig._files import write_atomic
from stconfig.cli._common import stdin_syntax, user_errors


@click.command("import")
@click.argument("path", metavar="PATH|-")
@click.option(
    "--from",
    "syntax",
    type=click.Choice(["hocon", "json"]),
    default=None,
    help="Input syntax. Default: `.json` is JSON, anything else HOCON; standard input is JSON "
    "when it is a JSON object, else HOCON.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the Python file here (atomically) instead of standard output.",
)
@click.option("--var", "variables", multiple=True, hidden=True)
def import_(
    path: str,
    syntax: Literal["hocon", "json"] | None,
    output: str | None,
    variables: tuple[str, ...],
) -> None:
    """Write a job file as Python DSL code that `stconfig build` turns back into the same job.

    Every ${name} that is not a path of the file itself, quoted or not, becomes Var("name"):
    the code never holds a variable's value (give the values when the job is built or
    submitted). The code is run and compared with the original before it is written, so the
    round trip is exact.

    Exit codes: 0 written, 2 bad input.
    """
    from stconfig.dsl.importer import import_job, read_keeping_placeholders
    from stconfig.reader import read_source, read_stdin, syntax_for

    with user_errors():
        if variables:
            click.echo(
                "warning: --var is not used by import: every ${name} stays a Var(name), so "
                "the code holds no value; give the values to `stconfig submit --var`",
                err=True,
            )
        if path == "-":
            text, name = read_stdin("-"), "standard input"
        else:
            text, name = read_source(path).text, path
        fmt = syntax or (stdin_syntax(text) if path == "-" else syntax_for(path))
        job = read_keeping_placeholders(text, path=path, fmt=fmt)
        code = import_job(job, origin=name)
        if output is None:
            click.echo(code, nl=False)
        else:
            write_atomic(output, code)


__all__ = ["import_"]
