"""SeaTunnel's schema type strings, as its `SeaTunnelDataTypeConvertorUtil` parses them.

`schema { fields { id = bigint } }` and `schema { columns = [{ type = ... }] }` name column
types as text; SeaTunnel turns them into types only when the connector starts, and an
unknown one fails the job there. The rules below follow
`seatunnel-api/.../catalog/SeaTunnelDataTypeConvertorUtil.java` (2.3.8 line):

- case and spaces do not matter (`SqlType.valueOf(upper-cased, spaces removed)`);
- `long`, `short`, `byte` stand for `bigint`, `smallint`, `tinyint` (the whole string);
- `decimal(p, s)` needs its precision and scale; a bare `decimal`, `array`, `map` or `row`
  is refused;
- `array<T>` takes only string, boolean and the integer and floating types;
- `map<K, V>` takes any two types (the key may be a decimal);
- `{a = int, b = {...}}` is a nested row, each field a type string or another row.

No pydantic here: the linter reads it too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from stconfig.model.values import Node, ObjectNode, Scalar

SIMPLE_TYPES = frozenset(
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
        "binary_vector",
        "float_vector",
        "float16_vector",
        "bfloat16_vector",
        "sparse_float_vector",
    }
)
"""Types named by one word. `timestamp_tz` is newer than 2.3.8 and accepted so as not to
reject jobs for later releases."""

ALIASES = {"long": "bigint", "short": "smallint", "byte": "tinyint"}
"""Old spellings `compatibleTypeDeclare` still maps."""

ARRAY_ELEMENTS = frozenset(
    {"string", "boolean", "tinyint", "smallint", "int", "bigint", "float", "double"}
)
"""The element types `parseArrayType` has an array type for."""

_DECIMAL = re.compile(r"decimal\(\d+,\d+\)")


def _simple(text: str) -> str | None:
    """The one-word type a text names (aliases resolved), or None."""
    alias = ALIASES.get(text.strip().lower())
    if alias is not None:
        return alias
    compact = text.replace(" ", "").lower()
    return compact if compact in SIMPLE_TYPES else None


def _generic(compact: str, head: str) -> str | None:
    """What stands between `head<` and the last `>`, or None when the text is not so built."""
    if compact.startswith(head + "<") and compact.endswith(">"):
        return compact[len(head) + 1 : -1]
    return None


@lru_cache(maxsize=1024)
def is_type(text: str) -> bool:
    """True when SeaTunnel parses the text as a column type (remembered: schemas name the
    same few types thousands of times over a corpus)."""
    if _simple(text) is not None:
        return True
    compact = text.replace(" ", "").lower()
    if _DECIMAL.fullmatch(compact):
        return True
    element = _generic(compact, "array")
    if element is not None:
        return _simple(element) in ARRAY_ELEMENTS
    pair = _generic(compact, "map")
    if pair is not None:
        cut = pair.find(",", pair.find(",") + 1) if pair.startswith("decimal") else pair.find(",")
        return cut > 0 and is_type(pair[:cut]) and is_type(pair[cut + 1 :])
    if compact.startswith("{"):
        return _is_row(text)
    return False


def _is_row(text: str) -> bool:
    """A nested row written inline: a HOCON object whose fields are types or rows."""
    from stconfig.errors import StconfigError
    from stconfig.reader import loads

    try:
        row = loads("conf = " + text, fmt="hocon", path="<type>", environ={}).root.get("conf")
    except StconfigError:
        return False
    return isinstance(row, ObjectNode) and _fields_are_types(row)


def _fields_are_types(row: ObjectNode) -> bool:
    return all(_is_column(member.value) for member in row.members.values())


def _is_column(value: Node) -> bool:
    if isinstance(value, ObjectNode):
        return _fields_are_types(value)
    return isinstance(value, Scalar) and isinstance(value.value, str) and is_type(value.value)


__all__ = ["ALIASES", "ARRAY_ELEMENTS", "SIMPLE_TYPES", "is_type"]
