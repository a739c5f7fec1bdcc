"""Several input tables written as one comma-joined string.

## What it does
Flags `plugin_input = "a,b"` (or `source_table_name`): a single string holding several
table names. The fix writes the list `["a", "b"]`.

## Why is this bad?
Zeta 2.3.8 splits the string with a warning, but the Flink and Spark starters read one
table named `a,b` and fail, and older Zeta releases dropped all but one table
(apache/seatunnel#6993).

## Example
    sink { Console { plugin_input = "fake,fake2" } }

## Use instead
    sink { Console { plugin_input = ["fake", "fake2"] } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import quote, replace_value_fix, string_value
from stconfig.lint.registry import register
from stconfig.lint.rule import FixAvailability, Rule
from stconfig.model.values import PlainValue


@register
class CommaJoinedInput(Rule):
    code = "ST208"
    name = "comma-joined-input"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for node in ctx.graph.transforms + ctx.graph.sinks:
            member = node.input_member
            text = string_value(member.value) if member is not None else None
            if member is None or text is None or "," not in text or text.strip().startswith("["):
                continue
            names = [part.strip() for part in text.split(",") if part.strip()]
            listed = "[" + ", ".join(quote(name) for name in names) + "]"
            yield ctx.report(
                self,
                member.value.span or member.key_span,
                f"{member.key} {text!r} is one string; write the list {listed}",
                help="Flink and Spark read it as one table name",
                fix=replace_value_fix(
                    member.value,
                    text,
                    listed,
                    f"write {listed}",
                    (node.plugin.kind, node.plugin.index, member.key),
                    list[PlainValue](names),
                ),
            )


__all__ = ["CommaJoinedInput"]
