"""An input name on a source, or an output name on a sink.

## What it does
Flags `plugin_input` / `source_table_name` inside a source and `plugin_output` /
`result_table_name` inside a sink.

## Why is this bad?
SeaTunnel ignores them silently: a source reads nothing from other plugins and a sink
produces no table. It usually means the two keys were swapped (apache/seatunnel#9456),
so the table the user meant to name is never declared.

## Example
    source { FakeSource { plugin_input = "fake" } }

## Use instead
    source { FakeSource { plugin_output = "fake" } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.model.graph import NEW_KEYS, OLD_KEYS

SWAP = {
    "plugin_input": "plugin_output",
    "plugin_output": "plugin_input",
    "source_table_name": "result_table_name",
    "result_table_name": "source_table_name",
}


@register
class TableKeyWrongDirection(Rule):
    code = "ST207"
    name = "table-key-wrong-direction"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        checks = (
            (ctx.job.sources, (NEW_KEYS[1], OLD_KEYS[1]), "a source reads no table"),
            (ctx.job.sinks, (NEW_KEYS[0], OLD_KEYS[0]), "a sink produces no table"),
        )
        for plugins, keys, why in checks:
            for plugin in plugins:
                for key in keys:
                    member = plugin.node.member(key)
                    if member is not None:
                        yield ctx.report(
                            self,
                            member.key_span,
                            f"{key!r} on {plugin.kind} {plugin.name!r} is ignored: {why}",
                            help=f"did you mean {SWAP[key]!r}?",
                        )


__all__ = ["TableKeyWrongDirection"]
