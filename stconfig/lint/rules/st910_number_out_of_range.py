r"""A number beyond the range of a 64-bit floating-point number, which SeaTunnel reads as Infinity.

## What it does
Flags unquoted numbers such as `1e400` or `-2e308`, in values and lists, that Java's
`Double.parseDouble` turns into positive or negative Infinity. A number inside text
(`1e400 rows`) is text and is not flagged.

## Why is this bad?
SeaTunnel loads the job with an infinite value where a number was meant (a rate, a size,
a timeout), and `stconfig convert` and `stconfig import` cannot write it back as a number
in JSON, HOCON or Python.

## Example
    env { read_limit.bytes_per_second = 1e400 }

## Use instead
    env { read_limit.bytes_per_second = 100000000 }
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from stconfig.hocon.ast import ArrayValue, Concatenation, Field, NumberValue, ObjectValue, Value
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


def infinite_numbers(value: Value) -> Iterator[NumberValue]:
    """Every number below `value` that a double cannot hold."""
    pending = [value]
    while pending:
        current = pending.pop()
        if isinstance(current, NumberValue):
            if isinstance(current.value, float) and math.isinf(current.value):
                yield current
        elif isinstance(current, ObjectValue):
            pending.extend(
                entry.value for entry in reversed(current.entries) if isinstance(entry, Field)
            )
        elif isinstance(current, ArrayValue):
            pending.extend(reversed(current.items))
        elif isinstance(current, Concatenation):  # `1e400 x` is the text "1e400 x"
            pending.extend(
                part
                for part in reversed(current.parts)
                if isinstance(part, ObjectValue | ArrayValue)
            )


@register
class NumberOutOfRange(Rule):
    code = "ST910"
    name = "number-out-of-range"
    severity = Severity.ERROR
    layer = "syntax"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for document in ctx.documents:
            for number in infinite_numbers(document.root):
                yield ctx.report(
                    self,
                    number.span,
                    f"{number.text} is beyond the range of a 64-bit floating-point number; "
                    f"SeaTunnel reads it as {'-' if number.value < 0 else ''}Infinity",
                    help="write the number you mean, or quote it if it is text",
                )


__all__ = ["NumberOutOfRange"]
