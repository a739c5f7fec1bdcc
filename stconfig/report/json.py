"""A JSON list of findings with fixed keys; positions are 1-based, ends exclusive."""

from __future__ import annotations

import json

from stconfig.lint.diagnostic import Diagnostic, Fix


def fix_data(fix: Fix | None) -> dict[str, object] | None:
    if fix is None:
        return None
    edits = []
    for edit in fix.edits:
        line, column = edit.source.line_col(edit.start)
        end_line, end_column = edit.source.line_col(edit.end)
        edits.append(
            {
                "file": edit.source.path,
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "content": edit.content,
            }
        )
    return {"message": fix.message, "applicability": "safe", "edits": edits}


def as_dict(diagnostic: Diagnostic) -> dict[str, object]:
    end_line, end_column = diagnostic.end
    return {
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity.value,
        "message": diagnostic.message,
        "file": diagnostic.path,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "end_line": end_line,
        "end_column": end_column,
        "help": diagnostic.help,
        "fix": fix_data(diagnostic.fix),
    }


def render(diagnostics: list[Diagnostic]) -> str:
    return json.dumps([as_dict(d) for d in diagnostics], indent=2, ensure_ascii=False) + "\n"


__all__ = ["as_dict", "fix_data", "render"]
