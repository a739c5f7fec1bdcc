"""The canonical line, the source line with a caret under the span, then help and fix."""

from __future__ import annotations

from stconfig.lint.diagnostic import Diagnostic


def snippet(diagnostic: Diagnostic) -> list[str]:
    span = diagnostic.span
    if span is None:
        return []
    line, column = span.start_line_col
    end_line, end_column = span.end_line_col
    text = span.source.line_text(line)
    if not text.strip():
        return []
    if diagnostic.sensitive:
        stop = end_column - 1 if end_line == line else len(text)
        text = text[: column - 1] + "*" * (stop - column + 1) + text[stop:]
    prefix = text[: column - 1].expandtabs(4)
    width = (end_column - column) if end_line == line else len(text) - column + 1
    shown = text.expandtabs(4)
    gutter = " " * len(str(line))
    return [
        f" {gutter} |",
        f" {line} | {shown}",
        f" {gutter} | {' ' * len(prefix)}{'^' * max(1, width)}",
    ]


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
