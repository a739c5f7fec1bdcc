"""Errors the DSL raises while a job is being built, each naming the user's file and line."""

from __future__ import annotations

from stconfig.dsl._location import Location
from stconfig.errors import StconfigError


class DslError(StconfigError):
    """A job the builder refuses to write; the message starts with `file.py:line:` when known."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(f"{location}: {message}" if location is not None else message)
        self.message = message
        self.location = location


class WiringError(DslError):
    """Table wiring the engine would reject: a cycle, a missing input, an unknown table."""


__all__ = ["DslError", "WiringError"]
