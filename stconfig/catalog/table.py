"""A plugin's options as rows of a table (key, type, default, required, rule), for people."""

from __future__ import annotations

import json
from dataclasses import dataclass

from stconfig.catalog.spec import OptionSpec, PluginSpec


@dataclass(frozen=True, slots=True)
class OptionRow:
    """One option, rendered: what `stconfig plugins show` prints."""

    key: str
    type: str
    default: str
    required: str
    rule: str
    fallback_keys: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "type": self.type,
            "default": self.default,
            "required": self.required,
            "rule": self.rule,
            "fallback_keys": list(self.fallback_keys),
        }


def _type(option: OptionSpec) -> str:
    if option.enum is None:
        return option.type
    values = "|".join(str(v) for v in option.enum)
    return f"{option.type}({values})"


def _default(option: OptionSpec) -> str:
    if not option.has_default:
        return "-"
    if option.default is None:
        return "(computed)"
    return option.default if isinstance(option.default, str) else json.dumps(option.default)


def _required(spec: PluginSpec, option: OptionSpec) -> str:
    if any(option.key in group for group in spec.required):
        return "yes" if not option.has_default else "yes (has default)"
    needed_at_run_time = [
        rule.one_of
        for rule in spec.run_time
        if rule.inside is None and not rule.conditional and option.key in rule.one_of
    ]
    if any(len(group) == 1 for group in needed_at_run_time):
        return "yes"
    if any(option.key in group for group in spec.exclusive) or needed_at_run_time:
        return "one of"
    if any(option.key in rule.required for rule in spec.conditional) or any(
        rule.inside is None and option.key in rule.one_of for rule in spec.run_time
    ):
        return "if"
    return "no"


def option_rows(spec: PluginSpec) -> list[OptionRow]:
    """Every option of a plugin, rule options first, in declaration order."""
    ordered = sorted(spec.options, key=lambda o: not o.in_rule)
    return [
        OptionRow(
            key=option.key,
            type=_type(option),
            default=_default(option),
            required=_required(spec, option),
            rule=spec.rule_of(option.key),
            fallback_keys=option.fallback_keys,
        )
        for option in ordered
    ]


__all__ = ["OptionRow", "option_rows"]
