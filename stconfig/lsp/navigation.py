"""Go to definition, find references and rename, for table names and `${variables}`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from stconfig.lsp.scan import Scan

TABLE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")
VARIABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")


class RenameError(ValueError):
    """A new name that cannot be written where the old one is."""


@dataclass(frozen=True, slots=True)
class Symbol:
    """A table or variable name under the cursor, with the offsets of that occurrence."""

    kind: Literal["table", "variable"]
    name: str
    start: int
    end: int


def symbol_at(scan: Scan, offset: int) -> Symbol | None:
    for ref in scan.tables:
        if ref.start <= offset <= ref.end and ref.name:
            return Symbol("table", ref.name, ref.start, ref.end)
    for use in scan.variables:
        if use.start <= offset <= use.end and use.name:
            return Symbol("variable", use.name, use.start, use.end)
    definitions = scan.definitions()
    for name, entry in definitions.items():
        if entry.key_start <= offset <= entry.key_end and any(
            use.name == name for use in scan.variables
        ):
            return Symbol("variable", name, entry.key_start, entry.key_end)
    return None


def definitions(scan: Scan, symbol: Symbol) -> list[tuple[int, int]]:
    """Where the name is defined: the plugins producing the table, or the root key."""
    if symbol.kind == "table":
        return [
            (r.start, r.end) for r in scan.tables if r.role == "output" and r.name == symbol.name
        ]
    entry = scan.definitions().get(symbol.name)
    return [(entry.key_start, entry.key_end)] if entry is not None else []


def references(scan: Scan, symbol: Symbol, *, declaration: bool) -> list[tuple[int, int]]:
    """Every occurrence of the name (its definitions too when `declaration`)."""
    if symbol.kind == "table":
        return [
            (r.start, r.end)
            for r in scan.tables
            if r.name == symbol.name and (declaration or r.role == "input")
        ]
    found = [(u.start, u.end) for u in scan.variables if u.name == symbol.name]
    if declaration:
        found = definitions(scan, symbol) + found
    return sorted(set(found))


def rename_edits(scan: Scan, symbol: Symbol, new_name: str) -> list[tuple[int, int, str]]:
    """The replacements that rename every occurrence; RenameError for an unusable name."""
    pattern = TABLE_NAME if symbol.kind == "table" else VARIABLE_NAME
    if not pattern.fullmatch(new_name):
        raise RenameError(
            f"{new_name!r} is not a usable {symbol.kind} name "
            f"(letters, digits, '_', '.', '-'; it must not start with '.' or '-')"
        )
    if new_name == symbol.name:
        return []
    if symbol.kind == "variable" and new_name in scan.definitions():
        raise RenameError(f"{new_name!r} is already a key at the top of this file")
    if symbol.kind == "table":
        taken = [r.plugin.label for r in scan.tables if r.role == "output" and r.name == new_name]
        if taken:
            raise RenameError(f"{new_name!r} is already the table of {', '.join(taken)}")
    return [(start, end, new_name) for start, end in references(scan, symbol, declaration=True)]


__all__ = ["RenameError", "Symbol", "definitions", "references", "rename_edits", "symbol_at"]
