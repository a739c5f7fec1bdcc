"""A restore job id that is not a signed 64-bit integer.

## What it does
Flags an `env` `job.id` (the cookbook's restore setting) whose value is not a whole
number in the range of a Java `long`.

## Why is this bad?
Zeta job ids are Java longs: the REST `jobId` parameter is read with `Long.parseLong` and
`seatunnel.sh -r` expects the number printed at submission. A name, a UUID or a number
too large can never match a job, so the restore is refused.

## Example
    env { job.id = "nightly-orders" }

## Use instead
    # restore by the numeric id printed at submission:
    # stconfig restore 842374234081 job.conf
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import restore_settings, scalar_text
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule

LONG_MIN, LONG_MAX = -(2**63), 2**63 - 1


def is_long(text: str) -> bool:
    return bool(re.fullmatch(r"[+-]?\d+", text)) and LONG_MIN <= int(text) <= LONG_MAX


@register
class RestoreJobIdInvalid(Rule):
    code = "ST602"
    name = "restore-job-id-invalid"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        member = restore_settings(ctx.job.env).get("job.id")
        if member is None:
            return
        text = scalar_text(member.value)
        if text is not None and ("${" in text or is_long(text)):
            return
        yield ctx.report(
            self,
            member.value.span or member.key_span,
            f"job id {text if text is not None else member.value.to_python()!r} is not a "
            "signed 64-bit integer; Zeta job ids are numbers such as 842374234081",
            help="use the numeric id SeaTunnel printed when the job was submitted",
        )


__all__ = ["RestoreJobIdInvalid"]
