"""A `source`, `transform` or `sink` section written twice.

## What it does
Flags a second top-level `source { }` (or `transform`, `sink`) block, in the file or in
the files it includes, and names where the first one is.

## Why is this bad?
Sections are lists, and lists never merge: the later block replaces the earlier one, so
every plugin in the first block silently disappears.

## Example
    source { FakeSource { plugin_output = "a" } }
    source { Jdbc { plugin_output = "b" } }

## Use instead
    source {
      FakeSource { plugin_output = "a" }
      Jdbc { plugin_output = "b" }
    }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Related, Severity
from stconfig.lint.helpers import SECTIONS
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.source import Span


@register
class RepeatedSection(Rule):
    code = "ST904"
    name = "repeated-section"
    severity = Severity.ERROR
    layer = "syntax"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        seen: dict[str, Span] = {}
        for document, field in ctx.top_fields():
            if document.syntax != "hocon" or len(field.key.path) != 1:
                continue
            name = field.key.path[0]
            if name not in SECTIONS or field.separator == "+=":
                continue
            earlier = seen.get(name)
            seen[name] = field.key.span
            if earlier is None:
                continue
            line, column = earlier.start_line_col
            where = f"line {line}, column {column}"
            if earlier.path != field.key.span.path:
                where = f"{earlier.path}:{line}:{column}"
            yield ctx.report(
                self,
                field.key.span,
                f"{name!r} is written again; it replaces the {name!r} block at {where}, whose "
                "plugins are dropped",
                help=f"put all plugins in one `{name}` block",
                related=(Related(earlier, f"the {name!r} block replaced, plugins dropped"),),
            )


__all__ = ["RepeatedSection"]
