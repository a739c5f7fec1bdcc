"""`stconfig restore`: resume a job by its id, the only restore the engine knows."""

from __future__ import annotations

import sys
from typing import Any

import click

from stconfig.cli import submitting
from stconfig.cli._common import EXIT_FINDINGS
from stconfig.cli.lifecycle import client_errors, connection_from, emit_json, note
from stconfig.cli.submitting import sending_options, submitted_json
from stconfig.client import UsageError, prepare_submission


@click.command()
@click.argument("job_id", metavar="JOBID")
@click.argument("path", metavar="PATH")
@click.option("--name", help="Job name (overrides env job.name).")
@sending_options(wait_help="Wait until the job runs again (BATCH: until it ends).")
def restore(**kwargs: Any) -> None:
    """Resume job JOBID from its savepoint or last checkpoint, with the job file PATH.

    Sends /submit-job?jobId=JOBID&isStartWithSavePoint=true, the only restore the engine
    knows: by job id, never by path. Refused when the job is still active (stop it with
    --savepoint first) or ended CANCELED or FINISHED (its checkpoints are deleted). The
    cookbook's env job.id / restore.mode / savepoint.path keys are removed from the body.
    The job file is linted for the server's SeaTunnel version first.

    Exit codes: 0 restored (and, with --wait, running), 1 refused by the server, because of
    the job's state, or a lint error, or (--wait) the job failed or did not run in time,
    2 usage, job file or connection problem.
    """
    connection = connection_from(kwargs)
    with client_errors(connection.verbose):
        jobs = submitting.read_jobs([kwargs["path"]], kwargs["variables"])
        if len(jobs) != 1:
            raise UsageError(f"{kwargs['path']} defines {len(jobs)} jobs; restore takes one")
        client = connection.client()
        ((path, submission),) = submitting.prepare_all(
            client,
            jobs,
            lambda job: prepare_submission(
                job,
                job_id=kwargs["job_id"],
                name=kwargs["name"],
                start_with_savepoint=True,
                fmt=kwargs["fmt"],
            ),
            lint=not kwargs["no_lint"],
            target_flag=kwargs["target_version"],
        )
        assert submission.job_id is not None
        submitting.restore_precheck(client, submission.job_id)
        submission = client.adapt(submission)
        for text in submission.notes:
            note(text)
        result = client.send(submission)
        if kwargs["output"] == "json":
            emit_json(submitted_json(path, result))
        else:
            click.echo(result.job_id)
        if kwargs["wait"] and not submitting.wait_and_report(
            client,
            result.job_id,
            submitting.until(submission),
            kwargs["wait_timeout"],
            kwargs["poll_interval"],
        ):
            sys.exit(EXIT_FINDINGS)


__all__ = ["restore"]
