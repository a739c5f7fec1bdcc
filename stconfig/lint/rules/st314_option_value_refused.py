"""A value of the right type that the connector itself refuses when SeaTunnel builds it.

## What it does
Runs the value checks a connector makes beyond the option's type, as SeaTunnel 2.3.8's source
states them (`stconfig/catalog/value_checks.py`): the Jdbc source and sink need a `url` that
one of the release's 21 JDBC dialects accepts (a case-sensitive prefix such as
`jdbc:mysql:` or `jdbc:postgresql:`; 2.3.8 has no `jdbc:opengauss:` dialect), and the
Maxcompute plugins need an `endpoint` that is an http(s) URI, the Http sources with a
`schema` parse only `format = json` (their default is text), the Pulsar source with a `schema`
only json and canal_json, and a Paimon `warehouse` such as
`hdfs:///path` (no host) needs `fs.defaultFS` from `paimon.hadoop.conf` or a Hadoop file. It
reports an error where the engine runs the check while it builds the block (the Jdbc plugins
and the Http, Pulsar and Paimon sources always, the Maxcompute source without `schema`, the
Maxcompute sink with `overwrite = true` or a `partition_spec`) and an ST312 warning where the
check runs only when the job starts.

## Why is this bad?
The job is refused at submit, deep in a stack trace: `Could not find any jdbc dialect factory
that can handle url 'jdbc:opengauss://db:5432/app'` (JDBC-06), or `Request URI(http or https)
required.` from the ODPS client.

## Example
    source { Jdbc { url = "jdbc:opengauss://db:5432/app", driver = "org.opengauss.Driver",
                    query = "select * from t" } }

## Use instead
    source { Jdbc { url = "jdbc:postgresql://db:5432/app", driver = "org.postgresql.Driver",
                    query = "select * from t" } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class OptionValueRefused(Rule):
    code = "ST314"
    name = "option-value-refused"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for finding in ctx.option_findings:
            if finding.kind == "refused_value":
                yield ctx.report(self, finding.span, finding.message)


__all__ = ["OptionValueRefused"]
