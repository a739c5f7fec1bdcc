"""A schema field type that SeaTunnel cannot parse, such as `array`, `row` or `varchar`.

## What it does
Checks the type strings of `schema { fields { ... } }` and `schema { columns = [...] }`
in every plugin as SeaTunnel's `SeaTunnelDataTypeConvertorUtil` parses them: the basic
types (`string`, `boolean`, `tinyint`, `smallint`, `int`, `bigint`, `float`, `double`,
`decimal(p, s)`, `null`, `bytes`, `date`, `time`, `timestamp`, the vector types, and the
aliases `long`, `short`, `byte`), `array<T>` of string, boolean, integer or floating
elements only, `map<K, V>`, and nested rows written as objects or `{a = int}` strings.
It suggests the SeaTunnel type for common SQL spellings.

## Why is this bad?
The error surfaces only when the job starts, as `Unsupported data type 'array'` or a
`JsonParseException` deep in the connector (apache/seatunnel#8176, #10084, PR #5790).

## Example
    schema { fields { id = bigint, tags = array, name = varchar } }

## Use instead
    schema { fields { id = bigint, tags = "array<string>", name = string } }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.catalog.schema_types import is_type
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.model.values import ListNode, Node, ObjectNode, Scalar

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
    "decimal": "decimal(p, s) with its precision and scale",
    "array": "array<string>",
    "map": "map<string, string>",
    "row": "a nested object",
    "struct": "a nested object",
}


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
        if "${" in text or is_type(text):
            return
        yield ctx.report(
            self,
            node.span,
            f"type {text!r} of field {field!r} is not a SeaTunnel type",
            help=_advice(text),
        )


def _advice(text: str) -> str:
    """The SeaTunnel spelling of a SQL name, or what the type grammar allows."""
    compact = text.replace(" ", "").lower()
    hint = SQL_NAMES.get(compact)
    if hint:
        return f"use {hint}"
    if compact.startswith("array<"):
        return "array elements are string, boolean, tinyint, smallint, int, bigint, float or double"
    return (
        "use string, int, bigint, double, decimal(p, s), timestamp, array<T>, map<K, V> "
        "or a nested object"
    )


__all__ = ["SchemaTypeInvalid"]
