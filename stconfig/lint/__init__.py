"""The linter: `stconfig.lint(path_or_job, **settings) -> list[Diagnostic]`.

This package is also what `stconfig.lint` names, and the import system binds a submodule
to its parent's attribute on import. The module's class is therefore made callable, so
`stconfig.lint(...)` works whether or not `stconfig.lint` was imported before.
"""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from stconfig.lint.diagnostic import Diagnostic, Edit, Fix, Severity
from stconfig.lint.settings import LintSettings

if TYPE_CHECKING:
    from stconfig.model.job import Job


def lint(
    path_or_job: str | os.PathLike[str] | Job,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    target_version: str | None = None,
    variables: Mapping[str, str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> list[Diagnostic]:
    """Lint a job file (or a job in memory) and return its findings, sorted by position.

    Without `target_version`, a job is checked as `stconfig.versions.DEFAULT_TARGET` (2.3.8),
    as every command does when nothing chooses a version (docs/versions.md).

    Raises FileReadError when the file cannot be read; syntax errors are findings (ST001).
    """
    from stconfig.lint.engine import lint_job, lint_path

    options: dict[str, Any] = {
        "select": tuple(select),
        "ignore": tuple(ignore),
        "variables": dict(variables or {}),
        "environ": environ,
    }
    if target_version is not None:
        options.update(target_version=target_version, version_source="target_version=")
    settings = LintSettings(**options)
    if isinstance(path_or_job, str | os.PathLike):
        return lint_path(os.fspath(path_or_job), settings)
    return lint_job(path_or_job, settings)


class _CallableModule(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> list[Diagnostic]:
        return lint(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule

__all__ = ["Diagnostic", "Edit", "Fix", "LintSettings", "Severity", "lint"]
