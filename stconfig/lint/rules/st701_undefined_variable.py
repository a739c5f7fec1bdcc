"""An unquoted `${name}` that nothing defines.

## What it does
Flags each unquoted substitution `${name}` that neither the file, the environment nor a
`--var` (SeaTunnel's `-i`) defines.

## Why is this bad?
SeaTunnel fails to load the job with `need to Config#resolve() ... substitution not
resolved: ConfigReference(${name})` (apache/seatunnel#719).

## Example
    source { Jdbc { url = ${DB_URL} } }

## Use instead
    # stconfig lint --var DB_URL=jdbc:mysql://db:3306/app job.conf
    # seatunnel.sh -c job.conf -i DB_URL=jdbc:mysql://db:3306/app
    source { Jdbc { url = ${DB_URL} } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class UndefinedVariable(Rule):
    code = "ST701"
    name = "undefined-variable"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        seen: set[tuple[str, int]] = set()
        for ref in ctx.job.unresolved:
            key = (ref.span.path, ref.span.start)
            if key in seen:
                continue
            seen.add(key)
            name = ref.name
            yield ctx.report(
                self,
                ref.span,
                f"variable {name!r} has no value: it is not set in the file, the environment "
                "or with --var",
                help=f"pass --var {name}=VALUE (seatunnel.sh -i {name}=VALUE), export it, or "
                f"write ${{?{name}}} to drop the key when it is unset",
            )


__all__ = ["UndefinedVariable"]
