"""Turn a job (a `Job`, a dict or a file) into the exact `/submit-job` request.

It also repairs the cookbook's restore recipe. The cookbook restores by putting `job.id`,
`restore.mode` and `savepoint.path` in `env`; no SeaTunnel version has these options, so the
engine ignores them and starts a *fresh* job with a new id and empty state
(rest-api-v2.md §4.1, §8 rows 12-13; `EnvCommonOptions`). The engine restores only through the
query parameters `jobId=<id>&isStartWithSavePoint=true`, so the keys are moved there and a note
says so.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, TypeAlias

from stconfig.client.errors import UsageError
from stconfig.emit import emit_hocon, emit_json
from stconfig.errors import StconfigError
from stconfig.model.job import Job
from stconfig.model.values import ObjectNode, from_python

JobSource: TypeAlias = Job | Mapping[str, Any] | str | os.PathLike[str]
"""What can be submitted: a job model, its plain-data form, or a path to a job file."""
Format = Literal["json", "hocon"]

COOKBOOK_RESTORE_KEYS = ("job.id", "restore.mode", "savepoint.path")
_RESTORE_MODES = {"savepoint", "checkpoint", "latest"}
_SAVEPOINT_PATH_ID = re.compile(r"/savepoint/(-?\d+)(?:/|$)")
_JOB_FILE_SUFFIXES = {".conf", ".hocon", ".json", ".config"}
_LONG_MIN, _LONG_MAX = -(2**63), 2**63 - 1


@dataclass(frozen=True, slots=True)
class Submission:
    """One `/submit-job` request, ready to send, and what was changed to make it work."""

    body: str
    fmt: Format
    job_id: str | None = None
    job_name: str | None = None
    start_with_savepoint: bool = False
    job_mode: str | None = None
    """The env `job.mode` (upper case), so a caller knows whether the job ends by itself."""
    notes: tuple[str, ...] = ()

    def as_json(self, note: str) -> Submission:
        """The same request with a JSON body, for servers that take no HOCON; `note` says why."""
        if self.fmt == "json":
            return self
        from stconfig.reader import loads

        body = emit_json(loads(self.body, fmt="hocon", path="<submission>"), indent=None)
        return replace(self, body=body, fmt="json", notes=(*self.notes, note))

    def query(self) -> dict[str, str]:
        """The query parameters, spelled as the servlet reads them (`RestConstant`)."""
        params: dict[str, str] = {}
        if self.job_id is not None:
            params["jobId"] = self.job_id
        if self.job_name is not None:
            params["jobName"] = self.job_name
        if self.start_with_savepoint:
            params["isStartWithSavePoint"] = "true"
        if self.fmt != "json":
            params["format"] = self.fmt
        return params


def check_job_id(value: str | int) -> str:
    """A job id as the engine parses it (`Long.parseLong`), refused here with a clear line."""
    text = str(value).strip()
    try:
        number = int(text, 10)
    except ValueError:
        number = None
    if number is None or not _LONG_MIN <= number <= _LONG_MAX or text.startswith("+"):
        raise UsageError(f"job id must be an integer that fits a Java long, not {str(value)!r}")
    return str(number)


def load_job(path: str | os.PathLike[str], variables: Mapping[str, str] | None = None) -> Job:
    """Read a job file the way `stconfig convert` does, or build the one job a DSL file defines."""
    file = Path(path)
    if file.suffix == ".py":
        from stconfig.dsl.runner import NotOneJobError, build_one

        try:
            return build_one(file, variables)
        except NotOneJobError as error:
            raise UsageError(str(error)) from None
    if file.suffix not in _JOB_FILE_SUFFIXES:
        raise UsageError(f"{file}: expected a .conf, .hocon, .config or .json job file")
    import stconfig

    return stconfig.load(str(file), variables=variables)


def to_job(source: JobSource, variables: Mapping[str, str] | None = None) -> Job:
    """Normalise any accepted job source to a `Job`; `variables` apply to job files."""
    if isinstance(source, Job):
        return source
    if isinstance(source, str | os.PathLike):
        return load_job(source, variables)
    root = from_python(dict(source))
    assert isinstance(root, ObjectNode)
    return Job(root)


def _env_text(env: dict[str, Any], key: str) -> str | None:
    value = env.get(key)
    if value is None:
        return None
    if isinstance(value, dict | list):
        raise UsageError(f"env {key!r} must be a plain value, not {type(value).__name__}")
    return str(value).strip()


def _repair_cookbook_restore(
    env: dict[str, Any], job_id: str | None, start_with_savepoint: bool
) -> tuple[str | None, bool, tuple[str, ...]]:
    """Move the cookbook's env restore keys to the query parameters the engine reads."""
    present = [key for key in COOKBOOK_RESTORE_KEYS if key in env]
    if not present:
        return job_id, start_with_savepoint, ()
    env_id = _env_text(env, "job.id")
    mode = _env_text(env, "restore.mode")
    path = _env_text(env, "savepoint.path")
    for key in present:
        del env[key]
    if mode is not None and mode.lower() not in _RESTORE_MODES:
        raise UsageError(
            f"env restore.mode = {mode!r} is not a SeaTunnel option and names no known mode; "
            "remove it, or restore with `stconfig restore JOBID FILE`"
        )
    candidates: dict[str, str] = {}
    if job_id is not None:
        candidates["--job-id"] = check_job_id(job_id)
    if env_id:
        candidates["env job.id"] = check_job_id(env_id)
    if path:
        match = _SAVEPOINT_PATH_ID.search(path)
        if match:
            candidates["env savepoint.path"] = check_job_id(match.group(1))
    if len(set(candidates.values())) > 1:
        named = ", ".join(f"{where} {value}" for where, value in candidates.items())
        raise UsageError(f"conflicting job ids for the restore: {named}")
    if not candidates:
        raise UsageError(
            f"env {', '.join(present)} ask for a restore but name no job id; the engine "
            "restores by job id only: use `stconfig restore JOBID FILE`"
        )
    restored = next(iter(candidates.values()))
    notes = [
        f"env {', '.join(present)} are not SeaTunnel options: the engine would ignore them and "
        "start a fresh job with a new id and empty state",
        f"removed them and submitting as a restore of job {restored} "
        f"(?jobId={restored}&isStartWithSavePoint=true), the way the engine restores",
    ]
    if path:
        notes.append(
            "there is no savepoint path in SeaTunnel: the engine resumes from the latest state "
            f"it stored for job {restored}; {path!r} is not used"
        )
    return restored, True, tuple(notes)


