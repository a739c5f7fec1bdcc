"""An `env` key SeaTunnel does not know, usually a typo.

## What it does
Flags `env` keys that are not SeaTunnel env options, not engine pass-through keys
(`flink.*`, `spark.*`, Flink's legacy `execution.*`) and not handled by a more specific
rule, with the nearest known key as a suggestion; and env options newer than the target
version (`job.retry.times` before 2.3.5, `tag_filter` before 2.3.6: `stconfig.versions`).

## Why is this bad?
Unknown env keys are accepted and ignored, so `checkpoint.intervall = 10000` silently
leaves checkpointing off.

## Example
    env { job.mode = "STREAMING", checkpoint.intervall = 10000 }

## Use instead
    env { job.mode = "STREAMING", checkpoint.interval = 10000 }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.lint.suggest import closest
from stconfig.model.values import ObjectNode
from stconfig.versions import KEY_CHANGES

ENV_KEYS = frozenset(
    {
        "job.mode",
        "job.name",
        "parallelism",
        "checkpoint.interval",
        "checkpoint.timeout",
        "read_limit.rows_per_second",
        "read_limit.bytes_per_second",
        "savemode.execute.location",
        "jars",
        "custom_parameters",
        "tag_filter",
        "job.retry.times",
        "job.retry.interval.seconds",
        "shade.identifier",
        # later releases
        "min-pause",
        "sink.flush.interval",
        "checkpoint.retain-after-job-cancelled",
        "pipeline_concurrency",
        "shade.options",
        "shade.properties",
        "metalake_enabled",
        "metalake_type",
        "metalake_url",
    }
)
PASS_THROUGH = ("flink.", "spark.", "execution.")
OTHER_RULES = frozenset(
    {
        "job.id",
        "restore.mode",
        "savepoint.path",
        "execution.parallelism",
        "execution.checkpoint.interval",
    }
)
NESTED_ROOTS = frozenset(
    {"checkpoint", "read_limit", "shade", "job", "savemode", "restore", "savepoint"}
)


@register
class UnknownEnvKey(Rule):
    code = "ST106"
    name = "unknown-env-key"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        env = ctx.job.env
        if env is None:
            return
        introduced = {change.key: change.since for change in KEY_CHANGES if change.section == "env"}
        for key, member in env.members.items():
            since = introduced.get(key)
            if since is not None and ctx.version < since:
                yield ctx.report(
                    self,
                    member.key_span,
                    f"env key {key!r} exists from SeaTunnel {since} on; "
                    f"{ctx.settings.target_version} ignores it",
                )
                continue
            if key in ENV_KEYS or key in OTHER_RULES or key.startswith(PASS_THROUGH):
                continue
            if key in NESTED_ROOTS and isinstance(member.value, ObjectNode):
                continue
            guess = closest(key, ENV_KEYS, cutoff=0.75)
            yield ctx.report(
                self,
                member.key_span,
                f"unknown env key {key!r}; SeaTunnel ignores it",
                help=f"did you mean {guess[0]!r}?" if guess else None,
            )


__all__ = ["UnknownEnvKey"]
