"""A fraction given to an integer option, which SeaTunnel silently truncates.

## What it does
Flags `int` and `long` options set to a number with a fraction, written as a number or as a
string (`row.num = 2.5`, `batch_size = "1.5"`).

## Why is this bad?
SeaTunnel does not refuse the value: `ConfigUtil.convertValue` fails `Integer.parseInt("2.5")`
and falls back to Jackson, whose default float-to-integer coercion drops the fraction, so the
job runs with 2. The harness confirms that 2.3.8 accepts `row.num = 2.5` and
`log.print.delay.ms = 2.5`. A fraction in a count, a size or a delay is almost always a typo
or a unit mix-up (seconds written where milliseconds are read).

## Example
    source { FakeSource { row.num = 2.5, schema { fields { id = int } } } }

## Use instead
    source { FakeSource { row.num = 2, schema { fields { id = int } } } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class FractionForInteger(Rule):
    code = "ST315"
    name = "fraction-for-integer"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for finding in ctx.option_findings:
            if finding.kind == "truncated":
                yield ctx.report(self, finding.span, finding.message)


__all__ = ["FractionForInteger"]
