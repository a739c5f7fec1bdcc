"""Lay out a syntax tree, comments included, in the canonical style.

The printer walks the concrete syntax tree (`stconfig.hocon.ast`), never the resolved model,
so repeated keys, includes, `+=`, references and every value's spelling survive: scalar
values and concatenations are copied from the source text character for character. Comments
are placed by position: one that starts on the line where a construct ends stays at the end
of that line, any other goes on its own line before what follows it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from stconfig.format.options import FormatOptions
from stconfig.hocon.ast import (
    ArrayValue,
    Comment,
    Concatenation,
    Document,
    Entry,
    Field,
    Include,
    Key,
    ObjectValue,
    Value,
)
from stconfig.hocon.lexer import WHITESPACE_CHARS

_BARE_KEY = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")
"""Keys SeaTunnel's reader takes the same with or without quotes: one token, no `->`."""
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_SPACES = re.compile(f"[{re.escape(WHITESPACE_CHARS)}\n]+")
_TRAILING_GAP = "  "
"""Between code and an end-of-line comment."""

Item = TypeVar("Item", Entry, Value)


_TRAILING_BLANKS = WHITESPACE_CHARS.replace("\ufeff", "")
"""What a comment loses at its end: HOCON's whitespace except the BOM, which is a character of
the comment there (only a file's leading BOM is not text)."""


def comment_text(comment: Comment) -> str:
    """A comment as written (marker included), without trailing whitespace."""
    text = comment.span.source.text[comment.span.start : comment.span.end]
    return text.rstrip(_TRAILING_BLANKS)


def needs_no_quotes(name: str) -> bool:
    """True when `name` written bare reads as the same single key."""
    return name != "include" and _BARE_KEY.fullmatch(name) is not None


