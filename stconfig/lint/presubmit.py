"""The linter as a pre-submit check for `stconfig submit` / `stconfig restore`.

`stconfig.cli.lifecycle.PRE_SUBMIT_CHECK` takes a callable `(job, path) -> bool`; this one
prints the findings to stderr and refuses the job when an error-severity finding is left.
Restore settings in `env` (ST6xx) are skipped, because the submit command turns the
cookbook's keys into a real restore itself, and so are the rules that judge `--var` values
(ST702, ST704, ST706), because the job was read with the command's variables already.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from stconfig.lint.diagnostic import Severity
from stconfig.lint.engine import lint_job
from stconfig.lint.settings import LintSettings
from stconfig.lint.versions import inferred_version

if TYPE_CHECKING:
    from stconfig.model.job import Job

HANDLED_BY_SUBMIT = ("ST6", "ST702", "ST704", "ST706")


def pre_submit_check(job: Job, path: str, *, target_version: str | None = None) -> bool:
    """Lint `job` (read from `path`); print findings; False when an error is left.

    `target_version` is the server's version when the caller knows it.
    """
    from stconfig.report.concise import render

    version = target_version or inferred_version(job)
    found = lint_job(job, LintSettings(ignore=HANDLED_BY_SUBMIT, target_version=version))
    if found:
        sys.stderr.write(render(found))
    return not any(d.severity is Severity.ERROR for d in found)


__all__ = ["HANDLED_BY_SUBMIT", "pre_submit_check"]
