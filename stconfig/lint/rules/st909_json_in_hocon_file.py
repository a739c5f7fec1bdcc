"""JSON job text in a file that SeaTunnel reads as HOCON (any name not ending in `.json`).

## What it does
Flags a `.conf` / `.hocon` (or other non-`.json`) file whose content is a JSON job:
a braced root with quoted keys and `:` separators, with plugin sections as arrays.

## Why is this bad?
SeaTunnel picks the syntax by file extension. Read as HOCON, every plugin object under
`source`, `transform` and `sink` is turned into a list of its values, and the job fails
to load. The same text works unchanged as `job.json`.

## Example
    {"env": {"job.mode": "BATCH"}, "source": [{"plugin_name": "FakeSource"}], ...}   # job.conf

## Use instead
    Rename the file to job.json.
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
class JsonInHoconFile(Rule):
    code = "ST909"
    name = "json-in-hocon-file"
    severity = Severity.ERROR
    layer = "syntax"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        if not ctx.documents:
            return
        document = ctx.documents[0]
        if not looks_like_json(document):
            return
        sections = [
            field
            for doc, field in ctx.top_fields()
            if doc is document
            and field.key.path[0] in SECTIONS
            and isinstance(field.value, ArrayValue)
        ]
        if sections:
            yield ctx.report(
                self,
                sections[0].key.span,
                "this file holds a JSON job but its name does not end in '.json'; SeaTunnel "
                "reads it as HOCON and mangles every plugin",
                help="rename the file to *.json",
            )


__all__ = ["JsonInHoconFile"]
