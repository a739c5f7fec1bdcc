"""The row types the engine compares when a transform or sink reads several tables.

SeaTunnel's `MultipleTableJobConfigParser.checkProducedTypeEquals` (2.3.8, 15431c9) refuses a
transform fed two tables, or a sink fed two input names, whose producers' `SeaTunnelRowType`s
differ: field names and field types, in order. A row type is known here only where it is
certain: a FakeSource with one `schema` (`fields` or `columns`), followed through FieldMapper,
Filter (`include_fields` / `exclude_fields`) and FilterRowKind. Types are compared as
`SeaTunnelDataTypeConvertorUtil` parses them: simple types by name (`long` is `bigint`, case
and spaces ignored); a complex type (map, array, decimal, row) equals another written the same
way and is unknown otherwise, so a difference is only ever claimed when it is certain.
"""

from __future__ import annotations

from stconfig._records import record
from stconfig.model.graph import GraphNode, TableGraph
from stconfig.model.values import ListNode, Node, ObjectNode, Scalar

MESSAGE = "Transform/Sink don't support processing data with two different structures."
"""The engine's refusal, word for word."""

SIMPLE_TYPES = frozenset(
    {
        "STRING",
        "BOOLEAN",
        "TINYINT",
        "BYTES",
        "SMALLINT",
        "INT",
        "BIGINT",
        "FLOAT",
        "DOUBLE",
        "NULL",
        "DATE",
        "TIME",
        "TIMESTAMP",
        "BINARY_VECTOR",
        "FLOAT_VECTOR",
        "FLOAT16_VECTOR",
        "BFLOAT16_VECTOR",
        "SPARSE_FLOAT_VECTOR",
    }
)
"""The `SqlType` names `deserializeSeaTunnelDataType` maps to a type on their own."""
OLD_NAMES = {"LONG": "BIGINT", "SHORT": "SMALLINT", "BYTE": "TINYINT"}
COMPLEX_PREFIXES = ("MAP", "ARRAY", "DECIMAL", "{")


@record(frozen=True, compiled_init=True)
class FieldType:
    """A field type as written (for messages) and how it compares."""

    written: str
    key: str
    simple: bool


RowType = tuple[tuple[str, FieldType], ...]


@record(frozen=True, compiled_init=True)
class MixedInputs:
    """A consumer whose inputs have row types that certainly differ."""

    consumer: GraphNode
    inputs: list[tuple[str, RowType]]
    """(table name, row type) of each distinct producer, in the order the plugin names them."""


def field_type(written: str) -> FieldType | None:
    """How the engine reads a schema type string, or None when it would not read it."""
    upper = written.strip().upper()
    compact = OLD_NAMES.get(upper, upper).replace(" ", "")
    if compact in SIMPLE_TYPES:
        return FieldType(written, compact, simple=True)
    if compact.startswith(COMPLEX_PREFIXES):
        return FieldType(written, compact, simple=False)
    return None


def schema_row_type(schema: Node | None) -> RowType | None:
    """The row type of a `schema` option with one of `fields` or `columns`, all types known."""
    if not isinstance(schema, ObjectNode) or ("fields" in schema) == ("columns" in schema):
        return None
    pairs: list[tuple[str, Node | None]] = []
    fields = schema.get("fields")
    columns = schema.get("columns")
    if isinstance(fields, ObjectNode):
        pairs = [(name, fields.get(name)) for name in fields]
    elif isinstance(columns, ListNode):
        for column in columns.items:
            if not isinstance(column, ObjectNode):
                return None
            label = column.get("name")
            if not isinstance(label, Scalar) or not isinstance(label.value, str):
                return None
            pairs.append((label.value, column.get("type")))
    else:
        return None
    row: list[tuple[str, FieldType]] = []
    for name, value in pairs:
        if not isinstance(value, Scalar) or not isinstance(value.value, str):
            return None  # a nested row, or a type that is not a string
        parsed = field_type(value.value)
        if parsed is None:
            return None
        row.append((name, parsed))
    return tuple(row) if row else None


def certainly_differ(left: RowType, right: RowType) -> bool:
    """True only when the engine's `SeaTunnelRowType.equals` is false for sure."""
    if [name for name, _ in left] != [name for name, _ in right]:
        return True
    for (_, a), (_, b) in zip(left, right, strict=True):
        if a.key != b.key and a.simple and b.simple:
            return True
    return False


