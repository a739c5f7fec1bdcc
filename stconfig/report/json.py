"""A JSON list of findings with fixed keys; positions are 1-based, ends exclusive."""

from __future__ import annotations

import json

from stconfig.lint.diagnostic import Diagnostic, Edit, Fix, Related
from stconfig.secrets import MASK, mask_text, redact_known


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
                "content": shown_content(edit),
            }
        )
    return {"message": fix.message, "applicability": "safe", "edits": edits}


def shown_content(edit: Edit) -> str:
    """An edit's text as printed: masked whole when it replaces a secret of the file."""
    line = edit.source.line_col(edit.start)[0]
    touches = any(
        start < edit.end and edit.start < end
        for start, end in edit.source.line_secret_regions(line)
    )
    content = mask_text(edit.content)
    return redact_known(MASK if touches and content.strip() else content)


def related_data(place: Related) -> dict[str, object]:
    """Another place the finding names: positions 1-based, end exclusive, like the finding."""
    line, column = place.span.start_line_col
    end_line, end_column = place.span.end_line_col
    return {
        "file": place.span.path,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "message": place.message,
    }


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
        "related": [related_data(place) for place in diagnostic.related],
    }


def render(diagnostics: list[Diagnostic]) -> str:
    return json.dumps([as_dict(d) for d in diagnostics], indent=2, ensure_ascii=False) + "\n"


__all__ = ["as_dict", "fix_data", "related_data", "render"]
