"""`stconfig diff`: what changed between two jobs as SeaTunnel reads them, not as text."""

from __future__ import annotations

import sys
from typing import Literal

import click

from stconfig.cli._clicked import var_option
from stconfig.cli._common import EXIT_FINDINGS, fail, read_job, user_errors
from stconfig.cli._target import resolve_target, target_option
from stconfig.model.job import Job


@click.command("diff")
@click.argument("paths", metavar="OLD NEW", nargs=-1, required=True)
@click.option(
    "--output-format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="text for people, json for tools, markdown for a pull-request comment.",
)
@click.option(
    "--textconv",
    is_flag=True,
    help="Print one job file (given alone) as sorted JSON with secrets masked, for git's "
    "diff.<driver>.textconv (a file that does not read as a job is printed as it is).",
)
@var_option
@target_option
def diff_(
    paths: tuple[str, ...],
    output_format: Literal["text", "json", "markdown"],
    textconv: bool,
    variables: tuple[str, ...],
    target_version: str | None,
) -> None:
    """Compare two jobs (any mix of HOCON, JSON and one-job Python DSL files) as SeaTunnel
    reads them: env changes; plugins added, removed, moved or renamed (matched by name and
    table wiring, not list position); option changes per plugin (secrets masked); wiring
    changes. Every change shows where it is in both files. Only layout, quoting, key order
    or comments changed: "same job". '-' reads one side from standard input (HOCON);
    /dev/null is an empty job.

    Table names are read as the version chosen by --target-version or [tool.stconfig]
    target-version reads them: up to 2.3.8 only `result_table_name` / `source_table_name`
    (a `plugin_output` there compares as an option); from 2.3.9 `plugin_output` /
    `plugin_input`, else the old keys. With no version chosen, either spelling names a table.

    Exit codes: 0 same job, 1 different, 2 bad input (printed as path:line:col: message).
    """
    from stconfig.jobdiff import diff
    from stconfig.jobdiff.render import RENDERERS
    from stconfig.secrets import redact_known

    expected = 1 if textconv else 2
    if len(paths) != expected:
        what = "one file with --textconv" if textconv else "two files, OLD and NEW"
        fail(f"expected {what}, got {len(paths)}")
    if paths.count("-") > 1:
        fail("only one side can be '-' (standard input)")
    if textconv:
        if target_version is not None:
            fail("--target-version does not apply to --textconv (it prints the whole job)")
        _textconv(paths[0], variables)
        return
    try:
        target = resolve_target(target_version)
    except click.UsageError as error:
        fail(error.message)
    chosen = None if target.source == "default" else target.version
    with user_errors():
        jobs = [_read(path, variables) for path in paths]
        result = diff(jobs[0], jobs[1], target_version=chosen)
        # Inside the block: the secret values remembered while reading are still known.
        click.echo(redact_known(RENDERERS[output_format](result)), nl=False)
    sys.exit(EXIT_FINDINGS if result.changes else 0)


def _textconv(path: str, variables: tuple[str, ...]) -> None:
    """The canonical text of one job; a file that is not a readable job passes through as it
    is (with a warning), so `git diff` and `git log -p` keep working on a broken revision."""
    from stconfig.errors import StconfigError
    from stconfig.jobdiff.render import canonical_text
    from stconfig.secrets import command_scope, mask_text, redact_known

    with command_scope():
        try:
            text = redact_known(canonical_text(_read(path, variables)))
        except (StconfigError, OSError) as error:
            if path == "-":
                with user_errors():
                    raise
            message = redact_known(f"stconfig diff --textconv: {error}; showing the file as it is")
            click.echo(message, err=True)
            with user_errors(), open(path, encoding="utf-8", errors="replace") as handle:
                text = mask_text(handle.read())
        click.echo(text, nl=False)


def _read(path: str, variables: tuple[str, ...]) -> Job:
    """A job as every command reads it (its secret values remembered for masking);
    /dev/null, which git passes for an added or deleted file, is an empty job."""
    import os

    from stconfig.model.values import ObjectNode

    if path == os.devnull:
        return Job(ObjectNode())
    return read_job(path, variables)


__all__ = ["diff_"]
