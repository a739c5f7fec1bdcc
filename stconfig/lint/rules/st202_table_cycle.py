"""Transforms that read each other's output in a cycle.

## What it does
Flags transforms whose input and output names form a cycle, including a transform that
reads its own output.

## Why is this bad?
SeaTunnel 2.3.8 builds transforms from a queue and re-queues one whose inputs do not exist
yet, so a cycle of two or more never finishes: the client hangs. A transform that reads
its own output is wired to whatever table was built last. Later versions reject both with
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
            span = first.inputs[0].span if first.inputs else first.span
            if len(group) == 1:
                yield ctx.report(
                    self,
                    span,
                    f"{first.label} reads its own output {first.output_name!r}; "
                    "SeaTunnel wires it to the most recently built table instead",
                    help="read the table of a source or of an earlier transform",
                )
                continue
            yield ctx.report(
                self,
                span,
                f"table cycle {path} through {', '.join(n.label for n in group)}; "
                "SeaTunnel 2.3.8 never finishes building this job",
                help="break the cycle: one of these transforms must read a source's table",
            )


__all__ = ["TableCycle"]