def describe(row: RowType) -> str:
    return "(" + ", ".join(f"{name} {kind.written}" for name, kind in row) + ")"


def _strings(node: Node | None) -> list[str] | None:
    if not isinstance(node, ListNode):
        return None
    names = [item.value for item in node.items if isinstance(item, Scalar)]
    if len(names) != len(node.items) or not all(isinstance(n, str) for n in names):
        return None
    return [str(n) for n in names]


def _transformed(node: GraphNode, row: RowType) -> RowType | None:
    """The row type a followed transform produces from `row`, or None when not followed."""
    name = (node.plugin.name or "").lower()
    options = node.plugin.node
    by_name = dict(row)
    if name == "filterrowkind":
        return row
    if name == "fieldmapper":
        mapping = options.get("field_mapper")
        if not isinstance(mapping, ObjectNode) or not mapping:
            return None
        mapped: list[tuple[str, FieldType]] = []
        for old in mapping:
            new = mapping.get(old)
            if old not in by_name or not isinstance(new, Scalar) or not isinstance(new.value, str):
                return None
            mapped.append((new.value, by_name[old]))
        return tuple(mapped)
    if name == "filter":
        include = options.get("include_fields")
        exclude = options.get("exclude_fields")
        if (include is None) == (exclude is None):
            return None
        if include is not None:
            kept = _strings(include)
            if kept is None or not kept or any(k not in by_name for k in kept):
                return None
            return tuple((k, by_name[k]) for k in kept)
        dropped = _strings(exclude)
        if dropped is None:
            return None
        remaining = tuple((k, kind) for k, kind in row if k not in dropped)
        return remaining or None
    return None


def _inputs(graph: TableGraph, consumer: GraphNode) -> list[tuple[str, GraphNode]]:
    """The distinct producers the engine hands to `consumer`, by the names it reads them as."""
    dropped = {ref.name for node, ref in graph.dropped if node is consumer}
    seen: set[int] = set()
    found: list[tuple[str, GraphNode]] = []
    for ref in consumer.inputs:
        producer = graph.producers.get(ref.name)
        if producer is None or ref.name in dropped or id(producer) in seen:
            continue
        seen.add(id(producer))
        found.append((ref.name, producer))
    return found


def row_types(graph: TableGraph) -> dict[int, RowType]:
    """The row type each source or transform produces, by `id(node)`, where it is certain."""
    known: dict[int, RowType] = {}
    for node in graph.sources:
        if (node.plugin.name or "").lower() == "fakesource" and "tables_configs" not in (
            node.plugin.node
        ):
            row = schema_row_type(node.plugin.node.get("schema"))
            if row is not None:
                known[id(node)] = row
    in_cycle = {id(n) for group in graph.cycles for n in group}
    for node in graph.transforms:  # an input from a later transform is dropped (graph.dropped)
        if id(node) in in_cycle:
            continue
        inputs = _inputs(graph, node)
        if not inputs and graph.simple:
            inputs = [(e.table, e.producer) for e in graph.edges if e.consumer is node]
        rows = [known.get(id(producer)) for _, producer in inputs]
        if len(rows) != 1 or rows[0] is None:
            continue  # several inputs: refused or equal, but not followed
        produced = _transformed(node, rows[0])
        if produced is not None:
            known[id(node)] = produced
    return known


def mixed_inputs(graph: TableGraph) -> list[MixedInputs]:
    """Every transform or sink the engine refuses for reading different row types."""
    known = row_types(graph)
    found: list[MixedInputs] = []
    for node in graph.transforms + graph.sinks:
        inputs = _inputs(graph, node)
        if len(inputs) < 2:
            continue
        rows = [(name, row) for name, p in inputs if (row := known.get(id(p))) is not None]
        pair = next(
            (
                (a, b)
                for i, a in enumerate(rows)
                for b in rows[i + 1 :]
                if certainly_differ(a[1], b[1])
            ),
            None,
        )
        if pair is not None:  # the engine compares each with the first: one of them differs
            found.append(MixedInputs(node, list(pair)))
    return found


__all__ = [
    "MESSAGE",
    "FieldType",
    "MixedInputs",
    "RowType",
    "certainly_differ",
    "describe",
    "field_type",
    "mixed_inputs",
    "row_types",
    "schema_row_type",
]
