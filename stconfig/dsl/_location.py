"""Where in the user's Python file a builder call was made, for build-time errors."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

_PACKAGE = str(Path(__file__).resolve().parent)


@dataclass(frozen=True, slots=True)
class Location:
    """A Python file and line, printed as `path:line`."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


def caller() -> Location | None:
    """The first frame outside `stconfig.dsl` (pydantic frames included in the skip)."""
    frame = sys._getframe(1)
    while frame is not None:
        filename = frame.f_code.co_filename
        inside = filename.startswith(_PACKAGE) or "/pydantic/" in filename
        if not inside:
            return Location(filename, frame.f_lineno)
        frame = frame.f_back  # type: ignore[assignment]
    return None


__all__ = ["Location", "caller"]
