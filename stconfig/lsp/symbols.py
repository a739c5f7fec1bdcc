"""The document outline: env, then each section with its plugins and their tables."""

from __future__ import annotations

from lsprotocol import types as lsp

from stconfig.lsp.positions import LineIndex
from stconfig.lsp.scan import Block, Entry, Scan


def _symbol(
    index: LineIndex,
    name: str,
    kind: lsp.SymbolKind,
    whole: tuple[int, int],
    chosen: tuple[int, int],
    detail: str | None = None,
    children: list[lsp.DocumentSymbol] | None = None,
) -> lsp.DocumentSymbol:
    return lsp.DocumentSymbol(
        name=name or "?",
        kind=kind,
        range=index.range(*whole),
        selection_range=index.range(*chosen),
        detail=detail,
        children=children or None,
    )


def _entry_span(entry: Entry) -> tuple[int, int]:
    end = entry.value_end if entry.value_end is not None else entry.key_end
    return entry.key_start, max(end, entry.key_end)


def _section_span(scan: Scan, block: Block) -> tuple[int, int]:
    owner = block.owner
    return (owner.key_start if owner is not None else block.start), block.end


def document_symbols(scan: Scan, index: LineIndex) -> list[lsp.DocumentSymbol]:
    result: list[lsp.DocumentSymbol] = []
    for entry in scan.root.entries:
        block = entry.block
        if entry.key == "env" and block is not None:
            children = [
                _symbol(
                    index,
                    e.key,
                    lsp.SymbolKind.Property,
                    _entry_span(e),
                    (e.key_start, e.key_end),
                    e.scalar,
                )
                for e in block.entries
            ]
            result.append(
                _symbol(
                    index,
                    "env",
                    lsp.SymbolKind.Namespace,
                    _entry_span(entry),
                    (entry.key_start, entry.key_end),
                    children=children,
                )
            )
        elif entry.key in scan.sections and block is not None:
            plugins = []
            for plugin in scan.plugins:
                if (
                    plugin.block.owner is not None
                    and plugin.block.owner.parent is not block
                    and plugin.block not in block.elements
                ):
                    continue
                if plugin.block.owner is None and plugin.block not in block.elements:
                    continue
                tables = [
                    _symbol(
                        index,
                        ref.name,
                        lsp.SymbolKind.Event,
                        (ref.start, ref.end),
                        (ref.start, ref.end),
                        f"{ref.role} ({ref.key})",
                    )
                    for ref in scan.tables
                    if ref.plugin is plugin
                ]
                outputs = [r.name for r in scan.tables if r.plugin is plugin and r.role == "output"]
                inputs = [r.name for r in scan.tables if r.plugin is plugin and r.role == "input"]
                detail = f"{','.join(inputs)} -> {','.join(outputs)}".strip()
                detail = "" if detail == "->" else detail
                start = min(plugin.name_start, plugin.block.start)
                plugins.append(
                    _symbol(
                        index,
                        plugin.name,
                        lsp.SymbolKind.Class,
                        (start, plugin.block.end),
                        (plugin.name_start, plugin.name_end),
                        detail or None,
                        tables,
                    )
                )
            result.append(
                _symbol(
                    index,
                    entry.key,
                    lsp.SymbolKind.Module,
                    _section_span(scan, block),
                    (entry.key_start, entry.key_end),
                    children=plugins,
                )
            )
        else:
            result.append(
                _symbol(
                    index,
                    entry.key,
                    lsp.SymbolKind.Variable,
                    _entry_span(entry),
                    (entry.key_start, entry.key_end),
                    entry.scalar,
                )
            )
    return result


__all__ = ["document_symbols"]
