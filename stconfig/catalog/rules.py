"""SeaTunnel's `ConfigValidator` semantics over a plain options dict.

"Present" means the key or one of its fallback keys is set; a default does not make an option
present. A required option with a default is satisfied anyway, and a condition compares
against the default when the option is unset (`Objects.equals(expect, config.get(opt))`).
Unlike SeaTunnel, which stops at the first failing group, every failing group is reported.
Run-time rules (`PluginSpec.run_time`) are checked too: options a connector needs although its
rule leaves them optional, which SeaTunnel only finds out when the job starts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from stconfig.catalog.problems import OptionProblem
from stconfig.catalog.spec import OptionSpec, PluginSpec, RunTimeRule

_TRUE = {"true"}
_FALSE = {"false"}


def present(spec: PluginSpec, options: Mapping[str, Any], key: str) -> bool:
    """True when the option (or a fallback key) is set."""
    option = spec.option(key)
    keys = option.keys if option is not None else (key,)
    return any(k in options for k in keys)


def effective(spec: PluginSpec, options: Mapping[str, Any], key: str) -> Any:
    """The value SeaTunnel would read: the set value, else the default, else None."""
    option = spec.option(key)
    if option is None:
        return options.get(key)
    for k in option.keys:
        if k in options:
            return options[k]
    return option.default if option.has_default else None


def _normal(option: OptionSpec | None, value: Any) -> Any:
    if value is None:
        return None
    if option is not None and option.type == "enum":
        return option.constant(str(value)).upper()
    if option is not None and option.type == "boolean" and isinstance(value, str):
        lowered = value.lower()
        return True if lowered in _TRUE else False if lowered in _FALSE else value
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    if option is not None and option.type in ("int", "long", "float", "double"):
        try:
            return float(str(value))
        except ValueError:
            return value
    return value


def satisfied(spec: PluginSpec, options: Mapping[str, Any], key: str) -> bool:
    """Present, or absent with a default: what `ConfigValidator` accepts for a required key."""
    option = spec.option(key)
    return present(spec, options, key) or (option is not None and option.has_default)


def _keys(keys: tuple[str, ...] | list[str]) -> str:
    return ", ".join(repr(k) for k in keys)


def _as_written(value: Any) -> str:
    """A value as the job file spells it (`true`, not Python's `True`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "null" if value is None else repr(value)


def check_rules(spec: PluginSpec, options: Mapping[str, Any]) -> list[OptionProblem]:
    """Required, exclusive, bundled, conditional and run-time problems, naming SeaTunnel keys."""
    problems: list[OptionProblem] = []
    for group in spec.required:
        for key in group:
            if not satisfied(spec, options, key):
                problems.append(OptionProblem(key, "missing", f"option {key!r} is required"))
    for group in spec.exclusive:
        set_keys = [k for k in group if present(spec, options, k)]
        if not set_keys:
            message = f"set exactly one of {_keys(group)}; none is set"
            problems.append(OptionProblem(group[0], "exclusive", message))
        elif len(set_keys) > 1:
            message = f"options {_keys(set_keys)} are mutually exclusive: set only one"
            problems.append(OptionProblem(set_keys[1], "exclusive", message))
    for group in spec.bundled:
        set_keys = [k for k in group if present(spec, options, k)]
        if set_keys and len(set_keys) < len(group):
            absent = [k for k in group if k not in set_keys]
            message = (
                f"options {_keys(group)} go together: {_keys(set_keys)} set, {_keys(absent)} not"
            )
            problems.append(OptionProblem(absent[0], "bundled", message))
    for rule in spec.conditional:
        condition = spec.option(rule.option)
        actual = _normal(condition, effective(spec, options, rule.option))
        if not any(_normal(condition, v) == actual for v in rule.values):
            continue
        shown = effective(spec, options, rule.option)
        for key in rule.required:
            if not satisfied(spec, options, key):
                why = f"{rule.option} = {_as_written(shown)}"
                if not present(spec, options, rule.option):
                    why += " (its default)"
                message = f"option {key!r} is required because {why}"
                problems.append(OptionProblem(key, "conditional", message))
    for needed in spec.run_time:
        problems += _run_time_problems(spec, options, needed)
    return problems


def converted_by_rule(spec: PluginSpec, options: Mapping[str, Any]) -> set[str]:
    """The options whose values SeaTunnel's `ConfigValidator` converts for this block.

    `validate(optionRule)` reads every option of the required, exclusive and bundled groups
    (`hasOption` is `getOptional`, which converts a set value), every condition option
    (`config.get` in the condition), the options a condition requires once it holds, and
    single-choice options (`validateSingleChoice`). A value there that SeaTunnel cannot
    convert refuses the block before the connector is built; this holds on the factory path
    only (legacy plugins never run the validator).
    """
    keys: set[str] = set()
    for group in (*spec.required, *spec.exclusive, *spec.bundled):
        keys.update(group)
    for rule in spec.conditional:
        keys.add(rule.option)
        condition = spec.option(rule.option)
        actual = _normal(condition, effective(spec, options, rule.option))
        if any(_normal(condition, value) == actual for value in rule.values):
            keys.update(rule.required)
    keys.update(
        option.key for option in spec.options if option.enum and option.type != "enum"
    )  # singleChoice over strings or numbers: the extractor keeps their values as `enum`
    return keys


def _run_time_problems(
    spec: PluginSpec, options: Mapping[str, Any], needed: RunTimeRule
) -> list[OptionProblem]:
    wanted = " or ".join(repr(k) for k in needed.one_of)
    why = (
        f"the connector reads it outside its OptionRule and fails when the job starts with "
        f"{needed.engine_message!r}"
    )
    if needed.inside is None:
        found = present if needed.raw else satisfied
        if not needed.applies(spec, options) or any(
            found(spec, options, key) for key in needed.one_of
        ):
            return []
        if needed.conditional:
            wanted += f" because {needed.reason(spec, options)}"
        return [OptionProblem(needed.one_of[0], "run_time", f"set {wanted}: {why}")]
    entries = options.get(needed.inside)
    if not isinstance(entries, list):
        return []
    return [
        OptionProblem(
            needed.inside,
            "run_time",
            f"{needed.inside}[{index}]: set {wanted}"
            f"{f' because {needed.reason(spec, entry)}' if needed.conditional else ''}: {why}",
        )
        for index, entry in enumerate(entries)
        if isinstance(entry, Mapping)
        and needed.applies(spec, entry)
        and not any(key in entry for key in needed.one_of)
    ]


def fold(plugin: PluginSpec, options: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Options keyed as SeaTunnel reads them, and the keys that name no option."""
    folded: dict[str, Any] = {}
    unknown: list[str] = []
    known = plugin.all_keys

    def visit(key: str, value: Any) -> None:
        if plugin.option(key) is not None:
            folded[key] = value
            return
        owner = plugin.owner(key)
        if owner is not None and owner.is_prefix:
            return
        if owner is not None:
            target = folded.setdefault(owner.key, {})
            if isinstance(target, dict):
                target[key[len(owner.key) + 1 :]] = value
            return
        if isinstance(value, dict) and any(k.startswith(key + ".") for k in known):
            for sub, inner in value.items():
                visit(f"{key}.{sub}", inner)
            return
        unknown.append(key)

    for key, value in options.items():
        visit(key, value)
    return folded, unknown


__all__ = ["check_rules", "converted_by_rule", "effective", "fold", "present", "satisfied"]
