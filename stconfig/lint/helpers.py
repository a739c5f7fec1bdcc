"""Small shared helpers for rules: walking syntax trees, reading values, building fixes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TypeVar

from stconfig.hocon.ast import (
    ArrayValue,
    Concatenation,
    Document,
    Field,
    ObjectValue,
    StringValue,
    Substitution,
    Value,
)
from stconfig.lint.diagnostic import Edit, Fix, ReadingPath, RenameKey, SetValue
from stconfig.model.job import Plugin
from stconfig.model.values import ListNode, Member, Node, ObjectNode, PlainValue, Scalar
from stconfig.source import Span
from stconfig.variables import PLACEHOLDER

L = TypeVar("L", StringValue, Substitution)

SECTIONS = ("source", "transform", "sink")


def walk_fields(
    value: Value, path: tuple[str, ...] = ()
) -> Iterator[tuple[Field, tuple[str, ...], ObjectValue]]:
    """Every field below `value` with the key path of its parent object and the object."""
    found: list[tuple[Field, tuple[str, ...], ObjectValue]] = []
    _collect_fields(value, path, found)
    return iter(found)


_CONTAINERS = (ObjectValue, ArrayValue, Concatenation)


def _collect_fields(
    value: Value, path: tuple[str, ...], found: list[tuple[Field, tuple[str, ...], ObjectValue]]
) -> None:
    """`walk_fields` into a list: nested generators cost a resumption per level for every
    field, and rules walk every tree several times."""
    if isinstance(value, ObjectValue):
        for entry in value.entries:
            if isinstance(entry, Field):
                found.append((entry, path, value))
                if isinstance(entry.value, _CONTAINERS):
                    _collect_fields(entry.value, (*path, *entry.key.path), found)
    elif isinstance(value, ArrayValue):
        for item in value.items:
            _collect_fields(item, path, found)
    elif isinstance(value, Concatenation):
        for part in value.parts:
            _collect_fields(part, path, found)


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


def replace_value_fix(
    node: Node, old: str, new_text: str, message: str, at: ReadingPath, value: PlainValue
) -> Fix | None:
    """Replace a value written literally in the file; None when it came from elsewhere.

    `at` is where the value sits in the job as read and `value` what it reads as afterwards:
    the fix is checked to change that and nothing else (a shared definition is refused).
    """
    if node.span is None or not written_literally(node, old):
        return None
    return Fix(message, (Edit.replace(node.span, new_text),), (SetValue(at, value),))


def quote(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def rename_key_fix(member: Member, new_key: str, message: str, at: ReadingPath) -> Fix | None:
    """Rename a key written as one plain or quoted token (not `a->b` paths, not implicit).

    `at` is the object holding the key in the job as read; the fix is checked to rename that
    one key and change nothing else.
    """
    span = member.key_span
    if span is None or member.implicit:
        return None
    change = (RenameKey(at, member.key, new_key),)
    text = text_of(span)
    if text == member.key:
        return Fix(message, (Edit.replace(span, new_key),), change)
    if text.startswith('"') and text == quote(member.key):
        return Fix(message, (Edit.replace(span, quote(new_key)),), change)
    return None


def members_written_at(root: Node, span: Span) -> Iterator[tuple[ReadingPath, Member]]:
    """The members of the job as read whose key is the one written at `span`, with the path
    of the object holding each (one written key can land in several places through `${x}`)."""
    stack: list[tuple[ReadingPath, Node]] = [((), root)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, ObjectNode):
            for key, member in node.members.items():
                if member.key_span == span:
                    yield path, member
                stack.append(((*path, key), member.value))
        elif isinstance(node, ListNode):
            stack.extend(((*path, index), item) for index, item in enumerate(node.items))


def plugin_label(plugin: Plugin) -> str:
    return f"{plugin.kind} {plugin.name or '?'!r}"


def env_member(env: ObjectNode | None, key: str) -> Member | None:
    return env.member(key) if env is not None else None


RESTORE_KEYS = ("job.id", "restore.mode", "savepoint.path")
"""Restore settings the cookbook writes into `env`; no SeaTunnel version reads them."""


def restore_settings(env: ObjectNode | None) -> dict[str, Member]:
    """The restore keys set in `env`, flat (`job.id`) or nested (`job { id }`)."""
    found: dict[str, Member] = {}
    if env is None:
        return found
    for key in RESTORE_KEYS:
        member = env.member(key)
        if member is None:
            head, tail = key.split(".")
            parent = env.get(head)
            member = parent.member(tail) if isinstance(parent, ObjectNode) else None
        if member is not None:
            found[key] = member
    return found


def string_nodes(value: Value) -> Iterator[StringValue]:
    """Every string literal below `value`, keys excluded."""
    found: list[StringValue] = []
    _collect_leaves(value, StringValue, found)
    return iter(found)


def _collect_leaves(value: Value, kind: type[L], found: list[L]) -> None:
    """Every `kind` node below `value` (keys excluded) into `found`, in written order: a
    recursive function filling one list, not nested generators (see `_collect_fields`)."""
    if isinstance(value, kind):
        found.append(value)
    elif isinstance(value, ObjectValue):
        for entry in value.entries:
            if isinstance(entry, Field):
                _collect_leaves(entry.value, kind, found)
    elif isinstance(value, ArrayValue):
        for item in value.items:
            _collect_leaves(item, kind, found)
    elif isinstance(value, Concatenation):
        for part in value.parts:
            _collect_leaves(part, kind, found)


def placeholders(documents: list[Document]) -> Iterator[tuple[str, str | None, Span, Document]]:
    """Quoted `${name}` / `${name:default}` occurrences: name, default, exact span, document."""
    for document in documents:
        for node in string_nodes(document.root):
            if node.style == "unquoted" or "${" not in node.value:
                continue
            text = text_of(node.span)
            for match in PLACEHOLDER.finditer(text):
                default = match.group(2)[1:] if match.group(2) is not None else None
                span = Span(
                    node.span.source, node.span.start + match.start(), node.span.start + match.end()
                )
                yield match.group(1), default, span, document


def substitutions(documents: list[Document]) -> Iterator[Substitution]:
    """Every unquoted `${...}` written in the documents."""
    found: list[Substitution] = []
    for document in documents:
        _collect_leaves(document.root, Substitution, found)
    return iter(found)


def looks_like_json(document: Document) -> bool:
    """A HOCON-read file whose text is JSON: braced root, quoted keys, `:` separators."""
    root = document.root
    if document.syntax != "hocon" or not isinstance(root, ObjectValue) or not root.braced:
        return False
    fields = [entry for entry in root.entries if isinstance(entry, Field)]
    return bool(fields) and all(f.key.quoted and f.separator == ":" for f in fields)


__all__ = [
    "RESTORE_KEYS",
    "SECTIONS",
    "document_fields",
    "env_member",
    "looks_like_json",
    "placeholders",
    "plugin_label",
    "quote",
    "rename_key_fix",
    "replace_value_fix",
    "restore_settings",
    "scalar_text",
    "string_nodes",
    "string_value",
    "substitutions",
    "text_of",
    "walk_fields",
    "written_literally",
]
