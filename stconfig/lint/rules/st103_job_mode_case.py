"""`job.mode` written in lower or mixed case.

## What it does
Flags `job.mode = "batch"` or `"Streaming"`: a valid mode in the wrong letter case.

## Why is this bad?
Zeta matches the mode case-insensitively, but the Flink and Spark starters use an exact
enum lookup and fail with `The enum class JobMode has no constant of the name 'batch'`,
so the same file breaks when the engine changes.

## Example
    env { job.mode = "batch" }

## Use instead
    env { job.mode = "BATCH" }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import env_member, quote, replace_value_fix, string_value
from stconfig.lint.registry import register
from stconfig.lint.rule import FixAvailability, Rule


@register
class JobModeCase(Rule):
    code = "ST103"
    name = "job-mode-case"
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        member = env_member(ctx.job.env, "job.mode")
        text = string_value(member.value) if member is not None else None
        if member is None or text is None:
            return
        upper = text.strip().upper()
        if upper in ("BATCH", "STREAMING") and text != upper:
            yield ctx.report(
                self,
                member.value.span or member.key_span,
                f"job.mode {text!r} works on Zeta only; Flink and Spark need {upper!r}",
                help=f"write {upper!r}",
                fix=replace_value_fix(
                    member.value, text, quote(upper), f"write {upper!r}", ("env", member.key), upper
                ),
            )


__all__ = ["JobModeCase"]
