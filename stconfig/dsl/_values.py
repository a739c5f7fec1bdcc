"""Python values to job-model nodes: variables become their placeholders, tuples lists."""

from __future__ import annotations

from collections.abc import Mapping

from stconfig.model.values import ListNode, Node, ObjectNode, Scalar


def to_node(value: object, where: str) -> Node:
    """A node for `value`; `where` names the option in the error for an unusable value."""
    if isinstance(value, Mapping):
        node = ObjectNode()
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{where}: keys must be strings, not {type(key).__name__}")
            node.set(key, to_node(item, f"{where}.{key}"))
        return node
    if isinstance(value, list | tuple):
        return ListNode([to_node(item, f"{where}[{i}]") for i, item in enumerate(value)])
    if isinstance(value, str):
        return Scalar(str.__str__(value))
    if value is None or isinstance(value, int | float | bool):
        return Scalar(value)
    raise TypeError(f"{where}: cannot write a {type(value).__name__} into a job ({value!r})")


__all__ = ["to_node"]
