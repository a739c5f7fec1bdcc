"""`stconfig status` and `stconfig jobs`: one job's state and figures, or a list of jobs."""

from __future__ import annotations

from typing import Any

import click

from stconfig.cli.lifecycle import (
    client_errors,
    connection_from,
    connection_options,
    emit_json,
    first_line,
    output_option,
)
from stconfig.client import JobInfo, UsageError
from stconfig.secrets import MASK, is_secret_key, mask_text


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
        lines.append(f"error      {mask_text(first_line(info.error_msg))}")
    return lines


def _masked(value: Any, secret: bool = False) -> Any:
    """What the engine sends back, masked like every other output: the env options it echoes
    hold the job's own secrets (`password`, `fs.s3a.secret.key`), and its error messages
    quote connection URLs. Values under a secret key are masked whole; any other text loses
    the credentials inside it (stconfig.secrets)."""
    if isinstance(value, dict):
        return {key: _masked(item, secret or is_secret_key(key)) for key, item in value.items()}
    if isinstance(value, list):
        return [_masked(item, secret) for item in value]
    if secret and value is not None:
        return MASK
    return mask_text(value) if isinstance(value, str) else value


def _info_json(info: JobInfo) -> dict[str, Any]:
    data: dict[str, Any] = _masked(info.model_dump(mode="json", exclude={"job_dag"}))
    data["terminal"] = info.terminal
    return data


@click.command()
@click.argument("job_id", metavar="JOBID")
@output_option
@connection_options
def status(**kwargs: Any) -> None:
    """Show the state, times, and source and sink counts and rates of job JOBID.

    Exit codes: 0 shown, 1 unknown or expired job, or refused by the server, 2 usage or
    connection problem.
    """
    connection = connection_from(kwargs)
    with client_errors(connection.verbose):
        info = connection.client().job_info(kwargs["job_id"])
        if kwargs["output"] == "json":
            emit_json(_info_json(info))
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
    connection = connection_from(kwargs)
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
            emit_json(
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


__all__ = ["jobs", "status"]
