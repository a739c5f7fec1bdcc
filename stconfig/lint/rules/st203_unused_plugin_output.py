"""A table that no transform or sink reads (complex graphs).

## What it does
In a job that is not a simple graph, flags a `plugin_output` / `result_table_name` that no
`plugin_input` / `source_table_name` names.

## Why is this bad?
SeaTunnel rejects the job: `The 'source_table_name' option configured is incorrect, this
table(fake2) belonging to source/transform(FakeSource) is not used.` In a Spark or Flink
job the data is silently dropped (apache/seatunnel#4340).

## Example
    source { FakeSource { plugin_output = "a" }, FakeSource { plugin_output = "b" } }
    sink   { Console { plugin_input = "a" } }

## Use instead
    sink   { Console { plugin_input = ["a", "b"] } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class UnusedPluginOutput(Rule):
    code = "ST203"
    name = "unused-plugin-output"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        graph = ctx.graph
        if not graph.strict:
            return
        for node in graph.unused:
            assert node.output is not None
            key = node.output_member.key if node.output_member is not None else "plugin_output"
            yield ctx.report(
                self,
                node.output.span,
                f"table {node.output.name!r} ({key} of {node.label}) "
                "is never read; SeaTunnel rejects a table that is not used",
                help=f"add {node.output.name!r} to the input of a transform or sink, or remove it",
            )


__all__ = ["UnusedPluginOutput"]
