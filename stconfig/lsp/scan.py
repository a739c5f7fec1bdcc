"""A tolerant reading of job text for the editor: tokens, blocks, plugins, tables, variables.

While a job is being typed it rarely parses: a string is still open, a brace is missing,
a key has no value yet. The reader (rightly) refuses such text, so completion, hover and
navigation read the token stream of `stconfig.hocon.lexer` instead, recovering from every
lexical error, and walk it into blocks that stay open to the end of the text when their
closing brace is missing. Nothing here resolves or merges: positions are what matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from stconfig.errors import ParseError
from stconfig.hocon.lexer import Lexer, T
from stconfig.source import SourceFile

SECTIONS = ("source", "transform", "sink")
OUTPUT_KEYS = ("plugin_output", "result_table_name")
INPUT_KEYS = ("plugin_input", "source_table_name")
KEY_KINDS = frozenset({T.QUOTED, T.TRIPLE, T.UNQUOTED, T.NUMBER, T.LITERAL})
VALUE_END = frozenset({T.NEWLINE, T.COMMA, T.RBRACE, T.RBRACKET, T.EOF})
SEPARATORS = frozenset({T.EQUALS, T.COLON, T.PLUS_EQUALS})
MAX_DEPTH = 100
"""Blocks nested deeper are stepped over whole: the walk recurses once per level."""
JUNK = re.compile(r"[$+!@*&\\`^?]+")
"""A run of characters the lexer refuses outside quotes: one recovery token for the run."""
QUOTED_PLACEHOLDER = re.compile(r"\$\{([^}:\s\"]*)(?::[^}]*)?\}?")
"""`"${name}"` / `"${name:default}"` inside a quoted string: SeaTunnel's variable pass."""


@dataclass(slots=True)
class Tok:
    """A token; `closed` is False for a string or `${` the text ends before closing."""

    kind: T
    start: int
    end: int
    text: str
    value: object = None
    closed: bool = True
    junk: bool = False


def _lex(text: str) -> list[Tok]:
    """The lexer's tokens of `text` (EOF left out); ParseError on the first bad character."""
    lexer = Lexer(SourceFile("<lsp>", text))
    found = lexer.tokenize()
    return [Tok(t.kind, t.start, t.end, t.text, t.value) for t in found if t.kind is not T.EOF]


def _shifted(tokens: list[Tok], offset: int) -> list[Tok]:
    for token in tokens:
        token.start += offset
        token.end += offset
    return tokens


def _recover(text: str, position: int) -> Tok:
    """A token standing for the bad text at `position`, so lexing can go on after it."""
    char = text[position]
    line_end = text.find("\n", position)
    line_end = len(text) if line_end == -1 else line_end
    if text.startswith('"""', position):
        close = text.find('"""', position + 3)
        end = len(text) if close == -1 else close + 3
        body = text[position + 3 : close if close != -1 else end]
        return Tok(T.TRIPLE, position, end, text[position:end], body, closed=close != -1)
    if char == '"':
        index = position + 1
        while index < line_end:
            if text[index] == "\\":
                index += 2
                continue
            if text[index] == '"':
                body = text[position + 1 : index]
                return Tok(T.QUOTED, position, index + 1, text[position : index + 1], body)
            index += 1
        end = min(index, line_end)
        return Tok(T.QUOTED, position, end, text[position:end], text[position + 1 : end], False)
    if text.startswith("${", position):
        close = text.find("}", position, line_end)
        if close != -1:
            name = text[position + 2 : close].lstrip("?").strip()
            return Tok(T.SUBSTITUTION, position, close + 1, text[position : close + 1], name)
        match = re.compile(r"\$\{\??[^\s\"}]*").match(text, position)
        end = match.end() if match is not None else position + 2
        name = text[position + 2 : end].lstrip("?")
        return Tok(T.SUBSTITUTION, position, end, text[position:end], name, closed=False)
    match = JUNK.match(text, position)
    end = match.end() if match is not None else position + 1
    return Tok(T.UNQUOTED, position, end, text[position:end], text[position:end], junk=True)


def tolerant_tokens(text: str) -> list[Tok]:
    """Every token of `text` and a final EOF, whatever the text; never raises."""
    try:
        tokens = _lex(text)
    except ParseError:
        tokens = _tolerant(text)
    for token in tokens:
        if token.kind is T.SUBSTITUTION and token.closed and not isinstance(token.value, str):
            token.value = token.text[2:-1].lstrip("?").strip()
    tokens.append(Tok(T.EOF, len(text), len(text), ""))
    return tokens


