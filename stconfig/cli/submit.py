"""`stconfig submit`: send job files, at a bounded rate, each linted for the server's version."""

from __future__ import annotations

import sys
import time
from typing import Any

import click

from stconfig.cli import submitting
from stconfig.cli._common import EXIT_FINDINGS
from stconfig.cli.lifecycle import Refusal, client_errors, connection_from, emit_json, note
from stconfig.cli.submitting import sending_options, submitted_json
from stconfig.client import (
    Client,
    ClientError,
    JobAlreadyRunning,
    ServerRefused,
    Submission,
    SubmittedJob,
    UsageError,
    prepare_submission,
)
from stconfig.secrets import redact_known


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--job-id", help="Custom job id (a Java long); one PATH only.")
@click.option("--name", help="Job name (overrides env job.name); one PATH only.")
@click.option(
    "--rate",
    type=click.FloatRange(min=0.01),
    default=10.0,
    show_default=True,
    help="Most submissions per second when several PATHs are given.",
)
@sending_options(wait_help="Wait until STREAMING jobs run and BATCH jobs end.")
def submit(**kwargs: Any) -> None:
    """Submit job files (.conf, .config, .hocon, .json; - reads standard input).

    A Python DSL file (.py) sends every job it defines, built with the --var values.

    Every file is read, then linted for the server's SeaTunnel version, before anything is
    sent; one bad file, or a lint error (unless --no-lint), sends nothing. The job id is
    printed (with the file when there are several). A --job-id that names an active job is
    refused (the engine would ignore the new config and keep the old one running). The
    cookbook's restore recipe (env job.id / restore.mode / savepoint.path) is sent as a real
    restore through the query parameters, with a note, because the engine ignores those env
    keys and would start a fresh job.

    Exit codes: 0 submitted (and, with --wait, running or finished), 1 the server refused a
    job, the job id is in use by an active job, a lint error, or (--wait) a job failed or
    did not get there in time, 2 usage, job file or connection problem.
    """
    connection = connection_from(kwargs)
    paths: tuple[str, ...] = kwargs["paths"]
    with client_errors(connection.verbose):
        if len(paths) > 1 and (kwargs["job_id"] or kwargs["name"]):
            raise UsageError("--job-id and --name apply to one job file, not several")
        jobs = submitting.read_jobs(paths, kwargs["variables"])
        client = connection.client()
        prepared = submitting.prepare_all(
            client,
            jobs,
            lambda job: prepare_submission(
                job, job_id=kwargs["job_id"], name=kwargs["name"], fmt=kwargs["fmt"]
            ),
            lint=not kwargs["no_lint"],
            target_flag=kwargs["target_version"],
        )
        results, refused, fatal = _send_all(client, prepared, kwargs["rate"])
        if kwargs["output"] == "json":
            documents = [submitted_json(path, result) for path, result in results]
            emit_json(documents[0] if len(paths) == 1 and documents else documents)
        else:
            for path, result in results:
                click.echo(result.job_id if len(paths) == 1 else f"{result.job_id}\t{path}")
        if fatal is not None:
            raise fatal
        ok = not refused
        if kwargs["wait"]:
            submissions = dict(prepared)
            for path, result in results:
                ok &= submitting.wait_and_report(
                    client,
                    result.job_id,
                    submitting.until(submissions[path]),
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
            try:
                adapted = client.adapt(submission)
                for text in adapted.notes:
                    note(f"{path}: {text}" if show_bar else text)
                if adapted.start_with_savepoint:
                    assert adapted.job_id is not None
                    submitting.restore_precheck(client, adapted.job_id)
                results.append((path, client.send(adapted)))
            except (ServerRefused, Refusal, JobAlreadyRunning) as error:
                if not show_bar:
                    return results, refused, error
                click.echo(redact_known(f"\nerror: {path}: {error}"), err=True)
                refused.append(path)
            except ClientError as error:
                return results, refused, error
    return results, refused, None


__all__ = ["submit"]
