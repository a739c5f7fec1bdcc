"""The canonical line, the source line with a caret under the span, then help and fix.

Secrets found by a sensitive rule are masked in every snippet that shows their line, not
only in their own finding's.
"""

from __future__ import annotations

from collections.abc import Sequence

from stconfig.errors import source_snippet
from stconfig.lint.diagnostic import Diagnostic
from stconfig.source import Span


def masked_line(span: Span, secrets: Sequence[Span]) -> str:
    """The line where `span` starts, with every secret on it replaced by `*`."""
    line, column = span.start_line_col
    text = span.source.line_text(line)
    line_start = span.start - (column - 1)
    chars = list(text)
    for secret in secrets:
        if secret.source is span.source:
            for offset in range(
                max(secret.start, line_start), min(secret.end, line_start + len(text))
            ):
                chars[offset - line_start] = "*"
    return "".join(chars)


def snippet(diagnostic: Diagnostic, secrets: Sequence[Span] = ()) -> list[str]:
    span = diagnostic.span
    if span is None:
        return []
    line, column = span.start_line_col
    end_line, end_column = span.end_line_col
    text = masked_line(span, secrets)
    if not text.strip():
        return []
    width = (end_column - column) if end_line == line else len(text) - column + 1
    return source_snippet(line, text, column, width)


def render_one(diagnostic: Diagnostic, secrets: Sequence[Span] = ()) -> str:
    lines = [f"{diagnostic}", *snippet(diagnostic, secrets)]
    if diagnostic.help:
        lines.append(f"  = help: {diagnostic.help}")
    if diagnostic.fix is not None:
        lines.append(f"  = fix: {diagnostic.fix.message} (available with --fix)")
    return "\n".join(lines) + "\n"


def render(diagnostics: list[Diagnostic]) -> str:
    secrets = [d.span for d in diagnostics if d.sensitive and d.span is not None]
    return "\n".join(render_one(d, secrets) for d in diagnostics)


__all__ = ["masked_line", "render", "render_one", "snippet"]