def _tolerant(text: str) -> list[Tok]:
    """Line by line (a triple-quoted string may span lines), recovering at each error."""
    tokens: list[Tok] = []
    position = 0
    length = len(text)
    while position < length:
        newline = text.find("\n", position)
        limit = length if newline == -1 else newline + 1
        opening = text.find('"""', position, limit)
        if opening != -1:
            closing = text.find('"""', opening + 3)
            after = text.find("\n", closing + 3) if closing != -1 else -1
            limit = length if after == -1 else after + 1
        try:
            tokens += _shifted(_lex(text[position:limit]), position)
            position = limit
            continue
        except ParseError as error:
            good_end = position + error.span.start
        while good_end > position:
            try:
                tokens += _shifted(_lex(text[position:good_end]), position)
                break
            except ParseError as error:
                earlier = position + error.span.start
                good_end = earlier if earlier < good_end else position
        recovered = _recover(text, good_end)
        tokens.append(recovered)
        position = max(recovered.end, good_end + 1)
    return tokens


@dataclass(eq=False, slots=True)
class Entry:
    """One `key = value` (or `key { ... }`) as written, with offsets."""

    key: str
    key_start: int
    key_end: int
    parent: Block = field(repr=False)
    separator_end: int | None = None
    value_tokens: list[Tok] = field(default_factory=list)
    block: Block | None = None
    items: list[Tok] = field(default_factory=list)
    """The scalar elements of an array value (`plugin_input = ["a", "b"]`)."""
    value_start: int | None = None
    value_end: int | None = None

    @property
    def scalar(self) -> str | None:
        """The value as text when it is a plain string, number or literal."""
        parts = [t for t in self.value_tokens if t.kind in KEY_KINDS]
        if not parts or len(parts) != len([t for t in self.value_tokens if t.kind != T.WHITESPACE]):
            return None
        return "".join(str(t.value) if t.kind in (T.QUOTED, T.TRIPLE) else t.text for t in parts)


@dataclass(eq=False, slots=True)
class Block:
    """An object (or array) as written: `{` to its `}`, or to the end when left open."""

    start: int
    end: int
    depth: int
    owner: Entry | None = field(repr=False)
    entries: list[Entry] = field(default_factory=list)
    is_array: bool = False
    elements: list[Block] = field(default_factory=list)
    closed: bool = False

    def holds(self, offset: int) -> bool:
        """Inside the braces: after the opening one, before the closing one (if any)."""
        before_end = offset < self.end or (not self.closed and offset == self.end)
        return self.start < offset and before_end

    def keys(self) -> set[str]:
        return {entry.key for entry in self.entries}

    def get(self, key: str) -> Entry | None:
        return next((entry for entry in self.entries if entry.key == key), None)


@dataclass(eq=False, slots=True)
class PluginBlock:
    """A plugin in `source` / `transform` / `sink`: its name where written, and its block."""

    kind: str
    name: str
    name_start: int
    name_end: int
    block: Block
    index: int

    @property
    def label(self) -> str:
        return f"{self.kind}[{self.index}] {self.name}"


@dataclass(frozen=True, slots=True)
class TableRef:
    """A table name written in a plugin: `role` is output or input; offsets are the name's."""

    name: str
    start: int
    end: int
    role: str
    key: str
    plugin: PluginBlock = field(repr=False)


@dataclass(frozen=True, slots=True)
class VariableRef:
    """A `${name}` use, unquoted (a HOCON substitution) or inside a quoted string."""

    name: str
    start: int
    end: int
    quoted: bool


@dataclass(slots=True)
class Scan:
    """All that the editor features read, from one tolerant pass over the text."""

    text: str
    tokens: list[Tok]
    root: Block
    blocks: list[Block]
    env: Block | None
    sections: dict[str, list[Block]]
    plugins: list[PluginBlock]
    tables: list[TableRef]
    variables: list[VariableRef]

    def definitions(self) -> dict[str, Entry]:
        """Root keys, which an unquoted `${name}` resolves to first (SeaTunnel's path is the
        whole key: `${a.b}` looks up the key `a.b`)."""
        found: dict[str, Entry] = {}
        for entry in self.root.entries:
            found.setdefault(entry.key, entry)
        return found

    def plugin_of(self, block: Block) -> PluginBlock | None:
        return next((plugin for plugin in self.plugins if plugin.block is block), None)

    def innermost(self, offset: int) -> Block:
        """The deepest block whose braces hold `offset` (the root when none does)."""
        best = self.root
        for block in self.blocks:
            if block.depth > best.depth and block.holds(offset):
                best = block
        return best

    def token_at(self, offset: int) -> Tok | None:
        """The token that holds `offset` or ends at it (for a word being typed)."""
        low, high = 0, len(self.tokens) - 1
        while low <= high:
            middle = (low + high) // 2
            token = self.tokens[middle]
            if token.end < offset:
                low = middle + 1
            elif token.start > offset:
                high = middle - 1
            else:
                if token.end == offset and middle + 1 < len(self.tokens):
                    after = self.tokens[middle + 1]
                    if after.start == offset and after.kind in KEY_KINDS | {T.SUBSTITUTION}:
                        return after
                return token
        return None


