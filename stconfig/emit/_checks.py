"""Values no SeaTunnel reader can take back, refused before anything is written."""

from __future__ import annotations

import math
import re

from stconfig.errors import EmitError
from stconfig.model.values import ListNode, Node, ObjectNode, Scalar

LONG_MIN, LONG_MAX = -(2**63), 2**63 - 1


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def _refuse(node: Scalar, where: str, message: str) -> EmitError:
    """`file:line:col: where: message` when the value came from a file, else `where: message`."""
    located = f"{node.span}: " if node.span is not None else ""
    return EmitError(f"{located}{where}: {message}")


def _written(node: Scalar) -> str:
    """The number as the file wrote it (`1e400`), or as Python prints it."""
    if node.span is not None:
        text = node.span.source.text[node.span.start : node.span.end]
        if 0 < len(text) <= 40 and text[0] in "-0123456789":
            return text
    return str(node.value)


def check_value(node: Node, where: str) -> None:
    """Raise EmitError for integers beyond Java's long, NaN/infinity, or unencodable text."""
    if isinstance(node, Scalar):
        value = node.value
        if isinstance(value, bool) or value is None:
            return
        if isinstance(value, int) and not LONG_MIN <= value <= LONG_MAX:
            raise _refuse(
                node,
                where,
                f"{value} does not fit in a 64-bit integer (SeaTunnel reads it as text)",
            )
        if isinstance(value, float) and not math.isfinite(value):
            if math.isnan(value):
                raise _refuse(node, where, "NaN is not a number SeaTunnel can read")
            raise _refuse(
                node,
                where,
                f"{_written(node)} is beyond the range of a 64-bit floating-point number "
                "(SeaTunnel reads it as Infinity); write the number you mean, or quote it",
            )
        if isinstance(value, str) and _has_surrogate(value):
            raise _refuse(
                node, where, "the string holds a lone surrogate, which is not valid UTF-8"
            )
        return
    if isinstance(node, ListNode):
        for index, item in enumerate(node.items):
            check_value(item, f"{where}[{index}]")
        return
    for key, member in node.members.items():
        if _has_surrogate(key):
            raise EmitError(f"{where}: a key holds a lone surrogate, which is not valid UTF-8")
        check_value(member.value, f"{where}.{key}" if where else key)


def check_object(node: ObjectNode) -> None:
    check_value(node, "")


__all__ = ["check_object", "check_value"]
