"""Restore settings written into `env` (`job.id`, `restore.mode`, `savepoint.path`).

## What it does
Flags the `env` keys `job.id`, `restore.mode` and `savepoint.path` (flat or nested), as
cookbooks write them to resume a job from a savepoint, and says how to really restore.

## Why is this bad?
No SeaTunnel version reads these keys: they are copied into the job's env map and
ignored, so the job silently starts again from empty state. A restore is a submission
parameter: `seatunnel.sh -c job.conf -r <jobId>`, or the REST query
`/submit-job?jobId=<jobId>&isStartWithSavePoint=true`.

## Example
    env { job.mode = "STREAMING", job.id = "842374234", restore.mode = "savepoint" }

## Use instead
    env { job.mode = "STREAMING", checkpoint.interval = 10000 }
    # then: stconfig restore 842374234 job.conf
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import restore_settings, scalar_text
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class RestoreKeyInEnv(Rule):
    code = "ST601"
    name = "restore-key-in-env"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        found = restore_settings(ctx.job.env)
        if not found:
            return
        job_id = scalar_text(found["job.id"].value) if "job.id" in found else None
        shown = job_id if job_id is not None and job_id.lstrip("-").isdigit() else "JOBID"
        how = (
            f"restore at submission: `stconfig restore {shown} JOB_FILE`, the REST query "
            f"`jobId={shown}&isStartWithSavePoint=true`, or `seatunnel.sh -r {shown}`"
        )
        for key, member in found.items():
            yield ctx.report(
                self,
                member.key_span,
                f"env {key!r} is not a SeaTunnel setting: the engine ignores it and the job "
                "starts from empty state",
                help=how,
            )


__all__ = ["RestoreKeyInEnv"]
