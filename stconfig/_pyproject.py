"""The project's `[tool.stconfig]` table, from the nearest pyproject.toml that has one.

Unreadable files and files without the table are passed over, so a parent project's
settings still apply below a folder whose own pyproject.toml does not mention stconfig.
"""

from __future__ import annotations

import tomllib
from pathlib import Path


def find_stconfig_table(start: Path) -> tuple[Path, object] | None:
    """The pyproject.toml and its `[tool.stconfig]` value (not yet checked to be a table)."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if not candidate.is_file():
            continue
        try:
            data = tomllib.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        tool = data.get("tool")
        if isinstance(tool, dict) and "stconfig" in tool:
            return candidate, tool["stconfig"]
    return None


__all__ = ["find_stconfig_table"]
