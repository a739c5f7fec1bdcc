"""The job lifecycle over REST API v2: submit, restore, stop, status, jobs, logs.

Every command does what the engine really does (rest-api-v2.md §8), says so when the user's
recipe would not work, and keeps one exit-code contract: 0 success, 1 the server (or the job's
end state) said no, 2 bad usage, a bad job file, or a server that cannot be reached or used.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import click

from stconfig.cli._common import EXIT_FINDINGS, read_job, user_errors, var_option
from stconfig.client import (
    Client,
    ClientError,
    JobInfo,
    JobStatus,
    ServerRefused,
    Submission,
    SubmittedJob,
    UnknownJob,
    UsageError,
    WaitTimeout,
    prepare_submission,
    resolve_settings,
)
from stconfig.client.submission import check_job_id
from stconfig.model.job import Job
from stconfig.secrets import redact_known
from stconfig.variables import parse_assignments

F = TypeVar("F", bound=Callable[..., Any])

PreSubmitCheck = Callable[[Job, str], bool]
"""A check run on every job before anything is sent: it gets the job and its path, prints its
findings, and returns False to stop the submit (exit 1)."""


def _lint_before_submit(job: Job, path: str) -> bool:
    from stconfig.lint.presubmit import pre_submit_check

    return pre_submit_check(job, path)


PRE_SUBMIT_CHECK: PreSubmitCheck = _lint_before_submit
"""What `submit` and `restore` run on every job before sending any (the linter), unless
`--no-lint` is given."""

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "hocon"]),
    default="json",
    show_default=True,
    help="Request body format; hocon needs SeaTunnel 2.3.9 or later.",
)
"""`submit` and `restore` send the same body formats."""

no_lint_option = click.option(
    "--no-lint",
    is_flag=True,
    help="Send even when the linter finds errors (by default they stop the submit, exit 1).",
)


@dataclass(frozen=True, slots=True)
class Connection:
    """The connection options every command shares, resolved into a client on demand."""

    master: str | None
    user: str | None
    password: str | None
    insecure: bool
    ca_file: str | None
    timeout: float | None
    verbose: bool

    def client(self) -> Client:
        settings = resolve_settings(
            master=self.master,
            user=self.user,
            password=self.password,
            verify=False if self.insecure else (self.ca_file or True),
            timeout=self.timeout,
        )
        if settings.user is not None and settings.password is None and sys.stdin.isatty():
            prompt = f"password for {settings.user}"
            settings = replace(settings, password=click.prompt(prompt, hide_input=True))
        client = Client.from_settings(settings)
        if settings.user is not None:
            unused = client.unused_credentials()
            if unused is not None:
                _note(unused)
        return client


def connection_options(command: F) -> F:
    """--master, --user, --password, TLS, --timeout and --verbose, with their sources."""
    options = [
        click.option(
            "--master",
            metavar="URL",
            help="Engine REST v2 URL with any context path [env STCONFIG_MASTER, "
            "[tool.stconfig] master; default http://127.0.0.1:8080].",
        ),
        click.option("--user", help="Basic-auth user [env STCONFIG_USER, [tool.stconfig] user]."),
        click.option("--password", help="Basic-auth password [env STCONFIG_PASSWORD]."),
        click.option("--insecure", is_flag=True, help="Do not verify TLS certificates."),
        click.option(
            "--ca-file",
            type=click.Path(exists=True, dir_okay=False),
            help="Verify TLS with this CA bundle.",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0.1),
            help="Seconds to wait for each answer (default: 10, 120 for a submit).",
        ),
        click.option(
            "-v", "--verbose", is_flag=True, help="Show the server's whole error message."
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def output_option(command: F) -> F:
    return click.option(
        "--output",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help="json prints one JSON document for scripts.",
    )(command)


def wait_options(command: F) -> F:
    command = click.option(
        "--poll-interval",
        type=click.FloatRange(min=0.001),
        default=0.5,
        show_default=True,
        help="First pause between polls, in seconds; it grows up to 5 s.",
    )(command)
    return click.option(
        "--wait-timeout",
        type=click.FloatRange(min=0),
        default=300.0,
        show_default=True,
        help="Give up waiting after this many seconds (exit 1).",
    )(command)


def _connection(kwargs: dict[str, Any]) -> Connection:
    return Connection(
        master=kwargs.pop("master"),
        user=kwargs.pop("user"),
        password=kwargs.pop("password"),
        insecure=kwargs.pop("insecure"),
        ca_file=kwargs.pop("ca_file"),
        timeout=kwargs.pop("timeout"),
        verbose=kwargs.pop("verbose"),
    )


@contextmanager
def client_errors(verbose: bool) -> Iterator[None]:
    """One line per failure and the documented exit code, never a traceback."""
    with user_errors():
        try:
            yield
        except ServerRefused as error:
            click.echo(redact_known(f"error: {error}"), err=True)
            if verbose and error.message.strip() and "\n" in error.message:
                click.echo(redact_known(error.message), err=True)
            elif "\n" in error.message:
                click.echo("(the server sent a longer message: see it with --verbose)", err=True)
            sys.exit(error.exit_code)
        except ClientError as error:
            click.echo(redact_known(f"error: {error}"), err=True)
            sys.exit(error.exit_code)


def _note(text: str) -> None:
    click.echo(f"note: {text}", err=True)


def _emit_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


# submit and restore ------------------------------------------------------------------------


def _load_submissions(
    paths: Sequence[str],
    variables: tuple[str, ...],
    build: Callable[[Job], Submission],
    check: PreSubmitCheck | None,
) -> list[tuple[str, Submission]]:
    """Read and prepare every job before sending any, so one bad file sends nothing."""
    prepared = []
    for path in paths:
        if Path(path).suffix == ".py":
            from stconfig.dsl.runner import build_jobs

            built = build_jobs(path, parse_assignments(variables))
            jobs = [(path if len(built) == 1 else f"{path}#{stem}", job) for stem, job in built]
        else:
            jobs = [(path, read_job(path, variables))]
        for label, job in jobs:
            if check is not None and not check(job, label):
                sys.exit(EXIT_FINDINGS)
            prepared.append((label, build(job)))
    return prepared


def _until(submission: Submission) -> frozenset[JobStatus]:
    """A BATCH job is awaited to its end, a STREAMING job until it runs."""
    if submission.job_mode == "STREAMING":
        return frozenset({JobStatus.RUNNING})
    return frozenset({JobStatus.FINISHED})


def _wait_and_report(
    client: Client,
    job_id: str,
    until: frozenset[JobStatus],
    wait_timeout: float,
    poll_interval: float,
) -> bool:
    info = client.wait(job_id, until, timeout=wait_timeout, interval=poll_interval)
    reached = info.status in until
    line = f"job {job_id} is {info.status.value}"
    if info.error_msg:
        line += f": {_first_line(info.error_msg)}"
    click.echo(redact_known(line), err=True)
    return reached


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _submitted_json(path: str, result: SubmittedJob) -> dict[str, Any]:
    return {
        "path": path,
        "jobId": result.job_id,
        "jobName": result.job_name,
        "restored": result.restored,
        "notes": list(result.notes),
    }


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--job-id", help="Custom job id (a Java long); one PATH only.")
@click.option("--name", help="Job name (overrides env job.name); one PATH only.")
@format_option
@click.option(
    "--rate",
    type=click.FloatRange(min=0.01),
    default=10.0,
    show_default=True,
    help="Most submissions per second when several PATHs are given.",
)
@click.option("--wait", is_flag=True, help="Wait until STREAMING jobs run and BATCH jobs end.")
@no_lint_option
@wait_options
@var_option
@output_option
@connection_options
def submit(**kwargs: Any) -> None:
    """Submit job files (.conf, .hocon, .json; - reads HOCON from standard input).

    A Python DSL file (.py) sends every job it defines, built with the --var values.

    Every file is read and linted before anything is sent; one bad file, or a lint error
    (unless --no-lint), sends nothing. The job id is
    printed (with the file when there are several). The cookbook's restore recipe
    (env job.id / restore.mode / savepoint.path) is sent as a real restore through the query
    parameters, with a note, because the engine ignores those env keys and would start a
    fresh job.

    Exit codes: 0 submitted (and, with --wait, running or finished), 1 the server refused a
    job or a job failed, 2 usage, job file or connection problem.
    """
    connection = _connection(kwargs)
    paths: tuple[str, ...] = kwargs["paths"]
    with client_errors(connection.verbose):
        if len(paths) > 1 and (kwargs["job_id"] or kwargs["name"]):
            raise UsageError("--job-id and --name apply to one job file, not several")
        prepared = _load_submissions(
            paths,
            kwargs["variables"],
            lambda job: prepare_submission(
                job, job_id=kwargs["job_id"], name=kwargs["name"], fmt=kwargs["fmt"]
            ),
            None if kwargs["no_lint"] else PRE_SUBMIT_CHECK,
        )
        client = connection.client()
        results, refused, fatal = _send_all(client, prepared, kwargs["rate"])
        if kwargs["output"] == "json":
            documents = [_submitted_json(path, result) for path, result in results]
            _emit_json(documents[0] if len(paths) == 1 and documents else documents)
        else:
            for path, result in results:
                click.echo(result.job_id if len(paths) == 1 else f"{result.job_id}\t{path}")
        if fatal is not None:
            raise fatal
        ok = not refused
        if kwargs["wait"]:
            submissions = dict(prepared)
            for path, result in results:
                ok &= _wait_and_report(
                    client,
                    result.job_id,
                    _until(submissions[path]),
                    kwargs["wait_timeout"],
                    kwargs["poll_interval"],
                )
        if not ok:
            sys.exit(EXIT_FINDINGS)


def _send_all(
    client: Client, prepared: list[tuple[str, Submission]], rate: float
) -> tuple[list[tuple[str, SubmittedJob]], list[str], ClientError | None]:
    """Send in order, at most `rate` per second.

    A restore (the repaired cookbook recipe) gets the same checks as `stconfig restore`. A
    refusal of one job does not stop the others. Any other failure (the engine gone, a
    timeout) stops the run and is returned, so the ids already submitted are still printed.
    """
    results: list[tuple[str, SubmittedJob]] = []
    refused: list[str] = []
    started = time.monotonic()
    show_bar = len(prepared) > 1
    with click.progressbar(
        prepared, label="submitting", file=sys.stderr, hidden=not show_bar
    ) as bar:
        for index, (path, submission) in enumerate(bar):
            delay = started + index / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            for note in submission.notes:
                _note(f"{path}: {note}" if show_bar else note)
            try:
                if submission.start_with_savepoint:
                    assert submission.job_id is not None
                    _restore_precheck(client, submission.job_id)
                results.append((path, client.send(submission)))
            except (ServerRefused, _Refusal) as error:
                if not show_bar:
                    return results, refused, error
                click.echo(redact_known(f"\nerror: {path}: {error}"), err=True)
                refused.append(path)
            except ClientError as error:
                return results, refused, error
    return results, refused, None


def _restore_precheck(client: Client, job_id: str) -> None:
    """Refuse restores the engine would ignore or turn into a fresh start."""
    try:
        info = client.job_info(job_id)
    except UnknownJob:
        _note(
            f"job {job_id} is not in the engine's history (never run here, or expired); the "
            "engine resumes from any state it still stores for this id, and SeaTunnel 2.3.x "
            "starts from empty state when there is none"
        )
        return
    if not info.terminal:
        raise _Refusal(
            f"job {job_id} is {info.status.value}: stop it first with "
            f"`stconfig stop {job_id} --savepoint` (the engine ignores a restore of an active job)"
        )
    if info.status in (JobStatus.CANCELED, JobStatus.FINISHED):
        raise _Refusal(
            f"job {job_id} ended {info.status.value}: the engine deleted its checkpoints, so "
            "there is nothing to restore (SeaTunnel 2.3.x would silently start from empty "
            "state); submit it as a new job with `stconfig submit`"
        )
    origin = "its savepoint" if info.status is JobStatus.SAVEPOINT_DONE else "its last checkpoint"
    _note(f"job {job_id} ended {info.status.value}: restoring from {origin}")


class _Refusal(ClientError):
    """A lifecycle step refused before asking the server, because the job's state forbids it."""

    exit_code = EXIT_FINDINGS


