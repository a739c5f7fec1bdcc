"""Completion: plugin names, option keys, enum values, env keys, table names, variables."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from lsprotocol import types as lsp

from stconfig.catalog.spec import OptionSpec
from stconfig.lint.settings import LintSettings
from stconfig.lsp import facts
from stconfig.lsp.cursor import Cursor, cursor_at
from stconfig.lsp.positions import LineIndex
from stconfig.lsp.scan import INPUT_KEYS, OUTPUT_KEYS, SECTIONS, Scan

TABLE_KEYS = (*OUTPUT_KEYS, *INPUT_KEYS)
ROOT_KEYS = {
    "env": "job settings: job.mode, parallelism, checkpoint.interval, ...",
    "source": "where rows come from",
    "transform": "what happens to them",
    "sink": "where they go",
}


def _edit(index: LineIndex, cursor: Cursor, text: str) -> lsp.TextEdit:
    return lsp.TextEdit(index.range(cursor.start, cursor.end), text)


def _matches(prefix: str, label: str) -> bool:
    return label.lower().startswith(prefix.lower()) or prefix.lower() in label.lower()


def _set_keys(keys: Iterable[str], options: Mapping[str, OptionSpec]) -> set[str]:
    """Canonical keys already written (an option counts as set under any of its keys)."""
    found: set[str] = set()
    for key in keys:
        option = options.get(key)
        found.add(option.key if option is not None else key)
    return found


def _option_item(
    index: LineIndex,
    cursor: Cursor,
    option: OptionSpec,
    *,
    rank: int,
    where: str,
    rule: str | None,
    versions: tuple[str, ...],
) -> lsp.CompletionItem:
    has_separator = cursor.quoted or (
        cursor.entry is not None and cursor.entry.separator_end is not None
    )
    default = facts.shown_default(option)
    detail = facts.type_label(option) + (f" = {default}" if default is not None else "")
    if rule:
        detail += f"  [{rule}]"
    return lsp.CompletionItem(
        label=option.key,
        kind=lsp.CompletionItemKind.Property,
        detail=detail,
        documentation=lsp.MarkupContent(
            lsp.MarkupKind.Markdown,
            facts.option_markdown(option, where=where, rule=rule, versions=versions),
        ),
        sort_text=f"{rank}{option.key}",
        filter_text=option.key,
        text_edit=_edit(index, cursor, option.key if has_separator else f"{option.key} = "),
    )


def _plugin_keys(
    scan: Scan, index: LineIndex, cursor: Cursor, settings: LintSettings
) -> list[lsp.CompletionItem]:
    assert cursor.plugin is not None
    catalog = facts.catalog_for(settings)
    spec = facts.plugin_spec(cursor.plugin.kind, cursor.plugin.name, catalog)
    if spec is None:
        return []
    by_key = {key: option for option in spec.options for key in option.keys}
    written = {e.key for e in cursor.block.entries if e is not cursor.entry}
    taken = _set_keys(written, by_key)
    table_keys = {ref.key for ref in scan.tables}
    hidden = facts.hidden_table_keys(settings, table_keys) | {"plugin_name"}
    items = []
    for option in spec.options:
        if option.key in taken or option.key in hidden or option.key in TABLE_KEYS:
            continue
        if not _matches(cursor.prefix, option.key):
            continue
        required = facts.is_required(spec, option)
        rule = spec.rule_of(option.key)
        rank = 0 if required else (1 if option.in_rule else 2)
        versions = facts.option_versions(spec.kind, spec.name, option.key)
        where = f"{spec.name} {spec.kind}"
        items.append(
            _option_item(
                index, cursor, option, rank=rank, where=where, rule=rule, versions=versions
            )
        )
    for key in TABLE_KEYS:
        known = by_key.get(key)
        if key in hidden or key in written or (known is not None and known.key in taken):
            continue
        if cursor.plugin.kind == "source" and key in INPUT_KEYS:
            continue
        if cursor.plugin.kind == "sink" and key in OUTPUT_KEYS:
            continue
        if not _matches(cursor.prefix, key):
            continue
        items.append(
            lsp.CompletionItem(
                label=key,
                kind=lsp.CompletionItemKind.Property,
                detail="table name" + (" this plugin produces" if key in OUTPUT_KEYS else "s read"),
                sort_text=f"1{key}",
                text_edit=_edit(
                    index, cursor, key if cursor.entry or cursor.quoted else f"{key} = "
                ),
            )
        )
    return items


def _env_keys(index: LineIndex, cursor: Cursor, settings: LintSettings) -> list[lsp.CompletionItem]:
    options = facts.env_options(facts.catalog_for(settings))
    written = _set_keys((e.key for e in cursor.block.entries if e is not cursor.entry), options)
    items = []
    for option in dict.fromkeys(options.values()):
        if option.key in written or not _matches(cursor.prefix, option.key):
            continue
        rank = 0 if option.key == "job.mode" else 1
        versions = facts.option_versions("env", "", option.key)
        items.append(
            _option_item(
                index, cursor, option, rank=rank, where="env", rule=None, versions=versions
            )
        )
    return items


def _plugin_names(
    index: LineIndex, cursor: Cursor, settings: LintSettings
) -> list[lsp.CompletionItem]:
    assert cursor.section is not None
    catalog = facts.catalog_for(settings)
    items = []
    for name in facts.plugin_names(cursor.section, catalog):
        if not _matches(cursor.prefix, name):
            continue
        spec = facts.plugin_spec(cursor.section, name, catalog)
        items.append(
            lsp.CompletionItem(
                label=name,
                kind=lsp.CompletionItemKind.Class,
                detail=facts.plugin_summary(spec) if spec else f"{cursor.section} plugin",
                sort_text=name.lower(),
                text_edit=_edit(index, cursor, name),
                data={"kind": cursor.section, "name": name, "catalog": catalog},
            )
        )
    return items


def resolve(item: lsp.CompletionItem) -> lsp.CompletionItem:
    """Fill in a plugin's documentation: its factory and required options."""
    data = item.data if isinstance(item.data, dict) else {}
    kind, name, catalog = data.get("kind"), data.get("name"), data.get("catalog")
    if isinstance(kind, str) and isinstance(name, str):
        spec = facts.plugin_spec(kind, name, catalog if isinstance(catalog, str) else None)
        if spec is not None:
            item.detail = facts.plugin_summary(spec)
            item.documentation = lsp.MarkupContent(
                lsp.MarkupKind.Markdown, facts.plugin_markdown(spec)
            )
    return item


