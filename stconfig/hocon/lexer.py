"""Tokens of SeaTunnel's HOCON dialect, as typesafe-config 1.3.3's tokenizer cuts them.

The rules that decide values are kept exactly: which characters end unquoted text, that a
run starting with a digit or `-` is a number only if Java's `Long.parseLong` or
`Double.parseDouble` accepts it, that `true`, `false` and `null` are literals only at the
start of unquoted text, and that only `\\n` is a newline. Whitespace between tokens is kept
as a token because it is part of a concatenated string.
"""

from __future__ import annotations

import re
from enum import IntEnum

from stconfig import limits
from stconfig._lazy import lazy_pattern
from stconfig._records import record
from stconfig.errors import ParseError
from stconfig.hocon.ast import Comment
from stconfig.source import SourceFile, Span

# Java's Character.isWhitespace plus the no-break spaces and the BOM, as typesafe counts them.
WHITESPACE_CHARS = (
    " \t\x0b\x0c\r\x1c\x1d\x1e\x1f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
FORBIDDEN_UNQUOTED = '$"{}[]:=,+#`^?!@*&\\'
NUMBER_CHARS = "0123456789eE+-."

_NUMBER = re.compile(r"[0-9\-][0-9eE+\-.]*")
_QUOTED_BODY = re.compile(r'[^"\\\x00-\x1f]*')


# Patterns of rare tokens (inside `${...}`, triple quotes) are compiled on first use: a
# cold lint of one job would otherwise pay for them at import.
_WHITESPACE = lazy_pattern(f"[{re.escape(WHITESPACE_CHARS)}]+")
# Possessive repeats (`++`): a greedy repeat of a group keeps a backtracking record per
# character, hundreds of bytes each; these runs never need to give characters back.
_UNQUOTED = lazy_pattern(f"(?:[^{re.escape(WHITESPACE_CHARS + FORBIDDEN_UNQUOTED)}\n/]|/(?!/))++")
_TRIPLE = lazy_pattern(r'"""(.*?)"""(?!")', re.DOTALL)
_LONG_MIN, _LONG_MAX = -(2**63), 2**63 - 1
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class T(IntEnum):
    """Token kinds."""

    NEWLINE = 1
    WHITESPACE = 2
    LBRACE = 3
    RBRACE = 4
    LBRACKET = 5
    RBRACKET = 6
    COMMA = 7
    EQUALS = 8
    COLON = 9
    PLUS_EQUALS = 10
    QUOTED = 11
    TRIPLE = 12
    UNQUOTED = 13
    NUMBER = 14
    LITERAL = 15
    SUBSTITUTION = 16
    EOF = 17


# Token kinds as module globals: reading `T.NAME` costs an enum class lookup (a quarter of a
# microsecond in Python 3.11) at each of the millions of comparisons a corpus makes.
K_NEWLINE = T.NEWLINE
K_WHITESPACE = T.WHITESPACE
K_LBRACE = T.LBRACE
K_RBRACE = T.RBRACE
K_LBRACKET = T.LBRACKET
K_RBRACKET = T.RBRACKET
K_COMMA = T.COMMA
K_EQUALS = T.EQUALS
K_COLON = T.COLON
K_PLUS_EQUALS = T.PLUS_EQUALS
K_QUOTED = T.QUOTED
K_TRIPLE = T.TRIPLE
K_UNQUOTED = T.UNQUOTED
K_NUMBER = T.NUMBER
K_LITERAL = T.LITERAL
K_SUBSTITUTION = T.SUBSTITUTION
K_EOF = T.EOF


@record(compiled_init=True)
class Token:
    kind: T
    start: int
    end: int
    text: str
    value: object = None
    """Decoded string, number, literal, or for SUBSTITUTION the tuple (optional, path tokens)."""


_PUNCTUATION = {
    "{": K_LBRACE,
    "}": K_RBRACE,
    "[": K_LBRACKET,
    "]": K_RBRACKET,
    ",": K_COMMA,
    "=": K_EQUALS,
    ":": K_COLON,
}

_FAST = re.compile(
    "|".join(
        [
            r"(?P<newline>\n)",
            f"(?P<whitespace>[{re.escape(WHITESPACE_CHARS)}]+)",
            r"(?P<comment>(?:#|//)[^\n]*)",
            r'(?P<string>"(?!"")[^"\\\x00-\x1f]*")',
            r"(?P<lbrace>\{)|(?P<rbrace>\})|(?P<lbracket>\[)|(?P<rbracket>\])",
            r"(?P<comma>,)|(?P<equals>=)|(?P<colon>:)",
            r"(?P<number>[0-9\-])",
            r"(?P<word>(?!true|false|null)(?:[^"
            + re.escape(WHITESPACE_CHARS + FORBIDDEN_UNQUOTED)
            + r"\n/\x00]|/(?!/))++)",
        ]
    )
)
_FAST_KINDS: dict[str | None, T] = {
    "newline": K_NEWLINE,
    "whitespace": K_WHITESPACE,
    "lbrace": K_LBRACE,
    "rbrace": K_RBRACE,
    "lbracket": K_LBRACKET,
    "rbracket": K_RBRACKET,
    "comma": K_COMMA,
    "equals": K_EQUALS,
    "colon": K_COLON,
}

VALUE_KINDS = frozenset({K_QUOTED, K_TRIPLE, K_UNQUOTED, K_NUMBER, K_LITERAL})


def parse_java_number(text: str) -> int | float | None:
    """The number typesafe makes of a run of number characters, or None for a string."""
    try:
        if "." in text or "e" in text or "E" in text:
            return float(text)
        value = int(text)
    except ValueError:
        return None
    return value if _LONG_MIN <= value <= _LONG_MAX else None


class Lexer:
    """Cuts a source file into tokens; comments go to `comments`."""

    def __init__(
        self, source: SourceFile, *, json: bool = False, max_tokens: int | None = None
    ) -> None:
        self.source = source
        self.text = source.text
        self.json = json
        self.max_tokens = limits.MAX_TOKENS if max_tokens is None else max_tokens
        self.comments: list[Comment] = []

    def error(self, message: str, start: int, end: int | None = None) -> ParseError:
        return ParseError(message, Span(self.source, start, end if end is not None else start + 1))

    def tokenize(self) -> list[Token]:
        """All tokens and an EOF; the common shapes go through one compiled pattern."""
        text = self.text
        length = len(text)
        tokens: list[Token] = []
        append = tokens.append
        fast = _FAST.match
        simple_kinds = _FAST_KINDS
        longest = limits.MAX_TOKEN_CHARS
        most = self.max_tokens
        # A token holds at least one character: a text no longer than both limits cannot
        # pass either, and is spared the two checks at every token.
        checked = length > longest or length >= most
        position = 0
        while position < length:
            if checked and len(tokens) >= most:
                raise self.error(
                    f"more than {limits.MAX_TOKENS:,} tokens (keys, values, punctuation, "
                    "spaces between values) in this job are refused (see docs/limits.md)",
                    position,
                )
            match = fast(text, position)
            if match is not None:
                kind = match.lastgroup
                end = match.end()
                if checked and end - position > longest:
                    raise self._too_long(position, end)
                simple = simple_kinds.get(kind)
                if simple is not None:
                    append(Token(simple, position, end, match.group()))
                elif kind == "word":
                    word = match.group()
                    append(Token(K_UNQUOTED, position, end, word, word))
                elif kind == "comment":
                    self._comment(match.group(), position, end)
                elif kind == "string":
                    append(
                        Token(K_QUOTED, position, end, match.group(), text[position + 1 : end - 1])
                    )
                else:
                    token = self._number(position)
                    append(token)
                    end = token.end
                position = end
                continue
            slow = self._slow_token(position)
            if slow.end - position > longest:
                raise self._too_long(position, slow.end)
            append(slow)
            position = slow.end
        append(Token(K_EOF, length, length, ""))
        if self.json:
            for token in tokens:
                if token.kind in (K_UNQUOTED, K_SUBSTITUTION, K_TRIPLE, K_PLUS_EQUALS):
                    raise self.error(
                        f"{token.text[:20]!r} is not allowed in JSON", token.start, token.end
                    )
        return tokens

    def _too_long(self, start: int, end: int) -> ParseError:
        return self.error(
            f"a token of {end - start:,} characters: strings, keys, numbers and comments "
            f"longer than {limits.MAX_TOKEN_CHARS:,} characters are refused (see docs/limits.md)",
            start,
        )

    def _comment(self, text: str, start: int, end: int) -> None:
        if self.json:
            raise self.error("comments are not allowed in JSON", start, end)
        marker = 1 if text[0] == "#" else 2
        self.comments.append(Comment(text[marker:], Span(self.source, start, end)))

    def _slow_token(self, position: int) -> Token:
        """Tokens the fast pattern leaves out: escapes, triple quotes, `${`, literals, errors."""
        text = self.text
        char = text[position]
        if char == '"':
            return self._string(position)
        if char == "$":
            return self._substitution(position)
        if char == "+":
            if not text.startswith("+=", position):
                raise self.error("'+' is not allowed outside quotes (did you mean '+='?)", position)
            return Token(K_PLUS_EQUALS, position, position + 2, "+=")
        if char in FORBIDDEN_UNQUOTED:
            raise self.error(f"reserved character {char!r} is not allowed outside quotes", position)
        if char == "\x00":
            raise self.error("NUL character: this does not look like a text file", position)
        return self._unquoted(position)

    def _string(self, start: int) -> Token:
        text = self.text
        if text.startswith('"""', start):
            match = _TRIPLE.match(text, start)
            if match is None:
                raise self.error("unterminated triple-quoted string", start, start + 3)
            return Token(K_TRIPLE, start, match.end(), match.group(), match.group(1))
        parts: list[str] = []
        position = start + 1
        while True:
            match = _QUOTED_BODY.match(text, position)
            assert match is not None
            parts.append(match.group())
            position = match.end()
            if position >= len(text):
                raise self.error("unterminated quoted string", start, position)
            char = text[position]
            if char == '"':
                value = "".join(parts)
                return Token(K_QUOTED, start, position + 1, text[start : position + 1], value)
            if char == "\\":
                parts.append(self._escape(position))
                position += 6 if text[position + 1] == "u" else 2
                continue
            if char == "\n":
                raise self.error(
                    "unterminated quoted string (newline before the closing quote)", start, position
                )
            raise self.error(
                f"control character {char!r} in a quoted string: write it as an escape",
                position,
            )

    def _escape(self, position: int) -> str:
        text = self.text
        if position + 1 >= len(text):
            raise self.error("unterminated quoted string", position)
        char = text[position + 1]
        if char in _ESCAPES:
            return _ESCAPES[char]
        if char == "u":
            digits = text[position + 2 : position + 6]
            if len(digits) == 4 and all(c in "0123456789abcdefABCDEF" for c in digits):
                return chr(int(digits, 16))
            raise self.error("\\u must be followed by four hex digits", position, position + 6)
        raise self.error(f"invalid escape '\\{char}' in a quoted string", position, position + 2)

    def _number(self, start: int) -> Token:
        match = _NUMBER.match(self.text, start)
        assert match is not None
        run = match.group()
        value = parse_java_number(run)
        if value is not None:
            return Token(K_NUMBER, start, match.end(), run, value)
        if "+" in run:
            plus = start + run.index("+")
            raise self.error("reserved character '+' is not allowed outside quotes", plus)
        return Token(K_UNQUOTED, start, match.end(), run, run)

    def _unquoted(self, start: int) -> Token:
        text = self.text
        for word, literal in (("true", True), ("null", None), ("false", False)):
            if text.startswith(word, start):
                end = start + len(word)
                return Token(K_LITERAL, start, end, word, literal)
        match = _UNQUOTED.match(text, start)
        if match is None:
            raise self.error(f"unexpected character {text[start]!r}", start)
        return Token(K_UNQUOTED, start, match.end(), match.group(), match.group())

    def _substitution(self, start: int) -> Token:
        text = self.text
        if not text.startswith("${", start):
            raise self.error("'$' is not followed by '{': quote the string", start)
        position = start + 2
        optional = text.startswith("?", position)
        if optional:
            position += 1
        parts: list[Token] = []
        while True:
            if position >= len(text) or text[position] == "\n":
                raise self.error("substitution '${' is not closed with '}'", start, position)
            char = text[position]
            if char == "}":
                break
            if char in WHITESPACE_CHARS:
                match = _WHITESPACE.match(text, position)
                assert match is not None
                part = Token(K_WHITESPACE, position, match.end(), match.group())
            elif char == '"':
                part = self._string(position)
            elif char in "0123456789-":
                part = self._number(position)
            elif char in FORBIDDEN_UNQUOTED or text.startswith("//", position):
                raise self.error(
                    f"{char!r} is not allowed in a substitution path"
                    + (
                        " (SeaTunnel 2.3.8 has no '${name:default}' outside quotes)"
                        if char == ":"
                        else ""
                    ),
                    position,
                )
            else:
                part = self._unquoted(position)
            parts.append(part)
            position = part.end
        end = position + 1
        return Token(K_SUBSTITUTION, start, end, text[start:end], (optional, parts))


__all__ = [
    "FORBIDDEN_UNQUOTED",
    "VALUE_KINDS",
    "WHITESPACE_CHARS",
    "Lexer",
    "T",
    "Token",
    "parse_java_number",
]
