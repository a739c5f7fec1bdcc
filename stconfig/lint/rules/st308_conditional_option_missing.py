"""An option required by the value of another option, missing.

## What it does
Checks the plugin's `OptionRule` `conditional(option, value, required...)` groups: when
the option has that value (its default counts when it is unset), the listed options must
be set.

## Why is this bad?
SeaTunnel rejects the plugin: `There are unconfigured options, the options('string.template')
are required because ['string.fake.mode' == TEMPLATE] is true.`

## Example
    source { FakeSource { string.fake.mode = "template", schema { fields { id = string } } } }

## Use instead
    source {
      FakeSource {
        string.fake.mode = "template", string.template = ["a", "b"]
        schema { fields { id = string } }
      }
    }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class ConditionalOptionMissing(Rule):
    code = "ST308"
    name = "conditional-option-missing"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for finding in ctx.option_findings:
            if finding.kind == "conditional":
                hint = f"did you mean {finding.suggestion}?" if finding.suggestion else None
                yield ctx.report(self, finding.span, finding.message, help=hint)


__all__ = ["ConditionalOptionMissing"]
