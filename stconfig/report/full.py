"""The canonical line, the source line with a caret under the span, then help and fix.

Every source line shown goes through `SourceFile.masked_line`, so secrets are masked
whichever rules ran (stconfig.secrets decides what is secret).
"""

from __future__ import annotations

from stconfig.errors import source_snippet
from stconfig.lint.diagnostic import Diagnostic


def snippet(diagnostic: Diagnostic) -> list[str]:
    span = diagnostic.span
    if span is None:
        return []
    line, column = span.start_line_col
    end_line, end_column = span.end_line_col
    masked = span.source.masked_line(line)
    text = masked.text
    if not text.strip():
        return []
    start = masked.column(column)
    end = masked.column(end_column, end=True) if end_line == line else len(text) + 1
    return source_snippet(line, text, start, end - start)


def render_one(diagnostic: Diagnostic) -> str:
    lines = [f"{diagnostic}", *snippet(diagnostic)]
    if diagnostic.help:
        lines.append(f"  = help: {diagnostic.help}")
    if diagnostic.fix is not None:
        lines.append(f"  = fix: {diagnostic.fix.message} (available with --fix)")
    return "\n".join(lines) + "\n"


def render(diagnostics: list[Diagnostic]) -> str:
    return "\n".join(render_one(d) for d in diagnostics)


__all__ = ["render", "render_one", "snippet"]
