"""The SeaTunnel plugin catalog: typed models of every plugin's options, and checks on them.

    from stconfig import catalog
    catalog.plugin_names("source")                       # [("source", "AmazonDynamodb"), ...]
    catalog.suggest("source", "MySQL")                   # ["MySQL-CDC", "Jdbc"]
    model = catalog.lookup("source", "fakesource")       # the FakeSource pydantic model
    catalog.validate_options("source", "FakeSource", {"row.nums": 5})
    # [OptionProblem(key='row.nums', kind='unknown', ..., suggestion='row.num')]

Everything is imported lazily: `import stconfig.catalog` loads a small index only, and a
plugin's model (with pydantic) is imported the first time it is looked up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stconfig._lazy import lazy_attributes

_EXPORTS: dict[str, str] = {
    "OptionProblem": "stconfig.catalog.problems",
    "OptionSpec": "stconfig.catalog.spec",
    "PluginSpec": "stconfig.catalog.spec",
    "ConditionalRule": "stconfig.catalog.spec",
    "RunTimeRule": "stconfig.catalog.spec",
    "UnknownPluginError": "stconfig.catalog.registry",
    "UnknownVersionError": "stconfig.catalog.registry",
    "canonical_name": "stconfig.catalog.registry",
    "env_options": "stconfig.catalog.registry",
    "find": "stconfig.catalog.registry",
    "option_rows": "stconfig.catalog.table",
    "OptionRow": "stconfig.catalog.table",
    "lookup": "stconfig.catalog.registry",
    "plugin_names": "stconfig.catalog.registry",
    "plugin_spec": "stconfig.catalog.registry",
    "suggest": "stconfig.catalog.registry",
    "versions": "stconfig.catalog.registry",
    "validate_options": "stconfig.catalog.validate",
    "check_rules": "stconfig.catalog.rules",
}

if TYPE_CHECKING:
    from stconfig.catalog.problems import OptionProblem
    from stconfig.catalog.registry import (
        UnknownPluginError,
        UnknownVersionError,
        canonical_name,
        env_options,
        find,
        lookup,
        plugin_names,
        plugin_spec,
        suggest,
        versions,
    )
    from stconfig.catalog.rules import check_rules
    from stconfig.catalog.spec import ConditionalRule, OptionSpec, PluginSpec, RunTimeRule
    from stconfig.catalog.table import OptionRow, option_rows
    from stconfig.catalog.validate import validate_options


__getattr__ = lazy_attributes(__name__, _EXPORTS, globals())


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


__all__ = [
    "ConditionalRule",
    "OptionProblem",
    "OptionRow",
    "OptionSpec",
    "PluginSpec",
    "RunTimeRule",
    "UnknownPluginError",
    "UnknownVersionError",
    "canonical_name",
    "check_rules",
    "env_options",
    "find",
    "lookup",
    "option_rows",
    "plugin_names",
    "plugin_spec",
    "suggest",
    "validate_options",
    "versions",
]
