"""Transforms that read each other's output in a cycle.

## What it does
Flags transforms whose input and output names form a cycle, including a transform that
reads its own output.

## Why is this bad?
SeaTunnel 2.3.8 builds transforms from a queue and re-queues one whose inputs do not exist
yet, so a cycle of two or more that no other table feeds never finishes: the submit hangs.
When a member also reads a source's table, the engine builds it from that table alone and
drops the inputs that come round the cycle; the job runs, on less data than written (both
seen on the real 2.3.8 engine, docs/engine-parity.md). A transform that reads its own output
is wired to whatever table was built last. Later versions reject all of these with
`Transform dependency cycle detected`.

## Example
    transform {
      Sql { plugin_input = "b", plugin_output = "a", query = "select * from b" }
      Sql { plugin_input = "a", plugin_output = "b", query = "select * from a" }
    }

## Use instead
    transform {
      Sql { plugin_input = "fake", plugin_output = "a", query = "select * from fake" }
      Sql { plugin_input = "a", plugin_output = "b", query = "select * from a" }
    }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class TableCycle(Rule):
    code = "ST202"
    name = "table-cycle"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for group in ctx.graph.cycles:
            path = " -> ".join(n.output_name for n in group) + f" -> {group[0].output_name}"
            first = group[0]
            outputs = {n.output_name for n in group}
            round_the_cycle = [ref.span for ref in first.inputs if ref.name in outputs]
            span = round_the_cycle[0] if round_the_cycle else first.span
            if len(group) == 1:
                yield ctx.report(
                    self,
                    span,
                    f"{first.label} reads its own output {first.output_name!r}; "
                    "SeaTunnel wires it to the most recently built table instead",
                    help="read the table of a source or of an earlier transform",
                )
                continue
            fed = any(
                ref.name not in outputs and ref.name in ctx.graph.producers
                for n in group
                for ref in n.inputs
            )
            effect = (
                "SeaTunnel 2.3.8 runs it without the tables that come round the cycle"
                if fed
                else "SeaTunnel 2.3.8 never finishes building this job (the submit hangs)"
            )
            yield ctx.report(
                self,
                span,
                f"table cycle {path} through {', '.join(n.label for n in group)}; {effect}",
                help="break the cycle: one of these transforms must read a source's table",
            )


__all__ = ["TableCycle"]
