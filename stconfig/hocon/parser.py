"""Recursive-descent parser from tokens to the syntax tree, for HOCON and strict JSON.

Keys are split on SeaTunnel's path separator `->` (so `row.num` stays one key); nothing
here knows about plugins or sections.
"""

from __future__ import annotations

import gc
from typing import Literal

from stconfig import limits
from stconfig._lazy import lazy_pattern
from stconfig.errors import ParseError
from stconfig.hocon.ast import (
    ArrayValue,
    Concatenation,
    Document,
    Entry,
    Field,
    Include,
    Key,
    LiteralValue,
    NumberValue,
    ObjectValue,
    StringValue,
    Substitution,
    Value,
    Whitespace,
)
from stconfig.hocon.lexer import (
    K_COLON,
    K_COMMA,
    K_EOF,
    K_EQUALS,
    K_LBRACE,
    K_LBRACKET,
    K_LITERAL,
    K_NEWLINE,
    K_NUMBER,
    K_PLUS_EQUALS,
    K_QUOTED,
    K_RBRACE,
    K_RBRACKET,
    K_SUBSTITUTION,
    K_TRIPLE,
    K_UNQUOTED,
    K_WHITESPACE,
    Lexer,
    RawToken,
)
from stconfig.source import SourceFile, Span

PATH_SEPARATOR = "->"


# What may follow `include`: compiled on first use, as few jobs include anything.
_INCLUDE = lazy_pattern(
    r"\s*(?P<required>required\(\s*)?(?:(?P<kind>file|classpath|url)\(\s*)?"
    r'(?P<target>"(?:[^"\\]|\\.)*")\s*(?P<close1>\))?\s*(?P<close2>\))?\s*$'
)
_TOKEN_NAMES = {
    K_NEWLINE: "end of line",
    K_LBRACE: "'{'",
    K_RBRACE: "'}'",
    K_LBRACKET: "'['",
    K_RBRACKET: "']'",
    K_COMMA: "','",
    K_EQUALS: "'='",
    K_COLON: "':'",
    K_PLUS_EQUALS: "'+='",
    K_EOF: "end of file",
}


_BLANK = frozenset({K_WHITESPACE, K_NEWLINE})
_SEPARATORS: dict[int, Literal["=", ":", "+=", ""]] = {
    K_LBRACE: "",
    K_EQUALS: "=",
    K_COLON: ":",
    K_PLUS_EQUALS: "+=",
}
"""The separator a token after a key makes (a `{` opens an object with none)."""
_STRING_STYLES: dict[int, Literal["quoted", "triple", "unquoted"]] = {
    K_QUOTED: "quoted",
    K_TRIPLE: "triple",
    K_UNQUOTED: "unquoted",
}
_VALUE_ENDS = frozenset({K_NEWLINE, K_COMMA, K_RBRACE, K_RBRACKET, K_EOF})
"""What ends a value: a token followed by one of these is the whole value."""
_KEY_KINDS = frozenset({K_QUOTED, K_UNQUOTED, K_NUMBER, K_LITERAL, K_TRIPLE, K_WHITESPACE})


def describe(token: RawToken) -> str:
    return _TOKEN_NAMES.get(token[0]) or repr(token[3][:30])


