"""A `source`, `transform` or `sink` section written as a HOCON array.

## What it does
Flags `source = [ { plugin_name = ... } ]` (and the same for `transform` and `sink`) in
a HOCON file.

## Why is this bad?
SeaTunnel's parser turns every object under these keys into a list of its values, even
inside an array: the job becomes `"source": [["FakeSource", 2, 1]]` and fails with a
`ClassCastException`. The array form works only in `.json` files.

## Example
    source = [ { plugin_name = "FakeSource", row.num = 10 } ]

## Use instead
    source { FakeSource { row.num = 10 } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.hocon.ast import ArrayValue
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import SECTIONS, looks_like_json
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class SectionAsArray(Rule):
    code = "ST901"
    name = "section-as-array"
    severity = Severity.ERROR
    layer = "syntax"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for document, field in ctx.top_fields():
            if document.syntax != "hocon" or looks_like_json(document):
                continue
            name = field.key.path[0]
            if name in SECTIONS and isinstance(field.value, ArrayValue):
                yield ctx.report(
                    self,
                    field.key.span,
                    f"{name!r} is written as an array; in HOCON SeaTunnel mangles each plugin "
                    "into a list of its values",
                    help=f"write `{name} {{ PluginName {{ ... }} }}` blocks",
                )


__all__ = ["SectionAsArray"]
