"""A source that never stops reading (a CDC source, or Pulsar) in a BATCH job.

## What it does
Flags, in a job whose `job.mode` is BATCH (or unset, which means BATCH), a source that
SeaTunnel builds as unbounded:
- a `*-CDC` source (MySQL-CDC, Postgres-CDC, ...) whose `stop.mode` is unset or `never`;
- a `Pulsar` source whose `cursor.stop.mode` is unset, blank or `never` (its default is
  NEVER; only LATEST and TIMESTAMP make it bounded, as `PulsarSource.getBoundedness` says).

The finding is at the `stop.mode` / `cursor.stop.mode` value when it is set, else at the
plugin's name. The rule's name predates Pulsar; it is kept so that suppressions still work.

## Why is this bad?
SeaTunnel refuses an unbounded source in a batch job when it builds the job
(`ensureJobModeMatch`): the submit fails with `'MySQL-CDC' source don't support off-line job`
(apache/seatunnel#7792), or `'Pulsar' source don't support off-line job.`

## Example
    env { job.mode = "BATCH" }
    source { MySQL-CDC { base-url = "jdbc:mysql://db:3306/app" } }

## Use instead
    env { job.mode = "STREAMING", checkpoint.interval = 10000 }
    source { MySQL-CDC { base-url = "jdbc:mysql://db:3306/app" } }
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import string_value
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule

if TYPE_CHECKING:
    from stconfig.model.job import Plugin

PULSAR_BOUNDED = frozenset({"latest", "timestamp"})
"""Pulsar's `cursor.stop.mode` values that give a bounded stop cursor (`StopMode.LATEST`,
`TIMESTAMP`); NEVER is unbounded and SPECIFIC is refused on its own ("not supported")."""


@register
class CdcSourceInBatch(Rule):
    code = "ST108"
    name = "cdc-source-in-batch"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        if ctx.job_mode not in (None, "BATCH"):
            return
        mode = "BATCH" if ctx.job_mode else "BATCH (the default)"
        for plugin in ctx.job.sources:
            name = plugin.name
            if name is None:
                continue
            if name.upper().endswith("-CDC"):
                yield from self.cdc(ctx, plugin, name, mode)
            elif name.lower() == "pulsar":
                yield from self.pulsar(ctx, plugin, name, mode)

    def cdc(self, ctx: LintContext, plugin: Plugin, name: str, mode: str) -> Iterator[Diagnostic]:
        stop = string_value(plugin.node.get("stop.mode"))
        if stop is not None and stop.strip().lower() != "never":
            return
        member = plugin.name_member
        yield ctx.report(
            self,
            member.key_span if member is not None else plugin.span,
            f"{name!r} never stops reading (stop.mode is {stop or 'never'!r}) and "
            f"job.mode is {mode}; SeaTunnel fails with \"'{name}' source don't support "
            'off-line job"',
            help='use job.mode = "STREAMING", or set a bounded stop.mode',
        )

    def pulsar(
        self, ctx: LintContext, plugin: Plugin, name: str, mode: str
    ) -> Iterator[Diagnostic]:
        node = plugin.node.get("cursor.stop.mode")
        stop = string_value(node)
        if node is not None and stop is None:
            return  # not a string: the option's own type check reports it
        # PropertiesUtil.getEnum: a blank value means the default, NEVER; else valueOf(upper)
        if stop is not None and stop.strip() and stop.strip().lower() != "never":
            return
        span = node.span if node is not None else None
        said = (
            "cursor.stop.mode unset, so NEVER" if stop is None else f"cursor.stop.mode is {stop!r}"
        )
        if stop is not None and not stop.strip():
            said += ", so NEVER"
        if span is None:
            member = plugin.name_member
            span = member.key_span if member is not None else plugin.span
        yield ctx.report(
            self,
            span,
            f"{name!r} never stops reading ({said}) and job.mode is {mode}; SeaTunnel fails "
            f"with \"'{name}' source don't support off-line job.\"",
            help='use job.mode = "STREAMING", or set cursor.stop.mode = "LATEST" or "TIMESTAMP"',
        )


__all__ = ["CdcSourceInBatch"]
