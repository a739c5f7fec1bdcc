"""Typed answers of the REST v2 server.

The engine sends job ids as strings (they exceed JavaScript's safe integers), every metric and
overview value as a string, times as local `yyyy-MM-dd HH:mm:ss` text, and adds fields from
version to version. These models keep ids as strings, turn numeric strings into numbers and
ignore keys they do not know (rest-api-v2.md §1.4, §2.3, §6).
"""

from __future__ import annotations

import enum
import json
from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator


class JobStatus(enum.StrEnum):
    """The engine's 13 job states (`JobStatus.java`, unchanged 2.3.8 to 2026)."""

    INITIALIZING = "INITIALIZING"
    CREATED = "CREATED"
    PENDING = "PENDING"
    SCHEDULED = "SCHEDULED"
    RUNNING = "RUNNING"
    FAILING = "FAILING"
    FAILED = "FAILED"
    DOING_SAVEPOINT = "DOING_SAVEPOINT"
    SAVEPOINT_DONE = "SAVEPOINT_DONE"
    CANCELING = "CANCELING"
    CANCELED = "CANCELED"
    FINISHED = "FINISHED"
    UNKNOWABLE = "UNKNOWABLE"

    @property
    def terminal(self) -> bool:
        """Final states: the engine never leaves them."""
        return self in TERMINAL_STATES


TERMINAL_STATES = frozenset(
    {
        JobStatus.FINISHED,
        JobStatus.CANCELED,
        JobStatus.FAILED,
        JobStatus.SAVEPOINT_DONE,
        JobStatus.UNKNOWABLE,
    }
)


def _job_id(value: object) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    return value


def _number(value: object) -> object:
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return 0
        try:
            return int(text)
        except ValueError:
            return float(text)
    return value


def _time(value: object) -> object:
    if isinstance(value, str):
        if not value.strip():
            return None
        return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S")
    return value


def _status(value: object) -> object:
    return value.upper() if isinstance(value, str) else value


JobId = Annotated[str, BeforeValidator(_job_id)]
"""A job id as the decimal string the engine sends (ints are accepted and converted)."""
Count = Annotated[int, BeforeValidator(_number)]
Rate = Annotated[float, BeforeValidator(_number)]
Time = Annotated[datetime | None, BeforeValidator(_time)]


class _Answer(BaseModel):
    """Shared config: engine names as aliases, Python names accepted, unknown keys ignored."""

    model_config = ConfigDict(populate_by_name=True, extra="ignore", frozen=True)


class SubmitResponse(_Answer):
    """`POST /submit-job` (and each element of `/submit-jobs`)."""

    job_id: JobId = Field(alias="jobId")
    job_name: str = Field(alias="jobName")


class Metrics(_Answer):
    """Totals and per-table figures of a job (`BaseServlet.getJobMetrics`); values were strings.

    The `committed` figures exist only on servers from 2025 on, hence `None` elsewhere.
    """

    source_received_count: Count = Field(0, alias="SourceReceivedCount")
    sink_write_count: Count = Field(0, alias="SinkWriteCount")
    source_received_bytes: Count = Field(0, alias="SourceReceivedBytes")
    sink_write_bytes: Count = Field(0, alias="SinkWriteBytes")
    source_received_qps: Rate = Field(0.0, alias="SourceReceivedQPS")
    sink_write_qps: Rate = Field(0.0, alias="SinkWriteQPS")
    source_received_bytes_per_second: Rate = Field(0.0, alias="SourceReceivedBytesPerSeconds")
    sink_write_bytes_per_second: Rate = Field(0.0, alias="SinkWriteBytesPerSeconds")
    sink_committed_count: Count | None = Field(None, alias="SinkCommittedCount")
    sink_committed_qps: Rate | None = Field(None, alias="SinkCommittedQPS")
    table_source_received_count: dict[str, Count] = Field(
        default_factory=dict, alias="TableSourceReceivedCount"
    )
    table_sink_write_count: dict[str, Count] = Field(
        default_factory=dict, alias="TableSinkWriteCount"
    )
    table_source_received_qps: dict[str, Rate] = Field(
        default_factory=dict, alias="TableSourceReceivedQPS"
    )
    table_sink_write_qps: dict[str, Rate] = Field(default_factory=dict, alias="TableSinkWriteQPS")


