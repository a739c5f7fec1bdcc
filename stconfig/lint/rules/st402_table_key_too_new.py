"""`plugin_output` / `plugin_input` when targeting SeaTunnel 2.3.8 or earlier.

## What it does
When the target version is before 2.3.9, flags the new table keys and renames them to
`result_table_name` / `source_table_name`. Without a chosen version (`--target-version` or
`target-version` in `[tool.stconfig]`) the job is checked as the default, 2.3.8, and the
finding says to choose the version when the cluster runs 2.3.9 or later.

## Why is this bad?
2.3.8 does not know the new names and ignores them silently: a simple job is wired to
the previous plugin whatever the names say, and a complex job is rejected with
`is not configured with 'result_table_name' option`.

## Example
    source { FakeSource { plugin_output = "fake" } }

## Use instead
    source { FakeSource { result_table_name = "fake" } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import rename_key_fix
from stconfig.lint.registry import register
from stconfig.lint.rule import FixAvailability, Rule
from stconfig.lint.versions import RENAME_VERSION
from stconfig.versions import TABLE_KEY_RENAMES

RENAMES = {new: old for old, new in TABLE_KEY_RENAMES.items()}
CHOOSE = (
    "; or, if the cluster runs 2.3.9 or later, say so with --target-version or "
    "target-version in [tool.stconfig] (no version was chosen: checked as the default)"
)


@register
class TableKeyTooNew(Rule):
    code = "ST402"
    name = "table-key-too-new"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SOMETIMES

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        if ctx.version >= RENAME_VERSION:
            return
        target = ctx.settings.target_version
        for plugin in ctx.job.plugins:
            for new, old in RENAMES.items():
                member = plugin.node.member(new)
                if member is None:
                    continue
                both = old in plugin.node
                yield ctx.report(
                    self,
                    member.key_span,
                    f"{new!r} does not exist in SeaTunnel {target} and is ignored"
                    + (f"; {old!r} is used instead" if both else ""),
                    help=(f"remove {new!r}" if both else f"use {old!r} (renamed in 2.3.9)")
                    + ("" if ctx.settings.version_chosen else CHOOSE),
                    fix=None
                    if both
                    else rename_key_fix(
                        member, old, f"rename to {old!r}", (plugin.kind, plugin.index)
                    ),
                )


__all__ = ["TableKeyTooNew"]
