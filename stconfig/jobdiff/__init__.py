"""Compare two SeaTunnel jobs as SeaTunnel reads them, not as text: `stconfig.diff(a, b)`.

The package is not named `stconfig.diff`: importing it would shadow that function.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from stconfig.jobdiff.compare import compare_jobs
from stconfig.jobdiff.model import Change, JobDiff, Location
from stconfig.model.job import Job
from stconfig.model.values import ObjectNode

JobLike = Job | str | os.PathLike[str]


def read_any(path: str | os.PathLike[str], variables: Mapping[str, str] | None = None) -> Job:
    """A job from a HOCON, JSON or one-job Python DSL file; /dev/null is an empty job (what
    git passes for a file that was added or deleted)."""
    name = os.fspath(path)
    if name == os.devnull:
        return Job(ObjectNode())
    if name.endswith(".py"):
        from stconfig.dsl.runner import build_one

        return build_one(name, variables)
    from stconfig.reader import load

    return load(name, variables=variables)


def diff(
    old: JobLike,
    new: JobLike,
    *,
    variables: Mapping[str, str] | None = None,
    target_version: str | None = None,
) -> JobDiff:
    """What changed from `old` to `new` (jobs, or paths of job files), with positions.

    Table names are read through the keys `target_version` reads: up to 2.3.8
    `result_table_name` / `source_table_name` only (a `plugin_output` there is an option like
    any other); from 2.3.9 `plugin_output` / `plugin_input`, else the old keys. Without a
    version, either spelling names a table (the new one first), as 2.3.9 and later read
    them. ValueError for a version stconfig does not know.
    """
    from stconfig.versions import FEATURES, known, read_table_keys

    renamed = FEATURES["plugin_output_keys"].since  # the first version reading both keys
    keys = read_table_keys(known(target_version) if target_version else renamed)
    old_job = old if isinstance(old, Job) else read_any(old, variables)
    new_job = new if isinstance(new, Job) else read_any(new, variables)
    return compare_jobs(
        old_job, new_job, _name(old, old_job, "old"), _name(new, new_job, "new"), keys
    )


def _name(given: JobLike, job: Job, fallback: str) -> str:
    if not isinstance(given, Job):
        return os.fspath(given)
    return job.source_file.path if job.source_file is not None else fallback


__all__ = ["Change", "JobDiff", "Location", "diff", "read_any"]
