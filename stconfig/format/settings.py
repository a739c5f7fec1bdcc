"""`[tool.stconfig.format]` in pyproject.toml: the project's layout choices.

Every key must be known: a typo such as `indnet` is an error that names the file, the line
and the key it probably meant, rather than a setting silently ignored.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from pathlib import Path

from stconfig._pyproject import find_stconfig_table
from stconfig.errors import StconfigError
from stconfig.format.options import KEY_QUOTES, MAX_INDENT, SEPARATORS, FormatOptions

TABLE = "[tool.stconfig.format]"
KEYS = ("indent", "separator", "key-quotes")
_HEADER = re.compile(r"^\s*\[\s*tool\s*\.\s*stconfig\s*\.\s*format\s*\]")
_ANY_HEADER = re.compile(r"^\s*\[")


class SettingsError(StconfigError):
    """A `[tool.stconfig.format]` table with an unknown key or a bad value."""


def _locate(text: str, key: str) -> tuple[int, int]:
    """Line and column of `key` in the format table (best effort; 1, 1 when not found)."""
    name = rf"""(?P<quote>["']?){re.escape(key)}(?P=quote)\s*="""
    in_table = re.compile(rf"^(?P<lead>\s*){name}")
    dotted = re.compile(rf"^(?P<lead>\s*)format\s*\.\s*{name}")
    outside = in_table if key == "format" else dotted
    inside = False
    header_line = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if _HEADER.match(line):
            inside, header_line = True, number
            continue
        if _ANY_HEADER.match(line):
            inside = False
        match = (in_table if inside else outside).match(line)
        if match is not None:
            return number, len(match.group("lead")) + 1
    return (header_line or 1), 1


def options_from_table(table: object, path: Path, text: str) -> FormatOptions:
    """FormatOptions from the value of `[tool.stconfig.format]`, checked key by key."""

    def fail(key: str, message: str) -> SettingsError:
        line, column = _locate(text, key) if key else (1, 1)
        return SettingsError(f"{path}:{line}:{column}: {message}")

    if not isinstance(table, dict):
        raise fail("format", f"{TABLE} must be a table")
    for key in table:
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1, cutoff=0.5)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(KEYS)})"
            raise fail(str(key), f"unknown key {key!r} in {TABLE}{hint}")
    indent = table.get("indent", 2)
    if isinstance(indent, bool) or not isinstance(indent, int) or not 1 <= indent <= MAX_INDENT:
        raise fail(
            "indent", f"{TABLE} indent must be an integer from 1 to {MAX_INDENT}, got {indent!r}"
        )
    separator = table.get("separator", "=")
    if separator not in SEPARATORS:
        raise fail(
            "separator",
            f"{TABLE} separator must be {' or '.join(map(repr, SEPARATORS))}, got {separator!r}",
        )
    key_quotes = table.get("key-quotes", "needed")
    if key_quotes not in KEY_QUOTES:
        raise fail(
            "key-quotes",
            f"{TABLE} key-quotes must be one of {', '.join(map(repr, KEY_QUOTES))}, "
            f"got {key_quotes!r}",
        )
    return FormatOptions(indent=indent, separator=separator, key_quotes=key_quotes)


def load_format_options(pyproject: Path | None = None, start: Path | None = None) -> FormatOptions:
    """The options of `pyproject` (or of the nearest pyproject.toml with a [tool.stconfig]
    table at or above `start`); the defaults when there is none or it has no format table."""
    if pyproject is None:
        found = find_stconfig_table(start or Path.cwd())
        if found is None:
            return FormatOptions()
        pyproject = found[0]
    try:
        text = pyproject.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(f"{pyproject}: cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{pyproject}: not valid TOML: {error}") from None
    tool = data.get("tool", {})
    stconfig = tool.get("stconfig", {}) if isinstance(tool, dict) else {}
    if not isinstance(stconfig, dict) or "format" not in stconfig:
        return FormatOptions()
    return options_from_table(stconfig["format"], pyproject, text)


__all__ = ["KEYS", "SettingsError", "load_format_options", "options_from_table"]
