"""A `savepoint.path` that cannot point at a savepoint.

## What it does
Flags an `env` `savepoint.path` that is empty, relative, or not a URI or absolute path.

## Why is this bad?
Zeta restores by job id, not by path; only the Flink engine restores from a path, and it
needs an absolute location (`hdfs://...`, `s3://...`, `file:///...`, `/...`) given with
`-s` at submission. A relative or empty path cannot be found on the cluster.

## Example
    env { savepoint.path = "savepoints/latest" }

## Use instead
    # Zeta: stconfig restore 842374234081 job.conf
    # Flink: flink run -s hdfs:///flink/savepoints/savepoint-1a2b3c ...
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig._lazy import lazy_pattern
from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.helpers import restore_settings, scalar_text
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule

ABSOLUTE = lazy_pattern(r"^(?:[A-Za-z][A-Za-z0-9+.-]*://\S+|/\S*)$")


@register
class SavepointPathInvalid(Rule):
    code = "ST604"
    name = "savepoint-path-invalid"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        member = restore_settings(ctx.job.env).get("savepoint.path")
        if member is None:
            return
        text = scalar_text(member.value)
        if text is not None and ("${" in text or ABSOLUTE.match(text.strip())):
            return
        yield ctx.report(
            self,
            member.value.span or member.key_span,
            f"savepoint path {text!r} is not an absolute path or URI; a savepoint cannot be "
            "found there",
            help="Zeta restores by job id (`stconfig restore JOBID FILE`); Flink needs an "
            "absolute path",
        )


__all__ = ["SavepointPathInvalid"]
