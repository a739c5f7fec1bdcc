"""`stconfig logs`: list a job's log files on every node, or print one."""

from __future__ import annotations

from typing import Any

import click

from stconfig.cli.lifecycle import (
    Refusal,
    client_errors,
    connection_from,
    connection_options,
    emit_json,
    note,
    output_option,
)
from stconfig.client import ServerRefused
from stconfig.client.submission import check_job_id


@click.command()
@click.argument("job_id", metavar="JOBID")
@click.option("--file", "name", metavar="NAME", help="Print this log file (from the listing).")
@output_option
@connection_options
def logs(**kwargs: Any) -> None:
    """List the log files of job JOBID on every node, or print one with --file.

    The engine writes per-job files (job-<id>.log) only when log4j2 routes job logs to
    their own files, and serves whole files: there is no tail or line limit (stconfig reads
    at most 512 MiB of one file).

    Exit codes: 0 listed or printed, 1 refused by the server (no such file, no log
    directory), 2 usage (a NAME that is not a .log file name) or connection problem.
    """
    connection = connection_from(kwargs)
    with client_errors(connection.verbose):
        client = connection.client()
        name: str | None = kwargs["name"]
        job_id = check_job_id(kwargs["job_id"])
        if name is None:
            files = client.log_files(job_id)
            if kwargs["output"] == "json":
                emit_json([entry.model_dump(mode="json", by_alias=True) for entry in files])
            elif not files:
                note(
                    f"no log file names job {job_id}; per-job files need log4j2's routing "
                    "appender on the engine"
                )
            for entry in files if kwargs["output"] == "text" else []:
                click.echo(f"{entry.log_name}\t{entry.node}")
            return
        try:
            text = client.log(name)
        except ServerRefused as error:
            if error.status != 400:
                raise
            raise Refusal(
                f"{error}; list job {job_id}'s files with `stconfig logs {job_id}`"
            ) from None
        if kwargs["output"] == "json":
            emit_json({"jobId": str(job_id), "file": name, "content": text})
        else:
            click.echo(text, nl=False)


__all__ = ["logs"]
