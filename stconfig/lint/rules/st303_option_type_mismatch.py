"""An option value SeaTunnel cannot convert to the option's type.

## What it does
Checks each known option's value against its type with SeaTunnel's lenient conversion:
integers and numbers may be written as strings, booleans as `true` / `false` in any case,
lists as lists or comma-separated strings, maps and objects as objects.

## Why is this bad?
The job fails when the plugin is created, with `Json parsing exception, value 'abc', and
expected type 'java.lang.Integer'`.

## Example
    source { FakeSource { row.num = "many" } }

## Use instead
    source { FakeSource { row.num = 500 } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class OptionTypeMismatch(Rule):
    code = "ST303"
    name = "option-type-mismatch"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for finding in ctx.option_findings:
            if finding.kind == "type":
                hint = f"did you mean {finding.suggestion}?" if finding.suggestion else None
                yield ctx.report(self, finding.span, finding.message, help=hint)


__all__ = ["OptionTypeMismatch"]
