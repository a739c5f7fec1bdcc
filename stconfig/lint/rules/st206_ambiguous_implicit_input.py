"""A transform or sink without an input name in a job that needs one.

## What it does
In a job that is not a simple graph, flags each transform and sink without `plugin_input`
(`source_table_name` before 2.3.9), listing the tables it could have meant.

## Why is this bad?
Zeta rejects the job: `The transform/sink(Console) is not configured with
'source_table_name' option`. Flink and Spark silently read only the first table, losing
the others (apache/seatunnel#4340).

## Example
    source { Hive { plugin_output = "a" }, Hive { plugin_output = "b" } }
    sink   { Clickhouse {} }

## Use instead
    sink   { Clickhouse { plugin_input = ["a", "b"] } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.lint.suggest import quoted_list
from stconfig.lint.versions import table_keys


@register
class AmbiguousImplicitInput(Rule):
    code = "ST206"
    name = "ambiguous-implicit-input"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        graph = ctx.graph
        if not graph.strict:
            return
        key = table_keys(ctx.version)[1][0]
        tables = list(graph.producers)
        for node in graph.transforms + graph.sinks:
            if node.input_member is None:
                yield ctx.report(
                    self,
                    node.span,
                    f"{node.label} has no {key}; this job is not a simple "
                    f"graph, so nothing is wired implicitly (tables: {quoted_list(tables)})",
                    help=f"add `{key} = [...]` naming the tables to read",
                )


__all__ = ["AmbiguousImplicitInput"]
