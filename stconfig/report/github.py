"""GitHub Actions workflow commands: one `::error file=...::message` annotation per finding."""

from __future__ import annotations

from stconfig.lint.diagnostic import Diagnostic, Severity

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(diagnostics: list[Diagnostic]) -> str:
    lines = []
    for d in diagnostics:
        end_line, end_column = d.end
        props = [
            f"file={escape_property(d.path)}",
            f"line={d.line}",
            f"col={d.column}",
            f"endLine={end_line}",
        ]
        if end_line == d.line:
            props.append(f"endColumn={end_column}")
        props.append(f"title={escape_property(f'{d.code} {d.name}')}")
        message = d.message + (f"\n{d.help}" if d.help else "")
        lines.append(f"::{LEVEL[d.severity]} {','.join(props)}::{escape_data(message)}\n")
    return "".join(lines)


__all__ = ["render"]
