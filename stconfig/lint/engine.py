"""Running the rules over one file or one job, then suppressions and sorting."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from stconfig.errors import ParseError
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import selected
from stconfig.lint.settings import LintSettings
from stconfig.lint.suppression import apply, collect, collect_python
from stconfig.source import SourceFile
from stconfig.variables import RESERVED_PLACEHOLDERS

SECTION_KEYS = ("env", "source", "transform", "sink")

if TYPE_CHECKING:
    from stconfig.hocon.ast import Document
    from stconfig.lint.rule import Rule
    from stconfig.model.job import Job


def lint_source(source: SourceFile, settings: LintSettings) -> list[Diagnostic]:
    """Lint one file's text; its path's extension picks the syntax, as in SeaTunnel."""
    from stconfig.reader import loads, syntax_for

    rules = _rules_for(source.path, settings)
    syntax = syntax_for(source.path)
    # Reserved names are reported by ST704 rather than refused by the reader.
    variables = {k: v for k, v in settings.variables.items() if k not in RESERVED_PLACEHOLDERS}
    try:
        job = loads(
            source.text,
            fmt=syntax,
            path=source.path,
            variables=variables,
            environ=settings.environ,
            unresolved="keep",
        )
    except ParseError as error:
        # The error may come from resolution or an include: syntax rules still run on the
        # file's own tree when it parses.
        from stconfig.hocon.parser import parse_document

        documents: list[Document] = []
        with contextlib.suppress(ParseError):
            documents.append(parse_document(source, syntax=syntax))
        context = LintContext(source.path, settings, documents, None, parse_error=error)
        return _run(context, [rule for rule in rules if rule.layer == "syntax"])
    if syntax == "json" and not any(key in job.root for key in SECTION_KEYS):
        return []  # a JSON file that is not a job (package.json, a schema, ...)
    return _run(LintContext(source.path, settings, list(job.documents), job), rules)


def lint_path(path: str, settings: LintSettings) -> list[Diagnostic]:
    """Lint a file; FileReadError when it cannot be read, a finding when it is not UTF-8."""
    from stconfig.reader import read_source

    try:
        source = read_source(path)
    except ParseError as error:
        return lint_undecodable(path, error, settings)
    return lint_source(source, settings)


def lint_undecodable(path: str, error: ParseError, settings: LintSettings) -> list[Diagnostic]:
    """The findings for input that is not even text (invalid UTF-8): the syntax rules only."""
    context = LintContext(path, settings, [], None, parse_error=error)
    return _run(context, [r for r in _rules_for(path, settings) if r.layer == "syntax"])


def lint_job(job: Job, settings: LintSettings) -> list[Diagnostic]:
    """Lint a job already in memory (read earlier, or built with the DSL)."""
    path = job.source_file.path if job.source_file is not None else "<job>"
    return _run(LintContext(path, settings, list(job.documents), job), _rules_for(path, settings))


def _rules_for(path: str, settings: LintSettings) -> list[Rule]:
    return selected(settings.select, (*settings.ignore, *settings.ignored_for(path)))


def _run(ctx: LintContext, rules: Iterable[Rule]) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    late: list[Rule] = []
    for rule in rules:
        ctx.enabled.add(rule.code)
        if rule.after_suppressions:
            late.append(rule)
        elif rule.layer == "syntax" or ctx.job is not None:
            diagnostics.extend(rule.check(ctx))
    ctx.suppressions = collect(ctx.documents)
    source = ctx.job.source_file if ctx.job is not None else None
    if source is not None and not ctx.documents and source.path.endswith(".py"):
        ctx.suppressions += collect_python(source)
    diagnostics = apply(diagnostics, ctx.suppressions)
    for rule in late:
        diagnostics.extend(rule.check(ctx))
    return sorted(diagnostics, key=Diagnostic.sort_key)


def worst(diagnostics: Iterable[Diagnostic]) -> Severity | None:
    """The most severe level among the findings, or None when there are none."""
    found = {d.severity for d in diagnostics}
    return next((s for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if s in found), None)


__all__ = ["lint_job", "lint_path", "lint_source", "lint_undecodable", "worst"]
