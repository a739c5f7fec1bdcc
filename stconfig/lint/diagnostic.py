"""What a rule reports: a located finding with a severity, help and an optional fix."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, TypeAlias

from stconfig._records import field, record
from stconfig.source import SourceFile, Span

if TYPE_CHECKING:
    from stconfig.lint.fix import JobReading
    from stconfig.model.values import PlainValue

ReadingPath: TypeAlias = tuple[str | int, ...]
"""Where a value sits in the job as SeaTunnel reads it (`Job.to_dict()`): keys and indexes."""


class Severity(StrEnum):
    """error: SeaTunnel rejects or misbehaves; warning: legal but almost surely unintended."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@record(frozen=True)
class Edit:
    """Replace the text between two offsets of one file (an insertion when they are equal)."""

    source: SourceFile
    start: int
    end: int
    content: str

    @classmethod
    def replace(cls, span: Span, content: str) -> Edit:
        return cls(span.source, span.start, span.end, content)


@record(frozen=True)
class RenameKey:
    """The fix renames one key of the object at `at`; its value stays."""

    at: ReadingPath
    old: str
    new: str


@record(frozen=True)
class SetValue:
    """The fix gives the value at `at` a new value."""

    at: ReadingPath
    value: PlainValue


Change: TypeAlias = RenameKey | SetValue


@record(frozen=True)
class Fix:
    """A safe, minimal text change that removes the finding and keeps everything else.

    `changes` is what the fix means to change in the job as SeaTunnel reads it (nothing, when
    empty); the engine checks the edited text against it before the fix is offered, and
    records in `checked` the reading it checked against.
    """

    message: str
    edits: tuple[Edit, ...]
    changes: tuple[Change, ...] = ()
    checked: JobReading | None = field(default=None, compare=False, repr=False)


@record(frozen=True)
class Related:
    """Another place a finding is about (the first of two definitions), and what it is there."""

    span: Span
    message: str


@record(frozen=True)
class Diagnostic:
    """One finding. `span` is None only for jobs built in Python, which have no text."""

    code: str
    name: str
    severity: Severity
    message: str
    path: str
    span: Span | None = None
    help: str | None = None
    fix: Fix | None = field(default=None, compare=False)
    related: tuple[Related, ...] = field(default=(), compare=False)
    """The other places the message names, for editors and SARIF viewers to link to."""

    @property
    def line(self) -> int:
        return self.span.start_line_col[0] if self.span is not None else 1

    @property
    def column(self) -> int:
        return self.span.start_line_col[1] if self.span is not None else 1

    @property
    def end(self) -> tuple[int, int]:
        return self.span.end_line_col if self.span is not None else (1, 1)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.message} [{self.name}]"


__all__ = [
    "Change",
    "Diagnostic",
    "Edit",
    "Fix",
    "ReadingPath",
    "Related",
    "RenameKey",
    "SetValue",
    "Severity",
]
