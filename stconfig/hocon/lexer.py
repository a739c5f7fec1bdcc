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


RawToken = tuple[T, int, int, str, object]
"""A token as the parser reads it: kind, start, end, text, value (as in `Token`; a
SUBSTITUTION's path tokens are RawTokens too). A tuple is built in a tenth of the time a
record's `__init__` takes, and a corpus makes hundreds of thousands."""


_TRIPLE_PIECE = r'"""[\s\S]*?"""(?!")'
_STRING_PIECE = r'"(?!"")(?:[^"\\\x00-\x1f]|\\.)*+"'
_PIECES = re.compile(
    "|".join(
        [
            r"\n",
            f"[{re.escape(WHITESPACE_CHARS)}]+",
            r"(?:#|//)[^\n]*",
            _TRIPLE_PIECE,
            _STRING_PIECE,
            r"[{}\[\],=:]|\+=",
            r"[0-9\-][0-9eE+\-.]*",
            r"true|false|null",
            rf"\$\{{(?:[^}}\"\n]|{_TRIPLE_PIECE}|{_STRING_PIECE})*+\}}",
            r"(?:[^" + re.escape(WHITESPACE_CHARS + FORBIDDEN_UNQUOTED) + r"\n/\x00]|/(?!/))++",
            r"[\s\S]",
        ]
    )
)
"""Cuts a text into the texts of its tokens and comments, one piece each, as the tokenizer
cuts them; the kind of a piece shows in its text (`Lexer.scan` reads it from a table or
from its first character), so `findall` returns plain strings instead of match objects.
Escaped strings, `${...}` and characters no token starts with (errors, a lone `"`, `$`,
`+`) are pieces that `Lexer._slow_token` decodes, or refuses, from their start."""
_PUNCTUATION: dict[str, T] = {
    "\n": K_NEWLINE,
    "{": K_LBRACE,
    "}": K_RBRACE,
    "[": K_LBRACKET,
    "]": K_RBRACKET,
    ",": K_COMMA,
    "=": K_EQUALS,
    ":": K_COLON,
    "+=": K_PLUS_EQUALS,
}
_FIRST_CHARS: dict[str, str] = {
    **dict.fromkeys(WHITESPACE_CHARS, "whitespace"),
    "#": "comment",
    "/": "slash",
    '"': "string",
    **dict.fromkeys("0123456789-", "number"),
    **dict.fromkeys("$+`^?!@*&\\\x00", "slow"),
}
"""The kind of piece a first character starts; any other starts an unquoted word."""

