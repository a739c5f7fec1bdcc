"""A `${name}` placeholder in a JSON job file.

## What it does
Flags placeholders inside strings of a `.json` job.

## Why is this bad?
The docs say variables work only in HOCON. In fact `seatunnel.sh -i` replaces quoted
placeholders in JSON files too, but a REST submission (`/submit-job`) never does: the
same body sent over REST carries the literal `${name}` to the connector.

## Example
    {"source": [{"plugin_name": "Jdbc", "url": "${DB_URL}"}]}

## Use instead
    # render first: stconfig convert --var DB_URL=... job.conf --to json
    {"source": [{"plugin_name": "Jdbc", "url": "jdbc:mysql://db:3306/app"}]}
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class VariableInJson(Rule):
    code = "ST703"
    name = "variable-in-json"
    severity = Severity.WARNING
    layer = "syntax"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for name, _, span, document in ctx.placeholders:
            if document.syntax != "json":
                continue
            yield ctx.report(
                self,
                span,
                f"placeholder '${{{name}}}' in a JSON job is replaced only by seatunnel.sh -i, "
                "never by a REST submission",
                help="substitute the value before submitting over REST",
            )


__all__ = ["VariableInJson"]
