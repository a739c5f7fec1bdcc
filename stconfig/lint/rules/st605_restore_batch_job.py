"""A restore requested for a BATCH job that keeps no checkpoints.

## What it does
Flags restore settings (`job.id`, `restore.mode`, `savepoint.path` in `env`) in a job
whose `job.mode` is BATCH (or unset) and that sets no `checkpoint.interval`.

## Why is this bad?
A BATCH job checkpoints only when `checkpoint.interval` is set; without checkpoints
there is no state to resume, so a restore fails with `No checkpoint found for jobId`
or starts over.

## Example
    env { job.mode = "BATCH", job.id = "842374234081" }

## Use instead
    env { job.mode = "BATCH", checkpoint.interval = 10000 }
    # stconfig restore 842374234081 job.conf
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import env_member, restore_settings
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class RestoreBatchJob(Rule):
    code = "ST605"
    name = "restore-batch-job"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        env = ctx.job.env
        found = restore_settings(env)
        if not found or ctx.job_mode not in (None, "BATCH"):
            return
        if env_member(env, "checkpoint.interval") is not None:
            return
        first = next(iter(found.values()))
        yield ctx.report(
            self,
            first.key_span,
            "restore of a BATCH job without 'checkpoint.interval': a batch job keeps no "
            "checkpoints, so there is nothing to restore",
            help="set checkpoint.interval (milliseconds) in env before the first run",
        )


__all__ = ["RestoreBatchJob"]