def prepare_submission(
    source: JobSource,
    *,
    job_id: str | int | None = None,
    name: str | None = None,
    start_with_savepoint: bool = False,
    fmt: Format = "json",
    variables: Mapping[str, str] | None = None,
) -> Submission:
    """Build the request for one job; the cookbook's env restore keys become query parameters.

    `variables` are SeaTunnel's `-i KEY=VALUE` values, used when `source` is a job file.
    """
    job = to_job(source, variables)
    data = job.to_dict()
    env = data.get("env")
    notes: tuple[str, ...] = ()
    checked_id = None if job_id is None else check_job_id(job_id)
    if isinstance(env, dict):
        checked_id, start_with_savepoint, notes = _repair_cookbook_restore(
            env, checked_id, start_with_savepoint
        )
    if start_with_savepoint and checked_id is None:
        raise UsageError("a restore needs the id of the job to restore (--job-id)")
    mode = env.get("job.mode") if isinstance(env, dict) else None
    rebuilt = from_python(data)
    assert isinstance(rebuilt, ObjectNode)
    try:
        job = Job(rebuilt)
        body = emit_json(job, indent=None) if fmt == "json" else emit_hocon(job)
    except StconfigError as error:
        raise UsageError(f"cannot write the job as {fmt.upper()}: {error}") from error
    return Submission(
        body=body,
        fmt=fmt,
        job_id=checked_id,
        job_name=name,
        start_with_savepoint=start_with_savepoint,
        job_mode=str(mode).upper() if mode is not None else None,
        notes=notes,
    )


__all__ = [
    "COOKBOOK_RESTORE_KEYS",
    "Format",
    "JobSource",
    "Submission",
    "check_job_id",
    "load_job",
    "prepare_submission",
    "to_job",
]
