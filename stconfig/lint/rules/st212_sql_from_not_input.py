"""A Sql transform whose `FROM` table is neither its input nor `dual`.

## What it does
Reads the table names after `FROM` and `JOIN` in a Sql transform's `query` and flags those
that are not the transform's input table (its `plugin_input`, or the upstream output in a
simple job) or the alias `dual`.

## Why is this bad?
The Sql transform always reads its input dataset whatever the query names; since
apache/seatunnel#7020 nothing checks the name. A query written against the physical
table (`from orders`) reads another table than its author thinks, and the docs say the
names must match (apache/seatunnel#6731).

## Example
    source { Jdbc { plugin_output = "orders_raw", query = "select * from orders" } }
    transform { Sql { plugin_input = "orders_raw", query = "select id from orders" } }

## Use instead
    transform { Sql { plugin_input = "orders_raw", query = "select id from orders_raw" } }
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
from stconfig.lint.suggest import did_you_mean

TABLE = lazy_pattern(r"""\b(?:from|join)\s+([`"]?)([A-Za-z_][\w.$-]*)\1""", re.IGNORECASE)
NOISE = lazy_pattern(r"'(?:[^']|'')*'|--[^\n]*|/\*.*?\*/", re.DOTALL)
"""String literals and comments, blanked out before looking for table names."""
CTE = lazy_pattern(r"\b([A-Za-z_]\w*)\s+as\s*\(", re.IGNORECASE)
ALWAYS = frozenset({"dual"})


def in_function(query: str, position: int) -> bool:
    """True for `extract(year FROM c)` and `trim(x FROM c)`: the innermost open parenthesis
    before `position` does not start a sub-select."""
    depth = 0
    for index in range(position - 1, -1, -1):
        char = query[index]
        if char == ")":
            depth += 1
        elif char == "(":
            if depth == 0:
                return not query[index + 1 : position].lstrip().lower().startswith("select")
            depth -= 1
    return False


@register
class SqlFromNotInput(Rule):
    code = "ST212"
    name = "sql-from-not-input"
    severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        graph = ctx.graph
        for node in graph.transforms:
            if (node.plugin.name or "").lower() != "sql":
                continue
            query_node = node.plugin.node.get("query")
            query = string_value(query_node)
            if query is None or query_node is None:
                continue
            query = NOISE.sub(lambda m: " " * len(m.group()), query)
            allowed = {ref.name for ref in node.inputs}
            if not allowed:
                allowed = {e.table for e in graph.edges if e.consumer is node}
            if not allowed or allowed == {"default-identifier"}:
                continue
            known = {a.lower() for a in allowed} | ALWAYS
            known |= {m.group(1).lower() for m in CTE.finditer(query)}
            for match in TABLE.finditer(query):
                table = match.group(2)
                if table.lower() in known or in_function(query, match.start()):
                    continue
                known.add(table.lower())
                yield ctx.report(
                    self,
                    query_node.span,
                    f"Sql query reads from {table!r}, but the transform's input is "
                    f"{', '.join(repr(a) for a in sorted(allowed))}",
                    help=did_you_mean(table, allowed)
                    or "use the input table name (or dual) after FROM",
                )


__all__ = ["SqlFromNotInput"]
