"""`result_table_name` / `source_table_name` when targeting SeaTunnel 2.3.9 or later.

## What it does
When the target version is 2.3.9 or later, flags the old table keys and renames them to
`plugin_output` / `plugin_input`. When both the old and the new key are set, the old one
is reported as ignored and not renamed.

## Why is this bad?
2.3.9 renamed the keys (apache/seatunnel#8072). The old names still work but log a
deprecation warning on every run, and the docs no longer describe them; when both are
set, the new key silently wins.

## Example
    source { FakeSource { result_table_name = "fake" } }

## Use instead
    source { FakeSource { plugin_output = "fake" } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import rename_key_fix
from stconfig.lint.registry import register
from stconfig.lint.rule import FixAvailability, Rule
from stconfig.lint.versions import RENAME_VERSION

RENAMES = {"result_table_name": "plugin_output", "source_table_name": "plugin_input"}


@register
class DeprecatedTableKey(Rule):
    code = "ST401"
    name = "deprecated-table-key"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        if ctx.version < RENAME_VERSION:
            return
        for plugin in ctx.job.plugins:
            for old, new in RENAMES.items():
                member = plugin.node.member(old)
                if member is None:
                    continue
                if new in plugin.node:
                    yield ctx.report(
                        self,
                        member.key_span,
                        f"{old!r} is ignored because {new!r} is also set",
                        help=f"remove {old!r}",
                    )
                    continue
                yield ctx.report(
                    self,
                    member.key_span,
                    f"{old!r} is deprecated since SeaTunnel 2.3.9; use {new!r}",
                    fix=rename_key_fix(
                        member, new, f"rename to {new!r}", (plugin.kind, plugin.index)
                    ),
                )


__all__ = ["DeprecatedTableKey"]
