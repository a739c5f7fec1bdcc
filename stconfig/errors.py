"""Typed errors. Each renders as one line; those with a position start with `path:line:col`."""

from __future__ import annotations

from stconfig.source import Span

SNIPPET_WIDTH = 200
"""Characters of the source line shown under an error; longer lines are cut around the caret."""


class StconfigError(Exception):
    """Base of every error stconfig raises on purpose."""


class FileReadError(StconfigError):
    """A file that cannot be read at all (missing, a folder, too large, not text)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class ParseError(StconfigError):
    """Text that SeaTunnel's reader would reject, located at a span."""

    def __init__(self, message: str, span: Span) -> None:
        super().__init__(f"{span}: {message}")
        self.message = message
        self.span = span

    @property
    def path(self) -> str:
        return self.span.path

    @property
    def line(self) -> int:
        return self.span.start_line_col[0]

    @property
    def column(self) -> int:
        return self.span.start_line_col[1]

    def render(self) -> str:
        """The one-line error, the source line, and a caret under the span."""
        line, column = self.span.start_line_col
        end_line, end_column = self.span.end_line_col
        text = self.span.source.line_text(line)
        width = (end_column - column) if end_line == line else len(text) - column + 1
        return "\n".join([str(self), *source_snippet(line, text, column, width)])


def source_snippet(line: int, text: str, column: int, width: int) -> list[str]:
    """The gutter, source line `line` and a caret under `width` characters from `column`.

    Every message that shows source (lint findings, read errors) uses it, so they look
    alike. Tabs count 4 columns; a line longer than SNIPPET_WIDTH is cut around the caret.
    """
    start = len(text[: column - 1].expandtabs(4))
    shown = text.expandtabs(4)
    marked = max(1, len(text[: column - 1 + max(0, width)].expandtabs(4)) - start)
    if len(shown) > SNIPPET_WIDTH:
        skip = max(0, start - SNIPPET_WIDTH // 4)
        cut = skip + SNIPPET_WIDTH < len(shown)
        lead = "... " if skip else ""
        shown = lead + shown[skip : skip + SNIPPET_WIDTH] + (" ..." if cut else "")
        start = start - skip + len(lead)
        marked = max(1, min(marked, len(lead) + SNIPPET_WIDTH - start))
    gutter = " " * len(str(line))
    return [f" {gutter} |", f" {line} | {shown}", f" {gutter} | {' ' * start}{'^' * marked}"]


class UnresolvedVariableError(ParseError):
    """An unquoted `${name}` with no value from the file, the environment or `--var`."""

    def __init__(
        self, name: str, span: Span, others: list[str] | None = None, *, nested: bool = False
    ) -> None:
        more = sorted(set(others or []) - {name})
        also = f" (also unresolved: {', '.join(repr(n) for n in more)})" if more else ""
        why = (
            f"; {name!r} is a key inside a block, but ${{{name}}} is looked up from the root "
            "of the file (HOCON paths are absolute)"
            if nested
            else ""
        )
        super().__init__(
            f"unresolved variable {name!r}{also}{why}: set it with --var {name}=VALUE, "
            "an environment variable, or write ${?" + name + "} to make it optional",
            span,
        )
        self.name = name
        self.names = [name, *more]


class VariableError(StconfigError):
    """A `--var` that SeaTunnel would refuse (a reserved placeholder name, no `=`)."""


class EmitError(StconfigError):
    """A job that cannot be written in the requested format without changing its meaning."""


__all__ = [
    "EmitError",
    "FileReadError",
    "ParseError",
    "StconfigError",
    "UnresolvedVariableError",
    "VariableError",
    "source_snippet",
]