@click.command()
@click.argument("job_id", metavar="JOBID")
@click.argument("path", metavar="PATH")
@click.option("--name", help="Job name (overrides env job.name).")
@format_option
@click.option("--wait", is_flag=True, help="Wait until the job runs again (BATCH: until it ends).")
@no_lint_option
@wait_options
@var_option
@output_option
@connection_options
def restore(**kwargs: Any) -> None:
    """Resume job JOBID from its savepoint or last checkpoint, with the job file PATH.

    Sends /submit-job?jobId=JOBID&isStartWithSavePoint=true, the only restore the engine
    knows: by job id, never by path. Refused when the job is still active (stop it with
    --savepoint first) or ended CANCELED or FINISHED (its checkpoints are deleted). The
    cookbook's env job.id / restore.mode / savepoint.path keys are removed from the body.

    Exit codes: 0 restored (and, with --wait, running), 1 refused by the server or because of
    the job's state, 2 usage, job file or connection problem.
    """
    connection = _connection(kwargs)
    with client_errors(connection.verbose):
        ((path, submission),) = _load_submissions(
            [kwargs["path"]],
            kwargs["variables"],
            lambda job: prepare_submission(
                job,
                job_id=kwargs["job_id"],
                name=kwargs["name"],
                start_with_savepoint=True,
                fmt=kwargs["fmt"],
            ),
            None if kwargs["no_lint"] else PRE_SUBMIT_CHECK,
        )
        client = connection.client()
        assert submission.job_id is not None
        _restore_precheck(client, submission.job_id)
        for note in submission.notes:
            _note(note)
        result = client.send(submission)
        if kwargs["output"] == "json":
            _emit_json(_submitted_json(path, result))
        else:
            click.echo(result.job_id)
        if kwargs["wait"] and not _wait_and_report(
            client,
            result.job_id,
            _until(submission),
            kwargs["wait_timeout"],
            kwargs["poll_interval"],
        ):
            sys.exit(EXIT_FINDINGS)


