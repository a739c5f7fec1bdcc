"""In a simple job, an input name that matches no output: the engine only logs it.

## What it does
In a "simple graph" (1 source, at most 1 transform, 1 sink), flags an input name that no
upstream plugin produces.

## Why is this bad?
SeaTunnel 2.3.x only logs `The 'source_table_name' option configured in [X] is
incorrect` and wires the previous plugin anyway. The job runs today, but the names are
wrong, it breaks as soon as a second source or sink is added, and the docs say this will
be rejected.

## Example
    source { FakeSource { plugin_output = "fake" } }
    sink   { Console { plugin_input = "fak" } }

## Use instead
    sink   { Console { plugin_input = "fake" } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.lint.suggest import did_you_mean, quoted_list


@register
class SimpleGraphMismatch(Rule):
    code = "ST209"
    name = "simple-graph-mismatch"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        graph = ctx.graph
        if not graph.simple:
            return
        defined = list(graph.producers)
        for node, ref in graph.dangling:
            if "${" in ref.name:
                continue  # a placeholder that `-i` fills in; see ST702
            key = node.input_member.key if node.input_member is not None else "plugin_input"
            yield ctx.report(
                self,
                ref.span,
                f"{key} {ref.name!r} of {node.label} names no table "
                f"(defined: {quoted_list(defined)}); SeaTunnel only logs this and reads the "
                "previous plugin",
                help=did_you_mean(ref.name, defined),
            )


__all__ = ["SimpleGraphMismatch"]
