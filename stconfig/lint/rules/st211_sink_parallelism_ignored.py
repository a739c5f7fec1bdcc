"""`parallelism` set on a sink, which Zeta ignores.

## What it does
Flags a `parallelism` option inside a sink block.

## Why is this bad?
Zeta 2.3.x runs a sink with its upstream's parallelism and never reads the sink's own
option (apache/seatunnel#7902), so the setting has no effect.

## Example
    sink { Console { parallelism = 4 } }

## Use instead
    source { FakeSource { parallelism = 4 } }
    sink { Console {} }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class SinkParallelismIgnored(Rule):
    code = "ST211"
    name = "sink-parallelism-ignored"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        for plugin in ctx.job.sinks:
            member = plugin.node.member("parallelism")
            if member is not None:
                yield ctx.report(
                    self,
                    member.key_span,
                    f"parallelism on sink {plugin.name!r} is ignored: a sink runs with its "
                    "upstream's parallelism",
                    help="set parallelism on the source or transform that feeds it",
                )


__all__ = ["SinkParallelismIgnored"]
