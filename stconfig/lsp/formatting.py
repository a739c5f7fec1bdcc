"""`textDocument/formatting` through `stconfig.format_text`, when this stconfig has it.

Whether the capability is advertised is decided once, when the server starts: a client
is never offered formatting that would then fail.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from lsprotocol import types as lsp

import stconfig
from stconfig.lsp.positions import LineIndex

Formatter = Callable[..., str]


def formatter() -> Formatter | None:
    """`stconfig.format_text(text, fmt=...)`, or None when the formatter is not installed."""
    found = getattr(stconfig, "format_text", None)
    return cast(Formatter, found) if callable(found) else None


def format_edits(format_text: Formatter, text: str, fmt: str) -> list[lsp.TextEdit]:
    """One edit replacing the whole text when formatting changes it, else none.

    The formatter raises on text it cannot parse; the caller reports that.
    """
    formatted = format_text(text, fmt=fmt)
    if formatted == text:
        return []
    index = LineIndex(text)
    return [lsp.TextEdit(index.range(0, len(text)), formatted)]


__all__ = ["Formatter", "format_edits", "formatter"]
