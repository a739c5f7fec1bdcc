"""A schema field type that SeaTunnel cannot parse, such as `array`, `row` or `varchar`.

## What it does
Checks the type strings of `schema { fields { ... } }` and `schema { columns = [...] }`
in every plugin: the basic types (`string`, `boolean`, `tinyint`, `smallint`, `int`,
`bigint`, `float`, `double`, `decimal(p, s)`, `null`, `bytes`, `date`, `time`,
`timestamp`, the vector types, and the aliases `long`, `short`, `byte`), `array<T>`,
`map<K, V>`, and nested rows written as objects. It suggests the SeaTunnel type for
common SQL spellings.

## Why is this bad?
The error surfaces only when the job starts, as `Unsupported data type 'array'` or a
`JsonParseException` deep in the connector (apache/seatunnel#8176, #10084, PR #5790).

## Example
    schema { fields { id = bigint, tags = array, name = varchar } }

## Use instead
    schema { fields { id = bigint, tags = "array<string>", name = string } }
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.model.values import ListNode, Node, ObjectNode, Scalar

BASIC = frozenset(
    {
        "string",
        "boolean",
        "tinyint",
        "smallint",
        "int",
        "bigint",
        "float",
        "double",
        "null",
        "bytes",
        "date",
        "time",
        "timestamp",
        "timestamp_tz",
        "long",
        "short",
        "byte",
        "decimal",
        "binary_vector",
        "float_vector",
        "float16_vector",
        "bfloat16_vector",
        "sparse_float_vector",
    }
)
SQL_NAMES = {
    "varchar": "string",
    "char": "string",
    "text": "string",
    "uuid": "string",
    "integer": "int",
    "bool": "boolean",
    "datetime": "timestamp",
    "binary": "bytes",
    "blob": "bytes",
    "real": "float",
    "number": "decimal(38, 18)",
    "numeric": "decimal(p, s)",
    "array": "array<string>",
    "map": "map<string, string>",
    "row": "a nested object",
    "struct": "a nested object",
}
DECIMAL = re.compile(r"decimal\(\s*\d+\s*,\s*\d+\s*\)")


def split_top(text: str) -> list[str]:
    """Split `K, V` at top-level commas (not inside `<...>`, `(...)` or `{...}`)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in "<({":
            depth += 1
        elif char in ">)}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [part.strip() for part in parts]


def valid(text: str) -> bool:
    lower = text.strip().lower()
    if lower in BASIC or DECIMAL.fullmatch(lower) or lower.startswith("{"):
        return True
    if lower.startswith("array<") and lower.endswith(">"):
        return valid(lower[6:-1])
    if lower.startswith("map<") and lower.endswith(">"):
        parts = split_top(lower[4:-1])
        return len(parts) == 2 and all(valid(part) for part in parts)
    return False


@register
class SchemaTypeInvalid(Rule):
    code = "ST310"
    name = "schema-type-invalid"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        for plugin in ctx.job.plugins:
            schema = plugin.node.get("schema")
            if not isinstance(schema, ObjectNode):
                continue
            fields = schema.get("fields")
            if isinstance(fields, ObjectNode):
                yield from self._fields(ctx, fields)
            columns = schema.get("columns")
            if isinstance(columns, ListNode):
                for column in columns.items:
                    if isinstance(column, ObjectNode) and "type" in column:
                        yield from self._type(ctx, column.get("type"), "type")

    def _fields(self, ctx: LintContext, fields: ObjectNode) -> Iterator[Diagnostic]:
        for key, member in fields.members.items():
            if isinstance(member.value, ObjectNode):
                yield from self._fields(ctx, member.value)
            else:
                yield from self._type(ctx, member.value, key)

    def _type(self, ctx: LintContext, node: Node | None, field: str) -> Iterator[Diagnostic]:
        if not isinstance(node, Scalar) or not isinstance(node.value, str):
            return
        text = node.value
        if "${" in text or valid(text):
            return
        hint = SQL_NAMES.get(text.strip().lower())
        yield ctx.report(
            self,
            node.span,
            f"type {text!r} of field {field!r} is not a SeaTunnel type",
            help=f"use {hint}"
            if hint
            else "use string, int, bigint, double, decimal(p, s), "
            "timestamp, array<T>, map<K, V> or a nested object",
        )


__all__ = ["SchemaTypeInvalid"]
