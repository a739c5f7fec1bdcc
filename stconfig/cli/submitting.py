"""What `submit` and `restore` share: reading job files, linting them for the server's version,
the restore checks, waiting, and the JSON they print.

Every job is read before the server is asked anything (a bad file sends nothing and needs no
server); then the server's version picks the lint target, and every job is linted before any
is sent.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from stconfig.cli._clicked import var_option
from stconfig.cli._common import EXIT_FINDINGS, read_job
from stconfig.cli.lifecycle import (
    Refusal,
    connection_options,
    first_line,
    note,
    output_option,
    wait_options,
)
from stconfig.client import (
    Client,
    JobStatus,
    Submission,
    SubmittedJob,
    UnknownJob,
    UsageError,
)
from stconfig.lint.versions import KNOWN_VERSIONS
from stconfig.model.job import Job
from stconfig.secrets import redact_known
from stconfig.variables import parse_assignments

if TYPE_CHECKING:
    from stconfig.lint.presubmit import LintTarget

PreSubmitCheck = Callable[[Job, str, "LintTarget"], bool]
"""A check run on every job before anything is sent: it gets the job, its path and the
SeaTunnel version to check for (from the server), prints its findings, and returns False to
stop the submit (exit 1)."""


def _lint_before_submit(job: Job, path: str, target: LintTarget) -> bool:
    from stconfig.lint.presubmit import pre_submit_check

    return pre_submit_check(job, path, target_version=target.version, about=target.note)


PRE_SUBMIT_CHECK: PreSubmitCheck = _lint_before_submit
"""What `submit` and `restore` run on every job before sending any (the linter), unless
`--no-lint` is given."""

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "hocon"]),
    default="json",
    show_default=True,
    help="Request body format; servers older than 2.3.9 get JSON instead, with a note.",
)
"""`submit` and `restore` send the same body formats."""

no_lint_option = click.option(
    "--no-lint",
    is_flag=True,
    help="Send even when the linter finds errors (by default they stop the submit, exit 1).",
)

target_version_option = click.option(
    "--target-version",
    type=click.Choice(KNOWN_VERSIONS),
    default=None,
    help="SeaTunnel version to lint for [[tool.stconfig] target-version]; the server's own "
    "version wins, with a warning when they differ.",
)

F = TypeVar("F", bound=Callable[..., Any])


def sending_options(wait_help: str) -> Callable[[F], F]:
    """The options `submit` and `restore` share, in their --help order: body format,
    `--wait` (`wait_help` says what the command waits for), lint, version, polling, `--var`,
    output and connection."""
    shared = [
        format_option,
        click.option("--wait", is_flag=True, help=wait_help),
        no_lint_option,
        target_version_option,
        wait_options,
        var_option,
        output_option,
        connection_options,
    ]

    def decorate(command: F) -> F:
        for option in reversed(shared):
            command = option(command)
        return command

    return decorate


def read_jobs(paths: Sequence[str], variables: tuple[str, ...]) -> list[tuple[str, Job]]:
    """Every job of every path, read before anything is sent; a DSL file may define several."""
    jobs: list[tuple[str, Job]] = []
    for path in paths:
        if Path(path).suffix == ".py":
            from stconfig.dsl.runner import build_jobs

            built = build_jobs(path, parse_assignments(variables))
            jobs += [(path if len(built) == 1 else f"{path}#{stem}", job) for stem, job in built]
        else:
            jobs.append((path, read_job(path, variables)))
    return jobs


def _configured_target(flag: str | None) -> tuple[str | None, str]:
    """`--target-version`, else `target-version` from `[tool.stconfig]`, and where it came from."""
    if flag is not None:
        return flag, "--target-version"
    from stconfig.lint.config import find_pyproject, load_config

    found = find_pyproject(Path.cwd())
    if found is None:
        return None, "--target-version"
    value = load_config(found).target_version
    source = f"{found}: [tool.stconfig] target-version"
    if value is not None and value not in KNOWN_VERSIONS:
        raise UsageError(f"{source} {value!r} is not one of {', '.join(KNOWN_VERSIONS)}")
    return value, source


def prepare_all(
    client: Client,
    jobs: list[tuple[str, Job]],
    build: Callable[[Job], Submission],
    *,
    lint: bool,
    target_flag: str | None,
) -> list[tuple[str, Submission]]:
    """Lint every job for the server's version, then build its request; a lint error in any
    job stops everything (exit 1, "nothing submitted") before anything is sent."""
    from stconfig.lint.presubmit import choose_target, table_key_warning

    server_version = client.project_version()
    for label, job in jobs:
        warning = table_key_warning(job, server_version)
        if warning is not None:
            click.echo(f"warning: {label}: {warning}", err=True)
    if lint:
        configured, source = _configured_target(target_flag)
        target = choose_target(server_version, configured, source)
        if target.warning is not None:
            click.echo(f"warning: {target.warning}", err=True)
        # Every job is linted, so one run shows every finding, not only the first bad file's.
        failed = [label for label, job in jobs if not PRE_SUBMIT_CHECK(job, label, target)]
        if failed:
            which = failed[0] if len(jobs) == 1 else f"{len(failed)} of {len(jobs)} jobs"
            click.echo(
                f"error: nothing submitted: lint errors in {which} "
                "(fix them, or send anyway with --no-lint)",
                err=True,
            )
            sys.exit(EXIT_FINDINGS)
    return [(label, build(job)) for label, job in jobs]


def until(submission: Submission) -> frozenset[JobStatus]:
    """A BATCH job is awaited to its end, a STREAMING job until it runs."""
    if submission.job_mode == "STREAMING":
        return frozenset({JobStatus.RUNNING})
    return frozenset({JobStatus.FINISHED})


def wait_and_report(
    client: Client,
    job_id: str,
    wanted: frozenset[JobStatus],
    wait_timeout: float,
    poll_interval: float,
) -> bool:
    info = client.wait(job_id, wanted, timeout=wait_timeout, interval=poll_interval)
    reached = info.status in wanted
    line = f"job {job_id} is {info.status.value}"
    if info.error_msg:
        line += f": {first_line(info.error_msg)}"
    click.echo(redact_known(line), err=True)
    return reached


def submitted_json(path: str, result: SubmittedJob) -> dict[str, Any]:
    return {
        "path": path,
        "jobId": result.job_id,
        "jobName": result.job_name,
        "restored": result.restored,
        "notes": list(result.notes),
    }


def restore_precheck(client: Client, job_id: str) -> None:
    """Refuse restores the engine would ignore or turn into a fresh start."""
    try:
        info = client.job_info(job_id)
    except UnknownJob:
        note(
            f"job {job_id} is not in the engine's history (never run here, or expired); the "
            "engine resumes from any state it still stores for this id, and SeaTunnel 2.3.x "
            "starts from empty state when there is none"
        )
        return
    if not info.terminal:
        raise Refusal(
            f"job {job_id} is {info.status.value}: stop it first with "
            f"`stconfig stop {job_id} --savepoint` (the engine ignores a restore of an active job)"
        )
    if info.status in (JobStatus.CANCELED, JobStatus.FINISHED):
        raise Refusal(
            f"job {job_id} ended {info.status.value}: the engine deleted its checkpoints, so "
            "there is nothing to restore (SeaTunnel 2.3.x would silently start from empty "
            "state); submit it as a new job with `stconfig submit`"
        )
    origin = "its savepoint" if info.status is JobStatus.SAVEPOINT_DONE else "its last checkpoint"
    note(f"job {job_id} ended {info.status.value}: restoring from {origin}")


__all__ = [
    "PRE_SUBMIT_CHECK",
    "PreSubmitCheck",
    "format_option",
    "no_lint_option",
    "prepare_all",
    "read_jobs",
    "restore_precheck",
    "sending_options",
    "submitted_json",
    "target_version_option",
    "until",
    "wait_and_report",
]
