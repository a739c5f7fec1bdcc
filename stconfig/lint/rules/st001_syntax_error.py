"""Text that SeaTunnel's reader rejects.

## What it does
Reports a syntax or load error (unbalanced braces, a bad token, an unquoted `${x:default}`,
a missing required include, invalid UTF-8) at its position, as a finding instead of a crash.
Syntax-level rules still check the file when only its resolution or an include failed.

## Why is this bad?
SeaTunnel stops before the job starts, with a Java stack trace that rarely names the line.

## Example
    env {
      job.mode = "BATCH"
    source { FakeSource {} }

## Use instead
    env {
      job.mode = "BATCH"
    }
    source { FakeSource {} }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class SyntaxError_(Rule):
    code = "ST001"
    name = "syntax-error"
    severity = Severity.ERROR
    layer = "syntax"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        if ctx.parse_error is not None:
            yield ctx.report(self, ctx.parse_error.span, ctx.parse_error.message)


__all__ = ["SyntaxError_"]
