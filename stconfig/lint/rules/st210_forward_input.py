"""A transform reading, among other tables, one that a later transform produces.

## What it does
Replays how SeaTunnel 2.3.8 builds transforms (in list order, re-queueing a transform
none of whose inputs exist yet) and flags each input that does not exist yet when its
transform is built although another of its inputs does.

## Why is this bad?
The engine builds the transform with the inputs that exist and silently drops the rest:
rows from the later table never reach it.

## Example
    transform {
      Sql { plugin_input = ["a", "c"], plugin_output = "b", query = "select * from a" }
      Sql { plugin_input = "a", plugin_output = "c", query = "select * from a" }
    }

## Use instead
    transform {
      Sql { plugin_input = "a", plugin_output = "c", query = "select * from a" }
      Sql { plugin_input = ["a", "c"], plugin_output = "b", query = "select * from a" }
    }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class ForwardInput(Rule):
    code = "ST210"
    name = "forward-input"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        graph = ctx.graph
        for node, ref in graph.dropped:
            producer = graph.producers[ref.name]
            yield ctx.report(
                self,
                ref.span,
                f"input {ref.name!r} of {node.label} is produced by "
                f"{producer.label}, which is built later; SeaTunnel silently drops this input",
                help=f"move {producer.label} before {node.label} in the transform list",
            )


__all__ = ["ForwardInput"]