_LITERALS = {"true": True, "false": False, "null": None}

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
        """All tokens and an EOF, as records (for readers other than the parser)."""
        return [_record(token) for token in self.scan()]

    def scan(self) -> list[RawToken]:
        """All tokens and an EOF, as tuples. `_PIECES.findall` cuts the text into the texts
        of its tokens in one call; the loop reads each piece's kind from its text. Were a
        token `_slow_token` cuts to end elsewhere than its piece, the pieces after it are
        cut again from its end (the pattern's shapes leave that to texts that are refused)."""
        text = self.text
        length = len(text)
        tokens: list[RawToken] = []
        append = tokens.append
        findall = _PIECES.findall
        # Pieces whose token is only their kind: punctuation, and each whitespace run seen
        # (indentation repeats, so most whitespace is one lookup like punctuation).
        known = dict(_PUNCTUATION)
        first_chars = _FIRST_CHARS
        literals = _LITERALS
        longest = limits.MAX_TOKEN_CHARS
        # A token holds at least one character: a text no longer than both limits cannot
        # pass either, and is spared the two checks at every token.
        checked = length > longest or length >= self.max_tokens
        position = 0
        while position < length:
            for piece in findall(text, position):
                start = position
                position += len(piece)
                if checked:
                    self._check_limits(len(tokens), start, position, piece)
                kind = known.get(piece)
                if kind is not None:
                    append((kind, start, position, piece, None))
                    continue
                first = first_chars.get(piece[0], "word")
                if first == "whitespace":
                    known[piece] = K_WHITESPACE
                    append((K_WHITESPACE, start, position, piece, None))
                elif first == "word":
                    literal = literals.get(piece, piece)
                    if literal is piece:
                        append((K_UNQUOTED, start, position, piece, piece))
                    else:
                        append((K_LITERAL, start, position, piece, literal))
                elif first == "string" and "\\" not in piece and len(piece) > 1:
                    if piece.startswith('"""'):
                        append((K_TRIPLE, start, position, piece, piece[3:-3]))
                    else:
                        append((K_QUOTED, start, position, piece, piece[1:-1]))
                elif first == "comment" or (first == "slash" and piece.startswith("//")):
                    self._comment(piece, start, position)
                elif first == "number":
                    append(self._number(start, piece))
                elif first == "slash":
                    append((K_UNQUOTED, start, position, piece, piece))
                else:  # an escaped string, a substitution, or an error
                    token = self._slow_token(start)
                    if token[2] - start > longest:
                        raise self._too_long(start, token[2])
                    append(token)
                    if token[2] != position:
                        position = token[2]
                        break  # cut differently: the pieces after it start again
            else:
                break
        append((K_EOF, length, length, "", None))
        if self.json:
            for token in tokens:
                if token[0] in (K_UNQUOTED, K_SUBSTITUTION, K_TRIPLE, K_PLUS_EQUALS):
                    raise self.error(
                        f"{token[3][:20]!r} is not allowed in JSON", token[1], token[2]
                    )
        return tokens

    def _check_limits(self, count: int, start: int, end: int, piece: str) -> None:
        """The token budget before each token, and the length of each token but a rare
        shape (checked once cut)."""
        if count >= self.max_tokens:
            raise self.error(
                f"more than {limits.MAX_TOKENS:,} tokens (keys, values, punctuation, "
                "spaces between values) in this job are refused (see docs/limits.md)",
                start,
            )
        if end - start > limits.MAX_TOKEN_CHARS and not _cut_later(piece):
            raise self._too_long(start, end)

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

    def _slow_token(self, position: int) -> RawToken:
        """Tokens the fast pattern leaves out: escapes, triple quotes, `${`, `+=`, errors."""
        text = self.text
        char = text[position]
        if char == '"':
            return self._string(position)
        if char == "$":
            return self._substitution(position)
        if char == "+":
            if not text.startswith("+=", position):
                raise self.error("'+' is not allowed outside quotes (did you mean '+='?)", position)
            return (K_PLUS_EQUALS, position, position + 2, "+=", None)
        if char in FORBIDDEN_UNQUOTED:
            raise self.error(f"reserved character {char!r} is not allowed outside quotes", position)
        if char == "\x00":
            raise self.error("NUL character: this does not look like a text file", position)
        return self._unquoted(position)

    def _string(self, start: int) -> RawToken:
        text = self.text
        if text.startswith('"""', start):
            match = _TRIPLE.match(text, start)
            if match is None:
                raise self.error("unterminated triple-quoted string", start, start + 3)
            return (K_TRIPLE, start, match.end(), match.group(), match.group(1))
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
                return (K_QUOTED, start, position + 1, text[start : position + 1], value)
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

    def _number(self, start: int, run: str) -> RawToken:
        """The run of number characters at `start`: a NUMBER when Java reads it as one."""
        value = parse_java_number(run)
        end = start + len(run)
        if value is not None:
            return (K_NUMBER, start, end, run, value)
        if "+" in run:
            plus = start + run.index("+")
            raise self.error("reserved character '+' is not allowed outside quotes", plus)
        return (K_UNQUOTED, start, end, run, run)

    def _unquoted(self, start: int) -> RawToken:
        text = self.text
        for word, literal in (("true", True), ("null", None), ("false", False)):
            if text.startswith(word, start):
                end = start + len(word)
                return (K_LITERAL, start, end, word, literal)
        match = _UNQUOTED.match(text, start)
        if match is None:
            raise self.error(f"unexpected character {text[start]!r}", start)
        return (K_UNQUOTED, start, match.end(), match.group(), match.group())

    def _substitution(self, start: int) -> RawToken:
        text = self.text
        if not text.startswith("${", start):
            raise self.error("'$' is not followed by '{': quote the string", start)
        position = start + 2
        optional = text.startswith("?", position)
        if optional:
            position += 1
        parts: list[RawToken] = []
        while True:
            if position >= len(text) or text[position] == "\n":
                raise self.error("substitution '${' is not closed with '}'", start, position)
            char = text[position]
            if char == "}":
                break
            part: RawToken
            if char in WHITESPACE_CHARS:
                match = _WHITESPACE.match(text, position)
                assert match is not None
                part = (K_WHITESPACE, position, match.end(), match.group(), None)
            elif char == '"':
                part = self._string(position)
            elif char in "0123456789-":
                number = _NUMBER.match(text, position)
                assert number is not None
                part = self._number(position, number.group())
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
            position = part[2]
        end = position + 1
        return (K_SUBSTITUTION, start, end, text[start:end], (optional, parts))


def _cut_later(piece: str) -> bool:
    """Whether a piece's length is checked only once its token is cut: a piece
    `_slow_token` decodes (which may refuse it for a reason of its own first)."""
    first = _FIRST_CHARS.get(piece[0])
    if first == "string":
        return "\\" in piece or len(piece) == 1
    return first == "slow" and piece != "+="


def _record(token: RawToken) -> Token:
    """The record of a token (a substitution's path tokens made records too)."""
    kind, start, end, text, value = token
    if kind == K_SUBSTITUTION:
        assert isinstance(value, tuple)
        optional, parts = value
        value = (optional, [_record(part) for part in parts])
    return Token(kind, start, end, text, value)


__all__ = [
    "FORBIDDEN_UNQUOTED",
    "VALUE_KINDS",
    "WHITESPACE_CHARS",
    "Lexer",
    "RawToken",
    "T",
    "Token",
    "parse_java_number",
]
