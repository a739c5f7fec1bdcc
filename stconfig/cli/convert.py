"""`stconfig convert`: a job file to the REST v2 job.json body or to SeaTunnel HOCON."""

from __future__ import annotations

from typing import Literal

import click

from stconfig._files import write_atomic
from stconfig.cli._common import read_job, user_errors, var_option
from stconfig.cli._target import resolve_target, target_option


@click.command()
@click.argument("path", metavar="PATH|-")
@click.option(
    "--to",
    "target",
    type=click.Choice(["json", "hocon"]),
    default="json",
    show_default=True,
    help="Output format: job.json (REST v2 /submit-job body) or HOCON (seatunnel.sh --config).",
)
@click.option(
    "--from",
    "syntax",
    type=click.Choice(["hocon", "json"]),
    default=None,
    help="Input syntax. Default: as SeaTunnel decides, `.json` is JSON and anything else "
    "(and standard input) HOCON.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write here (atomically) instead of standard output.",
)
@var_option
@target_option
def convert(
    path: str,
    target: Literal["json", "hocon"],
    syntax: Literal["hocon", "json"] | None,
    output: str | None,
    variables: tuple[str, ...],
    target_version: str | None,
) -> None:
    """Convert a SeaTunnel job file exactly as SeaTunnel 2.3.8 reads it.

    Variables resolve as SeaTunnel resolves them: an unquoted ${name} from the file, then
    the environment, then --var; quoted "${name}" and "${name:default}" from --var only.
    A Python DSL file (.py) that defines one job is run and that job is written, with the
    table keys of its own target_version=, else --target-version, else [tool.stconfig], else
    2.3.8 (HOCON output starts with a comment naming it). A job file keeps the keys it has
    whatever the target: `stconfig lint --fix --target-version` rewrites them.

    Exit codes: 0 converted, 2 bad input (printed as path:line:col: message).
    """
    with user_errors():
        header = ""
        if path.endswith(".py") and syntax is None:
            from stconfig.dsl.runner import build_one_for
            from stconfig.variables import parse_assignments

            chosen = resolve_target(target_version)
            strict = chosen.source == "--target-version"
            job, version = build_one_for(
                path, parse_assignments(variables), chosen.version, strict=strict
            )
            header = f"# Built by stconfig for SeaTunnel {version}.\n"
        else:
            job = read_job(path, variables, syntax)
        text = job.to_json() if target == "json" else header + job.to_hocon()
        if output is None:
            click.echo(text, nl=False)
        else:
            write_atomic(output, text)


__all__ = ["convert"]
