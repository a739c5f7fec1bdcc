"""What a rule reports: a located finding with a severity, help and an optional fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from stconfig.source import SourceFile, Span


class Severity(StrEnum):
    """error: SeaTunnel rejects or misbehaves; warning: legal but almost surely unintended."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text between two offsets of one file (an insertion when they are equal)."""

    source: SourceFile
    start: int
    end: int
    content: str

    @classmethod
    def replace(cls, span: Span, content: str) -> Edit:
        return cls(span.source, span.start, span.end, content)


@dataclass(frozen=True, slots=True)
class Fix:
    """A safe, minimal text change that removes the finding and keeps everything else."""

    message: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
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


__all__ = ["Diagnostic", "Edit", "Fix", "Severity"]
