"""`textDocument/formatting` through `stconfig format`'s core, with the project's settings.

The layout is the team's, not the editor's: `[tool.stconfig.format]` of the nearest
pyproject.toml decides it, exactly as `stconfig format` on the command line would.
"""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types as lsp

from stconfig.format import format_source
from stconfig.format.settings import load_format_options
from stconfig.lsp.positions import LineIndex
from stconfig.reader import Syntax
from stconfig.source import SourceFile


def format_edits(text: str, path: str) -> list[lsp.TextEdit]:
    """One edit replacing the whole text when formatting changes it, else none.

    Raises what `stconfig format` would report (ParseError, FormatError, SettingsError);
    the caller logs it and leaves the document alone.
    """
    syntax: Syntax = "json" if path.lower().endswith(".json") else "hocon"
    options = load_format_options(start=Path(path).parent)
    formatted = format_source(SourceFile(path, text), syntax, options)
    if formatted == text:
        return []
    index = LineIndex(text)
    return [lsp.TextEdit(index.range(0, len(text)), formatted)]


__all__ = ["format_edits"]
