"""An `env` value the engine cannot read: durations, negatives, unknown save-mode locations.

## What it does
Checks the `env` values SeaTunnel reads with raw `Long.parseLong` / `Integer.parseInt`
lookups or enums: `checkpoint.interval` and `checkpoint.timeout` (positive integer
milliseconds), `parallelism`, `read_limit.rows_per_second`, `read_limit.bytes_per_second`
(positive integers), `job.retry.times`, `job.retry.interval.seconds` (integers, zero or
more) and `savemode.execute.location` (`CLUSTER` or `CLIENT`).

## Why is this bad?
HOCON durations such as `10s` are not accepted: the job fails when the checkpoint
coordinator starts (`NumberFormatException`). Zero or negative read limits fail with
`bytesPerSecond and countPerSecond must be positive`.

## Example
    env { checkpoint.interval = 10s }

## Use instead
    env { checkpoint.interval = 10000 }
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stconfig._lazy import lazy_pattern
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.model.values import Scalar

POSITIVE = (
    "checkpoint.interval",
    "checkpoint.timeout",
    "read_limit.rows_per_second",
    "read_limit.bytes_per_second",
)
NON_NEGATIVE = ("job.retry.times", "job.retry.interval.seconds")
DURATION = lazy_pattern(
    r"^\s*(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|seconds?|m|minutes?|h|hours?)\s*$", re.IGNORECASE
)
FACTORS = {"ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000}


def unit_of(text: str) -> str:
    lower = text.lower()
    return "ms" if lower.startswith(("ms", "milli")) else lower[0]


def integer_text(value: object) -> int | None:
    """The value as `Long.parseLong` reads its text, or None when that would fail."""
    if isinstance(value, bool) or value is None:
        return None
    text = str(value).strip() if isinstance(value, str) else str(value)
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    return None


@register
class EnvValueInvalid(Rule):
    code = "ST104"
    name = "env-value-invalid"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        env = ctx.job.env
        if env is None:
            return
        for key, member in env.members.items():
            value = member.value
            span = value.span or member.key_span
            if not isinstance(value, Scalar):
                if key in (*POSITIVE, *NON_NEGATIVE, "parallelism", "savemode.execute.location"):
                    yield ctx.report(
                        self,
                        span,
                        f"env {key!r} must be a single value, not "
                        f"{type(value.to_python()).__name__}",
                    )
                continue
            raw = value.value
            if isinstance(raw, str) and "${" in raw:
                continue  # a placeholder is checked by the variable rules
            if key in POSITIVE or key in NON_NEGATIVE:
                number = integer_text(raw)
                low = 1 if key in POSITIVE else 0
                if number is not None and number >= low:
                    continue
                unit = " (milliseconds)" if key.startswith("checkpoint.") else ""
                help = None
                match = DURATION.match(str(raw)) if isinstance(raw, str) else None
                if match and key.startswith("checkpoint."):
                    millis = int(float(match.group(1)) * FACTORS[unit_of(match.group(2))])
                    help = f"durations are not accepted; write {key} = {millis}"
                bound = "positive" if low else "zero or more"
                yield ctx.report(
                    self,
                    span,
                    f"env {key!r} is {raw!r}; SeaTunnel needs a {bound} integer{unit}",
                    help=help,
                )
            elif key == "parallelism":
                if isinstance(raw, bool) or raw is None:
                    ok = False
                elif isinstance(raw, int | float):
                    ok = raw >= 1
                else:
                    ok = bool(re.fullmatch(r"\s*\d+(\.\d+)?\s*", raw)) and float(raw) >= 1
                if not ok:
                    yield ctx.report(
                        self, span, f"env 'parallelism' is {raw!r}; it must be a positive integer"
                    )
            elif key == "savemode.execute.location" and (
                not isinstance(raw, str) or raw.strip().upper() not in ("CLUSTER", "CLIENT")
            ):
                yield ctx.report(
                    self,
                    span,
                    f"env 'savemode.execute.location' is {raw!r}; it must be 'CLUSTER' or 'CLIENT'",
                )


__all__ = ["EnvValueInvalid"]
