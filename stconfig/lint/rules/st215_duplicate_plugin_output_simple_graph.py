"""Two plugins that produce the same table name in a simple graph.

## What it does
In a simple graph (one source, at most one transform, one sink), flags a `plugin_output` /
`result_table_name` that the source and the transform share, at both definitions. (Outside
simple graphs ST205 reports the same thing as an error.)

## Why is this bad?
SeaTunnel 2.3.8 wires a simple graph in order and ignores the names, so the job runs; the
validation harness confirms that the engine accepts it. But the file is wrong the day a second
sink or transform is added: the graph is no longer simple and the engine refuses it with `The
value of the 'result_table_name' option of the (B and A) plugins is both 'fake', and they must
be different.`

## Example
    source { FakeSource { plugin_output = "fake" } }
    transform {
      Sql { plugin_input = "fake", plugin_output = "fake", query = "select * from fake" }
    }
    sink { Console { plugin_input = "fake" } }

## Use instead
    source { FakeSource { plugin_output = "fake" } }
    transform {
      Sql { plugin_input = "fake", plugin_output = "fake2", query = "select * from fake" }
    }
    sink { Console { plugin_input = "fake2" } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class DuplicatePluginOutputSimpleGraph(Rule):
    code = "ST215"
    name = "duplicate-plugin-output-simple-graph"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        graph = ctx.graph
        if graph.strict:
            return
        for node, earlier, ref in graph.duplicates:
            for this, other in ((earlier, node), (node, earlier)):
                output = this.output
                if output is None:
                    continue
                yield ctx.report(
                    self,
                    output.span,
                    f"{this.label} and {other.label} both produce table {ref.name!r}: SeaTunnel "
                    "ignores names in a simple graph, but adding a second sink or transform "
                    "makes the engine refuse the job",
                    help="give each source and transform its own output name",
                )


__all__ = ["DuplicatePluginOutputSimpleGraph"]
