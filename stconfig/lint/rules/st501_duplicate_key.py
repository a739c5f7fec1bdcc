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
        # The fields every rule shares (walked once), by document.
        fields_of: dict[int, list[tuple[Field, tuple[str, ...], ObjectValue]]] = {}
        for document, field, path, parent in ctx.fields:
            fields_of.setdefault(id(document), []).append((field, path, parent))
        for document in ctx.documents:
            if document.syntax == "json":
                continue  # the JSON parser already rejects duplicates
            objects: dict[int, ObjectValue] = {}
            root = document.root
            if isinstance(root, ObjectValue):
                objects[id(root)] = root
            skip: set[int] = set()
            for field, path, parent in fields_of.get(id(document), ()):
                if isinstance(field.value, ObjectValue):
                    objects[id(field.value)] = field.value
                    if (
                        parent is root
                        and not path
                        and field.key.path == (field.key.path[0],)
                        and field.key.path[0] in SECTIONS
                    ):
                        skip.add(id(field.value))
            for key, obj in objects.items():
                if key in skip:
                    continue
                yield from self._duplicates(ctx, obj, top=obj is root)

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
