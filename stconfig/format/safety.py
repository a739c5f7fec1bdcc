"""The formatter's safety net: the formatted text must read exactly as the original.

Two checks run on every formatted file. The syntax trees must be equal up to layout (same
keys as SeaTunnel splits them, same values as written, same includes, `+=` kept, same
comments). And SeaTunnel's reading of both texts (stconfig's faithful reader, with no
environment and references left as written) must be equal. A file that fails either is
refused and left alone.
"""

from __future__ import annotations

from collections import Counter

from stconfig.errors import ParseError, StconfigError
from stconfig.format.printer import comment_text
from stconfig.hocon.ast import (
    ArrayValue,
    Concatenation,
    Document,
    Entry,
    Field,
    Include,
    LiteralValue,
    NumberValue,
    ObjectValue,
    StringValue,
    Substitution,
    Value,
    Whitespace,
)
from stconfig.hocon.parser import parse_document
from stconfig.model.job import Job
from stconfig.model.values import PlainValue
from stconfig.reader import Syntax, loads
from stconfig.source import SourceFile


class FormatError(StconfigError):
    """Formatting would change what SeaTunnel reads, so the file is left as it is."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            f"{path}: not formatted, the result would change the job ({detail}); "
            "the file is left unchanged (please report this as a bug in stconfig format)"
        )
        self.path = path
        self.detail = detail


def read(text: str, syntax: Syntax, path: str) -> Job:
    """SeaTunnel's reading of a text, independent of the environment and of `--var`."""
    return loads(text, fmt=syntax, path=path, environ={}, unresolved="keep", placeholders="keep")


def error_message(error: StconfigError) -> str:
    """An error without its position, to compare the errors of two texts."""
    return error.message if isinstance(error, ParseError) else str(error)


def shape(node: Value | Entry) -> object:
    """A syntax node with its layout left out: what the formatter must never change."""
    if isinstance(node, Field):
        separator = "+=" if node.separator == "+=" else "="
        return ("field", node.key.path, separator, shape(node.value))
    if isinstance(node, Include):
        return ("include", node.target, node.kind, node.required)
    if isinstance(node, ObjectValue):
        return ("object", tuple(shape(entry) for entry in node.entries))
    if isinstance(node, ArrayValue):
        return ("list", tuple(shape(item) for item in node.items))
    if isinstance(node, Concatenation):
        return ("concat", tuple(shape(part) for part in node.parts))
    if isinstance(node, StringValue):
        return ("string", node.style, node.value)
    if isinstance(node, NumberValue | LiteralValue):
        return ("scalar", node.text)
    if isinstance(node, Whitespace):
        return ("space", node.text)
    assert isinstance(node, Substitution)
    return ("reference", node.path, node.optional)


def comments(document: Document) -> Counter[str]:
    return Counter(comment_text(comment) for comment in document.comments)


def first_difference(before: PlainValue, after: PlainValue, path: str = "$") -> str:
    """Where two readings part (the caller knows they differ)."""
    if isinstance(before, dict) and isinstance(after, dict):
        if list(before) != list(after):
            return f"{path}: keys {list(before)} became {list(after)}"
        for key, value in before.items():
            if value != after[key] or type(value) is not type(after[key]):
                return first_difference(value, after[key], f"{path}.{key}")
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for index, (left, right) in enumerate(zip(before, after, strict=True)):
            if left != right or type(left) is not type(right):
                return first_difference(left, right, f"{path}[{index}]")
    return f"{path}: {before!r} became {after!r}"


def check_same_meaning(
    document: Document,
    original: Job | None,
    reading_error: StconfigError | None,
    formatted: str,
    syntax: Syntax,
) -> None:
    """Raise FormatError unless `formatted` means what the parsed `document` means.

    `original` is the reading of the document, or None when reading it failed with
    `reading_error` (a missing include, a reference cycle): then reading the formatted
    text must fail with the same message.
    """
    path = document.source.path
    try:
        after = read(formatted, syntax, path)
    except StconfigError as error:
        if reading_error is None or error_message(error) != error_message(reading_error):
            raise FormatError(path, f"the formatted text does not read: {error}") from None
        new_document = parse_document(SourceFile(path, formatted), syntax=syntax)
    else:
        if original is None:
            raise FormatError(
                path, f"the original does not read ({reading_error}) but the result does"
            )
        if after.root != original.root:
            difference = first_difference(original.root.to_python(), after.root.to_python())
            raise FormatError(path, f"SeaTunnel would read it differently at {difference}")
        if [s.name for s in after.unresolved] != [s.name for s in original.unresolved]:
            raise FormatError(path, "its ${...} references changed")
        new_document = after.documents[0]
    if shape(new_document.root) != shape(document.root):
        raise FormatError(path, "its syntax tree changed beyond layout")
    lost = comments(document) - comments(new_document)
    if lost or comments(new_document) != comments(document):
        missing = next(iter(lost), None)
        raise FormatError(
            path, f"comment {missing!r} would be lost" if missing else "comments changed"
        )


__all__ = ["FormatError", "check_same_meaning", "read", "shape"]
