"""A plugin entry without a usable `plugin_name`, or a section that is not a plugin list.

## What it does
Flags a `source` / `transform` / `sink` element that is not an object, has no
`plugin_name` or a blank one, and a section that is not a list of plugins (in JSON: an
object instead of an array).

## Why is this bad?
SeaTunnel stops with `The 'plugin_name' option is not configured, please configure it.`,
or a `ClassCastException` for a section of the wrong shape (apache/seatunnel#2933).

## Example
    {"env": {}, "source": {"plugin_name": "FakeSource"}, "sink": [{"plugin_name": "Console"}]}

## Use instead
    {"env": {}, "source": [{"plugin_name": "FakeSource"}], "sink": [{"plugin_name": "Console"}]}
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import SECTIONS, string_value
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.model.values import ListNode, ObjectNode


@register
class InvalidPluginEntry(Rule):
    code = "ST110"
    name = "invalid-plugin-entry"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        for section in SECTIONS:
            member = ctx.job.root.member(section)
            if member is None:
                continue
            if not isinstance(member.value, ListNode):
                shape = "an object" if isinstance(member.value, ObjectNode) else "a single value"
                yield ctx.report(
                    self,
                    member.value.span or member.key_span,
                    f"{section!r} is {shape}; SeaTunnel needs a list of plugin objects",
                    help=f'write "{section}": [{{"plugin_name": "...", ...}}]',
                )
                continue
            for index, item in enumerate(member.value.items):
                if not isinstance(item, ObjectNode):
                    if ctx.is_json:
                        yield ctx.report(
                            self,
                            item.span or member.key_span,
                            f"{section}[{index}] is not an object; each element must be a "
                            "plugin object with 'plugin_name'",
                        )
                    continue
                name = item.member("plugin_name")
                text = string_value(name.value) if name is not None else None
                if name is None or text is None or not text.strip():
                    yield ctx.report(
                        self,
                        (name.value.span if name is not None else None) or item.span,
                        f'{section}[{index}] has no plugin_name; SeaTunnel fails with "The '
                        "'plugin_name' option is not configured\"",
                        help="add plugin_name (in HOCON, the block name sets it)",
                    )


__all__ = ["InvalidPluginEntry"]