class Parser:
    def __init__(
        self,
        source: SourceFile,
        *,
        syntax: Literal["hocon", "json"] = "hocon",
        max_tokens: int | None = None,
    ) -> None:
        self.source = source
        self.syntax: Literal["hocon", "json"] = syntax
        self.json = syntax == "json"
        self.lexer = Lexer(source, json=self.json, max_tokens=max_tokens)
        self.tokens = self.lexer.scan()
        """Tuples (kind, start, end, text, value): see `stconfig.hocon.lexer.RawToken`."""
        self.index = 0

    # -- token helpers -------------------------------------------------------------------

    def peek(self) -> RawToken:
        return self.tokens[self.index]

    def advance(self) -> RawToken:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def span(self, start: int, end: int) -> Span:
        return Span(self.source, start, end)

    def error(self, message: str, token: RawToken) -> ParseError:
        return ParseError(message, self.span(token[1], max(token[2], token[1] + 1)))

    def skip_whitespace(self) -> None:
        tokens, index = self.tokens, self.index
        while tokens[index][0] == K_WHITESPACE:
            index += 1
        self.index = index

    def skip_blank(self) -> None:
        tokens, index = self.tokens, self.index
        while tokens[index][0] in _BLANK:
            index += 1
        self.index = index

    # -- document ------------------------------------------------------------------------

    def parse(self) -> Document:
        self.skip_blank()
        token = self.peek()
        root: ObjectValue | ArrayValue
        if token[0] == K_LBRACE:
            root = self.parse_object(depth=1)
        elif token[0] == K_LBRACKET:
            root = self.parse_array(depth=1)
        elif self.json:
            raise self.error(
                f"a JSON document must start with '{{', found {describe(token)}", token
            )
        else:
            root = self.parse_fields(braced=False, start=token[1], depth=1)
        self.skip_blank()
        trailing = self.peek()
        if trailing[0] != K_EOF:
            raise self.error(
                f"unexpected {describe(trailing)} after the end of the document"
                + (" (unbalanced '}'?)" if trailing[0] == K_RBRACE else ""),
                trailing,
            )
        return Document(
            self.source, root, self.syntax, tuple(self.lexer.comments), len(self.tokens)
        )

    def parse_object(self, depth: int) -> ObjectValue:
        opening = self.advance()
        return self.parse_fields(braced=True, start=opening[1], depth=depth)

    def parse_fields(self, *, braced: bool, start: int, depth: int) -> ObjectValue:
        if depth > limits.MAX_NESTING:
            raise self.error(
                f"objects and lists are nested more than {limits.MAX_NESTING} deep "
                "(see docs/limits.md)",
                self.peek(),
            )
        entries: list[Entry] = []
        seen: dict[str, Span] = {}
        expect_entry = True
        tokens = self.tokens
        while True:
            index = self.index
            while tokens[index][0] in _BLANK:
                index += 1
            self.index = index
            token = tokens[index]
            kind = token[0]
            if kind == K_RBRACE:
                if not braced:
                    raise self.error("unbalanced '}': no '{' is open here", token)
                if self.json and entries and expect_entry:
                    raise self.error("trailing ',' is not allowed in JSON", token)
                self.advance()
                return ObjectValue(tuple(entries), self.span(start, token[2]), True)
            if kind == K_EOF:
                if braced:
                    raise ParseError(
                        "unbalanced '{': this object is never closed with '}'",
                        self.span(start, start + 1),
                    )
                return ObjectValue(tuple(entries), self.span(start, token[2]), False)
            if not expect_entry:
                raise self.error(f"expected ',' or a new line before {describe(token)}", token)
            if kind == K_COMMA:
                raise self.error("unexpected ','", token)
            entry = self.parse_entry(depth)
            if self.json and isinstance(entry, Field):
                name = entry.key.path[0]
                if name in seen:
                    line, column = seen[name].start_line_col
                    raise ParseError(
                        f"JSON does not allow duplicate keys: {name!r} was already "
                        f"set at line {line}, column {column}",
                        entry.key.span,
                    )
                seen[name] = entry.key.span
            entries.append(entry)
            if tokens[self.index][0] == K_NEWLINE and not self.json:
                expect_entry = True  # what `end_of_entry` says, for the commonest case
            else:
                expect_entry = self.end_of_entry()

    def end_of_entry(self) -> bool:
        """Consume what may follow a field; True when another field may start."""
        self.skip_whitespace()
        kind = self.peek()[0]
        if kind == K_COMMA:
            self.advance()
            return True
        if kind == K_NEWLINE:
            if self.json:
                self.skip_blank()
                return self.end_of_entry()
            return True
        return False

    def parse_entry(self, depth: int) -> Entry:
        tokens = self.tokens
        token = tokens[self.index]
        if not self.json and token[0] == K_UNQUOTED and token[3] == "include":
            return self.parse_include()
        key = self.parse_key()
        index = self.index
        while tokens[index][0] == K_WHITESPACE:
            index += 1
        token = tokens[index]
        separator = _SEPARATORS.get(token[0])
        if separator is None:
            raise self.error(
                f"expected '=', ':' or '{{' after the key {key.raw!r}, found {describe(token)}",
                token,
            )
        if separator:
            if self.json and token[0] != K_COLON:
                raise self.error("JSON expects ':' after a key", token)
            index += 1
            while tokens[index][0] in _BLANK:
                index += 1
        self.index = index
        value = self.parse_value(depth)
        # The value follows the key: the field runs from the key's start to the value's end.
        return Field(key, separator, value, Span(self.source, key.span.start, value.span.end))

    def parse_key(self) -> Key:
        tokens = self.tokens
        start = self.index
        if self.json:
            if tokens[start][0] != K_QUOTED:
                raise self.error(
                    f"a JSON key must be a quoted string, found {describe(tokens[start])}",
                    tokens[start],
                )
            end = start + 1
        else:
            end = start
            while tokens[end][0] in _KEY_KINDS:
                end += 1
            while end > start and tokens[end - 1][0] == K_WHITESPACE:
                end -= 1
        if end == start:
            raise self.error(f"expected a key, found {describe(tokens[start])}", tokens[start])
        self.index = end
        if end == start + 1:
            kind, token_start, token_end, text, value = tokens[start]
            span = Span(self.source, token_start, token_end)
            if kind == K_UNQUOTED:
                if PATH_SEPARATOR not in text:
                    return Key((text,), text, span, False)
            else:
                quoted = kind in (K_QUOTED, K_TRIPLE)
                path = (str(value) if quoted else text,)
                return Key(path, text, span, quoted)
        parts = tokens[start:end]
        span = Span(self.source, parts[0][1], parts[-1][2])
        return Key(
            self.split_path(parts, span),
            self.source.text[span.start : span.end],
            span,
            any(t[0] in (K_QUOTED, K_TRIPLE) for t in parts),
        )

    def split_path(self, tokens: list[RawToken], span: Span) -> tuple[str, ...]:
        """Join key tokens into path elements, splitting unquoted text on `->`."""
        if len(tokens) == 1 and tokens[0][0] == K_UNQUOTED and PATH_SEPARATOR not in tokens[0][3]:
            return (tokens[0][3],)
        elements: list[str] = []
        current: list[str] = []
        for kind, _, _, text, value in tokens:
            if kind in (K_QUOTED, K_TRIPLE):
                current.append(str(value))
                continue
            pieces = text.split(PATH_SEPARATOR)
            current.append(pieces[0])
            for piece in pieces[1:]:
                elements.append("".join(current))
                current = [piece]
        elements.append("".join(current))
        if len(elements) > 1 and any(element.strip() == "" for element in elements):
            raise ParseError(
                f"invalid key {self.source.text[span.start : span.end]!r}: "
                "'->' needs a name on both sides",
                span,
            )
        return tuple(elements)

    def parse_include(self) -> Include:
        keyword = self.advance()
        tokens: list[RawToken] = []
        while self.peek()[0] not in (K_NEWLINE, K_COMMA, K_RBRACE, K_EOF):
            tokens.append(self.advance())
        while tokens and tokens[-1][0] == K_WHITESPACE:
            tokens.pop()
            self.index -= 1
        end = tokens[-1][2] if tokens else keyword[2]
        span = self.span(keyword[1], end)
        raw = self.source.text[keyword[2] : end]
        match = _INCLUDE.match(raw)
        quoted = [t for t in tokens if t[0] == K_QUOTED]
        if match is None or len(quoted) != 1:
            raise ParseError(
                'include must be followed by a quoted file name, file("..."), '
                'classpath("..."), url("...") or required(...)',
                span,
            )
        required = match.group("required") is not None
        kind = match.group("kind")
        closes = (match.group("close1") is not None) + (match.group("close2") is not None)
        if closes != required + (kind is not None):
            raise ParseError("unbalanced parentheses in include", span)
        target = str(quoted[0][4])
        return Include(target, kind or "heuristic", required, span)  # type: ignore[arg-type]

    # -- values --------------------------------------------------------------------------

    def parse_value(self, depth: int) -> Value:
        tokens = self.tokens
        source = self.source
        index = self.index
        kind, start, end, text, value = tokens[index]
        # Most values are one string token that ends the field: no list of parts to gather.
        style = _STRING_STYLES.get(kind)
        if style is not None and tokens[index + 1][0] in _VALUE_ENDS:
            self.index = index + 1
            return StringValue(str(value), style, Span(source, start, end))
        parts: list[Value] = []
        block: Value | None = None
        if kind == K_LBRACE:
            block = self.parse_object(depth + 1)
        elif kind == K_LBRACKET:
            block = self.parse_array(depth + 1)
        if block is not None:
            if tokens[self.index][0] in _VALUE_ENDS:
                return block  # the object or list is the whole value, as most are
            parts.append(block)
        while True:
            token = tokens[self.index]
            kind, start, end, text, value = token
            style = _STRING_STYLES.get(kind)
            if style is not None:
                self.index += 1
                parts.append(StringValue(str(value), style, Span(source, start, end)))
            elif kind == K_WHITESPACE:
                self.index += 1
                parts.append(Whitespace(text, Span(source, start, end)))
            elif kind == K_LBRACE:
                parts.append(self.parse_object(depth + 1))
            elif kind == K_LBRACKET:
                parts.append(self.parse_array(depth + 1))
            elif kind == K_NUMBER:
                self.index += 1
                assert isinstance(value, int | float)
                parts.append(NumberValue(value, text, Span(source, start, end)))
            elif kind == K_LITERAL:
                self.index += 1
                assert value is None or isinstance(value, bool)
                parts.append(LiteralValue(value, text, Span(source, start, end)))
            elif kind == K_SUBSTITUTION:
                self.index += 1
                parts.append(self.substitution(token))
            elif kind in (K_EQUALS, K_COLON, K_PLUS_EQUALS) and parts:
                raise self.error(
                    f"unexpected {describe(token)} in a value: quote the string, "
                    "or put a comma or a new line between fields",
                    token,
                )
            else:
                break
            if self.json and len([p for p in parts if not isinstance(p, Whitespace)]) > 1:
                raise self.error("expected ',' between JSON values", token)
        while parts and isinstance(parts[-1], Whitespace):
            parts.pop()
            self.index -= 1
        if not parts:
            token = self.peek()
            raise self.error(f"expected a value, found {describe(token)}", token)
        if len(parts) == 1:
            return parts[0]
        span = value_span(parts[0]).cover(value_span(parts[-1]))
        return Concatenation(tuple(parts), span)

    def substitution(self, token: RawToken) -> Substitution:
        assert isinstance(token[4], tuple)
        optional, parts = token[4]
        span = self.span(token[1], token[2])
        content = [part for part in parts]
        while content and content[0][0] == K_WHITESPACE:
            content.pop(0)
        while content and content[-1][0] == K_WHITESPACE:
            content.pop()
        if not content:
            raise ParseError("empty substitution '${}'", span)
        return Substitution(self.split_path(content, span), bool(optional), span)

    def parse_array(self, depth: int) -> ArrayValue:
        if depth > limits.MAX_NESTING:
            raise self.error(
                f"objects and lists are nested more than {limits.MAX_NESTING} deep "
                "(see docs/limits.md)",
                self.peek(),
            )
        opening = self.advance()
        items: list[Value] = []
        expect_item = True
        while True:
            self.skip_blank()
            token = self.peek()
            if token[0] == K_RBRACKET:
                if self.json and items and expect_item:
                    raise self.error("trailing ',' is not allowed in JSON", token)
                self.advance()
                return ArrayValue(tuple(items), self.span(opening[1], token[2]))
            if token[0] == K_EOF:
                raise ParseError(
                    "unbalanced '[': this list is never closed with ']'",
                    self.span(opening[1], opening[1] + 1),
                )
            if not expect_item:
                raise self.error(f"expected ',' or a new line before {describe(token)}", token)
            if token[0] == K_COMMA:
                raise self.error("unexpected ','", token)
            items.append(self.parse_value(depth))
            expect_item = self.end_of_entry()


def value_span(value: Value) -> Span:
    return value.span


def parse_document(
    source: SourceFile,
    *,
    syntax: Literal["hocon", "json"] = "hocon",
    max_tokens: int | None = None,
) -> Document:
    """Parse one file's text into its syntax tree; raises ParseError with a position.

    `max_tokens` is what is left of the job's token budget (limits.MAX_TOKENS by default).
    The cyclic garbage collector is paused meanwhile: the tokens and the tree hold no
    reference cycles, and its passes over millions of new objects made reading a large
    file two to three times slower than it is.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return Parser(source, syntax=syntax, max_tokens=max_tokens).parse()
    finally:
        if paused:
            gc.enable()


__all__ = ["PATH_SEPARATOR", "Parser", "parse_document"]
