"""An option the connector needs when the job starts, although its `OptionRule` says optional.

## What it does
Checks the options a connector reads outside its `OptionRule` and cannot do without, as the
catalog records them from SeaTunnel's source (`stconfig/catalog/overrides/run_time.json`,
29 facts in 14 plugins): for example FakeSource needs `schema` or `tables_configs` (and a
`schema` in every `tables_configs` entry); the Hbase, Rocketmq, Tablestore and GoogleSheets
sources need `schema`; the file sources need `path` and `file_format_type` unless they use
`tables_configs`; ClickhouseFile needs `node_pass`; Neo4j needs one of `username`,
`bearer_token` or `kerberos_ticket`.

## Why is this bad?
The rule check passes, so the mistake only shows when the engine builds the source: the
submit fails with `Factory initialize failed - Unable to create a source for identifier
'FakeSource'`, caused by `Schema config need option [schema], please correct your config
first` deep in the stack trace.

## Example
    source { FakeSource { row.num = 10 } }

## Use instead
    source { FakeSource { row.num = 10, schema { fields { id = bigint, name = string } } } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class OptionNeededAtRunTime(Rule):
    code = "ST311"
    name = "option-needed-at-run-time"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for finding in ctx.option_findings:
            if finding.kind == "run_time":
                hint = f"did you mean {finding.suggestion}?" if finding.suggestion else None
                yield ctx.report(self, finding.span, finding.message, help=hint)


__all__ = ["OptionNeededAtRunTime"]