class Printer:
    """One document's output, built as a list of pieces in source order."""

    def __init__(self, document: Document, options: FormatOptions) -> None:
        self.text = document.source.text
        self.json = document.syntax == "json"
        self.options = options
        self.unit = " " * options.indent
        # The file keeps its line ending, as its first line break has it.
        first_break = self.text.find("\n")
        self.newline = "\r\n" if first_break > 0 and self.text[first_break - 1] == "\r" else "\n"
        self.comments = sorted(document.comments, key=lambda comment: comment.span.start)
        self.next_comment = 0
        self.out: list[str] = []
        self.document = document

    # -- output ------------------------------------------------------------------------

    def render(self) -> str:
        root = self.document.root
        if isinstance(root, ObjectValue) and not root.braced:
            self.items(root.entries, 0, None, len(self.text), self.entry, commas=False)
        else:
            position = self.own_line_comments(0, 0, root.span.start, first=True)
            self.line(0, blank=bool(self.out) and self.blank_between(position, root.span.start))
            self.value(root, 0)
            end = self.trailing(root.span.end, len(self.text))
            self.own_line_comments(0, end, len(self.text), first=False)
        if not self.out:
            return ""
        return "".join(self.out) + self.newline

    def line(self, depth: int, *, blank: bool = False) -> None:
        """Start a new output line at `depth`, after one blank line when `blank`."""
        if self.out:
            self.out.append(self.newline * 2 if blank else self.newline)
        self.out.append(self.unit * depth)

    def source(self, start: int, end: int) -> str:
        return self.text[start:end]

    def blank_between(self, start: int, end: int) -> bool:
        """True when the source has an empty line between two offsets."""
        return self.text.count("\n", start, end) >= 2

    # -- comments ----------------------------------------------------------------------

    def pending(self, before: int) -> Comment | None:
        """The next comment not yet written, if it starts before `before`."""
        if self.next_comment < len(self.comments):
            comment = self.comments[self.next_comment]
            if comment.span.start < before:
                return comment
        return None

    def trailing(self, end: int, limit: int) -> int:
        """Append the comment that sits on the line where something ended at `end`.

        Only a comment starting before `limit` (where the next thing starts) qualifies.
        Returns where the written source now ends.
        """
        comment = self.pending(limit)
        if (
            comment is not None
            and comment.span.start >= end
            and self.text.find("\n", end, comment.span.start) == -1
        ):
            self.out.append(_TRAILING_GAP + comment_text(comment))
            self.next_comment += 1
            return comment.span.end
        return end

    def own_line_comments(self, depth: int, position: int, before: int, *, first: bool) -> int:
        """Write the comments before `before`, each on its own line; return the new position."""
        comment = self.pending(before)
        while comment is not None:
            self.line(depth, blank=not first and self.blank_between(position, comment.span.start))
            self.out.append(comment_text(comment))
            self.next_comment += 1
            position = comment.span.end
            first = False
            comment = self.pending(before)
        return position

    # -- blocks ------------------------------------------------------------------------

    def items(
        self,
        items: Sequence[Item],
        depth: int,
        opened: int | None,
        close: int,
        write: Callable[[Item, int], None],
        *,
        commas: bool,
    ) -> None:
        """The members of an object or a list, one per line, with their comments.

        `opened` is the end of the opening bracket (None for a file without braces): a
        comment on its line stays there. `close` is where the closing bracket starts.
        """
        position = opened if opened is not None else 0
        if opened is not None:
            position = self.trailing(opened, items[0].span.start if items else close)
        first = True
        last = len(items) - 1
        for index, item in enumerate(items):
            start = item.span.start
            content = item.value.span.start if isinstance(item, Field) else start
            if self.pending(content) is not None:
                position = self.own_line_comments(depth, position, content, first=first)
                first = False
            self.line(
                depth, blank=not first and position <= start and self.blank_between(position, start)
            )
            write(item, depth)
            if commas and index != last:
                self.out.append(",")
            following = items[index + 1].span.start if index != last else close
            position = self.trailing(item.span.end, following)
            first = False
        # Comments left at the end of the block, before its closing bracket.
        self.own_line_comments(depth, position, close, first=first)

    def entry(self, entry: Entry, depth: int) -> None:
        if isinstance(entry, Include):
            self.out.append(self.include(entry))
            return
        key = self.key(entry.key)
        value = entry.value
        if self.json:
            self.out.append(f"{key}: ")
        elif entry.separator == "+=":
            self.out.append(f"{key} += ")
        elif isinstance(value, ObjectValue):
            self.out.append(f"{key} ")
        elif self.options.separator == ":":
            self.out.append(f"{key}: ")
        else:
            self.out.append(f"{key} = ")
        self.value(value, depth)

    def include(self, include: Include) -> str:
        """`include required(file("x"))` with the spaces around the parentheses removed."""
        written = self.source(include.span.start, include.span.end)
        target = _QUOTED.search(written)
        assert target is not None, "the parser only accepts includes with a quoted target"
        before = _SPACES.sub("", written[len("include") : target.start()])
        after = _SPACES.sub("", written[target.end() :])
        return f"include {before}{target.group()}{after}"

    def key(self, key: Key) -> str:
        style = self.options.key_quotes
        if self.json or style == "preserve" or len(key.path) != 1:
            return key.raw
        name = key.path[0]
        if not needs_no_quotes(name):
            return key.raw
        return f'"{name}"' if style == "always" else name

    # -- values ------------------------------------------------------------------------

    def value(self, value: Value, depth: int) -> None:
        if isinstance(value, ObjectValue):
            self.object(value, depth)
        elif isinstance(value, ArrayValue):
            self.array(value, depth)
        elif isinstance(value, Concatenation) and any(
            isinstance(part, ObjectValue | ArrayValue) for part in value.parts
        ):
            for part in value.parts:
                self.value(part, depth)
        else:
            self.out.append(self.source(value.span.start, value.span.end))

    def object(self, value: ObjectValue, depth: int) -> None:
        close = value.span.end - 1
        if not value.entries and self.pending(close) is None:
            self.out.append("{}")
            return
        self.out.append("{")
        self.items(
            value.entries, depth + 1, value.span.start + 1, close, self.entry, commas=self.json
        )
        self.line(depth)
        self.out.append("}")

    def array(self, value: ArrayValue, depth: int) -> None:
        close = value.span.end - 1
        if self.fits_one_line(value):
            self.out.append("[")
            for index, item in enumerate(value.items):
                if index:
                    self.out.append(", ")
                self.value(item, depth)
            self.out.append("]")
            return
        self.out.append("[")
        self.items(value.items, depth + 1, value.span.start + 1, close, self.value, commas=True)
        self.line(depth)
        self.out.append("]")

    def fits_one_line(self, value: ArrayValue) -> bool:
        """A list stays on one line when it was written on one and holds no object or comment."""
        span = value.span
        if self.text.find("\n", span.start, span.end) != -1 or self.pending(span.end):
            return False
        return not _holds_object(value)


def _holds_object(value: Value) -> bool:
    if isinstance(value, ObjectValue):
        return True
    if isinstance(value, ArrayValue):
        return any(_holds_object(item) for item in value.items)
    if isinstance(value, Concatenation):
        return any(_holds_object(part) for part in value.parts)
    return False


def print_document(document: Document, options: FormatOptions) -> str:
    """The formatted text of a parsed document (not yet checked for meaning)."""
    return Printer(document, options).render()


__all__ = ["comment_text", "needs_no_quotes", "print_document"]
