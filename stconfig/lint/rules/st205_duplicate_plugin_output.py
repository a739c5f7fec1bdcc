"""Two sources or transforms that produce the same table name.

## What it does
In a job that is not a simple graph, flags a `plugin_output` / `result_table_name` already
used by an earlier source or transform, and names where.

## Why is this bad?
SeaTunnel rejects the job: `The value of the 'result_table_name' option of the (B and A)
plugins is both 'fake', and they must be different.`

## Example
    source { FakeSource { plugin_output = "fake" }, Jdbc { plugin_output = "fake" } }

## Use instead
    source { FakeSource { plugin_output = "fake" }, Jdbc { plugin_output = "orders" } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Related, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class DuplicatePluginOutput(Rule):
    code = "ST205"
    name = "duplicate-plugin-output"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        graph = ctx.graph
        if not graph.strict:
            return
        for node, earlier, ref in graph.duplicates:
            where = ""
            related: tuple[Related, ...] = ()
            first = earlier.output.span if earlier.output is not None else None
            if first is not None:
                line, column = first.start_line_col
                where = f" at line {line}, column {column}"
                related = (Related(first, f"{ref.name!r} first produced here"),)
            yield ctx.report(
                self,
                ref.span,
                f"table {ref.name!r} of {node.label} is already produced by "
                f"{earlier.label}{where}; table names must be different",
                help="give each source and transform its own output name",
                related=related,
            )


__all__ = ["DuplicatePluginOutput"]
