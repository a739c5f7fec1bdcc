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

from stconfig._lazy import lazy_pattern
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
_KEY_START = r"""(?<![\w-])["']?"""
_KEY_END = r"""["']?[ \t]*"""
_MAY_HOLD_TOOL_STCONFIG = lazy_pattern(
    # `[tool.stconfig]`, `[ "tool" . 'stconfig' .x]`, `tool.stconfig.x = ...`
    rf"""{_KEY_START}tool{_KEY_END}\.[ \t]*["']?stconfig{_KEY_END}[.=\]]"""
    # `tool = { stconfig = ... }` (an inline table is one line, but its arrays need not be)
    rf"""|{_KEY_START}tool{_KEY_END}=[ \t]*\{{[\s\S]*?{_KEY_START}stconfig{_KEY_END}[.=]"""
    # `[tool]`, then on a later line `stconfig = ...` or `stconfig.x = ...`
    rf"""|^[ \t]*\[[ \t]*["']?tool{_KEY_END}\][\s\S]*?^[ \t]*["']?stconfig{_KEY_END}[.=]"""
    # a `\u` escape in a quoted key can spell either name
    r"""|\\[uU]""",
    re.MULTILINE,
)
"""A superset of the ways TOML can make a `tool.stconfig` table; a file without a match has
none, so it is not parsed (tomllib's import and parse cost more than the rest of a small
lint's start-up). `stconfig = ...` under any other table, as in `[project.scripts]` or an
entry-point group, does not match."""
_TOML_AT = lazy_pattern(r"\s*\(at line (\d+), column (\d+)\)$")


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
        if not _MAY_HOLD_TOOL_STCONFIG.search(text):
            continue  # no `tool.stconfig` table: not worth parsing (or importing tomllib)
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
