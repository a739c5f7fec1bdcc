"""`job.mode` that is neither BATCH nor STREAMING.

## What it does
Flags an `env` `job.mode` whose value is not `BATCH` or `STREAMING` in any letter case, or
is not a string.

## Why is this bad?
Zeta fails with `Json parsing exception, value 'stream', and expected type ... JobMode`;
Flink and Spark fail with `The enum class JobMode has no constant of the name ...`.

## Example
    env { job.mode = "stream" }

## Use instead
    env { job.mode = "STREAMING" }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import env_member, scalar_text
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.lint.suggest import closest

MODES = ("BATCH", "STREAMING")


@register
class JobModeInvalid(Rule):
    code = "ST102"
    name = "job-mode-invalid"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        member = env_member(ctx.job.env, "job.mode")
        if member is None:
            return
        text = scalar_text(member.value)
        if text is not None and (text.strip().upper() in MODES or "${" in text):
            return  # a placeholder is checked by the variable rules
        shown = text if text is not None else member.value.to_python()
        guess = closest(text or "", MODES, cutoff=0.4) if text else []
        if text and not guess and text.strip().upper().startswith("STREAM"):
            guess = ["STREAMING"]
        yield ctx.report(
            self,
            member.value.span or member.key_span,
            f"job.mode {shown!r} is not a job mode; SeaTunnel accepts 'BATCH' or 'STREAMING'",
            help=f"did you mean {guess[0]!r}?" if guess else "use 'BATCH' or 'STREAMING'",
        )


__all__ = ["JobModeInvalid"]
