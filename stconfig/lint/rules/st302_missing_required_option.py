"""A required option that is not set and has no default.

## What it does
Flags options of the plugin's `OptionRule` `required(...)` groups that are absent (a
fallback key counts, and so does a default, as in SeaTunnel's `ConfigValidator`).

## Why is this bad?
The job fails when the plugin is created: `There are unconfigured options, the
options('url') are required.`

## Example
    source { Jdbc { query = "select 1" } }

## Use instead
    source {
      Jdbc {
        url = "jdbc:mysql://db:3306/app"
        driver = "com.mysql.cj.jdbc.Driver"
        query = "select 1"
      }
    }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class MissingRequiredOption(Rule):
    code = "ST302"
    name = "missing-required-option"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for finding in ctx.option_findings:
            if finding.kind == "missing":
                hint = f"did you mean {finding.suggestion}?" if finding.suggestion else None
                yield ctx.report(self, finding.span, finding.message, help=hint)


__all__ = ["MissingRequiredOption"]
