"""An option key the plugin does not have, usually a typo.

## What it does
Compares each key of a plugin block with the plugin's options in the catalog (fallback
keys, nested `a { b }` forms, map entries and prefix families included) and flags the
others, with the nearest option name.

## Why is this bad?
SeaTunnel 2.3.x ignores unknown keys: `row.nums = 500` silently leaves the default of 5
rows. (Only the 2026 `--dry-run` rejects them.)

## Example
    source { FakeSource { row.nums = 500 } }

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
class UnknownOption(Rule):
    code = "ST301"
    name = "unknown-option"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for finding in ctx.option_findings:
            if finding.kind == "unknown":
                hint = f"did you mean {finding.suggestion}?" if finding.suggestion else None
                yield ctx.report(self, finding.span, finding.message, help=hint)


__all__ = ["UnknownOption"]
