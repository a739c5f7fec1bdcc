"""An inline suppression that suppresses nothing.

## What it does
Flags `# stconfig: ignore[CODE]` (or `// stconfig: ignore[CODE]`) comments whose codes
matched no finding on their line or the line below, and codes that name no rule.

## Why is this bad?
A stale suppression hides the next real problem on that line, and a misspelt code never
suppressed anything in the first place.

## Example
    sink { Console {} }  # stconfig: ignore[ST201]

## Use instead
    sink { Console {} }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import all_rules, register
from stconfig.lint.rule import Rule


@register
class UnusedSuppression(Rule):
    code = "ST002"
    name = "unused-suppression"
    severity = Severity.WARNING
    layer = "syntax"
    after_suppressions = True

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        if not ctx.suppressions:
            return  # most files have none; all_rules() copies and sorts the registry
        known = all_rules()
        for item in ctx.suppressions:
            unknown = [c for c in item.codes if not any(k.startswith(c) for k in known)]
            unused = [
                c
                for c in item.codes
                if c not in unknown
                and c not in item.used
                and any(e.startswith(c) for e in ctx.enabled)
            ]
            parts = []
            if unused:
                parts.append(f"unused suppression for {', '.join(unused)}")
            if unknown:
                parts.append(f"unknown rule code {', '.join(unknown)}")
            if parts:
                yield ctx.report(
                    self, item.span, "; ".join(parts), help="remove the code, or the whole comment"
                )


__all__ = ["UnusedSuppression"]
