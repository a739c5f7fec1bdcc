"""Positions in the user's Python file for a built job, so that lint findings point at DSL code.

A DSL job has no HOCON text: each plugin's block, its keys and values are placed on the line
that created the plugin, its input key on the line of the `>>` that wired it last, and `env`
on the `Job(...)` line. Spans cover the line's code, from its first non-blank character.
"""

from __future__ import annotations

from pathlib import Path

from stconfig.dsl._location import Location
from stconfig.model.values import ListNode, Node, ObjectNode
from stconfig.source import SourceFile, Span


class PythonFiles:
    """The user's Python files, read once each; a file that cannot be read gives no spans."""

    def __init__(self) -> None:
        self._files: dict[str, SourceFile | None] = {}

    def source(self, path: str) -> SourceFile | None:
        if path not in self._files:
            try:
                self._files[path] = SourceFile(path, Path(path).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                self._files[path] = None
        return self._files[path]

    def span(self, location: Location | None) -> Span | None:
        """The code on the location's line."""
        if location is None:
            return None
        source = self.source(location.path)
        if source is None:
            return None
        text = source.line_text(location.line)
        start = source.line_start(location.line) + len(text) - len(text.lstrip())
        return Span(
            source, start, max(start, source.line_start(location.line) + len(text.rstrip()))
        )


def spread(node: Node, span: Span | None) -> None:
    """Give the node, its keys and everything below it this span, where they have none."""
    if span is None:
        return
    if node.span is None:
        node.span = span
    if isinstance(node, ObjectNode):
        for member in node.members.values():
            if member.key_span is None:
                member.key_span = span
            spread(member.value, span)
    elif isinstance(node, ListNode):
        for item in node.items:
            spread(item, span)


__all__ = ["PythonFiles", "spread"]
