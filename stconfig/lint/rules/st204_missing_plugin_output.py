"""A source or transform without an output name in a job that needs one.

## What it does
In a job that is not a simple graph (more than 1 source or sink, or more than 1
transform), flags each source and transform without `plugin_output`
(`result_table_name` before 2.3.9).

## Why is this bad?
SeaTunnel rejects the job: `The source/transform(FakeSource) is not configured with
'result_table_name' option`. Implicit "previous plugin" wiring exists only for simple
graphs (apache/seatunnel#4480).

## Example
    source { FakeSource {}, FakeSource { plugin_output = "b" } }
    sink   { Console { plugin_input = "b" } }

## Use instead
    source { FakeSource { plugin_output = "a" }, FakeSource { plugin_output = "b" } }
    sink   { Console { plugin_input = ["a", "b"] } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.lint.versions import table_keys


@register
class MissingPluginOutput(Rule):
    code = "ST204"
    name = "missing-plugin-output"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        graph = ctx.graph
        if not graph.strict:
            return
        key = table_keys(ctx.version)[0][0]
        sources, transforms = graph.sources, graph.transforms  # each a pass over the nodes
        counts = (
            f"{len(sources)} source(s), {len(transforms)} transform(s) and "
            f"{len(graph.sinks)} sink(s)"
        )
        for node in sources + transforms:
            if node.output is None:
                yield ctx.report(
                    self,
                    node.span,
                    f"{node.label} has no {key}; with {counts} every source and transform "
                    "must name its table",
                    help=f'add `{key} = "..."` and read it from a transform or sink',
                )


__all__ = ["MissingPluginOutput"]
