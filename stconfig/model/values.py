"""Resolved configuration values that remember where they were written.

The reader produces these after SeaTunnel's merge and substitution rules have run; the DSL
builds them directly. Equality ignores spans, so a job read back from emitted text equals
the job it was emitted from. Object equality ignores key order, as SeaTunnel's does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeAlias

from stconfig._records import field, record
from stconfig.source import Span

ScalarValue: TypeAlias = str | int | float | bool | None
PlainValue: TypeAlias = ScalarValue | list["PlainValue"] | dict[str, "PlainValue"]


@record(compiled_init=True)
class Scalar:
    """A string, number, boolean or null."""

    value: ScalarValue
    span: Span | None = field(default=None, compare=False, repr=False)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Scalar):
            return NotImplemented
        return type(self.value) is type(other.value) and self.value == other.value

    def to_python(self) -> PlainValue:
        return self.value


@record(compiled_init=True)
class ListNode:
    """An ordered list of values."""

    items: list[Node]
    span: Span | None = field(default=None, compare=False, repr=False)

    def to_python(self) -> PlainValue:
        return [item.to_python() for item in self.items]


@record(compiled_init=True)
class Member:
    """One key of an object with its value.

    `key_span` is where the effective value's key was written (the last definition when a
    key is repeated); `implicit` marks a `plugin_name` taken from a HOCON block name.
    """

    key: str
    value: Node
    key_span: Span | None = field(default=None, compare=False, repr=False)
    implicit: bool = field(default=False, compare=False)


@record(compiled_init=True)
class ObjectNode:
    """An object whose members keep the order SeaTunnel keeps (first definition wins)."""

    members: dict[str, Member] = field(default_factory=dict)
    span: Span | None = field(default=None, compare=False, repr=False)

    def __contains__(self, key: object) -> bool:
        return key in self.members

    def __iter__(self) -> Iterator[str]:
        return iter(self.members)

    def __len__(self) -> int:
        return len(self.members)

    def get(self, key: str) -> Node | None:
        member = self.members.get(key)
        return None if member is None else member.value

    def member(self, key: str) -> Member | None:
        return self.members.get(key)

    def set(self, key: str, value: Node, key_span: Span | None = None) -> None:
        """Set a key, keeping its position when it already exists."""
        self.members[key] = Member(key, value, key_span)

    def to_python(self) -> PlainValue:
        return {key: member.value.to_python() for key, member in self.members.items()}


Node: TypeAlias = Scalar | ListNode | ObjectNode


def lookup(node: Node, path: tuple[str, ...]) -> Node | None:
    """The value at `path` (one key per element) below `node`, or None."""
    current = node
    for element in path:
        if not isinstance(current, ObjectNode):
            return None
        found = current.get(element)
        if found is None:
            return None
        current = found
    return current


def from_python(value: object, span: Span | None = None) -> Node:
    """Wrap plain data (as `json.loads` returns it) in nodes, without spans."""
    if isinstance(value, dict):
        node = ObjectNode(span=span)
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"object keys must be strings, not {type(key).__name__}")
            node.set(key, from_python(item))
        return node
    if isinstance(value, list | tuple):
        return ListNode([from_python(item) for item in value], span)
    if value is None or isinstance(value, str | int | float | bool):
        return Scalar(value, span)
    raise TypeError(f"cannot use a {type(value).__name__} as a SeaTunnel value")


__all__ = [
    "ListNode",
    "Member",
    "Node",
    "ObjectNode",
    "PlainValue",
    "Scalar",
    "ScalarValue",
    "from_python",
    "lookup",
]
