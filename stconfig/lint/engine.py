"""Running the rules over one file or one job, then suppressions and sorting."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from stconfig.errors import ParseError
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Fix, Severity
from stconfig.lint.registry import selected
from stconfig.lint.settings import LintSettings
from stconfig.lint.suppression import apply, collect, collect_python
from stconfig.lint.versions import inferred_version, parse_version
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
    settings = settled(job, settings)
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
    settings = settled(job, settings)
    return _run(LintContext(path, settings, list(job.documents), job), _rules_for(path, settings))


def settled(job: Job, settings: LintSettings) -> LintSettings:
    """The settings for this job: 2.3.9 for `plugin_output` keys when no version was chosen.

    Those keys exist from 2.3.9 on, so a file that writes only them was written for 2.3.9 or
    later; checking it as the catalog's 2.3.8 would report every one of them (ST402).
    """
    if not settings.infer_version:
        return settings
    inferred = inferred_version(job)
    if parse_version(inferred) <= settings.version:
        return settings
    return replace(settings, target_version=inferred, version_inferred=True)


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
    return sorted(_without_secrets(ctx, diagnostics), key=Diagnostic.sort_key)


def _without_secrets(ctx: LintContext, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Findings whose messages, help and fixes never repeat a secret value of the job, of
    its variables, or of the command (so `--ignore ST801` hides nothing less)."""
    if not diagnostics:
        return diagnostics
    from stconfig.secrets import (
        job_secrets,
        mark_job,
        redact,
        remember,
        remembered,
        variable_secrets,
    )

    settings = ctx.settings
    values = set(remembered())
    if ctx.job is not None:
        values |= job_secrets(ctx.job, settings.variables, settings.environ)
        mark_job(ctx.job, values)
    else:
        texts = [document.source.text for document in ctx.documents]
        values |= variable_secrets(settings.variables, settings.environ or {}, texts)
    for d in diagnostics:
        if d.span is not None:
            source = d.span.source
            regions = source.line_secret_regions(d.line)
            values.update(source.text[start:end] for start, end in regions)
    if not values:
        return diagnostics
    remember(values)
    return [
        replace(
            d,
            message=redact(d.message, values),
            help=redact(d.help, values) if d.help is not None else None,
            fix=_redacted_fix(d.fix, values),
        )
        for d in diagnostics
    ]


def _redacted_fix(fix: Fix | None, values: set[str]) -> Fix | None:
    """The fix with its message scrubbed; its edits stay as they are, since `--fix` writes
    them (reporters that print edit texts mask them)."""
    if fix is None:
        return None
    from stconfig.secrets import redact

    return Fix(redact(fix.message, values), fix.edits)


def worst(diagnostics: Iterable[Diagnostic]) -> Severity | None:
    """The most severe level among the findings, or None when there are none."""
    found = {d.severity for d in diagnostics}
    return next((s for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if s in found), None)


__all__ = ["lint_job", "lint_path", "lint_source", "lint_undecodable", "worst"]
