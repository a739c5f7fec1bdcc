"""The project's `[tool.stconfig]` table, from the nearest pyproject.toml that has one.

Files without the table are passed over, so a parent project's settings still apply below a
folder whose own pyproject.toml does not mention stconfig. A file that mentions
`tool.stconfig` but is not valid TOML, and an unknown key in the table, are errors with the
file and line: settings silently skipped would send jobs to the wrong engine.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from stconfig.errors import StconfigError

if TYPE_CHECKING:
    import tomllib

KNOWN_KEYS = (
    "select",
    "ignore",
    "per-file-ignores",
    "target-version",
    "variables",
    "format",
    "master",
    "user",
    "password",  # refused with its own message by the client settings
)
_NAMES_STCONFIG = re.compile(r"""\bstconfig["']?[ \t]*[.=\]]""")
"""`stconfig` written as a key (`[tool.stconfig]`, `tool.stconfig.x =`, `stconfig = {`): a
file without it has no such table (escaped key spellings aside)."""
_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


class ConfigError(StconfigError):
    """A `[tool.stconfig]` table that is not valid TOML, has an unknown key or a bad value."""


def invalid_toml(path: Path, error: tomllib.TOMLDecodeError) -> ConfigError:
    message = str(error)
    at = _TOML_AT.search(message)
    if at is None:
        return ConfigError(f"{path}: not valid TOML: {message}")
    return ConfigError(f"{path}:{at[1]}:{at[2]}: not valid TOML: {message[: at.start()]}")


def _key_line(text: str, key: str) -> tuple[int, int] | None:
    """Line and column of `key` in the `[tool.stconfig]` table (or its `[tool.stconfig.key]`)."""
    inside = False
    quoted = re.escape(key)
    assignment = re.compile(rf"""^(\s*)(["']?){quoted}\2\s*[.=]""")
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[+\s*([^\]]+?)\s*\]", line)
        if header:
            name = header[1].replace('"', "").replace(" ", "")
            if name == f"tool.stconfig.{key}":
                return number, line.index("[") + 1
            inside = name == "tool.stconfig"
            continue
        found = assignment.match(line) if inside else None
        if found:
            return number, len(found[1]) + 1
    return None


def check_keys(path: Path, text: str, table: dict[str, object]) -> None:
    """Refuse a misspelled key, with the file, the line and the nearest known key."""
    from stconfig.catalog._suggest import closest

    for key in table:
        if key in KNOWN_KEYS:
            continue
        near = closest(key, KNOWN_KEYS)
        hint = f" (did you mean {near!r}?)" if near else f" (known: {', '.join(KNOWN_KEYS)})"
        at = _key_line(text, key)
        where = f"{path}:{at[0]}:{at[1]}" if at else str(path)
        raise ConfigError(f"{where}: [tool.stconfig] unknown key {key!r}{hint}")


def find_stconfig_table(start: Path) -> tuple[Path, object] | None:
    """The pyproject.toml and its `[tool.stconfig]` value (not yet checked to be a table)."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if not candidate.is_file():
            continue
        try:
            text = candidate.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if not _NAMES_STCONFIG.search(text):
            continue  # no `stconfig` key, so no table: not worth parsing (or importing tomllib)
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            if "tool.stconfig" in text.replace('"', "").replace(" ", ""):
                raise invalid_toml(candidate, error) from None
            continue
        tool = data.get("tool")
        if isinstance(tool, dict) and "stconfig" in tool:
            table = tool["stconfig"]
            if isinstance(table, dict):
                check_keys(candidate, text, table)
            return candidate, table
    return None


__all__ = ["KNOWN_KEYS", "ConfigError", "check_keys", "find_stconfig_table", "invalid_toml"]
