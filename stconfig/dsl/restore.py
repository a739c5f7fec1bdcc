"""A restore written the way the engine restores: a submit with the job id, not env keys.

The cookbook puts `job.id`, `restore.mode` and `savepoint.path` in `env`; SeaTunnel has no
such options and starts a fresh job (rest-api-v2.md §4.1, §8 rows 12-13). Zeta resumes the
latest state stored for a job id when the job is submitted again with
`?jobId=<id>&isStartWithSavePoint=true`: after a stop with savepoint (SAVEPOINT_DONE) or a
failure (FAILED), never after a plain cancel or a finished run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from stconfig.dsl.job import Job

if TYPE_CHECKING:
    from stconfig.client.client import Client, SubmittedJob
    from stconfig.client.submission import Submission


@dataclass(frozen=True, slots=True)
class Restore:
    """Resume `job` from the latest checkpoint or savepoint stored for `job_id`."""

    job: Job
    job_id: str | int

    def __post_init__(self) -> None:
        from stconfig.client.submission import check_job_id

        check_job_id(self.job_id)

    def submission(self, fmt: Literal["json", "hocon"] = "json") -> Submission:
        """The `/submit-job` request for the lifecycle client (`Client.send`)."""
        from stconfig.client.submission import prepare_submission

        return prepare_submission(
            self.job.build(), job_id=self.job_id, start_with_savepoint=True, fmt=fmt
        )

    def submit(self, client: Client) -> SubmittedJob:
        """Send the restore; returns once the engine has queued the job again."""
        return client.send(self.submission())

    def to_json(self) -> str:
        """The submit spec: the query parameters the engine reads for a restore."""
        return json.dumps(self.submission().query(), indent=2) + "\n"


__all__ = ["Restore"]
