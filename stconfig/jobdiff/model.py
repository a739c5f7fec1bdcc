"""What `stconfig diff` finds: a list of changes between two jobs, each with its positions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from stconfig.source import Span

Section = Literal["env", "other", "plugin", "option", "wiring"]
Action = Literal["added", "removed", "changed", "moved", "renamed"]
SECTIONS: tuple[Section, ...] = ("env", "other", "plugin", "option", "wiring")


@dataclass(frozen=True, slots=True)
class Location:
    """A 1-based line and column in one file."""

    path: str
    line: int
    column: int

    @classmethod
    def of(cls, span: Span | None) -> Location | None:
        if span is None:
            return None
        line, column = span.start_line_col
        return cls(span.path, line, column)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    def to_dict(self) -> dict[str, str | int]:
        return {"path": self.path, "line": self.line, "column": self.column}


@dataclass(frozen=True, slots=True)
class Change:
    """One difference SeaTunnel would see between the old and the new job.

    `plugin` labels the plugin as `kind[index] Name` in the new job (the old one when it was
    removed); `key` is the option or env key path; `old` and `new` are values as JSON text,
    with secrets masked; `message` says it all in one line, without positions.
    """

    section: Section
    action: Action
    message: str
    plugin: str | None = None
    key: tuple[str, ...] = ()
    old: str | None = None
    new: str | None = None
    old_at: Location | None = None
    new_at: Location | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "section": self.section,
            "action": self.action,
            "message": self.message,
            "plugin": self.plugin,
            "key": list(self.key) if self.key else None,
            "old": self.old,
            "new": self.new,
            "old_at": self.old_at.to_dict() if self.old_at else None,
            "new_at": self.new_at.to_dict() if self.new_at else None,
        }


@dataclass(frozen=True, slots=True)
class JobDiff:
    """The differences between two jobs as SeaTunnel reads them; empty when it is the same job."""

    old_name: str
    new_name: str
    changes: tuple[Change, ...] = field(default_factory=tuple)

    @property
    def same(self) -> bool:
        """True when only layout, quoting, key order or comments differ."""
        return not self.changes

    def __bool__(self) -> bool:
        return not self.same

    def by_section(self, section: Section) -> list[Change]:
        return [change for change in self.changes if change.section == section]

    def to_dict(self) -> dict[str, object]:
        return {
            "old": self.old_name,
            "new": self.new_name,
            "same": self.same,
            "changes": [change.to_dict() for change in self.changes],
        }


__all__ = ["SECTIONS", "Action", "Change", "JobDiff", "Location", "Section"]