# stop ----------------------------------------------------------------------------------------


@click.command()
@click.argument("job_id", metavar="JOBID")
@click.option(
    "--savepoint",
    is_flag=True,
    help="Take a savepoint, then stop: the job ends SAVEPOINT_DONE and can be restored.",
)
@click.option(
    "--force",
    is_flag=True,
    help="End the job at once, even stuck in DOING_SAVEPOINT or CANCELING (SeaTunnel 3.0+).",
)
@click.option("--wait", is_flag=True, help="Wait until the job is SAVEPOINT_DONE or CANCELED.")
@wait_options
@output_option
@connection_options
def stop(**kwargs: Any) -> None:
    """Stop job JOBID, saying first what the stop will do to its state.

    Without --savepoint the engine CANCELS the job: it ends CANCELED and its checkpoints are
    deleted, so it cannot be restored. With --savepoint it ends SAVEPOINT_DONE and
    `stconfig restore JOBID PATH` resumes it. --force wins over --savepoint.

    Exit codes: 0 stop requested (with --wait: the job reached SAVEPOINT_DONE or CANCELED),
    1 unknown, already ended or not stoppable that way, 2 usage or connection problem.
    """
    connection = _connection(kwargs)
    savepoint: bool = kwargs["savepoint"]
    force: bool = kwargs["force"]
    with client_errors(connection.verbose):
        client = connection.client()
        info = client.job_info(kwargs["job_id"])
        job_id = info.job_id
        if info.terminal:
            raise _Refusal(f"job {job_id} has already ended {info.status.value}; nothing to stop")
        if force:
            client.require("force")
            if savepoint:
                _note("--force wins over --savepoint: no savepoint is taken")
            click.echo(
                f"warning: force-stopping job {job_id}: it ends CANCELED at once, and what "
                "state it leaves may be incomplete; do not count on restoring it",
                err=True,
            )
            wanted = JobStatus.CANCELED
        elif savepoint:
            if info.status is not JobStatus.RUNNING:
                raise _Refusal(
                    f"job {job_id} is {info.status.value}: a savepoint needs a RUNNING job "
                    "(the engine would accept the request and do nothing)"
                )
            click.echo(
                f"stopping job {job_id} with a savepoint: it ends SAVEPOINT_DONE and "
                f"`stconfig restore {job_id} PATH` resumes it",
                err=True,
            )
            wanted = JobStatus.SAVEPOINT_DONE
        else:
            click.echo(
                f"warning: stopping job {job_id} without --savepoint CANCELS it: it ends "
                "CANCELED and the engine deletes its checkpoints, so it cannot be restored",
                err=True,
            )
            wanted = JobStatus.CANCELED
        client.stop(job_id, savepoint=savepoint and not force, force=force)
        final: JobInfo | None = None
        if kwargs["wait"]:
            try:
                final = client.wait(
                    job_id,
                    {wanted},
                    timeout=kwargs["wait_timeout"],
                    interval=kwargs["poll_interval"],
                )
            except WaitTimeout as error:
                if error.last == JobStatus.DOING_SAVEPOINT.value:
                    _note(
                        "a savepoint that never completes leaves the job in DOING_SAVEPOINT "
                        f"(seen on 2.3.x); `stconfig stop {job_id} --force` ends it on 3.0+"
                    )
                raise
            click.echo(f"job {job_id} is {final.status.value}", err=True)
        if kwargs["output"] == "json":
            _emit_json(
                {
                    "jobId": job_id,
                    "requested": "force" if force else "savepoint" if savepoint else "cancel",
                    "status": None if final is None else final.status.value,
                }
            )
        else:
            click.echo(job_id)
        if final is not None and final.status is not wanted:
            sys.exit(EXIT_FINDINGS)


