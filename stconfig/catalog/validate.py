"""Validate one plugin's options dict and report every problem by SeaTunnel key.

SeaTunnel reads a key either flat (`row.num = 1`) or through nested objects
(`row { num = 1 }`), a map option also collects `map.sub = v` entries, and a prefix option
(a key ending in `.`, such as `scan.params.`) stands for every key under it; these forms are
folded (`rules.fold`) before validation, so none is reported as unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from stconfig.catalog._suggest import closest
from stconfig.catalog.problems import OptionProblem
from stconfig.catalog.registry import lookup, plugin_spec
from stconfig.catalog.rules import check_rules, fold
from stconfig.catalog.spec import PluginSpec


def _problem_for(plugin: PluginSpec, folded: Mapping[str, Any], error: Any) -> OptionProblem:
    loc = [str(part) for part in error["loc"]]
    option = plugin.option(loc[0]) if loc else None
    if option is None and loc:
        option = next((o for o in plugin.options if o.attr == loc[0]), None)
    key = loc[0] if loc else ""
    if option is not None:
        key = next((k for k in option.keys if k in folded), option.key)
    path = ".".join([key, *loc[1:]])
    message = str(error["msg"]).removeprefix("Value error, ")
    if option is not None and option.enum is not None:
        given = folded.get(key)
        choices = [str(v) for v in option.enum] + [a for a, _ in option.enum_aliases]
        hint = closest(given, choices) if isinstance(given, str) else None
        return OptionProblem(path, "enum", message, hint)
    return OptionProblem(path, "type", message)


def validate_options(
    kind: str, name: str, options: Mapping[str, Any], *, version: str | None = None
) -> list[OptionProblem]:
    """Every problem with one plugin's options: unknown keys, bad values, rule violations.

    Raises UnknownPluginError (with suggestions) when the plugin itself is unknown.
    """
    plugin = plugin_spec(kind, name, version=version)
    model = lookup(kind, name, version=version)
    folded, unknown = fold(plugin, options)
    problems = [
        OptionProblem(
            key,
            "unknown",
            f"{key!r} is not an option of {plugin.name} ({plugin.kind}); SeaTunnel ignores it",
            closest(key, plugin.all_keys),
        )
        for key in unknown
    ]
    try:
        model.model_validate(folded, context={"skip_rules": True})
    except ValidationError as exc:
        problems += [_problem_for(plugin, folded, error) for error in exc.errors()]
    problems += check_rules(plugin, folded)
    return problems


__all__ = ["validate_options"]
