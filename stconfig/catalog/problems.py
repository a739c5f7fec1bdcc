"""What is wrong with a plugin's options, in a form a linter can place and print."""

from __future__ import annotations

from typing import Literal

from stconfig._records import record

ProblemKind = Literal[
    "unknown", "missing", "type", "enum", "exclusive", "bundled", "conditional", "run_time"
]


@record(frozen=True)
class OptionProblem:
    """One finding. `key` is the SeaTunnel key as the user wrote it (or the key to add)."""

    key: str
    kind: ProblemKind
    message: str
    suggestion: str | None = None

    def __str__(self) -> str:
        hint = f" (did you mean {self.suggestion!r}?)" if self.suggestion else ""
        return f"{self.key}: {self.message}{hint}"


__all__ = ["OptionProblem", "ProblemKind"]