# status, jobs, logs --------------------------------------------------------------------------


def _time(value: Any) -> str:
    return "-" if value is None else str(value)


def _status_lines(info: JobInfo) -> list[str]:
    m = info.metrics
    lines = [
        f"job        {info.job_id}  {info.job_name}",
        f"state      {info.status.value}",
        f"created    {_time(info.create_time)}",
        f"started    {_time(info.start_time)}",
        f"finished   {_time(info.finish_time)}",
    ]
    if info.is_start_with_savepoint is not None:
        restored = "yes" if info.is_start_with_savepoint else "no"
        lines.append(f"restored   {restored}")
    lines.append(
        f"source     {m.source_received_count} rows, {m.source_received_bytes} bytes, "
        f"{m.source_received_qps:g} rows/s"
    )
    sink = (
        f"sink       {m.sink_write_count} rows, {m.sink_write_bytes} bytes, "
        f"{m.sink_write_qps:g} rows/s"
    )
    if m.sink_committed_count is not None:
        sink += f", {m.sink_committed_count} committed"
    lines.append(sink)
    for table, count in m.table_source_received_count.items():
        lines.append(f"  in  {table}: {count} rows")
    for table, count in m.table_sink_write_count.items():
        lines.append(f"  out {table}: {count} rows")
    if info.error_msg:
        lines.append(f"error      {_first_line(info.error_msg)}")
    return lines


