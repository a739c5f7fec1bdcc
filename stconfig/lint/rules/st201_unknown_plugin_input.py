"""An input table name that no source or transform produces (complex graphs).

## What it does
In a job that is not a "simple graph" (1 source, at most 1 transform, 1 sink), flags each
`plugin_input` / `source_table_name` entry that names no `plugin_output` /
`result_table_name`, lists the tables that exist, and suggests the nearest one. (In a
simple graph the engine only logs this; see ST209.)

## Why is this bad?
SeaTunnel rejects the job: `The 'source_table_name' option configured in [Console] is
incorrect, and the source/transform[fak] is not found.`

## Example
    source { FakeSource { plugin_output = "fake" }, FakeSource { plugin_output = "fake2" } }
    sink   { Console { plugin_input = ["fake", "fak2"] } }

## Use instead
    sink   { Console { plugin_input = ["fake", "fake2"] } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.lint.suggest import did_you_mean, quoted_list


@register
class UnknownPluginInput(Rule):
    code = "ST201"
    name = "unknown-plugin-input"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        graph = ctx.graph
        if not graph.strict:
            return
        defined = list(graph.producers)
        for node, ref in graph.dangling:
            if "${" in ref.name:
                continue  # a placeholder that `-i` fills in; see ST702
            key = node.input_member.key if node.input_member is not None else "plugin_input"
            hint = did_you_mean(ref.name, defined)
            yield ctx.report(
                self,
                ref.span,
                f"{key} {ref.name!r} of {node.label} names no table; "
                f"defined tables: {quoted_list(defined)}",
                help=hint or "set the name to a plugin_output of a source or transform",
            )


__all__ = ["UnknownPluginInput"]
