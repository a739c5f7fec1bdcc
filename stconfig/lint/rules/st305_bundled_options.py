"""Options that must be set together, with only some of them set.

## What it does
Checks the plugin's `OptionRule` `bundled(...)` groups: all or none of each group.

## Why is this bad?
SeaTunnel rejects the plugin: `These options('user', 'password') are bundled, must be
present or absent together.`

## Example
    sink { Jdbc { url = "...", driver = "...", user = "app" } }

## Use instead
    sink { Jdbc { url = "...", driver = "...", user = "app", password = ${DB_PASSWORD} } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class BundledOptions(Rule):
    code = "ST305"
    name = "bundled-options"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for finding in ctx.option_findings:
            if finding.kind == "bundled":
                hint = f"did you mean {finding.suggestion}?" if finding.suggestion else None
                yield ctx.report(self, finding.span, finding.message, help=hint)


__all__ = ["BundledOptions"]