def _info_json(info: JobInfo) -> dict[str, Any]:
    data: dict[str, Any] = info.model_dump(mode="json", exclude={"job_dag"})
    data["terminal"] = info.terminal
    return data


@click.command()
@click.argument("job_id", metavar="JOBID")
@output_option
@connection_options
def status(**kwargs: Any) -> None:
    """Show the state, times, and source and sink counts and rates of job JOBID.

    Exit codes: 0 shown, 1 unknown or expired job, 2 usage or connection problem.
    """
    connection = _connection(kwargs)
    with client_errors(connection.verbose):
        info = connection.client().job_info(kwargs["job_id"])
        if kwargs["output"] == "json":
            _emit_json(_info_json(info))
        else:
            click.echo("\n".join(_status_lines(info)))


@click.command()
@click.option("--running", is_flag=True, help="Jobs not yet ended (the default).")
@click.option(
    "--finished",
    is_flag=False,
    flag_value="ALL",
    default=None,
    metavar="[STATE]",
    help="Ended jobs still in history, optionally of one state "
    "(FINISHED, CANCELED, FAILED, SAVEPOINT_DONE, UNKNOWABLE).",
)
@click.option("--page", type=click.IntRange(min=1), help="Page number, from 1.")
@click.option("--rows", type=click.IntRange(min=1), help="Jobs per page (default 10).")
@output_option
@connection_options
def jobs(**kwargs: Any) -> None:
    """List running jobs, or finished ones with --finished.

    Servers without pagination get it done on this side, so --page and --rows work on every
    version.

    Exit codes: 0 listed, 1 refused by the server, 2 usage or connection problem.
    """
    connection = _connection(kwargs)
    with client_errors(connection.verbose):
        finished: str | None = kwargs["finished"]
        if kwargs["running"] and finished is not None:
            raise UsageError("choose --running or --finished, not both")
        client = connection.client()
        page, rows = kwargs["page"], kwargs["rows"]
        if finished is None:
            listing = client.running_jobs(page=page, rows=rows)
        else:
            state = None if finished == "ALL" else finished
            listing = client.finished_jobs(state, page=page, rows=rows)
        if kwargs["output"] == "json":
            _emit_json(
                {
                    "jobs": [_info_json(info) for info in listing.jobs],
                    "total": listing.total,
                    "page": listing.page,
                    "rows": listing.rows,
                }
            )
            return
        if not listing.jobs:
            click.echo("no jobs", err=True)
            return
        header = ("JOB ID", "STATE", "CREATED", "FINISHED", "NAME")
        table = [
            (i.job_id, i.status.value, _time(i.create_time), _time(i.finish_time), i.job_name)
            for i in listing.jobs
        ]
        widths = [max(len(str(row[c])) for row in [header, *table]) for c in range(4)]
        for row in [header, *table]:
            cells = [str(cell).ljust(width) for cell, width in zip(row, widths, strict=False)]
            click.echo("  ".join([*cells, str(row[4])]))
        if listing.page is not None:
            click.echo(
                f"page {listing.page}, {len(listing.jobs)} of {listing.total} jobs", err=True
            )


