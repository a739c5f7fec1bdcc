"""A STREAMING job with no `checkpoint.interval`.

## What it does
Flags `job.mode = "STREAMING"` when `env` has no flat `checkpoint.interval`.

## Why is this bad?
The checkpoint interval then comes from the cluster (`seatunnel.yaml`, 10 s as shipped,
300 s built in), so the job behaves differently on each cluster; on Flink, a streaming job
without a checkpoint interval never checkpoints and exactly-once sinks never commit
(apache/seatunnel#6986).

## Example
    env { job.mode = "STREAMING" }

## Use instead
    env { job.mode = "STREAMING", checkpoint.interval = 10000 }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import env_member
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class StreamingWithoutCheckpoint(Rule):
    code = "ST107"
    name = "streaming-without-checkpoint"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        env = ctx.job.env
        mode = env_member(env, "job.mode")
        if ctx.job_mode != "STREAMING" or mode is None or env_member(env, "checkpoint.interval"):
            return
        yield ctx.report(
            self,
            mode.value.span or mode.key_span,
            "STREAMING job without 'checkpoint.interval': the interval depends on the "
            "cluster, and on Flink the job never checkpoints",
            help="set `checkpoint.interval` (milliseconds) in env",
        )


__all__ = ["StreamingWithoutCheckpoint"]
