"""A quoted key with leading or trailing whitespace.

## What it does
Flags keys such as `" url"` or `"url "`; the fix removes the spaces, unless the trimmed
name is already set there (then SeaTunnel's value would change, and the fix is refused).

## Why is this bad?
SeaTunnel trims keys when the job loads, so `" url"` becomes `url`: the key looks
different from what the connector reads, and two keys that differ only in spaces collide.

## Example
    source { Jdbc { "url " = "jdbc:mysql://db:3306/app" } }

## Use instead
    source { Jdbc { url = "jdbc:mysql://db:3306/app" } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Change, Diagnostic, Edit, Fix, RenameKey, Severity
from stconfig.lint.helpers import members_written_at, quote
from stconfig.lint.registry import register
from stconfig.lint.rule import FixAvailability, Rule
from stconfig.source import Span


@register
class KeyWhitespace(Rule):
    code = "ST908"
    name = "key-whitespace"
    severity = Severity.WARNING
    layer = "syntax"
    fix_availability = FixAvailability.SOMETIMES

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for _, field, _, _ in ctx.fields:
            key = field.key
            part = next((p for p in key.path if p != p.strip() and p.strip()), None)
            if part is None:
                continue
            fix = None
            if len(key.path) == 1 and key.raw == quote(part):
                stripped = part.strip()
                fix = Fix(
                    f"write {stripped!r}",
                    (Edit.replace(key.span, quote(stripped)),),
                    _renames(ctx, key.span, part, stripped),
                )
            yield ctx.report(
                self,
                key.span,
                f"key {part!r} has surrounding whitespace; SeaTunnel trims it to {part.strip()!r}",
                fix=fix,
            )


def _renames(ctx: LintContext, span: Span, part: str, stripped: str) -> tuple[Change, ...]:
    """The key renamed wherever this written key landed in the job as read.

    SeaTunnel trims the key itself, so when the trimmed name is already set the fix would
    change which value it reads: checking the renames refuses that.
    """
    if ctx.job is None:
        return ()
    return tuple(
        RenameKey(at, member.key, member.key[: -len(part)] + stripped)
        for at, member in members_written_at(ctx.job.root, span)
        if member.key.endswith(part)
    )


__all__ = ["KeyWhitespace"]
