"""An `include` inside a `source` / `transform` / `sink` block.

## What it does
Flags `include` statements written directly inside a section block.

## Why is this bad?
SeaTunnel's parser merges the included object into a map it then throws away: the
plugins in the included file silently never run.

## Example
    source { include "sources.conf" }

## Use instead
    include "sources.conf"   # at the top level, where sources.conf holds `source { ... }`
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.hocon.ast import Include
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class IncludeInSection(Rule):
    code = "ST903"
    name = "include-in-section"
    severity = Severity.ERROR
    layer = "syntax"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for section, block in ctx.section_blocks():
            for entry in block.entries:
                if isinstance(entry, Include):
                    yield ctx.report(
                        self,
                        entry.span,
                        f"include {entry.target!r} inside {section!r} is silently dropped by "
                        "SeaTunnel",
                        help="include the file at the top level, with the section inside it",
                    )


__all__ = ["IncludeInSection"]
