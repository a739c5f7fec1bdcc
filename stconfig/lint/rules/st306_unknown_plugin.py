"""A plugin name SeaTunnel does not have.

## What it does
Looks each `plugin_name` (or HOCON block name) up in the catalog of the target version,
case-insensitively as SeaTunnel does, and suggests near names, the plugin behind an
artifact name, or `Jdbc` for a database name. When a chosen target version is newer than
every catalog, unknown names are not reported (new plugins may exist); when the version was
inferred from `plugin_output` keys, they are checked against the newest catalog.

## Why is this bad?
SeaTunnel fails with `Plugin PluginIdentifier{engineType='seatunnel', pluginType='source',
pluginName='MySQL'} not found.` and no hint (apache/seatunnel#8917).

## Example
    source { MySQL { url = "jdbc:mysql://db:3306/app" } }

## Use instead
    source { Jdbc { url = "jdbc:mysql://db:3306/app", driver = "com.mysql.cj.jdbc.Driver" } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class UnknownPlugin(Rule):
    code = "ST306"
    name = "unknown-plugin"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for finding in ctx.option_findings:
            if finding.kind == "unknown-plugin":
                hint = f"did you mean {finding.suggestion}?" if finding.suggestion else None
                yield ctx.report(self, finding.span, finding.message, help=hint)


__all__ = ["UnknownPlugin"]
