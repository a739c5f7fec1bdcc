r"""A key SeaTunnel can parse but not load: reserved characters, `//`, or empty.

## What it does
Flags keys, at any depth of nested objects (schema field names included), that are empty
or contain one of `$ " { } [ ] : = , + # ^ ? ! @ * & \` and the backquote, or the
sequence `//`. Keys of objects inside lists (such as FakeSource `rows`) are not flagged.

## Why is this bad?
After parsing, SeaTunnel's ConfigShade step rebuilds the config and re-reads every key
as a path expression; these characters make loading fail with
`ConfigException$BadPath: Invalid path 'a:b': Token not allowed in path expression`.

## Example
    source { FakeSource { schema { fields { "price:usd" = double } } } }

## Use instead
    source { FakeSource { schema { fields { price_usd = double } } } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.hocon.ast import ArrayValue, Field, ObjectValue, Value
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import SECTIONS
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule

RESERVED = frozenset('$"{}[]:=,+#^?!@*&\\`')


def problem(key: str) -> str | None:
    if not key.strip():
        return "is empty"
    if not RESERVED.isdisjoint(key):  # one C-level pass for the common, clean key
        bad = sorted({char for char in key if char in RESERVED})
        return "contains " + ", ".join(repr(char) for char in bad)
    if "//" in key:
        return "contains '//'"
    return None


@register
class UnloadableKey(Rule):
    code = "ST906"
    name = "unloadable-key"
    severity = Severity.ERROR
    layer = "syntax"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        found: list[Diagnostic] = []
        for document in ctx.documents:
            self._check(ctx, document.root, (), document.syntax == "json", found)
        return iter(found)

    def _check(
        self,
        ctx: LintContext,
        value: Value,
        path: tuple[str, ...],
        json: bool,
        found: list[Diagnostic],
    ) -> None:
        """The findings below `value` into `found`, in written order: a recursive function
        filling one list, not nested generators (a resumption per level for every field),
        called again only for the values that hold more fields."""
        # Keys of objects inside lists (below the plugin lists themselves) are kept as they
        # are when the config is rebuilt, so only objects reached through objects count.
        if isinstance(value, ArrayValue):
            if json and len(path) == 1 and path[0] in SECTIONS:
                for item in value.items:
                    self._check(ctx, item, path, json, found)
            return
        if not isinstance(value, ObjectValue):
            return
        # A HOCON plugin block's name becomes plugin_name, not a key.
        keys_count = json or len(path) != 1 or path[0] not in SECTIONS
        for entry in value.entries:
            if not isinstance(entry, Field):
                continue
            if keys_count:
                for part in entry.key.path:
                    # One C-level test for the common, clean key before `problem` says why.
                    if RESERVED.isdisjoint(part) and "//" not in part and part.strip():
                        continue
                    why = problem(part)
                    if why is not None:
                        found.append(
                            ctx.report(
                                self,
                                entry.key.span,
                                f"key {part!r} {why}; SeaTunnel fails to load it with BadPath",
                                help="rename the key using letters, digits, '_', '-' or '.'",
                            )
                        )
                        break
            if isinstance(entry.value, ObjectValue | ArrayValue):
                self._check(ctx, entry.value, (*path, *entry.key.path), json, found)


__all__ = ["UnloadableKey"]
