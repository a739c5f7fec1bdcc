"""A renamed `env` key: `execution.parallelism`, `execution.checkpoint.interval`.

## What it does
Flags the old Flink-style env names that SeaTunnel renamed (apache/seatunnel#5960, done in
#6003 for 2.3.4; the table is `stconfig.versions.ENV_RENAMES`) and
renames them: `execution.parallelism` to `parallelism`, `execution.checkpoint.interval`
to `checkpoint.interval`.

## Why is this bad?
Only the Flink starter still reads the old names (with a warning); Zeta and Spark ignore
them, so the job runs with parallelism 1 and no checkpoint interval.

## Example
    env { execution.parallelism = 4 }

## Use instead
    env { parallelism = 4 }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import rename_key_fix
from stconfig.lint.registry import register
from stconfig.lint.rule import FixAvailability, Rule
from stconfig.versions import ENV_RENAMES

RENAMES = {change.replaces: change.key for change in ENV_RENAMES if change.replaces is not None}


@register
class RenamedEnvKey(Rule):
    code = "ST403"
    name = "renamed-env-key"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        env = ctx.job.env
        if env is None:
            return
        for old, new in RENAMES.items():
            member = env.member(old)
            if member is None:
                continue
            both = new in env
            yield ctx.report(
                self,
                member.key_span,
                f"env {old!r} was renamed to {new!r}; only the Flink engine still reads it"
                + (f", and {new!r} is also set" if both else ""),
                help=f"remove {old!r}" if both else None,
                fix=None if both else rename_key_fix(member, new, f"rename to {new!r}", ("env",)),
            )


__all__ = ["RenamedEnvKey"]
