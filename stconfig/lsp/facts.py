"""What the catalog says, for the version a file targets, shaped for completion and hover."""

from __future__ import annotations

import json
from functools import cache

from stconfig.catalog.spec import OptionSpec, PluginSpec
from stconfig.lint.settings import LintSettings
from stconfig.lint.versions import RENAME_VERSION, parse_version
from stconfig.versions import catalog_for as catalog_of


def catalog_for(settings: LintSettings) -> str | None:
    """The catalog version used for the settings' target (the nearest one when no catalog
    describes it, as the linter does; `stconfig.versions.catalog_for`)."""
    return catalog_of(settings.version)[0]


def hidden_table_keys(settings: LintSettings, written: set[str]) -> frozenset[str]:
    """The table-key spelling not to propose: the new one before 2.3.9, the old one after,
    for the target the linter checks with (whatever keys the file already has)."""
    if settings.version >= RENAME_VERSION:
        return frozenset({"result_table_name", "source_table_name"})
    return frozenset({"plugin_output", "plugin_input"})


@cache
def plugin_names(kind: str, catalog: str | None) -> tuple[str, ...]:
    from stconfig.catalog import plugin_names as names

    if catalog is None:
        return ()
    return tuple(name for _, name in names(kind, version=catalog))


@cache
def plugin_spec(kind: str, name: str, catalog: str | None) -> PluginSpec | None:
    """The plugin's facts, matched case-insensitively as SeaTunnel does; None when unknown."""
    from stconfig.catalog import canonical_name
    from stconfig.catalog import plugin_spec as spec

    if catalog is None or kind not in ("source", "transform", "sink") or not name:
        return None
    canonical = canonical_name(kind, name, version=catalog)
    return spec(kind, canonical, version=catalog) if canonical is not None else None


@cache
def env_options(catalog: str | None) -> dict[str, OptionSpec]:
    from stconfig.catalog import env_options as options

    if catalog is None:
        return {}
    return {key: option for option in options(version=catalog) for key in option.keys}


@cache
def option_versions(kind: str, name: str, key: str) -> tuple[str, ...]:
    """The catalog versions whose plugin (or env, for kind "env") has the key."""
    from stconfig.catalog import versions

    found = []
    for version in versions():
        if kind == "env":
            present = key in env_options(version)
        else:
            spec = plugin_spec(kind, name, version)
            present = spec is not None and spec.option(key) is not None
        if present:
            found.append(version)
    return tuple(sorted(found, key=parse_version))


def warm(catalog: str | None) -> None:
    """Load every plugin's facts, so the first completion in a section is as fast as the
    next (run in a worker thread when the server starts)."""
    env_options(catalog)
    for kind in ("source", "transform", "sink"):
        for name in plugin_names(kind, catalog):
            plugin_spec(kind, name, catalog)


def shown_default(option: OptionSpec) -> str | None:
    if not option.has_default:
        return None
    if option.default is None:
        return "(computed by the connector)"
    return option.default if isinstance(option.default, str) else json.dumps(option.default)


def type_label(option: OptionSpec) -> str:
    if option.enum:
        return f"{option.type} ({' | '.join(str(v) for v in option.enum)})"
    return option.type


def is_required(spec: PluginSpec, option: OptionSpec) -> bool:
    return any(option.key in group for group in spec.required) or any(
        rule.inside is None and not rule.conditional and rule.one_of == (option.key,)
        for rule in spec.run_time
    )


def option_markdown(
    option: OptionSpec, *, where: str, rule: str | None, versions: tuple[str, ...]
) -> str:
    """Hover and completion documentation of one option."""
    lines = [f"**{option.key}** ({where})", "", f"- type: `{type_label(option)}`"]
    default = shown_default(option)
    lines.append(f"- default: `{default}`" if default is not None else "- default: none")
    if rule is not None:
        lines.append(f"- rule: {rule}")
    if option.fallback_keys:
        lines.append(f"- also read as: {', '.join(f'`{k}`' for k in option.fallback_keys)}")
    if versions:
        lines.append(f"- in SeaTunnel catalogs: {', '.join(versions)}")
    if option.declared_in:
        lines.append(f"- declared in `{option.declared_in}`")
    if not option.in_rule:
        lines.append("- read by the connector outside its OptionRule")
    return "\n".join(lines)


def plugin_summary(spec: PluginSpec) -> str:
    """One line: what completion shows beside a plugin name."""
    return f"{spec.kind} plugin, {spec.artifact}, {len(spec.options)} options"


def plugin_markdown(spec: PluginSpec) -> str:
    """Hover documentation of a plugin: where it comes from and what it needs."""
    lines = [
        f"**{spec.name}**: SeaTunnel {spec.seatunnel_version} {spec.kind} plugin",
        "",
        f"- artifact: `{spec.artifact}`",
    ]
    if spec.factory:
        lines.append(f"- factory: `{spec.factory}`")
    for group in spec.required:
        lines.append(f"- required: {', '.join(f'`{k}`' for k in group)}")
    for group in spec.exclusive:
        lines.append(f"- exactly one of: {', '.join(f'`{k}`' for k in group)}")
    for needed in spec.run_time:
        if needed.inside is None:
            when = f" if {needed.condition()}" if needed.conditional else ""
            lines.append(
                f"- needed at run time{when}: one of {', '.join(f'`{k}`' for k in needed.one_of)}"
            )
    lines.append(f"- {len(spec.options)} options (`stconfig plugins show {spec.kind}/{spec.name}`)")
    return "\n".join(lines)


__all__ = [
    "catalog_for",
    "env_options",
    "hidden_table_keys",
    "is_required",
    "option_markdown",
    "option_versions",
    "plugin_markdown",
    "plugin_names",
    "plugin_spec",
    "plugin_summary",
    "shown_default",
    "type_label",
    "warm",
]
