"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import json
from pathlib import Path

from stconfig import __version__
from stconfig.lint.diagnostic import Diagnostic, Related, Severity
from stconfig.lint.registry import all_rules

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def uri(path: str) -> str:
    pure = Path(path)
    return pure.as_posix() if not pure.is_absolute() else pure.as_uri()


def _related_location(number: int, place: Related) -> dict[str, object]:
    line, column = place.span.start_line_col
    end_line, end_column = place.span.end_line_col
    region = {
        "startLine": line,
        "startColumn": column,
        "endLine": end_line,
        "endColumn": end_column,
    }
    return {
        "id": number,
        "physicalLocation": {"artifactLocation": {"uri": uri(place.span.path)}, "region": region},
        "message": {"text": place.message},
    }


def render(diagnostics: list[Diagnostic]) -> str:
    rules = all_rules()
    used = sorted({d.code for d in diagnostics})
    index = {code: i for i, code in enumerate(used)}
    descriptors = []
    for code in used:
        rule = rules.get(code)
        descriptors.append(
            {
                "id": code,
                "name": rule.name if rule else code,
                "shortDescription": {"text": rule.summary if rule else code},
                "fullDescription": {"text": rule.doc.strip() if rule else code},
                "defaultConfiguration": {"level": LEVEL[rule.severity] if rule else "error"},
            }
        )
    results = []
    for d in diagnostics:
        end_line, end_column = d.end
        region = {"startLine": d.line, "startColumn": d.column}
        if d.span is not None:
            region |= {"endLine": end_line, "endColumn": end_column}
        text = d.message + (f" ({d.help})" if d.help else "")
        related = [_related_location(number, place) for number, place in enumerate(d.related)]
        results.append(
            {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": LEVEL[d.severity],
                "message": {"text": text},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri(d.path)},
                            "region": region,
                        }
                    }
                ],
                **({"relatedLocations": related} if related else {}),
            }
        )
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "stconfig",
                        "version": __version__,
                        "rules": descriptors,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


__all__ = ["render"]
