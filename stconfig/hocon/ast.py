"""The syntax tree of one HOCON (or JSON) file, before merging and substitution.

Nodes are frozen and carry spans. The tree keeps what the resolved model loses and the
linter needs: repeated keys, `include` statements, how a key was quoted, separators and
comments.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

from stconfig._records import field, record
from stconfig.source import SourceFile, Span


@record(frozen=True, compiled_init=True)
class Comment:
    """A `#` or `//` comment; `text` excludes the marker."""

    text: str
    span: Span


@record(frozen=True, compiled_init=True)
class StringValue:
    """A quoted, triple-quoted or unquoted string."""

    value: str
    style: Literal["quoted", "triple", "unquoted"]
    span: Span


@record(frozen=True, compiled_init=True)
class NumberValue:
    """A number; `text` is how it was written (used when it is concatenated)."""

    value: int | float
    text: str
    span: Span


@record(frozen=True, compiled_init=True)
class LiteralValue:
    """`true`, `false` or `null`."""

    value: bool | None
    text: str
    span: Span


@record(frozen=True, compiled_init=True)
class Whitespace:
    """Whitespace between two parts of a concatenation; it is part of the string value."""

    text: str
    span: Span


@record(frozen=True, compiled_init=True)
class Substitution:
    """`${path}` or `${?path}`; `path` is already split on SeaTunnel's `->` separator."""

    path: tuple[str, ...]
    optional: bool
    span: Span

    @property
    def name(self) -> str:
        return "->".join(self.path)


@record(frozen=True, compiled_init=True)
class ArrayValue:
    items: tuple[Value, ...]
    span: Span


@record(frozen=True, compiled_init=True)
class Key:
    """A field key: its path (split on `->`), its text as written, and its span."""

    path: tuple[str, ...]
    raw: str
    span: Span
    quoted: bool


@record(frozen=True, compiled_init=True)
class Field:
    """`key = value`, `key : value`, `key += value` or `key { ... }`."""

    key: Key
    separator: Literal["=", ":", "+=", ""]
    value: Value
    span: Span


@record(frozen=True, compiled_init=True)
class Include:
    """`include "file"`, `include file(...)`, `include required(...)` and friends."""

    target: str
    kind: Literal["file", "classpath", "url", "heuristic"]
    required: bool
    span: Span


Entry: TypeAlias = Field | Include


@record(frozen=True, compiled_init=True)
class ObjectValue:
    entries: tuple[Entry, ...]
    span: Span
    braced: bool = True


@record(frozen=True, compiled_init=True)
class Concatenation:
    """Values written side by side on one line; whitespace parts sit between them."""

    parts: tuple[Value, ...]
    span: Span


Value: TypeAlias = (
    StringValue
    | NumberValue
    | LiteralValue
    | Whitespace
    | Substitution
    | ArrayValue
    | ObjectValue
    | Concatenation
)


@record(frozen=True, compiled_init=True)
class Document:
    """One parsed file: its root object (or array), its comments and its syntax."""

    source: SourceFile
    root: ObjectValue | ArrayValue
    syntax: Literal["hocon", "json"]
    comments: tuple[Comment, ...] = field(default=())
    tokens: int = 0
    """How many tokens the file was cut into (a job's total is limited)."""


__all__ = [
    "ArrayValue",
    "Comment",
    "Concatenation",
    "Document",
    "Entry",
    "Field",
    "Include",
    "Key",
    "LiteralValue",
    "NumberValue",
    "ObjectValue",
    "StringValue",
    "Substitution",
    "Value",
    "Whitespace",
]
