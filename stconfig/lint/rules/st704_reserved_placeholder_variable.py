"""A `--var` named like a sink table placeholder (`table_name`, `database_name`, ...).

## What it does
Flags a variable given with `--var` (or in `[tool.stconfig] variables`) whose name is one
of SeaTunnel's reserved sink placeholders: `database_name`, `schema_name`,
`schema_full_name`, `table_name`, `table_full_name`, `primary_key`, `unique_key`,
`field_names`. It points at the first use of the name in the file.

## Why is this bad?
SeaTunnel refuses to start: `System placeholders cannot be used. Incorrect config
parameter: table_name`. These names are filled per table by the sink.

## Example
    # seatunnel.sh -c job.conf -i table_name=orders
    sink { Jdbc { table = "${table_name}" } }

## Use instead
    # seatunnel.sh -c job.conf -i target_table=orders
    sink { Jdbc { table = "${target_table}" } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import substitutions
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.source import Span
from stconfig.variables import RESERVED_PLACEHOLDERS


@register
class ReservedPlaceholderVariable(Rule):
    code = "ST704"
    name = "reserved-placeholder-variable"
    severity = Severity.ERROR
    layer = "syntax"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        reserved = sorted(n for n in ctx.settings.variables if n in RESERVED_PLACEHOLDERS)
        if not reserved:
            return
        uses: dict[str, Span] = {}
        for name, _, span, _ in ctx.placeholders:
            uses.setdefault(name, span)
        for ref in substitutions(ctx.documents):
            uses.setdefault(ref.name, ref.span)
        fallback = Span(ctx.documents[0].source, 0, 0) if ctx.documents else None
        for name in reserved:
            yield ctx.report(
                self,
                uses.get(name, fallback),
                f"variable {name!r} is a reserved sink placeholder; SeaTunnel refuses it: "
                f'"System placeholders cannot be used. Incorrect config parameter: {name}"',
                help="rename the variable, in the file and on the command line",
            )


__all__ = ["ReservedPlaceholderVariable"]
