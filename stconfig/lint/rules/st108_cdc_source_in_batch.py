"""A CDC source in a BATCH job that never stops reading.

## What it does
Flags a `*-CDC` source (MySQL-CDC, Postgres-CDC, ...) in a job whose `job.mode` is BATCH
(or unset, which means BATCH) when its `stop.mode` is unset or `never`.

## Why is this bad?
With `stop.mode = never` the CDC source is unbounded; SeaTunnel refuses it in a batch job
at runtime with `'MySQL-CDC' source don't support off-line job` (apache/seatunnel#7792).

## Example
    env { job.mode = "BATCH" }
    source { MySQL-CDC { base-url = "jdbc:mysql://db:3306/app" } }

## Use instead
    env { job.mode = "STREAMING", checkpoint.interval = 10000 }
    source { MySQL-CDC { base-url = "jdbc:mysql://db:3306/app" } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import string_value
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class CdcSourceInBatch(Rule):
    code = "ST108"
    name = "cdc-source-in-batch"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        if ctx.job_mode not in (None, "BATCH"):
            return
        for plugin in ctx.job.sources:
            name = plugin.name
            if name is None or not name.upper().endswith("-CDC"):
                continue
            stop = string_value(plugin.node.get("stop.mode"))
            if stop is not None and stop.strip().lower() != "never":
                continue
            member = plugin.name_member
            mode = "BATCH" if ctx.job_mode else "BATCH (the default)"
            yield ctx.report(
                self,
                member.key_span if member is not None else plugin.span,
                f"{name!r} never stops reading (stop.mode is {stop or 'never'!r}) and "
                f"job.mode is {mode}; SeaTunnel fails with \"'{name}' source don't support "
                'off-line job"',
                help='use job.mode = "STREAMING", or set a bounded stop.mode',
            )


__all__ = ["CdcSourceInBatch"]
