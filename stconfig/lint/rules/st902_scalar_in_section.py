"""A value in a `source` / `transform` / `sink` block that is not a plugin block.

## What it does
Flags members of a section block whose value is a string, number, boolean or list, such
as `FakeSource.row.num = 10` or `parallelism = 2` written directly in `source { }`.

## Why is this bad?
SeaTunnel turns every member of the section into a list element; a non-object member
becomes a bare value in the plugin list and loading fails (`ClassCastException`).

## Example
    source { FakeSource.row.num = 10 }

## Use instead
    source { FakeSource { row.num = 10 } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.hocon.ast import ArrayValue, Field, LiteralValue, NumberValue, StringValue
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class ScalarInSection(Rule):
    code = "ST902"
    name = "scalar-in-section"
    severity = Severity.ERROR
    layer = "syntax"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for section, block in ctx.section_blocks():
            for entry in block.entries:
                if not isinstance(entry, Field):
                    continue
                if isinstance(entry.value, StringValue | NumberValue | LiteralValue | ArrayValue):
                    yield ctx.report(
                        self,
                        entry.key.span,
                        f"{entry.key.raw!r} in {section!r} is not a plugin block; SeaTunnel "
                        "puts the bare value in the plugin list and fails",
                        help="write `PluginName { option = value }`",
                    )


__all__ = ["ScalarInSection"]
