"""An `OptionRule` requirement that the engine never checks for this plugin.

## What it does
For plugins that SeaTunnel 2.3.8 runs on its legacy path (the factory does not implement
`createSource` / `createSink`, so `MultipleTableJobConfigParser` calls the plugin's own
`prepare(Config)` and never validates the `OptionRule`), reports the rule's required,
exclusive, bundled and conditional groups as warnings instead of errors. The catalog records
how the engine checks each plugin (`stconfig/catalog/data/engine-checks-2.3.8.json`, asked of
the engine itself); the keys the legacy `prepare()` does require stay errors (ST302), and so
do keys it requires together (the Clickhouse sink's `username` and `password`: one set, both
needed) and keys the plugin reads outside the rule (ST311): no warning contradicts them. It also
reports, as warnings, values SeaTunnel cannot convert (ST303/ST307 otherwise) in options that
the engine, asked option by option, does not convert while it builds the plugin (the catalog's
`strict_values`): such a value fails the job only when the plugin reads it, if ever.

## Why is this bad?
The engine runs the job, but the documented rule is not met: the option usually matters to
another mode or a later SeaTunnel release (where the factory path validates the rule), so the
file breaks on upgrade. SeaTunnel's own Neo4jIT runs `fake_to_neo4j_batch_write.conf`, whose
Neo4j sink lacks the rule's `queryParamPosition`, and asserts exit code 0.

## Example
    sink { Neo4j { uri = "neo4j://db:7687", database = "neo4j", username = "neo4j",
                   password = ${NEO4J_PASSWORD}, query = "CREATE (n {id: $id})",
                   write_mode = "BATCH", max_batch_size = 100 } }

## Use instead
    sink { Neo4j { uri = "neo4j://db:7687", database = "neo4j", username = "neo4j",
                   password = ${NEO4J_PASSWORD}, query = "CREATE (n {id: $id})",
                   write_mode = "BATCH", max_batch_size = 100,
                   queryParamPosition = { id = 0 } } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class RuleNotCheckedByEngine(Rule):
    code = "ST312"
    name = "rule-not-checked-by-engine"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for finding in ctx.option_findings:
            if finding.kind == "unchecked":
                yield ctx.report(self, finding.span, finding.message)


__all__ = ["RuleNotCheckedByEngine"]
