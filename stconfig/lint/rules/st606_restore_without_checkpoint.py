"""A restore requested for a STREAMING job without its own checkpoint interval.

## What it does
Flags restore settings in `env` of a STREAMING job that sets no `checkpoint.interval`.

## Why is this bad?
The job then checkpoints at whatever interval the cluster's `seatunnel.yaml` sets, and
a restore resumes from the last of those checkpoints: data since then is replayed, and
on Flink nothing was checkpointed at all.

## Example
    env { job.mode = "STREAMING", job.id = "842374234081" }

## Use instead
    env { job.mode = "STREAMING", checkpoint.interval = 10000 }
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
class RestoreWithoutCheckpoint(Rule):
    code = "ST606"
    name = "restore-without-checkpoint"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        env = ctx.job.env
        found = restore_settings(env)
        if not found or ctx.job_mode != "STREAMING":
            return
        if env_member(env, "checkpoint.interval") is not None:
            return
        first = next(iter(found.values()))
        yield ctx.report(
            self,
            first.key_span,
            "restore of a STREAMING job without 'checkpoint.interval': it resumes from "
            "checkpoints taken at the cluster's default interval",
            help="set checkpoint.interval (milliseconds) in env",
        )


__all__ = ["RestoreWithoutCheckpoint"]
