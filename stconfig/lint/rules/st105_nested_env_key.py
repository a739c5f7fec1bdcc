"""A nested `env` form SeaTunnel never reads, such as `checkpoint { interval = ... }`.

## What it does
Flags `checkpoint { ... }`, `read_limit { ... }`, `shade { identifier = ... }` and
`job { retry { ... } }` objects inside `env` whose keys SeaTunnel only reads flat
(`checkpoint.interval`, `read_limit.rows_per_second`, `shade.identifier`,
`job.retry.times`).

## Why is this bad?
In SeaTunnel's dialect `.` does not nest: `checkpoint.interval` is one key. The engine
looks that flat key up in the raw env map, so the nested form is silently ignored: no
checkpoints, no rate limit, no decryption, default retries.

## Example
    env { checkpoint { interval = 10000 } }

## Use instead
    env { checkpoint.interval = 10000 }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.model.values import Member, ObjectNode

FLAT_ONLY = frozenset(
    {
        "checkpoint.interval",
        "checkpoint.timeout",
        "read_limit.rows_per_second",
        "read_limit.bytes_per_second",
        "job.retry.times",
        "job.retry.interval.seconds",
        "shade.identifier",
        "tag_filter",
    }
)
ROOTS = frozenset(key.split(".")[0] for key in FLAT_ONLY)


def flatten(prefix: str, node: ObjectNode) -> Iterator[tuple[str, Member]]:
    for key, member in node.members.items():
        path = f"{prefix}.{key}"
        if isinstance(member.value, ObjectNode):
            yield from flatten(path, member.value)
        else:
            yield path, member


@register
class NestedEnvKey(Rule):
    code = "ST105"
    name = "nested-env-key"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        env = ctx.job.env
        if env is None:
            return
        for key, member in env.members.items():
            if key not in ROOTS or not isinstance(member.value, ObjectNode):
                continue
            for path, inner in flatten(key, member.value):
                if path in FLAT_ONLY:
                    yield ctx.report(
                        self,
                        inner.key_span or member.key_span,
                        f"nested env key {path!r} is ignored: SeaTunnel reads only the flat "
                        f"key {path!r}",
                        help=f"write `{path} = ...` directly inside env",
                    )


__all__ = ["NestedEnvKey"]
