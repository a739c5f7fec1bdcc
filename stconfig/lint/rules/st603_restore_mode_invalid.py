"""A `restore.mode` value that no SeaTunnel restore understands.

## What it does
Flags an `env` `restore.mode` whose value is not `SAVEPOINT` or `CHECKPOINT`, the only
restore modes SeaTunnel has (as the REST `restoreMode` parameter of 3.x).

## Why is this bad?
Besides being ignored in `env` (ST601), a value such as `latest` or `resume` cannot be
carried over to the real parameter either: the restore cannot work as written.

## Example
    env { restore.mode = "latest" }

## Use instead
    # stconfig restore 842374234081 job.conf
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import restore_settings, scalar_text
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.lint.suggest import did_you_mean

MODES = ("SAVEPOINT", "CHECKPOINT")


@register
class RestoreModeInvalid(Rule):
    code = "ST603"
    name = "restore-mode-invalid"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        member = restore_settings(ctx.job.env).get("restore.mode")
        if member is None:
            return
        text = scalar_text(member.value)
        if text is not None and (text.strip().upper() in MODES or "${" in text):
            return
        yield ctx.report(
            self,
            member.value.span or member.key_span,
            f"restore mode {text!r} does not exist; SeaTunnel restores from a 'SAVEPOINT' or "
            "a 'CHECKPOINT'",
            help=did_you_mean(text or "", MODES),
        )


__all__ = ["RestoreModeInvalid"]
