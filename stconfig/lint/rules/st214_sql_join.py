"""A Sql transform whose query joins tables.

## What it does
Flags a `JOIN` in the outer `select` of a Sql transform's `query` (string literals and
comments aside).

## Why is this bad?
SeaTunnel's Sql transform works on one row at a time; its ZetaSQL engine has no join
(`ZetaSQLEngine.validateSQL`, transforms 2.3.8). The engine refuses the job when it is
submitted: "SQL validate failed: ..., cause: Unsupported table join syntax" (or, when the
`FROM` table has an alias, which it checks first, "Unsupported table alias name syntax").
Feeding the Sql transform both tables does not help either: a plugin fed tables of different
row types is refused too (ST213).

## Example
    transform {
      Sql {
        plugin_input = "orders"
        query = "select o.id, c.name from orders o join customers c on o.customer_id = c.id"
      }
    }

## Use instead
Join in the source (a Jdbc `query` with the join), or in the sink's database; keep the Sql
transform to one table:

    transform {
      Sql { plugin_input = "orders", query = "select id, amount * 100 as cents from orders" }
    }
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stconfig._lazy import lazy_pattern
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import string_value
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule

JOIN = lazy_pattern(r"\bjoin\b", re.IGNORECASE)
NOISE = lazy_pattern(r"'(?:[^']|'')*'|\"[^\"]*\"|`[^`]*`|--[^\n]*|/\*.*?\*/", re.DOTALL)
"""String literals, quoted names and comments, blanked out before looking for JOIN."""
FROM_ALIAS = lazy_pattern(
    r"\bfrom\s+[\w.$-]+\s+(?:as\s+)?(?!(?:join|left|right|inner|full|cross|natural|outer|"
    r"where|on|using|group|order|limit|offset|union|straight_join|lateral)\b)[A-Za-z_]\w*",
    re.IGNORECASE,
)
"""A `FROM` table with an alias: the engine refuses that first, with another cause."""


def blanked(query: str) -> str:
    return NOISE.sub(lambda m: " " * len(m.group()), query)


def outer_join(query: str) -> bool:
    """True when `JOIN` appears outside every parenthesis (the engine's `getJoins()`)."""
    text = blanked(query)
    depth = 0
    last = 0
    for index, char in enumerate(text):
        if char in "()":
            if depth == 0 and JOIN.search(text, last, index):
                return True
            depth += 1 if char == "(" else -1
            last = index + 1
    return depth == 0 and JOIN.search(text, last) is not None


def join_refusal(query: str) -> str | None:
    """The engine's refusal of a Sql query with a join (without its error-code prefix)."""
    if not outer_join(query):
        return None
    alias = FROM_ALIAS.search(blanked(query)) is not None
    cause = "Unsupported table alias name syntax" if alias else "Unsupported table join syntax"
    return f"SQL validate failed: {query}, cause: {cause}"


@register
class SqlJoin(Rule):
    code = "ST214"
    name = "sql-join"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        for node in ctx.graph.transforms:
            if (node.plugin.name or "").lower() != "sql":
                continue
            query_node = node.plugin.node.get("query")
            query = string_value(query_node)
            refusal = join_refusal(query) if query is not None else None
            if refusal is None or query_node is None:
                continue
            yield ctx.report(
                self,
                query_node.span,
                f"{node.label} joins tables, which SeaTunnel's Sql transform cannot do; the "
                f'engine refuses the job: "{refusal}"',
                help="join in the source (a Jdbc query) or in the sink's database",
            )


__all__ = ["SqlJoin", "join_refusal", "outer_join"]
