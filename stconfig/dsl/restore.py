"""A restore written the way the engine restores: a submit with the job id, not env keys.

The cookbook puts `job.id`, `restore.mode` and `savepoint.path` in `env`; SeaTunnel has no
such options and starts a fresh job (rest-api-v2.md §4.1, §8 rows 12-13). Zeta resumes the
latest state stored for a job id when the job is submitted again with
`?jobId=<id>&isStartWithSavePoint=true`: after a stop with savepoint (SAVEPOINT_DONE) or a
failure (FAILED), never after a plain cancel or a finished run.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from stconfig.dsl.errors import DslError
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

    def submission(
        self,
        fmt: Literal["json", "hocon"] = "json",
        variables: Mapping[str, str] | None = None,
    ) -> Submission:
        """The `/submit-job` request for the lifecycle client (`Client.send`).

        The engine substitutes nothing in a REST body, so every secret of the job must be
        given in `variables` (placeholders are filled as SeaTunnel's `-i` fills them).
        """
        from stconfig.client.submission import prepare_submission

        missing = [name for name in self.job.secrets() if name not in (variables or {})]
        if missing:
            raise DslError(
                f"secret {', '.join(missing)} has no value: pass variables={{...}}; "
                "the engine does not fill placeholders in a REST submission"
            )
        body = self.job.build(variables=variables)
        return prepare_submission(body, job_id=self.job_id, start_with_savepoint=True, fmt=fmt)

    def submit(self, client: Client, variables: Mapping[str, str] | None = None) -> SubmittedJob:
        """Send the restore; returns once the engine has queued the job again."""
        return client.send(self.submission(variables=variables))

    def query(self) -> dict[str, str]:
        """The submit spec: the query parameters the engine reads for a restore."""
        from stconfig.client.submission import check_job_id

        return {"jobId": check_job_id(self.job_id), "isStartWithSavePoint": "true"}

    def to_json(self) -> str:
        """The submit spec as JSON."""
        return json.dumps(self.query(), indent=2) + "\n"


__all__ = ["Restore"]
