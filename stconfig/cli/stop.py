"""`stconfig stop`: stop a job, saying first what the stop does to its state."""

from __future__ import annotations

import sys
from typing import Any

import click

from stconfig.cli._common import EXIT_FINDINGS
from stconfig.cli.lifecycle import (
    Refusal,
    client_errors,
    connection_from,
    connection_options,
    emit_json,
    note,
    output_option,
    wait_options,
)
from stconfig.client import JobInfo, JobStatus, WaitTimeout


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
    1 unknown, already ended, not stoppable that way (a savepoint of a job that is not
    RUNNING), refused by the server, or (--wait) not stopped in time, 2 usage (--force on a
    server older than 3.0) or connection problem.
    """
    connection = connection_from(kwargs)
    savepoint: bool = kwargs["savepoint"]
    force: bool = kwargs["force"]
    with client_errors(connection.verbose):
        client = connection.client()
        info = client.job_info(kwargs["job_id"])
        job_id = info.job_id
        if info.terminal:
            raise Refusal(f"job {job_id} has already ended {info.status.value}; nothing to stop")
        if force:
            client.require("force_stop")
            if savepoint:
                note("--force wins over --savepoint: no savepoint is taken")
            click.echo(
                f"warning: force-stopping job {job_id}: it ends CANCELED at once, and what "
                "state it leaves may be incomplete; do not count on restoring it",
                err=True,
            )
            wanted = JobStatus.CANCELED
        elif savepoint:
            if info.status is not JobStatus.RUNNING:
                raise Refusal(
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
                    note(
                        "a savepoint that never completes leaves the job in DOING_SAVEPOINT "
                        f"(seen on 2.3.x); `stconfig stop {job_id} --force` ends it on 3.0+"
                    )
                raise
            click.echo(f"job {job_id} is {final.status.value}", err=True)
        if kwargs["output"] == "json":
            emit_json(
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


__all__ = ["stop"]
