"""`stconfig format`: one canonical layout for SeaTunnel job files, never a change of meaning.

The formatter works on the concrete syntax tree, comments and all, and checks every result:
the formatted text must parse, keep every comment, and read (with stconfig's reader, which
reads as SeaTunnel 2.3.8 does) exactly as the original. Otherwise it raises FormatError and
the caller leaves the file alone.
"""

from __future__ import annotations

from typing import Any

from stconfig.errors import StconfigError
from stconfig.format.options import FormatOptions
from stconfig.format.printer import print_document
from stconfig.format.safety import FormatError, check_same_meaning, read
from stconfig.hocon.parser import parse_document
from stconfig.model.job import Job
from stconfig.reader import Syntax
from stconfig.source import SourceFile

_BOM = "\ufeff"


def format_source(source: SourceFile, syntax: Syntax, options: FormatOptions) -> str:
    """The formatted text of one file; ParseError when it does not parse, FormatError when
    formatting would change its meaning."""
    original: Job | None = None
    reading_error: StconfigError | None = None
    try:
        original = read(source.text, syntax, source.path)
        document = original.documents[0]
    except StconfigError as error:
        # A syntax error propagates from here; anything else is a reading error (a missing
        # include, a reference cycle) that does not stop the layout.
        document = parse_document(source, syntax=syntax)
        reading_error = error
    formatted = print_document(document, options)
    if source.text.startswith(_BOM):
        formatted = _BOM + formatted
    if formatted != source.text:
        check_same_meaning(document, original, reading_error, formatted, syntax)
    return formatted


def format_text(
    text: str, fmt: Syntax = "hocon", *, path: str | None = None, **options: Any
) -> str:
    """Format job text: `fmt` is "hocon" or "json"; options are `indent` (2), `separator`
    ("=" or ":") and `key_quotes` ("needed", "always" or "preserve").

    `path` names the text in errors and anchors relative includes. Raises ParseError for
    text that does not parse, FormatError when the result would read differently, and
    ValueError or TypeError for bad options.
    """
    if fmt not in ("hocon", "json"):
        raise ValueError(f"fmt must be 'hocon' or 'json', got {fmt!r}")
    return format_source(SourceFile(path or "<string>", text), fmt, FormatOptions(**options))


__all__ = ["FormatError", "FormatOptions", "format_source", "format_text"]
