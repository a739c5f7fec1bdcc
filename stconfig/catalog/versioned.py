"""The catalog as one target version sees it: which catalog, and how it spells renamed keys.

The generated specs name tables `plugin_output` / `plugin_input` with the old names as
fallback keys. A 2.3.8 (or 2.3.9-SNAPSHOT) job can only use `result_table_name` /
`source_table_name`, and 2.3.9+ reads both; `spelled_spec` gives the spec with the target's
key first and only the aliases that version really reads, so `plugins show`, the JSON
Schemas, lint and the DSL agree on every key name (stconfig.versions.spelling).
"""

from __future__ import annotations

from stconfig._records import replace
from stconfig.catalog.spec import OptionSpec, PluginSpec
from stconfig.versions import KEY_CHANGES, catalog_for, known, spelling

RENAMED_KEYS = frozenset(
    key for change in KEY_CHANGES if change.replaces for key in (change.key, change.replaces)
)
"""Plugin keys that changed name between versions (both spellings)."""


def catalog_version(target: str) -> str:
    """The catalog version whose plugins and options are used for `target`."""
    return catalog_for(known(target))[0]


def spelled_option(option: OptionSpec, target: str) -> OptionSpec:
    """`option` with the key `target` writes, and the other spellings it also reads."""
    if option.key not in RENAMED_KEYS:
        return option
    key, aliases = spelling(option.key, target)
    others = tuple(k for k in option.fallback_keys if k not in RENAMED_KEYS)
    return replace(option, key=key, fallback_keys=(*aliases, *others))


def spelled_spec(spec: PluginSpec, target: str) -> PluginSpec:
    """`spec` as `target` spells its options (see the module docstring)."""
    options = tuple(spelled_option(option, target) for option in spec.options)
    if options == spec.options:
        return spec
    return replace(spec, options=options, _by_key={})


__all__ = ["RENAMED_KEYS", "catalog_version", "spelled_option", "spelled_spec"]
