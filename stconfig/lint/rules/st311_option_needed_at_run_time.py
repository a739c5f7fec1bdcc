"""An option the connector needs when the job starts, although its `OptionRule` says optional.

## What it does
Checks the options a connector reads outside its `OptionRule` and cannot do without, as the
catalog records them from SeaTunnel's source (`stconfig/catalog/overrides/run_time.json`,
74 facts in 35 plugins, each quoting SeaTunnel 2.3.8's refusal): for example FakeSource
needs `schema` or `tables_configs` (and a `schema` in every `tables_configs` entry); the
Hbase, Rocketmq, Tablestore, GoogleSheets and Typesense sources need `schema`; the file
sources need `path` and `file_format_type` unless they use `tables_configs`, and
`xml_row_tag` / `xml_use_attr_format` for XML; the file sinks read `file_format_type` from the
raw config, so its default does not count; ClickhouseFile needs `node_pass`; Neo4j needs one
of `username`, `bearer_token` or `kerberos_ticket`; Pulsar needs `topic` or `topic-pattern`;
the Elasticsearch source needs `index` or `index_list`;
the Copy transform needs `fields` or `src_field`.

Some facts hold only under a condition, which the rule evaluates as SeaTunnel does: `when`
compares an option's value (or its default) with the listed values ignoring case (Rocketmq
needs `start.mode.timestamp` when `start.mode = CONSUME_FROM_TIMESTAMP`; Hudi needs
`record_key_fields` when `op_type = UPSERT`, in every `table_list` entry too);
`when_prefix` tests how a value starts (a Jdbc source with a `jdbc:oceanbase:` URL needs
`compatible_mode`; one whose dialect has a catalog, `jdbc:postgresql:` and others, needs
`user`); `when_set` asks only that another option be set (the Elasticsearch source needs
`password` once `username` is set: its REST client reads it with `Optional.get()`). A
misspelled key is reported at the misspelling, with "did you mean".

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
