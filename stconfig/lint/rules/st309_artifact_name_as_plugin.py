"""A connector's jar (artifact) name used as its plugin name.

## What it does
Flags a `plugin_name` (or HOCON block name) that starts with `connector-` or
`seatunnel-transforms`, the naming scheme of SeaTunnel's jars, not of its plugins.

## Why is this bad?
SeaTunnel looks plugins up by factory identifier (`FakeSource`, `Jdbc`, `Console`) and
fails with `Plugin PluginIdentifier{... pluginName='connector-fake'} not found`, with no
hint that the name is the jar's (apache/seatunnel#5738).

## Example
    source { connector-fake {} }

## Use instead
    source { FakeSource {} }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule

PREFIXES = ("connector-", "seatunnel-transforms")


@register
class ArtifactNameAsPlugin(Rule):
    code = "ST309"
    name = "artifact-name-as-plugin"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        for plugin in ctx.job.plugins:
            name = plugin.name
            member = plugin.name_member
            if name is None or member is None or not name.lower().startswith(PREFIXES):
                continue
            span = member.key_span if member.implicit else member.value.span
            yield ctx.report(
                self,
                span or member.key_span,
                f"{name!r} is the name of a jar, not of a {plugin.kind} plugin; SeaTunnel "
                'fails with "Plugin ... not found"',
                help="use the plugin's name, such as FakeSource for connector-fake or Jdbc "
                "for connector-jdbc (see `plugin-mapping.properties`)",
            )


__all__ = ["ArtifactNameAsPlugin"]
