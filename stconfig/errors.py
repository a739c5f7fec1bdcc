"""Typed errors. Each renders as one line; those with a position start with `path:line:col`."""

from __future__ import annotations

from stconfig.secrets import redact, redact_known
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
    """Text that SeaTunnel's reader would reject, located at a span.

    A message that quotes the source never repeats a secret written in it.
    """

    def __init__(self, message: str, span: Span) -> None:
        message = _without_secrets(message, span)
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
        """The one-line error, the source line (secrets masked), and a caret under the span."""
        line, column = self.span.start_line_col
        end_line, end_column = self.span.end_line_col
        masked = self.span.source.masked_line(line)
        start = masked.column(column)
        end = masked.column(end_column, end=True) if end_line == line else len(masked.text) + 1
        snippet = source_snippet(line, masked.text, start, end - start)
        return "\n".join([redact_known(str(self)), *snippet])


def source_snippet(line: int, text: str, column: int, width: int) -> list[str]:
    """The gutter, source line `line` and a caret under `width` characters from `column`.

    Every message that shows source (lint findings, read errors) uses it, so they look
    alike; callers pass the line with its secrets masked (`SourceFile.masked_line`). Tabs
    count 4 columns; a line longer than SNIPPET_WIDTH is cut around the caret.
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


def _without_secrets(message: str, span: Span) -> str:
    """A message with the secrets of its file (and those met so far) scrubbed from it."""
    if "'" not in message and '"' not in message:
        return message
    source = span.source
    regions = source.line_secret_regions(source.line_col(span.start)[0])
    return redact(message, [source.text[start:end] for start, end in regions])


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
