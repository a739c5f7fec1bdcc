"""Small shared helpers for rules: walking syntax trees, reading values, building fixes."""

from __future__ import annotations

import json
from collections.abc import Iterator

from stconfig.hocon.ast import ArrayValue, Concatenation, Document, Field, ObjectValue, Value
from stconfig.lint.diagnostic import Edit, Fix
from stconfig.model.job import Plugin
from stconfig.model.values import Member, Node, ObjectNode, Scalar
from stconfig.source import Span

SECTIONS = ("source", "transform", "sink")


def walk_fields(
    value: Value, path: tuple[str, ...] = ()
) -> Iterator[tuple[Field, tuple[str, ...], ObjectValue]]:
    """Every field below `value` with the key path of its parent object and the object."""
    if isinstance(value, ObjectValue):
        for entry in value.entries:
            if isinstance(entry, Field):
                yield entry, path, value
                yield from walk_fields(entry.value, (*path, *entry.key.path))
    elif isinstance(value, ArrayValue):
        for item in value.items:
            yield from walk_fields(item, path)
    elif isinstance(value, Concatenation):
        for part in value.parts:
            yield from walk_fields(part, path)


def document_fields(
    documents: list[Document],
) -> Iterator[tuple[Document, Field, tuple[str, ...], ObjectValue]]:
    for document in documents:
        for field, path, parent in walk_fields(document.root):
            yield document, field, path, parent


def text_of(span: Span) -> str:
    return span.source.text[span.start : span.end]


def string_value(node: Node | None) -> str | None:
    if isinstance(node, Scalar) and isinstance(node.value, str):
        return node.value
    return None


def scalar_text(node: Node | None) -> str | None:
    """The text of a scalar as SeaTunnel's raw lookups see it (`10000`, `"10s"`, `true`)."""
    if not isinstance(node, Scalar) or node.value is None:
        return None
    if isinstance(node.value, bool):
        return "true" if node.value else "false"
    return str(node.value)


def written_literally(node: Node, value: str) -> bool:
    """True when the node's span holds exactly this string, quoted or not (safe to rewrite)."""
    if node.span is None:
        return False
    text = text_of(node.span)
    if text == value:
        return True
    try:
        return text.startswith('"') and json.loads(text) == value
    except ValueError:
        return False


def replace_value_fix(node: Node, old: str, new_text: str, message: str) -> Fix | None:
    """Replace a value written literally in the file; None when it came from elsewhere."""
    if node.span is None or not written_literally(node, old):
        return None
    return Fix(message, (Edit.replace(node.span, new_text),))


def quote(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def rename_key_fix(member: Member, new_key: str, message: str) -> Fix | None:
    """Rename a key written as one plain or quoted token (not `a->b` paths, not implicit)."""
    span = member.key_span
    if span is None or member.implicit:
        return None
    text = text_of(span)
    if text == member.key:
        return Fix(message, (Edit.replace(span, new_key),))
    if text.startswith('"') and text == quote(member.key):
        return Fix(message, (Edit.replace(span, quote(new_key)),))
    return None


def plugin_label(plugin: Plugin) -> str:
    return f"{plugin.kind} {plugin.name or '?'!r}"


def env_member(env: ObjectNode | None, key: str) -> Member | None:
    return env.member(key) if env is not None else None


__all__ = [
    "SECTIONS",
    "document_fields",
    "env_member",
    "plugin_label",
    "quote",
    "rename_key_fix",
    "replace_value_fix",
    "scalar_text",
    "string_value",
    "text_of",
    "walk_fields",
    "written_literally",
]
