"""A job without `env`, or with a missing or empty `source` or `sink`.

## What it does
Flags a job file whose root has no `env` block, no `source` or `sink` section, or an empty
one. `transform` is optional. A file with none of the four sections is taken to be a
fragment meant for `include` and is not checked.

## Why is this bad?
SeaTunnel 2.3.8 fails before running: `No configuration setting found for key 'env'`,
`Miss <Source> config! Please check the config file.` (or a NullPointerException), or
`Source And Sink can not be null`.

## Example
    source { FakeSource {} }
    sink { }

## Use instead
    env { job.mode = "BATCH" }
    source { FakeSource { schema { fields { id = bigint } } } }
    sink { Console {} }
"""

from __future__ import annotations

from collections.abc import Iterator

from stconfig.lint.context import LintContext
from stconfig.lint.diagnostic import Diagnostic, Severity
from stconfig.lint.registry import register
from stconfig.lint.rule import Rule
from stconfig.model.values import ListNode, ObjectNode
from stconfig.source import Span


@register
class MissingSection(Rule):
    code = "ST101"
    name = "missing-section"
    severity = Severity.ERROR

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        assert ctx.job is not None
        root = ctx.job.root
        if not any(key in root for key in ("env", "source", "transform", "sink")):
            return  # a fragment (an included schema, say), not a job
        start = Span(ctx.job.source_file, 0, 0) if ctx.job.source_file is not None else root.span
        if "env" not in root:
            yield ctx.report(
                self,
                start,
                "the job has no 'env' block; SeaTunnel fails with "
                "\"No configuration setting found for key 'env'\"",
                help='add `env { job.mode = "BATCH" }` (an empty `env {}` is enough)',
            )
        elif not isinstance(root.get("env"), ObjectNode):
            member = root.member("env")
            assert member is not None
            yield ctx.report(self, member.key_span, "'env' must be an object block")
        for section, label in (("source", "Source"), ("sink", "Sink")):
            member = root.member(section)
            if member is None:
                yield ctx.report(
                    self,
                    start,
                    f"the job has no {section!r} section; SeaTunnel fails with "
                    f'"Miss <{label}> config!"',
                    help=f"add a `{section} {{ ... }}` block with at least one plugin",
                )
            elif isinstance(member.value, ListNode) and not member.value.items:
                yield ctx.report(
                    self,
                    member.key_span,
                    f"the {section!r} section is empty; SeaTunnel fails "
                    f'with "Miss <{label}> config!"',
                    help=f"add at least one plugin block inside `{section}`",
                )


__all__ = ["MissingSection"]
