"""A key set twice in one block, where the later value silently replaces the earlier one.

## What it does
Flags a key written a second time in the same object (a plugin block, `env`, a nested
option) when at least one of the two values is not an object, and names where the first
one is. Two objects under one key merge, which is usually intended, and two plugin blocks
with the same name are separate plugins; neither is flagged.

## Why is this bad?
SeaTunnel keeps the last value without a word, in the position of the first. Copy-pasted
blocks end up with the stale value winning or losing without anyone noticing.

## Example
    source { Jdbc { url = "jdbc:mysql://old", query = "select 1", url = "jdbc:mysql://new" } }

## Use instead
    source { Jdbc { url = "jdbc:mysql://new", query = "select 1" } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.hocon.ast import Field, ObjectValue
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Related, Severity
from stconfig.lint.helpers import SECTIONS
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule


@register
class DuplicateKey(Rule):
    code = "ST501"
    name = "duplicate-key"
    severity = Severity.WARNING
    layer = "syntax"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        # The objects of every HOCON document, from the fields every rule shares (walked
        # once) in one pass: each root, then the object values in written order, but for
        # the section blocks at the root (repeated sections are ST904's).
        objects: dict[int, tuple[ObjectValue, bool]] = {}
        root: object = None
        for document, field, path, parent in ctx.fields:
            if document.root is not root:
                root = document.root
                if document.syntax != "json" and isinstance(root, ObjectValue):
                    objects[id(root)] = (root, True)
            value = field.value
            if not isinstance(value, ObjectValue) or document.syntax == "json":
                continue  # the JSON parser already rejects duplicates
            key = field.key.path
            if parent is root and not path and len(key) == 1 and key[0] in SECTIONS:
                continue
            objects[id(value)] = (value, False)
        for obj, top in objects.values():
            yield from self._duplicates(ctx, obj, top=top)

    def _duplicates(self, ctx: LintContext, obj: ObjectValue, *, top: bool) -> Iterator[Diagnostic]:
        seen: dict[tuple[str, ...], Field] = {}
        for entry in obj.entries:
            if not isinstance(entry, Field) or entry.separator == "+=":
                continue
            path = entry.key.path
            if top and path[0] in SECTIONS:
                continue  # repeated sections: ST904
            earlier = seen.get(path)
            seen[path] = entry
            if earlier is None:
                continue
            if isinstance(earlier.value, ObjectValue) and isinstance(entry.value, ObjectValue):
                continue
            line, column = earlier.key.span.start_line_col
            yield ctx.report(
                self,
                entry.key.span,
                f"key {entry.key.raw!r} is set again; the value at line {line}, column {column} "
                "is silently replaced",
                help="remove one of the two",
                related=(Related(earlier.key.span, "the value replaced is set here"),),
            )


__all__ = ["DuplicateKey"]
