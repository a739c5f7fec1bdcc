"""A `shade.identifier` that names no built-in config shade.

## What it does
Flags an `env` `shade.identifier` other than `base64` or `default`, the identifiers that
ship with SeaTunnel.

## Why is this bad?
An unknown identifier silently falls back to the no-op default: encrypted values are then
passed to the connector still encrypted, and the login fails far from the cause. A custom
shade works only when its jar is on every node's classpath.

## Example
    env { shade.identifier = "base-64" }

## Use instead
    env { shade.identifier = "base64" }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import env_member, scalar_text
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.lint.suggest import did_you_mean

BUILT_IN = ("base64", "default")


@register
class ShadeIdentifierUnknown(Rule):
    code = "ST109"
    name = "shade-identifier-unknown"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        member = env_member(ctx.job.env, "shade.identifier")
        text = scalar_text(member.value) if member is not None else None
        if member is None or text in BUILT_IN:
            return
        hint = did_you_mean(text or "", BUILT_IN)
        yield ctx.report(
            self,
            member.value.span or member.key_span,
            f"shade.identifier {text!r} is not built in; unless a custom shade with that "
            "identifier is installed, SeaTunnel silently decrypts nothing",
            help=hint or "use 'base64', or install the custom ConfigShade on every node",
        )


__all__ = ["ShadeIdentifierUnknown"]
