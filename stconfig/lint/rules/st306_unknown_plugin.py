"""A plugin name SeaTunnel does not have.

## What it does
Looks each `plugin_name` (or HOCON block name) up in the catalog of the target version,
case-insensitively as SeaTunnel does, and suggests near names, the plugin behind an
artifact name, or `Jdbc` for a database name. When the target version is newer than every
catalog (the catalog ends at 2.3.8, read from the 15431c9 tree), an unknown name is a
warning that says so: that release may have the connector.

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

from stconfig._records import replace
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
            if finding.kind in ("unknown-plugin", "newer-plugin"):
                hint = f"did you mean {finding.suggestion}?" if finding.suggestion else None
                found = ctx.report(self, finding.span, finding.message, help=hint)
                if finding.kind == "newer-plugin":
                    found = replace(found, severity=Severity.WARNING)
                yield found


__all__ = ["UnknownPlugin"]
