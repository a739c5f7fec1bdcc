"""Where the cursor is, read from the token stream: what kind of word it is in or after.

This is what makes completion work on half-typed text: an open string, a key without `=`,
a block without its closing brace are all still placed correctly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from stconfig.hocon.lexer import T
from stconfig.lsp.scan import KEY_KINDS, Block, Entry, PluginBlock, Scan, Tok

Where = Literal["root-key", "section-key", "plugin-key", "env-key", "value", "variable", "nowhere"]


@dataclass(frozen=True, slots=True)
class Cursor:
    """The cursor's context: `prefix` is the part of the word typed before it, which the
    word from `start` to `end` replaces."""

    where: Where
    prefix: str
    start: int
    end: int
    block: Block
    section: str | None = None
    plugin: PluginBlock | None = None
    entry: Entry | None = None
    quoted: bool = False


def _in_comment(scan: Scan, offset: int) -> bool:
    line_start = scan.text.rfind("\n", 0, offset) + 1
    token = scan.token_at(offset)
    if token is not None and token.start < offset and token.kind is not T.NEWLINE:
        return False
    before = scan.text[line_start:offset]
    last_end = line_start
    for candidate in scan.tokens:
        if candidate.start >= offset:
            break
        if candidate.end <= offset and candidate.end >= line_start:
            last_end = max(last_end, candidate.end)
    gap = scan.text[last_end:offset] if last_end >= line_start else before
    return "#" in gap or "//" in gap


def _variable(scan: Scan, token: Tok | None, offset: int) -> Cursor | None:
    """Inside `${...`, unquoted or inside a quoted string (SeaTunnel's placeholders)."""
    if token is None:
        return None
    if token.kind is T.SUBSTITUTION and token.start + 2 <= offset:
        if token.closed and offset >= token.end:
            return None
        body_start = token.start + 2 + (1 if token.text.startswith("${?") else 0)
        end = token.end - 1 if token.closed else token.end
        prefix = scan.text[body_start:offset]
        return Cursor("variable", prefix, body_start, max(end, offset), scan.root)
    if token.kind in (T.QUOTED, T.TRIPLE) and token.start < offset:
        opened = scan.text.rfind("${", token.start, offset)
        if opened != -1 and scan.text.find("}", opened, offset) == -1:
            close = scan.text.find("}", offset, token.end)
            end = close if close != -1 else offset
            body = scan.text[opened + 2 : offset]
            if ":" not in body:
                return Cursor("variable", body, opened + 2, end, scan.root, quoted=True)
    return None


def _word(scan: Scan, token: Tok | None, offset: int) -> tuple[str, int, int, bool]:
    """The typed part, its replaceable range, and whether it is inside quotes."""
    if (token is not None and token.start < offset) or (
        token is not None and token.start == offset and token.kind in KEY_KINDS
    ):
        if token.kind is T.QUOTED:
            inner_end = token.end - 1 if token.closed else token.end
            if offset > token.start:
                return scan.text[token.start + 1 : offset], token.start + 1, inner_end, True
        elif token.kind in KEY_KINDS:
            return scan.text[token.start : offset], token.start, token.end, False
    return "", offset, offset, False


def _block_role(scan: Scan, block: Block) -> tuple[Where, str | None, PluginBlock | None]:
    if block is scan.root:
        return "root-key", None, None
    if block is scan.env:
        return "env-key", None, None
    for kind, blocks in scan.sections.items():
        if any(block is section for section in blocks if not section.is_array):
            return "section-key", kind, None
    plugin = scan.plugin_of(block)
    if plugin is not None:
        return "plugin-key", plugin.kind, plugin
    return "nowhere", None, None


def _value_entry(scan: Scan, block: Block, offset: int) -> Entry | None:
    """The entry whose value the cursor is in (on the line of its `=`, after it)."""
    for entry in block.entries:
        if entry.separator_end is None or entry.separator_end > offset or entry.block is not None:
            continue
        line_end = scan.text.find("\n", entry.separator_end)
        line_end = len(scan.text) if line_end == -1 else line_end
        if offset > line_end:
            continue
        if entry.value_end is not None and offset > entry.value_end:
            trailing = scan.text[entry.value_end : offset]
            if trailing.strip():
                continue
            last = entry.value_tokens[-1] if entry.value_tokens else None
            if last is None or last.closed:
                continue
        return entry
    return None


def cursor_at(scan: Scan, offset: int) -> Cursor:
    """The cursor's context at a character offset; `nowhere` when nothing fits."""
    offset = max(0, min(offset, len(scan.text)))
    token = scan.token_at(offset)
    variable = _variable(scan, token, offset)
    if variable is not None:
        return variable
    block = scan.innermost(offset)
    if _in_comment(scan, offset):
        return Cursor("nowhere", "", offset, offset, block)
    prefix, start, end, quoted = _word(scan, token, offset)
    if block.is_array:
        owner = block.owner
        parent_plugin = scan.plugin_of(owner.parent) if owner is not None else None
        if owner is not None and parent_plugin is not None:
            return Cursor(
                "value", prefix, start, end, block, parent_plugin.kind, parent_plugin, owner, quoted
            )
        if owner is not None and owner.parent is scan.env:
            return Cursor("value", prefix, start, end, block, "env", None, owner, quoted)
        return Cursor("nowhere", prefix, start, end, block)
    role, section, plugin = _block_role(scan, block)
    for entry in block.entries:
        if entry.key_start <= offset <= entry.key_end:
            if quoted:
                return Cursor(role, prefix, start, end, block, section, plugin, entry, True)
            return Cursor(
                role,
                scan.text[entry.key_start : offset],
                entry.key_start,
                entry.key_end,
                block,
                section,
                plugin,
                entry,
            )
    valued = _value_entry(scan, block, offset)
    if valued is not None:
        entry = valued
        if role == "env-key":
            return Cursor("value", prefix, start, end, block, "env", None, entry, quoted)
        if role == "plugin-key":
            return Cursor("value", prefix, start, end, block, section, plugin, entry, quoted)
        return Cursor("nowhere", prefix, start, end, block)
    line_start = scan.text.rfind("\n", 0, offset) + 1
    before = scan.text[line_start:start]
    if before.strip() and not before.rstrip().endswith(("{", ",")):
        return Cursor("nowhere", prefix, start, end, block)
    return Cursor(role, prefix, start, end, block, section, plugin)


__all__ = ["Cursor", "Where", "cursor_at"]
