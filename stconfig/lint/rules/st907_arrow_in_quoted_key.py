"""A quoted key that contains `->`, which becomes a nested path when the job loads.

## What it does
Flags quoted keys (and JSON keys) containing `->`.

## Why is this bad?
Quoting keeps `"a->b"` one key while parsing, but SeaTunnel's ConfigShade step re-reads
every key as a path and `->` is its path separator: the connector receives `{a: {b: ...}}`
instead of the key it was meant to get.

## Example
    sink { Http { headers { "x->y" = "1" } } }

## Use instead
    sink { Http { headers { "x-y" = "1" } } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class ArrowInQuotedKey(Rule):
    code = "ST907"
    name = "arrow-in-quoted-key"
    severity = Severity.WARNING
    layer = "syntax"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for _, field, _, _ in ctx.fields:
            part = next((p for p in field.key.path if "->" in p), None)
            if part is not None:
                nested = " -> ".join(repr(piece) for piece in part.split("->"))
                yield ctx.report(
                    self,
                    field.key.span,
                    f"key {part!r} is read back as the nested path {nested} when SeaTunnel "
                    "loads the job",
                    help="avoid '->' in key names",
                )


__all__ = ["ArrowInQuotedKey"]
