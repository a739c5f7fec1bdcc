"""`stconfig import`: a HOCON or JSON job file turned into Python DSL code."""

from __future__ import annotations

import sys
from typing import Literal

from stconfig._files import write_atomic
from stconfig.cli._common import stdin_syntax, user_errors, warn
from stconfig.cli._parameters import VAR_OPTION, Arguments, Command, Option, PathCheck
from stconfig.cli._target import TARGET_OPTION, resolve_target
from stconfig.variables import parse_assignments

PARAMETERS = Command(
    Arguments("path", metavar="PATH|-", single=True),
    (
        Option(
            ("--from",),
            "syntax",
            help="Input syntax. Default: `.json` is JSON, anything else HOCON; standard input "
            "is JSON when it is a JSON object, else HOCON.",
            choices=("hocon", "json"),
        ),
        Option(
            ("-o", "--output"),
            "output",
            help="Write the Python file here (atomically) instead of standard output.",
            path=PathCheck(dir_okay=False, writable=True),
        ),
        VAR_OPTION,
        TARGET_OPTION,
    ),
)
"""Declared as data so a plain `stconfig import` runs without importing click (stconfig.cli;
837M -> 798M instructions for one job)."""


def import_(
    path: str,
    syntax: Literal["hocon", "json"] | None,
    output: str | None,
    variables: tuple[str, ...],
    target_version: str | None,
) -> None:
    """Write a job file as Python DSL code that `stconfig build` turns back into the same job.

    Every ${name} the file does not define, quoted or not, stays a reference: Var("name"),
    or Secret("name") when the name looks like a secret. Values from --var or the
    environment are never written into the code (give them when the job is built, e.g.
    `stconfig convert job.py --var NAME=VALUE`, or run); --var names are only checked.
    The code is run and compared with the original before it is written, so the round trip
    is exact.
    Table keys are written as the target version spells them (result_table_name up to
    2.3.9-SNAPSHOT, plugin_output from 2.3.9; target: --target-version, else
    [tool.stconfig], else 2.3.8). A chosen target is written into the code as
    Job(..., target_version=...).

    Exit codes: 0 written, 2 bad input.
    """
    from stconfig.dsl.importer import import_job, read_keeping_placeholders
    from stconfig.reader import read_source, read_stdin, syntax_for

    with user_errors():
        given = parse_assignments(variables)
        if path == "-":
            text, name = read_stdin("-"), "standard input"
        else:
            text, name = read_source(path).text, path
        fmt = syntax or (stdin_syntax(text) if path == "-" else syntax_for(path))
        job = read_keeping_placeholders(text, path=path, fmt=fmt, variables=given)
        if given:
            warn(
                "--var values are not written into the code; each ${name} stays a "
                "reference (Var or Secret), filled when the job is built or run"
            )
        chosen = resolve_target(target_version)
        code = import_job(
            job,
            origin=name,
            target_version=chosen.version,
            write_target=chosen.source != "default",
        )
        if output is None:
            sys.stdout.write(code)
        else:
            write_atomic(output, code)


__all__ = ["PARAMETERS", "import_"]
