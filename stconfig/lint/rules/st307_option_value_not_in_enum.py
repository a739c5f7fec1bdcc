"""An enum option set to a value it does not allow.

## What it does
Checks values of enum options (and of list-of-enum options) against the allowed
constants, case-insensitively unless the option is case-sensitive, and suggests the
nearest one.

## Why is this bad?
The job fails when the plugin is created: `Json parsing exception, value 'jsn', and
expected type '...FileFormat'`.

## Example
    sink { LocalFile { path = "/tmp/out", file_format_type = "jsn" } }

## Use instead
    sink { LocalFile { path = "/tmp/out", file_format_type = "json" } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class OptionValueNotInEnum(Rule):
    code = "ST307"
    name = "option-value-not-in-enum"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for finding in ctx.option_findings:
            if finding.kind == "enum":
                hint = f"did you mean {finding.suggestion}?" if finding.suggestion else None
                yield ctx.report(self, finding.span, finding.message, help=hint)


__all__ = ["OptionValueNotInEnum"]
