"""A variable value that `seatunnel.sh -i` would mangle: spaces, quotes, commas, `=`.

## What it does
Flags each use of a variable whose `--var` value contains whitespace, a quote, a comma or
an `=` sign.

## Why is this bad?
`seatunnel.sh` passes its arguments on unquoted, so a value with a space is cut at the
space; `-i` values are split at commas outside quotes and brackets, and quotes stay part
of the value (apache/seatunnel#6840). What the job receives is not what was typed.

## Example
    # seatunnel.sh -c job.conf -i "QUERY=select a, b from t"
    source { Jdbc { query = ${QUERY} } }

## Use instead
    source { Jdbc { query = "select a, b from t" } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig._lazy import lazy_pattern
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import substitutions
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.source import Span

RISKY = lazy_pattern(r"[\s\"',=]")


@register
class RiskyVariableValue(Rule):
    code = "ST706"
    name = "risky-variable-value"
    severity = Severity.WARNING
    layer = "syntax"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        risky = {n: v for n, v in ctx.settings.variables.items() if RISKY.search(v)}
        if not risky:
            return
        uses: list[tuple[str, Span]] = [
            (name, span) for name, _, span, _ in ctx.placeholders if name in risky
        ]
        uses += [(ref.name, ref.span) for ref in substitutions(ctx.documents) if ref.name in risky]
        for name, span in sorted(uses, key=lambda use: use[1].start):
            found = sorted({describe(c) for c in RISKY.findall(risky[name])})
            yield ctx.report(
                self,
                span,
                f"the value of variable {name!r} contains {', '.join(found)}; seatunnel.sh -i "
                "would split or truncate it",
                help="put the value in the file, or in an environment variable for unquoted "
                "${...} references",
            )


def describe(char: str) -> str:
    if char.isspace():
        return "whitespace"
    return {'"': "a quote", "'": "a quote", ",": "a comma", "=": "'='"}[char]


__all__ = ["RiskyVariableValue"]
