"""A default on a reserved sink placeholder, such as `"${table_name:orders}"`.

## What it does
Flags sink table placeholders (`${table_name}`, `${database_name}`, ...) written with a
default value.

## Why is this bad?
SeaTunnel 2.3.8's load-time variable pass consumes the default: `"${table_name:x}_tmp"`
is already `x_tmp` before the sink could put the real table name in, so every table is
written to the same place.

## Example
    sink { Jdbc { table = "${table_name:orders}" } }

## Use instead
    sink { Jdbc { table = "${table_name}" } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.variables import RESERVED_PLACEHOLDERS


@register
class ReservedPlaceholderDefault(Rule):
    code = "ST705"
    name = "reserved-placeholder-default"
    severity = Severity.WARNING
    layer = "syntax"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for name, default, span, _ in ctx.placeholders:
            if name in RESERVED_PLACEHOLDERS and default is not None:
                yield ctx.report(
                    self,
                    span,
                    f"the default {default!r} of sink placeholder '${{{name}}}' is applied at "
                    "load time, so the sink never fills in the real name",
                    help=f"write '${{{name}}}' without a default",
                )


__all__ = ["ReservedPlaceholderDefault"]
