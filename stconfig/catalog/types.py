"""SeaTunnel's lenient value conversion (`ConfigUtil.convertValue`) as pydantic field metadata.

A field is annotated `Annotated[<python type> | None, SeaTunnelType("list<int>")]`. The
metadata validates the way SeaTunnel reads a value: strings become numbers and booleans,
enums match case-insensitively, lists may be a JSON-array or comma-separated string, maps may
be JSON text, and a string option takes any scalar. It also writes the matching JSON Schema.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

PLACEHOLDER = re.compile(r"\$\{[^}]*\}")
_INT = re.compile(r"\s*[-+]?\d+\s*")
_NUMBER = re.compile(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?[dDfFlL]?\s*")
_PLACEHOLDER_SCHEMA = {"type": "string", "pattern": r"\$\{[^}]*\}"}
_INT_PATTERN = r"^\s*[-+]?\d+\s*$"
_NUMBER_PATTERN = r"^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$"
_BOOL_PATTERN = r"^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$"


def split_type(text: str) -> tuple[str, list[str]]:
    """`map<string, list<int>>` -> ("map", ["string", "list<int>"])."""
    text = text.strip()
    if "<" not in text:
        return text, []
    head, inner = text.split("<", 1)
    inner = inner[: inner.rfind(">")]
    parts, depth, current = [], 0, ""
    for char in inner:
        depth += char == "<"
        depth -= char == ">"
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return head.strip(), parts


def _describe(value: Any) -> str:
    return json.dumps(value) if not isinstance(value, str) else repr(value)


def convert(
    type_text: str,
    value: Any,
    enum: tuple[Any, ...] | None = None,
    cs: bool = False,
    aliases: tuple[str, ...] = (),
) -> Any:
    """Convert like SeaTunnel does, or raise ValueError saying what was expected.

    A string holding a `${name}` placeholder is left alone: it is replaced at submission.
    """
    if isinstance(value, str) and PLACEHOLDER.search(value):
        return value
    head, args = split_type(type_text)
    if enum is not None and head not in ("list", "set"):
        return _choose(value, enum, cs, aliases)
    if head == "string":
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, str | int | float):
            return value if isinstance(value, str) else json.dumps(value)
        return json.dumps(value)
    if head in ("int", "long"):
        if isinstance(value, bool):
            raise ValueError(f"expected an integer, got {_describe(value)}")
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and _INT.fullmatch(value):
            return int(value)
        raise ValueError(f"expected an integer, got {_describe(value)}")
    if head in ("float", "double", "decimal"):
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and _NUMBER.fullmatch(value):
            return float(value.strip().rstrip("dDfFlL"))
        raise ValueError(f"expected a number, got {_describe(value)}")
    if head == "boolean":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise ValueError(f"expected true or false, got {_describe(value)}")
    if head in ("list", "set"):
        item = args[0] if args else "any"
        if isinstance(value, str):
            value = _string_list(value, item)
        if not isinstance(value, list):
            raise ValueError(f"expected a list, got {_describe(value)}")
        return [convert(item, v, enum, cs, aliases) for v in value]
    if head == "map":
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                raise ValueError(f"expected an object, got {_describe(value)}") from None
        if not isinstance(value, dict):
            raise ValueError(f"expected an object, got {_describe(value)}")
        return value
    return value


def _string_list(text: str, item: str) -> list[Any]:
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            parsed = json.loads(stripped)
        except ValueError:
            parsed = None
        if isinstance(parsed, list):
            return parsed
    if split_type(item)[0] in ("map", "object", "list"):
        raise ValueError(f"expected a list, got {_describe(text)}")
    return [part.strip() for part in text.split(",")]


def _choose(
    value: Any, choices: tuple[Any, ...], case_sensitive: bool, aliases: tuple[str, ...]
) -> Any:
    if isinstance(value, str):
        for choice in (*choices, *aliases):
            if choice == value or (not case_sensitive and str(choice).lower() == value.lower()):
                return choice
    elif value in choices or (
        not case_sensitive and str(value).lower() in {str(c).lower() for c in choices}
    ):
        return value
    shown = ", ".join(str(c) for c in choices)
    raise ValueError(f"{_describe(value)} is not one of {shown}")


# ECMA-262 (the regex dialect of JSON Schema) in unicode mode allows a backslash only before
# a syntax character or `/`; Python's re.escape also escapes `-`, `#`, ` `..., which it rejects.
_ECMA_SYNTAX = frozenset("^$\\.*+?()[]{}|/")


def ecma_escape(text: str) -> str:
    """`text` as a literal in an ECMA-262 (JSON Schema) pattern."""
    return "".join("\\" + c if c in _ECMA_SYNTAX else c for c in text)


def ecma_letters(word: str) -> str:
    """A case-insensitive ECMA-262 pattern for `word` (JSON Schema has no `i` flag)."""
    return "".join(
        f"[{c.upper()}{c.lower()}]" if c.isalpha() and c.upper() != c.lower() else ecma_escape(c)
        for c in word
    )


def _ci_pattern(values: tuple[Any, ...]) -> str:
    return "^(" + "|".join(ecma_letters(str(v)) for v in values) + r"|.*\$\{[^}]*\}.*)$"


def _or_text(native: dict[str, Any], pattern: str) -> dict[str, Any]:
    """A native JSON value, or text SeaTunnel converts, or a `${x}` placeholder."""
    return {"anyOf": [native, {"type": "string", "pattern": pattern}, _PLACEHOLDER_SCHEMA]}


def json_schema_of(
    type_text: str,
    enum: tuple[Any, ...] | None = None,
    cs: bool = False,
    aliases: tuple[str, ...] = (),
) -> dict[str, Any]:
    """The JSON Schema accepting what `convert` accepts (placeholders `${x}` included)."""
    head, args = split_type(type_text)
    if enum is not None and head not in ("list", "set"):
        if cs or not all(isinstance(v, str) for v in enum):
            return {"anyOf": [{"enum": list(enum)}, _PLACEHOLDER_SCHEMA]}
        pattern = _ci_pattern((*enum, *aliases))
        return {"type": "string", "pattern": pattern, "examples": list(enum)}
    if head == "string":
        return {"type": ["string", "number", "boolean"]}
    if head in ("int", "long"):
        return {
            "anyOf": [
                {"type": "integer"},
                {"type": "string", "pattern": _INT_PATTERN},
                _PLACEHOLDER_SCHEMA,
            ]
        }
    if head in ("float", "double", "decimal"):
        return {
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": _NUMBER_PATTERN},
                _PLACEHOLDER_SCHEMA,
            ]
        }
    if head == "boolean":
        return {
            "anyOf": [
                {"type": "boolean"},
                {"type": "string", "pattern": _BOOL_PATTERN},
                _PLACEHOLDER_SCHEMA,
            ]
        }
    if head in ("list", "set"):
        item = json_schema_of(args[0] if args else "any", enum, cs, aliases)
        return {"anyOf": [{"type": "array", "items": item}, {"type": "string"}]}
    if head == "map":
        return {"anyOf": [{"type": "object"}, {"type": "string"}]}
    return {}


@dataclass(frozen=True, slots=True)
class SeaTunnelType:
    """Field metadata: validate and describe a value as SeaTunnel type `type_text`."""

    type_text: str
    enum: tuple[Any, ...] | None = None
    case_sensitive: bool = False
    aliases: tuple[str, ...] = ()

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        def validate(value: Any) -> Any:
            if value is None:
                return None
            return convert(self.type_text, value, self.enum, self.case_sensitive, self.aliases)

        return core_schema.no_info_plain_validator_function(validate)

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return json_schema_of(self.type_text, self.enum, self.case_sensitive, self.aliases)


@dataclass(frozen=True, slots=True)
class AtLeast:
    """Field metadata: a number no smaller than `minimum` (a `${x}` placeholder passes)."""

    minimum: int | float

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        def check(value: Any) -> Any:
            if isinstance(value, int | float) and value < self.minimum:
                raise ValueError(f"must be at least {self.minimum}, got {value}")
            return value

        return core_schema.no_info_after_validator_function(check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        found: JsonSchemaValue = handler(schema)
        for branch in found.get("anyOf", [found]):
            if branch.get("type") in ("integer", "number"):
                branch["minimum"] = self.minimum
        return found


__all__ = ["PLACEHOLDER", "AtLeast", "SeaTunnelType", "convert", "json_schema_of", "split_type"]
