"""A transform or sink fed two or more tables whose row types differ.

## What it does
Works out the row type of each table where it is certain (a FakeSource `schema`, followed
through FieldMapper, Filter and FilterRowKind) and flags a transform, or a sink with several
`plugin_input` names, whose inputs have different row types: other field names, another order,
or other types. Where a row type is not known for sure, it says nothing.

## Why is this bad?
A plugin fed several tables reads them as one stream of rows of one type. SeaTunnel refuses
the whole job when the job is submitted (`MultipleTableJobConfigParser
.checkProducedTypeEquals`, 2.3.8 and 2.3.9): "Transform/Sink don't support processing data
with two different structures." In particular a Sql transform cannot join two tables this way.

## Example
    source {
      FakeSource { plugin_output = "orders", schema.fields { id = "bigint", amount = "double" } }
      FakeSource { plugin_output = "customers", schema.fields { id = "bigint", name = "string" } }
    }
    sink { Console { plugin_input = ["orders", "customers"] } }

## Use instead
    sink { Console { plugin_input = "orders" } }
    sink { Console { plugin_input = "customers" } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.model.row_types import MESSAGE, describe, mixed_inputs


@register
class InputRowTypesDiffer(Rule):
    code = "ST213"
    name = "input-row-types-differ"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        graph = ctx.graph
        if not graph.complete:
            return
        for found in mixed_inputs(graph):
            node = found.consumer
            member = node.input_member
            span = member.value.span if member is not None else None
            (first, first_row), (other, other_row) = found.inputs
            yield ctx.report(
                self,
                span or node.span,
                f"{node.label} reads tables of different row types: {first!r} "
                f"{describe(first_row)} and {other!r} {describe(other_row)}; SeaTunnel refuses "
                f'the job: "{MESSAGE}"',
                help="give each row type its own transform or sink, or make the row types "
                "equal (FieldMapper, Filter) before they meet",
            )


__all__ = ["InputRowTypesDiffer"]