def _quote(value: str, cursor: Cursor) -> str:
    return value if cursor.quoted else f'"{value}"'


def _values(
    scan: Scan, index: LineIndex, cursor: Cursor, settings: LintSettings
) -> list[lsp.CompletionItem]:
    entry = cursor.entry
    assert entry is not None
    catalog = facts.catalog_for(settings)
    if entry.key in INPUT_KEYS:
        own = cursor.plugin
        produced = dict.fromkeys(
            ref.name
            for ref in scan.tables
            if ref.role == "output" and ref.plugin is not own and ref.plugin.kind != "sink"
        )
        return [
            lsp.CompletionItem(
                label=name,
                kind=lsp.CompletionItemKind.Reference,
                detail="table produced by "
                + ", ".join(
                    r.plugin.label for r in scan.tables if r.role == "output" and r.name == name
                ),
                text_edit=_edit(index, cursor, _quote(name, cursor)),
                filter_text=name,
            )
            for name in produced
            if _matches(cursor.prefix, name)
        ]
    option: OptionSpec | None
    if cursor.section == "env":
        option = facts.env_options(catalog).get(entry.key)
    elif cursor.plugin is not None:
        spec = facts.plugin_spec(cursor.plugin.kind, cursor.plugin.name, catalog)
        option = spec.option(entry.key) if spec is not None else None
    else:
        option = None
    if option is None:
        return []
    if option.enum:
        values = [str(v) for v in option.enum]
    elif option.type == "boolean":
        values = ["true", "false"]
    else:
        return []
    default = facts.shown_default(option)
    return [
        lsp.CompletionItem(
            label=value,
            kind=lsp.CompletionItemKind.EnumMember,
            detail=f"{option.key}" + (" (default)" if value == default else ""),
            text_edit=_edit(
                index, cursor, value if option.type == "boolean" else _quote(value, cursor)
            ),
            filter_text=value,
            preselect=value == default,
        )
        for value in values
        if _matches(cursor.prefix, value)
    ]


def _variables(
    scan: Scan, index: LineIndex, cursor: Cursor, settings: LintSettings
) -> list[lsp.CompletionItem]:
    names: dict[str, str] = {}
    for key, entry in scan.definitions().items():
        if key not in ROOT_KEYS and entry.scalar is not None:
            names.setdefault(key, f"defined in this file: {entry.scalar}")
        elif key not in ROOT_KEYS:
            names.setdefault(key, "defined in this file")
    for key, value in settings.variables.items():
        names.setdefault(key, f"variable from the settings: {value}")
    for ref in scan.variables:
        if ref.name and ref.start != cursor.start:
            names.setdefault(ref.name, "used elsewhere in this file")
    return [
        lsp.CompletionItem(
            label=name,
            kind=lsp.CompletionItemKind.Variable,
            detail=detail,
            text_edit=_edit(index, cursor, name),
        )
        for name, detail in names.items()
        if _matches(cursor.prefix, name)
    ]


def _root_keys(scan: Scan, index: LineIndex, cursor: Cursor) -> list[lsp.CompletionItem]:
    written = {e.key for e in scan.root.entries if e is not cursor.entry}
    return [
        lsp.CompletionItem(
            label=key,
            kind=lsp.CompletionItemKind.Module,
            detail=detail,
            sort_text=f"{('env', *SECTIONS).index(key)}",
            text_edit=_edit(index, cursor, key),
        )
        for key, detail in ROOT_KEYS.items()
        if key not in written and _matches(cursor.prefix, key)
    ]


def complete(
    scan: Scan, index: LineIndex, offset: int, settings: LintSettings
) -> lsp.CompletionList:
    """The completions at a character offset of the scanned text."""
    cursor = cursor_at(scan, offset)
    items: list[lsp.CompletionItem]
    if cursor.where == "section-key":
        items = _plugin_names(index, cursor, settings)
    elif cursor.where == "plugin-key":
        items = _plugin_keys(scan, index, cursor, settings)
    elif cursor.where == "env-key":
        items = _env_keys(index, cursor, settings)
    elif cursor.where == "value":
        items = _values(scan, index, cursor, settings)
    elif cursor.where == "variable":
        items = _variables(scan, index, cursor, settings)
    elif cursor.where == "root-key":
        items = _root_keys(scan, index, cursor)
    else:
        items = []
    return lsp.CompletionList(is_incomplete=False, items=items)


__all__ = ["complete", "resolve"]
