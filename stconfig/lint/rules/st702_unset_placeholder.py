"""A quoted `"${name}"` placeholder that nothing fills, so it stays literal text.

## What it does
Flags `${name}` inside a quoted string with no default (`${name:default}`) when no
`--var` sets `name`. Sink table placeholders (`${table_name}` ...) and the runtime tokens
connectors fill themselves (`${now}`, `${uuid}`, `${transactionId}`, `${k0}`, `${v0}`)
are not flagged.

## Why is this bad?
Inside quotes, HOCON leaves `${name}` alone; SeaTunnel's `-i` pass replaces it only from
`-i` values (never from the environment) and keeps it verbatim otherwise. The connector
then receives the text `${name}`, for example as a host name (apache/seatunnel#4453).

## Example
    sink { Clickhouse { host = "${CK_HOST}:8123" } }

## Use instead
    sink { Clickhouse { host = "${CK_HOST:localhost}:8123" } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig._lazy import lazy_pattern
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.variables import RESERVED_PLACEHOLDERS

RUNTIME = lazy_pattern(r"^(now|uuid|transactionId|[kv]\d+)$")


@register
class UnsetPlaceholder(Rule):
    code = "ST702"
    name = "unset-placeholder"
    severity = Severity.WARNING
    layer = "syntax"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        given = ctx.settings.variables
        for name, default, span, _ in ctx.placeholders:
            if default is not None or given.get(name) or name in RESERVED_PLACEHOLDERS:
                continue
            if RUNTIME.match(name):
                continue
            yield ctx.report(
                self,
                span,
                f"placeholder '${{{name}}}' has no value and no default; SeaTunnel keeps it "
                "as literal text",
                help=f"pass --var {name}=VALUE (seatunnel.sh -i), or give a default: "
                f"${{{name}:VALUE}}",
            )


__all__ = ["UnsetPlaceholder"]
