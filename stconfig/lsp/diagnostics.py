"""Lint findings as LSP diagnostics: code, severity, range, docs link, related places.

Job files are linted from the editor's text on every (debounced) change. A Python DSL file
is linted by running it, as `stconfig lint FILE.py` does, in a child process (so the user's
code cannot stop the server) and only when it is opened or saved.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp

from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.engine import lint_source
from stconfig.lint.settings import LintSettings
from stconfig.lsp.positions import LineIndex
from stconfig.source import SourceFile

SOURCE = "stconfig"
RULES_DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
"""docs/rules.md of a checkout or editable install; a wheel ships no docs, then no link."""
DSL_TIMEOUT_S = 60

SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


def docs_href(code: str, name: str, base: str | None) -> str | None:
    """The rule's anchor in docs/rules.md (headings read `### ST205 duplicate-plugin-output`)."""
    if base is None:
        return None
    return f"{base}#{code.lower()}-{name.lower()}"


def default_docs_base() -> str | None:
    return RULES_DOC.as_uri() if RULES_DOC.is_file() else None


def lint_text(path: str, text: str, settings: LintSettings) -> list[Diagnostic]:
    """The linter's findings for a job file's current text."""
    return lint_source(SourceFile(path, text), settings)


def _related(
    finding: Diagnostic, path: str, uri: str, index: LineIndex
) -> list[lsp.DiagnosticRelatedInformation] | None:
    """The other places a finding names (the first of two definitions), as links; one in an
    included file links to that file."""
    related = []
    for place in finding.related:
        if place.span.path == path:
            location = lsp.Location(uri, index.range(place.span.start, place.span.end))
        else:
            other = LineIndex(place.span.source.text)
            location = lsp.Location(
                Path(place.span.path).resolve().as_uri(),
                other.range(place.span.start, place.span.end),
            )
        related.append(lsp.DiagnosticRelatedInformation(location, place.message))
    return related or None


def _related_rows(rows: list[dict[str, Any]]) -> list[lsp.DiagnosticRelatedInformation] | None:
    """`related` of `stconfig lint --output-format json` (1-based, ends exclusive) as links."""
    related = [
        lsp.DiagnosticRelatedInformation(
            lsp.Location(
                Path(row["file"]).resolve().as_uri(),
                lsp.Range(
                    lsp.Position(max(row["line"] - 1, 0), max(row["column"] - 1, 0)),
                    lsp.Position(max(row["end_line"] - 1, 0), max(row["end_column"] - 1, 0)),
                ),
            ),
            row["message"],
        )
        for row in rows
    ]
    return related or None


def to_lsp(
    findings: list[Diagnostic], path: str, uri: str, index: LineIndex, docs_base: str | None
) -> list[lsp.Diagnostic]:
    """LSP diagnostics for the findings; those located in another file (an include) are
    shown at the top of this one, naming where they are."""
    result = []
    for finding in findings:
        message = finding.message
        if finding.span is not None and finding.span.path == path:
            range_ = index.range(finding.span.start, finding.span.end)
        else:
            range_ = lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0))
            if finding.span is not None:
                message = f"{finding.span}: {message}"
        if finding.help:
            message = f"{message}\n{finding.help}"
        href = docs_href(finding.code, finding.name, docs_base)
        result.append(
            lsp.Diagnostic(
                range=range_,
                message=message,
                severity=SEVERITY[finding.severity],
                code=finding.code,
                code_description=lsp.CodeDescription(href) if href else None,
                source=SOURCE,
                related_information=_related(finding, path, uri, index),
                data={"name": finding.name, "fixable": finding.fix is not None},
            )
        )
    return result


def _flags(settings: LintSettings) -> list[str]:
    flags = ["--output-format", "json"]
    if settings.select:
        flags += ["--select", ",".join(settings.select)]
    if settings.ignore:
        flags += ["--ignore", ",".join(settings.ignore)]
    if settings.version_chosen:
        flags += ["--target-version", settings.target_version]
    for name, value in settings.variables.items():
        flags += ["--var", f"{name}={value}"]
    return flags


def lint_python(path: str, settings: LintSettings, docs_base: str | None) -> list[lsp.Diagnostic]:
    """Run `stconfig lint FILE.py` in a child process and read its JSON findings."""
    command = [sys.executable, "-m", "stconfig", "lint", *_flags(settings), path]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=DSL_TIMEOUT_S,
            cwd=str(Path(path).parent),
            check=False,
        )
    except subprocess.TimeoutExpired:
        return [_file_problem(f"running the DSL file took over {DSL_TIMEOUT_S} s; stopped")]
    if done.returncode == 2:
        return [_file_problem(done.stderr.strip() or "the DSL file could not be run", path)]
    try:
        rows = json.loads(done.stdout)
    except json.JSONDecodeError:
        return [_file_problem(f"unexpected output from stconfig lint: {done.stdout[:200]!r}")]
    result = []
    for row in rows:
        if row.get("file") not in (path, str(Path(path).resolve())):
            continue
        start = lsp.Position(max(row["line"] - 1, 0), max(row["column"] - 1, 0))
        end = lsp.Position(max(row["end_line"] - 1, 0), max(row["end_column"] - 1, 0))
        message = row["message"] + (f"\n{row['help']}" if row.get("help") else "")
        href = docs_href(row["code"], row["name"], docs_base)
        result.append(
            lsp.Diagnostic(
                range=lsp.Range(start, end),
                message=message,
                severity=SEVERITY[Severity(row["severity"])],
                code=row["code"],
                code_description=lsp.CodeDescription(href) if href else None,
                source=SOURCE,
                related_information=_related_rows(row.get("related") or []),
                data={"name": row["name"], "fixable": False},
            )
        )
    return result


def _file_problem(message: str, path: str | None = None) -> lsp.Diagnostic:
    """A problem with the whole file, at the line the message names when it names one."""
    line, column = 0, 0
    if path is not None:
        match = re.search(re.escape(path) + r":(\d+)(?::(\d+))?", message)
        if match is not None:
            line = int(match.group(1)) - 1
            column = int(match.group(2)) - 1 if match.group(2) else 0
        message = message.removeprefix("error: ")
    return lsp.Diagnostic(
        range=lsp.Range(lsp.Position(line, column), lsp.Position(line + 1, 0)),
        message=message,
        severity=lsp.DiagnosticSeverity.Error,
        source=SOURCE,
    )


__all__ = ["default_docs_base", "docs_href", "lint_python", "lint_text", "to_lsp"]