def _metrics(value: object) -> object:
    """The docs show `"metrics": ""` and an unreadable metrics JSON gives `{}`."""
    return {} if value in ("", None) else value


def _dag(value: object) -> object:
    """2.3.8's v1 `job-info` sends an ended job's `jobDag` as JSON-encoded text, not an object."""
    if isinstance(value, str):
        return json.loads(value) if value.strip() else {}
    return value


class JobInfo(_Answer):
    """A job as `job-info`, `running-jobs` and `finished-jobs` describe it.

    Running jobs carry `env_options` and `is_start_with_savepoint`; terminal jobs carry
    `finish_time` and `error_msg` instead (rest-api-v2.md §2.3). An ended job's env options
    are only inside its DAG (`BaseServlet.getJobInfoJson` sends `jobDag` but no
    `envOptions`; `JobDAGInfo.toJsonObject` has them), so `env_options` is taken from there.
    Values keep the engine's JSON types (`checkpoint.interval` is a number).
    """

    @model_validator(mode="before")
    @classmethod
    def _env_from_dag(cls, data: Any) -> Any:
        if not isinstance(data, dict) or data.get("envOptions") is not None:
            return data
        dag = data.get("jobDag")
        if isinstance(dag, str) and dag.strip():
            try:
                dag = json.loads(dag)
            except ValueError:
                return data
        if isinstance(dag, dict) and isinstance(dag.get("envOptions"), dict):
            return {**data, "envOptions": dag["envOptions"]}
        return data

    job_id: JobId = Field(alias="jobId")
    job_name: str = Field(alias="jobName")
    status: Annotated[JobStatus, BeforeValidator(_status)] = Field(alias="jobStatus")
    create_time: Time = Field(None, alias="createTime")
    start_time: Time = Field(None, alias="startTime")
    finish_time: Time = Field(None, alias="finishTime")
    error_msg: str | None = Field(None, alias="errorMsg")
    env_options: dict[str, Any] | None = Field(None, alias="envOptions")
    is_start_with_savepoint: bool | None = Field(None, alias="isStartWithSavePoint")
    metrics: Annotated[Metrics, BeforeValidator(_metrics)] = Field(
        default_factory=lambda: Metrics.model_validate({})
    )
    job_dag: Annotated[dict[str, Any], BeforeValidator(_dag)] = Field(
        default_factory=dict, alias="jobDag"
    )

    @property
    def terminal(self) -> bool:
        return self.status.terminal


class JobPage(_Answer):
    """One page of a job list, whichever of the two list shapes the server sent."""

    jobs: list[JobInfo]
    total: int
    page: int | None = None
    rows: int | None = None


class Overview(_Answer):
    """`GET /overview`; every value arrives as a string. `pending_jobs` exists from 2025 on."""

    project_version: str = Field(alias="projectVersion")
    git_commit_abbrev: str = Field("", alias="gitCommitAbbrev")
    total_slot: Count = Field(0, alias="totalSlot")
    unassigned_slot: Count = Field(0, alias="unassignedSlot")
    workers: Count = 0
    running_jobs: Count = Field(0, alias="runningJobs")
    finished_jobs: Count = Field(0, alias="finishedJobs")
    failed_jobs: Count = Field(0, alias="failedJobs")
    cancelled_jobs: Count = Field(0, alias="cancelledJobs")
    pending_jobs: Count | None = Field(None, alias="pendingJobs")


class LogFile(_Answer):
    """One entry of `GET /logs[/<jobId>]?format=json`."""

    node: str
    log_link: str = Field(alias="logLink")
    log_name: str = Field(alias="logName")


__all__ = [
    "TERMINAL_STATES",
    "JobId",
    "JobInfo",
    "JobPage",
    "JobStatus",
    "LogFile",
    "Metrics",
    "Overview",
    "SubmitResponse",
]