class _Walker:
    """Recursive descent over the tokens that never fails: unknown tokens are stepped over."""

    def __init__(self, text: str, tokens: list[Tok]) -> None:
        self.text = text
        self.tokens = tokens
        self.index = 0
        self.blocks: list[Block] = []

    def peek(self) -> Tok:
        return self.tokens[min(self.index, len(self.tokens) - 1)]

    def skip_blank(self, newlines: bool) -> None:
        skipped = {T.WHITESPACE, T.NEWLINE} if newlines else {T.WHITESPACE}
        while self.peek().kind in skipped:
            self.index += 1

    def walk_root(self) -> Block:
        root = Block(0, len(self.text), 0, None)
        self.skip_blank(True)
        if self.peek().kind is T.LBRACE:
            self.index += 1
        self.object_body(root, root_level=True)
        root.end = len(self.text)
        return root

    def object_body(self, block: Block, *, root_level: bool = False) -> None:
        while True:
            token = self.peek()
            kind = token.kind
            if kind is T.EOF:
                block.end = len(self.text)
                return
            if kind is T.RBRACE:
                self.index += 1
                if not root_level:
                    block.end = token.end
                    block.closed = True
                    return
                continue
            if kind is T.RBRACKET and not root_level:
                block.end = token.start
                return
            if kind in KEY_KINDS or (kind is T.SUBSTITUTION and not token.closed):
                self.entry(block)
                continue
            if kind is T.LBRACE:
                self.index += 1
                self.nested(token, block, None)
                continue
            if kind is T.LBRACKET:
                self.index += 1
                self.array(token, block.depth + 1, None)
                continue
            self.index += 1

    def nested(self, brace: Tok, parent: Block, owner: Entry | None) -> Block:
        block = Block(brace.start, len(self.text), parent.depth + 1, owner)
        self.blocks.append(block)
        if block.depth > MAX_DEPTH:
            self.skip_group(block)
        else:
            self.object_body(block)
        return block

    def skip_group(self, block: Block) -> None:
        """Step over a group nested too deep to walk (no job nests so), without recursing."""
        depth = 1
        while True:
            token = self.peek()
            if token.kind is T.EOF:
                return
            self.index += 1
            if token.kind in (T.LBRACE, T.LBRACKET):
                depth += 1
            elif token.kind in (T.RBRACE, T.RBRACKET):
                depth -= 1
                if depth == 0:
                    block.end = token.end
                    block.closed = True
                    return

    def array(self, bracket: Tok, depth: int, owner: Entry | None) -> Block:
        block = Block(bracket.start, len(self.text), depth, owner, is_array=True)
        self.blocks.append(block)
        if depth > MAX_DEPTH:
            self.skip_group(block)
            return block
        while True:
            token = self.peek()
            if token.kind is T.EOF:
                return block
            if token.kind is T.RBRACKET:
                self.index += 1
                block.end = token.end
                block.closed = True
                return block
            if token.kind is T.RBRACE:
                block.end = token.start
                return block
            self.index += 1
            if token.kind is T.LBRACE:
                element = Block(token.start, len(self.text), depth + 1, owner)
                self.blocks.append(element)
                if element.depth > MAX_DEPTH:
                    self.skip_group(element)
                else:
                    self.object_body(element)
                block.elements.append(element)
            elif token.kind is T.LBRACKET:
                self.array(token, depth + 1, None)
            elif owner is not None and token.kind in KEY_KINDS | {T.SUBSTITUTION}:
                owner.items.append(token)

    def entry(self, block: Block) -> None:
        key_tokens: list[Tok] = []
        while self.peek().kind in KEY_KINDS or self.peek().kind is T.WHITESPACE:
            key_tokens.append(self.peek())
            self.index += 1
        if not key_tokens:  # an unterminated `${` in key position
            token = self.peek()
            self.index += 1
            key_tokens = [token]
        while key_tokens and key_tokens[-1].kind is T.WHITESPACE:
            key_tokens.pop()
        key = "".join(
            str(t.value) if t.kind in (T.QUOTED, T.TRIPLE) else t.text for t in key_tokens
        )
        entry = Entry(key, key_tokens[0].start, key_tokens[-1].end, block)
        block.entries.append(entry)
        self.skip_blank(False)
        token = self.peek()
        if token.kind in SEPARATORS:
            self.index += 1
            entry.separator_end = token.end
            self.skip_blank(False)
            token = self.peek()
        if token.kind is T.LBRACE:
            self.index += 1
            entry.value_start = token.start
            entry.block = self.nested(token, block, entry)
            entry.value_end = entry.block.end
            return
        if entry.separator_end is None:
            return
        if token.kind is T.LBRACKET:
            self.index += 1
            entry.value_start = token.start
            entry.block = self.array(token, block.depth + 1, entry)
            entry.value_end = entry.block.end
            return
        while self.peek().kind not in VALUE_END and self.peek().kind is not T.LBRACE:
            entry.value_tokens.append(self.peek())
            self.index += 1
        while entry.value_tokens and entry.value_tokens[-1].kind is T.WHITESPACE:
            entry.value_tokens.pop()
        if entry.value_tokens:
            entry.value_start = entry.value_tokens[0].start
            entry.value_end = entry.value_tokens[-1].end


