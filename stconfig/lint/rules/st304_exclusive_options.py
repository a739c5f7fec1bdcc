"""Mutually exclusive options set together, or none of them set.

## What it does
Checks the plugin's `OptionRule` `exclusive(...)` groups: exactly one option of each group
must be set.

## Why is this bad?
SeaTunnel rejects the plugin: `These options('query', 'table_path') are mutually
exclusive, allowing only one set("[] for a set") of options to be configured.`

## Example
    source { Jdbc { url = "...", driver = "...", query = "select * from t", table_path = "db.t" } }

## Use instead
    source { Jdbc { url = "...", driver = "...", table_path = "db.t" } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class ExclusiveOptions(Rule):
    code = "ST304"
    name = "exclusive-options"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for finding in ctx.option_findings:
            if finding.kind == "exclusive":
                hint = f"did you mean {finding.suggestion}?" if finding.suggestion else None
                yield ctx.report(self, finding.span, finding.message, help=hint)


__all__ = ["ExclusiveOptions"]
