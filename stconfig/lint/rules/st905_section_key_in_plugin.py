"""An option named `source`, `transform` or `sink` that holds an object.

## What it does
Flags keys named `source`, `transform` or `sink` below the top level of a HOCON file
(inside a plugin, inside `env`, anywhere) whose value is an object.

## Why is this bad?
SeaTunnel's parser turns an object under any key with these names into a list of its
values, at any depth: `sink { Console { source { k = 1 } } }` reaches the connector as
`"source": [1]`.

## Example
    sink { Http { source { format = "json" } } }

## Use instead
    sink { Http { source_options { format = "json" } } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.hocon.ast import ObjectValue
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import SECTIONS
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class SectionKeyInPlugin(Rule):
    code = "ST905"
    name = "section-key-in-plugin"
    severity = Severity.ERROR
    layer = "syntax"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for document, field, path, _ in ctx.fields:
            if document.syntax != "hocon" or not path:
                continue
            name = field.key.path[0]
            if name in SECTIONS and isinstance(field.value, ObjectValue):
                yield ctx.report(
                    self,
                    field.key.span,
                    f"option {name!r} holds an object; SeaTunnel turns it into a list of its "
                    "values",
                    help="this key name cannot hold an object in HOCON; use a JSON job file "
                    "or another option layout",
                )


__all__ = ["SectionKeyInPlugin"]
