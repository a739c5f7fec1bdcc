"""Hover: an option's facts, a plugin's description, a table's producers and consumers."""

from __future__ import annotations

from lsprotocol import types as lsp

from stconfig.lint.settings import LintSettings
from stconfig.lsp import facts
from stconfig.lsp.navigation import symbol_at
from stconfig.lsp.positions import LineIndex
from stconfig.lsp.scan import Scan
from stconfig.versions import RELEASES, read_table_keys

TABLE_KEY_HELP = {
    "plugin_output": "The name of the table this source or transform produces.",
    "result_table_name": "The name of the table this source or transform produces (old name).",
    "plugin_input": "The tables this transform or sink reads (a name or a list of names).",
    "source_table_name": "The tables this transform or sink reads (old name).",
}


def _versions_read(key: str) -> str:
    """Which SeaTunnel versions read the key, from the version table (`stconfig.versions`)."""
    readers = [v for v in RELEASES if key in sum(read_table_keys(v), ())]
    if not readers:
        return "Read by none of the versions stconfig knows."
    return f"Read by SeaTunnel {readers[0]} to {readers[-1]}."


def _markdown(text: str, index: LineIndex, start: int, end: int) -> lsp.Hover:
    return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, text), index.range(start, end))


def _line(index: LineIndex, offset: int) -> int:
    return index.position(offset).line + 1


def _table(scan: Scan, index: LineIndex, name: str) -> str:
    producers = [r for r in scan.tables if r.role == "output" and r.name == name]
    consumers = [r for r in scan.tables if r.role == "input" and r.name == name]
    lines = [f"**table `{name}`**", ""]
    if producers:
        lines += [
            f"- produced by {r.plugin.label} (line {_line(index, r.start)})" for r in producers
        ]
    else:
        lines.append("- produced by no source or transform in this file")
    if consumers:
        lines += [f"- read by {r.plugin.label} (line {_line(index, r.start)})" for r in consumers]
    else:
        lines.append("- read by no plugin in this file")
    return "\n".join(lines)


def hover(scan: Scan, index: LineIndex, offset: int, settings: LintSettings) -> lsp.Hover | None:
    """What to show for the word at a character offset, or None."""
    symbol = symbol_at(scan, offset)
    if symbol is not None and symbol.kind == "table":
        return _markdown(_table(scan, index, symbol.name), index, symbol.start, symbol.end)
    if symbol is not None:
        entry = scan.definitions().get(symbol.name)
        value = settings.variables.get(symbol.name)
        if entry is not None:
            where = f"defined at line {_line(index, entry.key_start)}"
            text = f"{where}: `{entry.scalar}`" if entry.scalar is not None else where
        elif value is not None:
            text = f"from the settings: `{value}`"
        else:
            text = (
                "not defined in this file or the settings: set it with `--var` or the environment"
            )
        return _markdown(f"**variable `{symbol.name}`**\n\n{text}", index, symbol.start, symbol.end)
    catalog = facts.catalog_for(settings)
    for plugin in scan.plugins:
        if plugin.name_start <= offset <= plugin.name_end:
            spec = facts.plugin_spec(plugin.kind, plugin.name, catalog)
            text = (
                facts.plugin_markdown(spec)
                if spec is not None
                else f"**{plugin.name}**: not a SeaTunnel {catalog or ''} {plugin.kind} plugin"
            )
            return _markdown(text, index, plugin.name_start, plugin.name_end)
    block = scan.innermost(offset)
    entry = next((e for e in block.entries if e.key_start <= offset <= e.key_end), None)
    if entry is None:
        return None
    if block is scan.env:
        option = facts.env_options(catalog).get(entry.key)
        if option is None:
            return None
        versions = facts.option_versions("env", "", option.key)
        text = facts.option_markdown(option, where="env", rule=None, versions=versions)
        return _markdown(text, index, entry.key_start, entry.key_end)
    owner = scan.plugin_of(block)
    if owner is None:
        return None
    if entry.key in TABLE_KEY_HELP:
        text = f"**{entry.key}**\n\n{TABLE_KEY_HELP[entry.key]}\n\n{_versions_read(entry.key)}"
        return _markdown(text, index, entry.key_start, entry.key_end)
    spec = facts.plugin_spec(owner.kind, owner.name, catalog)
    option = spec.option(entry.key) if spec is not None else None
    if spec is None or option is None:
        return None
    versions = facts.option_versions(spec.kind, spec.name, option.key)
    text = facts.option_markdown(
        option, where=f"{spec.name} {spec.kind}", rule=spec.rule_of(option.key), versions=versions
    )
    return _markdown(text, index, entry.key_start, entry.key_end)


__all__ = ["hover"]