@click.command()
@click.argument("job_id", metavar="JOBID")
@click.option("--file", "name", metavar="NAME", help="Print this log file (from the listing).")
@output_option
@connection_options
def logs(**kwargs: Any) -> None:
    """List the log files of job JOBID on every node, or print one with --file.

    The engine writes per-job files (job-<id>.log) only when log4j2 routes job logs to
    their own files, and serves whole files: there is no tail or line limit.

    Exit codes: 0 listed or printed, 1 refused by the server (no such file), 2 usage or
    connection problem.
    """
    connection = _connection(kwargs)
    with client_errors(connection.verbose):
        client = connection.client()
        name: str | None = kwargs["name"]
        job_id = check_job_id(kwargs["job_id"])
        if name is None:
            files = client.log_files(job_id)
            if kwargs["output"] == "json":
                _emit_json([entry.model_dump(mode="json", by_alias=True) for entry in files])
            elif not files:
                _note(
                    f"no log file names job {job_id}; per-job files need log4j2's routing "
                    "appender on the engine"
                )
            for entry in files if kwargs["output"] == "text" else []:
                click.echo(f"{entry.log_name}\t{entry.node}")
            return
        if str(job_id) not in name:
            raise UsageError(
                f"{name!r} is not a log file of job {job_id}; list them with "
                f"`stconfig logs {job_id}`"
            )
        text = client.log(name)
        if kwargs["output"] == "json":
            _emit_json({"jobId": str(job_id), "file": name, "content": text})
        else:
            click.echo(text, nl=False)


__all__ = [
    "PRE_SUBMIT_CHECK",
    "PreSubmitCheck",
    "jobs",
    "logs",
    "restore",
    "status",
    "stop",
    "submit",
]
