"""Running the rules over one file or one job, then suppressions and sorting."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from stconfig._records import replace
from stconfig.errors import ParseError, StconfigError
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Fix, Severity
from stconfig.lint.registry import selected
from stconfig.lint.settings import LintSettings
from stconfig.lint.suppression import apply, collect, collect_python
from stconfig.source import SourceFile
from stconfig.variables import RESERVED_PLACEHOLDERS

SECTION_KEYS = ("env", "source", "transform", "sink")

if TYPE_CHECKING:
    from stconfig.hocon.ast import Document
    from stconfig.lint.fix import JobReading
    from stconfig.lint.rule import Rule
    from stconfig.model.job import Job
    from stconfig.secrets import Redactor


def lint_source(source: SourceFile, settings: LintSettings) -> list[Diagnostic]:
    """Lint one file's text; its path's extension picks the syntax, as in SeaTunnel.

    The cyclic garbage collector is paused meanwhile, as while parsing: linting makes
    almost no reference cycles, and the collector's full passes over the hundreds of
    thousands of objects a large job holds took 40% of the lint of a 50,000-line job.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _lint_source(source, settings)
    finally:
        if paused:
            gc.enable()


def _lint_source(source: SourceFile, settings: LintSettings) -> list[Diagnostic]:
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
        found = _run(context, [r for r in rules if r.layer == "syntax"])
        return _checked(found, lambda: None)
    if syntax == "json" and not any(key in job.root for key in SECTION_KEYS):
        return []  # a JSON file that is not a job (package.json, a schema, ...)
    found = _run(LintContext(source.path, settings, list(job.documents), job), rules)
    return _checked(found, lambda: _reading(job, source, variables, settings))


def _checked(found: list[Diagnostic], reading: Callable[[], JobReading | None]) -> list[Diagnostic]:
    """The findings with their fixes checked against the job as read (stconfig.lint.fix);
    the reading is made, and the fix checker imported, only when a finding has a fix."""
    if all(d.fix is None for d in found):
        return found
    from stconfig.lint.fix import check_fixes

    return check_fixes(found, reading())


def _reading(
    job: Job, source: SourceFile, variables: Mapping[str, str], settings: LintSettings
) -> JobReading:
    """How `--fix` reads this job again to check a fix: as the linter read it."""
    from stconfig.lint.fix import JobReading, resolved
    from stconfig.reader import syntax_for

    return JobReading(
        source,
        syntax_for(source.path),
        variables,
        settings.environ,
        job.to_dict(),
        frozenset(resolved(document.source.path) for document in job.documents),
        job.documents[0] if len(job.documents) == 1 else None,
    )


def job_reading(path: str, settings: LintSettings) -> JobReading | None:
    """How the linter reads a job file, for checking fixes other jobs make to its includes;
    None when it does not load."""
    from stconfig.reader import loads, read_source, syntax_for

    variables = {k: v for k, v in settings.variables.items() if k not in RESERVED_PLACEHOLDERS}
    try:
        source = read_source(path)
        job = loads(
            source.text,
            fmt=syntax_for(path),
            path=path,
            variables=variables,
            environ=settings.environ,
            unresolved="keep",
        )
    except StconfigError:
        return None
    return _reading(job, source, variables, settings)


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
    found = _run(LintContext(path, settings, list(job.documents), job), _rules_for(path, settings))
    # A job in memory may not be what its file reads now (edited, or built in Python), so
    # its fixes cannot be checked against the file.
    why = "a job linted in memory cannot be checked against its file; lint the file instead"
    if all(d.fix is None for d in found):
        return found
    from stconfig.lint.fix import check_fixes

    return check_fixes(found, None, why)


def _rules_for(path: str, settings: LintSettings) -> list[Rule]:
    return selected(settings.select, (*settings.ignore, *settings.ignored_for(path)))


class _Plan:
    """A selection of rules sorted once rather than for every file: their codes, the rules
    that run before suppressions (all of them, or the syntax rules alone) and after them.
    A plain class: a record class costs more to build at import than it saves here."""

    __slots__ = ("codes", "early", "late", "syntax")

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.codes = frozenset(rule.code for rule in rules)
        self.early = tuple(rule for rule in rules if not rule.after_suppressions)
        self.syntax = tuple(rule for rule in self.early if rule.layer == "syntax")
        self.late = tuple(rule for rule in rules if rule.after_suppressions)


@lru_cache(maxsize=64)
def _plan(rules: tuple[Rule, ...]) -> _Plan:
    return _Plan(rules)


def _run(ctx: LintContext, rules: Iterable[Rule]) -> list[Diagnostic]:
    plan = _plan(tuple(rules))
    ctx.enabled.update(plan.codes)
    diagnostics: list[Diagnostic] = []
    for rule in plan.early if ctx.job is not None else plan.syntax:
        diagnostics.extend(rule.check(ctx))
    ctx.suppressions = collect(ctx.documents)
    source = ctx.job.source_file if ctx.job is not None else None
    if source is not None and not ctx.documents and source.path.endswith(".py"):
        ctx.suppressions += collect_python(source)
    diagnostics = apply(diagnostics, ctx.suppressions)
    for rule in plan.late:
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
        redactor,
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
    taken: set[int] = set()  # lists of regions already taken (a small text has one list)
    for d in diagnostics:
        if d.span is not None:
            source = d.span.source
            regions = source.line_secret_regions(d.line)
            if id(regions) not in taken:
                taken.add(id(regions))
                values.update(source.text[start:end] for start, end in regions)
    if not values:
        return diagnostics
    remember(values)
    scrub = redactor(values)
    return [_redacted(d, scrub) for d in diagnostics]


def _redacted(d: Diagnostic, scrub: Redactor) -> Diagnostic:
    """The finding with its message, help and fix scrubbed; the finding itself when they
    hold no secret (most do not, and a copy is a record built again)."""
    message = scrub(d.message)
    help = scrub(d.help) if d.help is not None else None
    fix = _redacted_fix(d.fix, scrub)
    if message == d.message and help == d.help and fix is d.fix:
        return d
    return replace(d, message=message, help=help, fix=fix)


def _redacted_fix(fix: Fix | None, scrub: Redactor) -> Fix | None:
    """The fix with its message scrubbed; its edits and intended changes stay as they are,
    since `--fix` writes and checks them (reporters that print edit texts mask them)."""
    if fix is None:
        return None
    message = scrub(fix.message)
    return fix if message == fix.message else replace(fix, message=message)


def worst(diagnostics: Iterable[Diagnostic]) -> Severity | None:
    """The most severe level among the findings, or None when there are none."""
    found = {d.severity for d in diagnostics}
    return next((s for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if s in found), None)


__all__ = ["job_reading", "lint_job", "lint_path", "lint_source", "lint_undecodable", "worst"]
