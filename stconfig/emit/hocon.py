"""HOCON for `seatunnel.sh --config`, written so SeaTunnel's reader gives back the same job.

Plugins are written as `Name { ... }` blocks inside `source` / `transform` / `sink` (never
`source = [ ... ]`, which SeaTunnel mangles); dotted keys stay flat; keys are quoted only
when SeaTunnel would read them differently unquoted; strings are always quoted so that
`10s`, `true` or `${x}` inside them stay text.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from stconfig.emit._checks import check_object
from stconfig.errors import EmitError
from stconfig.model.values import ListNode, Node, ObjectNode, Scalar

if TYPE_CHECKING:
    from stconfig.model.job import Job

SECTIONS = ("source", "transform", "sink")
INDENT = "  "
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
_INLINE_LIST_WIDTH = 80


def format_key(key: str) -> str:
    """A key as SeaTunnel reads it back as one path element."""
    if _PLAIN_KEY.fullmatch(key) and "->" not in key and key != "include":
        return key
    return json.dumps(key, ensure_ascii=False)


def format_scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    assert isinstance(value, str)
    if "\n" in value and '"""' not in value and not value.endswith('"') and _triple_safe(value):
        return '"""' + value + '"""'
    return json.dumps(value, ensure_ascii=False)


def _triple_safe(value: str) -> bool:
    return all(char >= " " or char in "\n\t" for char in value)


def _holds_object(node: Node) -> bool:
    if isinstance(node, ObjectNode):
        return True
    if isinstance(node, ListNode):
        return any(_holds_object(item) for item in node.items)
    return False


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def field(self, key: str, value: Node, depth: int, where: str) -> None:
        pad = INDENT * depth
        if key in SECTIONS and _holds_object(value):
            raise EmitError(
                f"{where}: an option named {key!r} holding an object cannot be written in "
                "HOCON (SeaTunnel's reader turns it into a list); write the job as JSON"
            )
        name = format_key(key)
        if isinstance(value, ObjectNode):
            if not value.members:
                self.lines.append(f"{pad}{name} {{}}")
                return
            self.lines.append(f"{pad}{name} {{")
            self.members(value, depth + 1, where)
            self.lines.append(f"{pad}}}")
            return
        self.lines.append(f"{pad}{name} = {self.inline(value, depth, where)}")

    def members(self, node: ObjectNode, depth: int, where: str) -> None:
        for key, member in node.members.items():
            self.field(key, member.value, depth, f"{where}.{key}" if where else key)

    def inline(self, value: Node, depth: int, where: str) -> str:
        """A value that starts on the current line (lists and objects may span lines)."""
        if isinstance(value, Scalar):
            return format_scalar(value.value)
        pad = INDENT * depth
        if isinstance(value, ListNode):
            if not value.items:
                return "[]"
            if all(isinstance(item, Scalar) for item in value.items):
                flat = (
                    "[" + ", ".join(self.inline(item, depth, where) for item in value.items) + "]"
                )
                if len(flat) + len(pad) <= _INLINE_LIST_WIDTH and "\n" not in flat:
                    return flat
            inner = INDENT * (depth + 1)
            rows = [
                f"{inner}{self.inline(item, depth + 1, f'{where}[{index}]')}"
                for index, item in enumerate(value.items)
            ]
            return "[\n" + ",\n".join(rows) + f"\n{pad}]"
        if not value.members:
            return "{}"
        nested = _Writer()
        nested.members(value, depth + 1, where)
        return "{\n" + "\n".join(nested.lines) + f"\n{pad}}}"

    def section(self, kind: str, value: Node) -> None:
        if not isinstance(value, ListNode):
            raise EmitError(
                f"{kind!r} is not a list of plugins, so it cannot be written as a HOCON "
                f"{kind} block; write the job as JSON"
            )
        if not value.items:
            self.lines.append(f"{kind} {{}}")
            return
        self.lines.append(f"{kind} {{")
        for index, item in enumerate(value.items):
            self.plugin(kind, index, item)
        self.lines.append("}")

    def plugin(self, kind: str, index: int, item: Node) -> None:
        where = f"{kind}[{index}]"
        if not isinstance(item, ObjectNode):
            if _holds_object(item):
                raise EmitError(
                    f"{where}: a list of objects inside {kind!r} cannot be written in HOCON"
                )
            self.lines.append(f"{INDENT}value = {self.inline(item, 1, where)}")
            return
        name = item.get("plugin_name")
        if name is None:
            raise EmitError(
                f"{where}: a plugin without 'plugin_name' cannot be written in HOCON "
                "(every block there gets one from its name)"
            )
        options = ObjectNode(
            {key: member for key, member in item.members.items() if key != "plugin_name"}
        )
        if isinstance(name, Scalar) and isinstance(name.value, str):
            block = name.value
        else:
            block = "plugin"
            options = item
        if not options.members:
            self.lines.append(f"{INDENT}{format_key(block)} {{}}")
            return
        self.lines.append(f"{INDENT}{format_key(block)} {{")
        self.members(options, 2, where)
        self.lines.append(f"{INDENT}}}")


def emit_hocon(job: Job) -> str:
    """The job as SeaTunnel HOCON text, ending in a newline (empty for an empty document)."""
    check_object(job.root)
    writer = _Writer()
    for key, member in job.root.members.items():
        if writer.lines:
            writer.lines.append("")
        if key in SECTIONS:
            writer.section(key, member.value)
        else:
            writer.field(key, member.value, 0, key)
    return "\n".join(writer.lines) + "\n" if writer.lines else ""


__all__ = ["emit_hocon", "format_key", "format_scalar"]
