"""What a rule sees: the job, its syntax trees, the settings, and shared derived data."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from stconfig.lint.diagnostic import Diagnostic, Fix, Related
from stconfig.lint.settings import LintSettings
from stconfig.lint.versions import table_keys
from stconfig.model.graph import TableGraph, build_graph
from stconfig.model.values import Scalar

if TYPE_CHECKING:
    from stconfig.errors import ParseError
    from stconfig.hocon.ast import Document, Field, ObjectValue
    from stconfig.lint.options import OptionFinding
    from stconfig.lint.rule import Rule
    from stconfig.lint.suppression import Suppression
    from stconfig.model.job import Job
    from stconfig.source import Span
    from stconfig.versions import Version


class LintContext:
    """Per-file state shared by the rules; derived data is computed once, on first use."""

    def __init__(
        self,
        path: str,
        settings: LintSettings,
        documents: list[Document],
        job: Job | None,
        *,
        parse_error: ParseError | None = None,
    ) -> None:
        self.path = path
        self.settings = settings
        self.documents = documents
        self.job = job
        self.parse_error = parse_error
        self.enabled: set[str] = set()
        """Codes of the rules running on this file (for unused-suppression reports)."""
        self.suppressions: list[Suppression] = []

    @property
    def version(self) -> Version:
        return self.settings.version

    @property
    def is_json(self) -> bool:
        """True when the linted file is read with JSON syntax (its name ends in `.json`)."""
        return bool(self.documents) and self.documents[0].syntax == "json"

    @cached_property
    def graph(self) -> TableGraph:
        assert self.job is not None
        return build_graph(self.job, *table_keys(self.version))

    @cached_property
    def fields(self) -> list[tuple[Document, Field, tuple[str, ...], ObjectValue]]:
        """Every field of every document with its parent path and object, walked once."""
        from stconfig.lint.helpers import document_fields

        return list(document_fields(self.documents))

    @cached_property
    def placeholders(self) -> list[tuple[str, str | None, Span, Document]]:
        """Every quoted `${name}` placeholder (`helpers.placeholders`): several rules read
        them, and finding them walks every string of every document."""
        from stconfig.lint.helpers import placeholders

        return list(placeholders(self.documents))

    @cached_property
    def option_findings(self) -> list[OptionFinding]:
        """Plugin and option problems against the catalog, shared by the ST3xx rules."""
        from stconfig.lint.options import check_job

        assert self.job is not None
        return check_job(self.job, self.version)

    @cached_property
    def job_mode(self) -> str | None:
        """`env.job.mode` upper-cased, or None when unset or not a string."""
        env = self.job.env if self.job is not None else None
        value = env.get("job.mode") if env is not None else None
        if isinstance(value, Scalar) and isinstance(value.value, str):
            return value.value.strip().upper()
        return None

    def report(
        self,
        rule: Rule,
        span: Span | None,
        message: str,
        *,
        help: str | None = None,
        fix: Fix | None = None,
        related: tuple[Related, ...] = (),
    ) -> Diagnostic:
        return Diagnostic(
            rule.code,
            rule.name,
            rule.severity,
            message,
            span.path if span is not None else self.path,
            span,
            help,
            fix,
            related,
        )

    def top_fields(self) -> Iterator[tuple[Document, Field]]:
        """Every field at the root of the file and of its root-level includes, in reading
        order: an include's fields come where the `include` stands, as SeaTunnel merges them.
        """
        if self.documents:
            yield from self._root_fields(self.documents[0], [1])

    def _root_fields(
        self, document: Document, cursor: list[int]
    ) -> Iterator[tuple[Document, Field]]:
        from stconfig.hocon.ast import Field, Include, ObjectValue
        from stconfig.hocon.resolve import included_path

        if not isinstance(document.root, ObjectValue):
            return
        for entry in document.root.entries:
            if isinstance(entry, Field):
                yield document, entry
                continue
            if not isinstance(entry, Include):
                continue
            candidates = {str(path.resolve()) for path in included_path(entry, document)}
            for index in range(cursor[0], len(self.documents)):
                included = self.documents[index]
                if str(Path(included.source.path).resolve()) in candidates:
                    cursor[0] = index + 1
                    yield from self._root_fields(included, cursor)
                    break

    def section_blocks(self) -> Iterator[tuple[str, ObjectValue]]:
        """The object values written for `source`, `transform` and `sink` at the root."""
        from stconfig.hocon.ast import ObjectValue

        for _, entry in self.top_fields():
            if (
                entry.key.path[0] in ("source", "transform", "sink")
                and isinstance(entry.value, ObjectValue)
                and len(entry.key.path) == 1
            ):
                yield entry.key.path[0], entry.value


__all__ = ["LintContext"]