def _string_span(token: Tok) -> tuple[str, int, int]:
    """A value token's text and the offsets of that text (inside the quotes)."""
    if token.kind is T.QUOTED:
        return str(token.value), token.start + 1, token.end - (1 if token.closed else 0)
    if token.kind is T.TRIPLE:
        return str(token.value), token.start + 3, token.end - (3 if token.closed else 0)
    return token.text, token.start, token.end


def _plugins(sections: dict[str, list[Block]]) -> list[PluginBlock]:
    found: list[PluginBlock] = []
    for kind in SECTIONS:
        index = 0
        for section in sections.get(kind, []):
            candidates: list[tuple[Block, Entry | None]] = []
            if section.is_array:
                candidates = [(element, None) for element in section.elements]
            else:
                candidates = [(e.block, e) for e in section.entries if e.block is not None]
            for block, entry in candidates:
                named = block.get("plugin_name")
                if named is not None and named.scalar is not None and named.value_tokens:
                    first = named.value_tokens[0]
                    name, start, end = _string_span(first)
                elif entry is not None:
                    name, start, end = entry.key, entry.key_start, entry.key_end
                else:
                    name, start, end = "", block.start, block.start + 1
                found.append(PluginBlock(kind, name, start, end, block, index))
                index += 1
    return found


def _tables(plugins: list[PluginBlock]) -> list[TableRef]:
    found: list[TableRef] = []
    for plugin in plugins:
        for entry in plugin.block.entries:
            if entry.key in OUTPUT_KEYS:
                role = "output"
            elif entry.key in INPUT_KEYS:
                role = "input"
            else:
                continue
            tokens = entry.items if entry.block is not None else entry.value_tokens[:1]
            for token in tokens:
                if token.kind in KEY_KINDS:
                    name, start, _end = _string_span(token)
                    for part in _split_names(name, start) if role == "input" else [(name, start)]:
                        found.append(
                            TableRef(
                                part[0], part[1], part[1] + len(part[0]), role, entry.key, plugin
                            )
                        )
    return found


def _split_names(text: str, start: int) -> list[tuple[str, int]]:
    """`"a, b"` is two input tables (SeaTunnel splits a string input list on commas)."""
    parts: list[tuple[str, int]] = []
    for match in re.finditer(r"[^,]+", text):
        name = match.group().strip()
        if name:
            parts.append((name, start + match.start() + match.group().index(name)))
    return parts


def _variables(tokens: list[Tok]) -> list[VariableRef]:
    found: list[VariableRef] = []
    for token in tokens:
        if token.kind is T.SUBSTITUTION:
            name = str(token.value)
            offset = token.text.find(name, 2) if name else 2
            start = token.start + max(offset, 2)
            found.append(VariableRef(name, start, start + len(name), False))
        elif token.kind in (T.QUOTED, T.TRIPLE):
            for match in QUOTED_PLACEHOLDER.finditer(token.text):
                start = token.start + match.start(1)
                found.append(VariableRef(match.group(1), start, start + len(match.group(1)), True))
    return found


def scan(text: str) -> Scan:
    """Read `text` tolerantly: never raises, whatever the text."""
    tokens = tolerant_tokens(text)
    walker = _Walker(text, tokens)
    root = walker.walk_root()
    env: Block | None = None
    sections: dict[str, list[Block]] = {}
    for entry in root.entries:
        if entry.block is None:
            continue
        if entry.key == "env" and not entry.block.is_array:
            env = env or entry.block
        elif entry.key in SECTIONS:
            sections.setdefault(entry.key, []).append(entry.block)
    plugins = _plugins(sections)
    return Scan(
        text,
        tokens,
        root,
        walker.blocks,
        env,
        sections,
        plugins,
        _tables(plugins),
        _variables(tokens),
    )


__all__ = [
    "INPUT_KEYS",
    "OUTPUT_KEYS",
    "SECTIONS",
    "Block",
    "Entry",
    "PluginBlock",
    "Scan",
    "TableRef",
    "Tok",
    "VariableRef",
    "scan",
    "tolerant_tokens",
]
