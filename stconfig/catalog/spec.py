"""Plain facts about a plugin's options, as SeaTunnel's `Option`s and `OptionRule` state them.

These frozen dataclasses carry no pydantic, so the linter can read keys, fallback keys and
types without paying for model construction. The generated modules build one `PluginSpec` each.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from stconfig._records import field, record

Kind = Literal["source", "transform", "sink"]
KINDS: tuple[Kind, ...] = ("source", "transform", "sink")


@record(frozen=True)
class OptionSpec:
    """One option: its SeaTunnel key, Python attribute, type and default.

    `type` is a catalog type string (`string`, `int`, `long`, `boolean`, `double`, `enum`,
    `list<string>`, `map<string, string>`, `object`, `any`, ...). `enum_aliases` are
    (spelling, constant) pairs SeaTunnel also accepts (a `toString()` or a parsed pattern,
    such as `yyyy-MM-dd` for `YYYY_MM_DD`). `in_rule` is False for
    options the connector reads outside its `optionRule()`; they are real options all the same.
    """

    key: str
    attr: str
    type: str
    enum: tuple[str, ...] | None = None
    enum_case_sensitive: bool = False
    enum_aliases: tuple[tuple[str, str], ...] = ()
    has_default: bool = False
    default: Any = None
    fallback_keys: tuple[str, ...] = ()
    in_rule: bool = True
    declared_in: str = ""

    @property
    def keys(self) -> tuple[str, ...]:
        """The key and its fallback (old) keys, in the order SeaTunnel tries them."""
        return (self.key, *self.fallback_keys)

    @property
    def is_map(self) -> bool:
        """Map options also take `key.sub = v` entries (SeaTunnel nests dotted keys)."""
        return self.type.startswith("map<") or self.type == "object"

    def constant(self, value: str) -> str:
        """The enum constant a spelling stands for (case-insensitive), or the spelling."""
        lowered = value.lower()
        for alias, constant in self.enum_aliases:
            if alias.lower() == lowered:
                return constant
        return value

    @property
    def is_prefix(self) -> bool:
        """A key ending in `.` names a family: the connector reads every `prefix.x` key."""
        return self.key.endswith(".")


@record(frozen=True)
class ConditionalRule:
    """`conditional(option, values, required...)`: when option equals one of values."""

    option: str
    values: tuple[Any, ...]
    required: tuple[str, ...]


@record(frozen=True)
class RunTimeRule:
    """One of `one_of` must be set, although the `OptionRule` says optional.

    The connector reads these options outside its rule and fails when the job starts, with
    `engine_message`; `java` is the SeaTunnel source file that does it.
    """

    one_of: tuple[str, ...]
    engine_message: str
    java: str
    inside: str | None = None
    """A list option whose every entry needs one of `one_of` (FakeSource's `tables_configs`)."""
    when: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(option, values) pairs that must all hold for the rule to apply: the option's value (as
    set, else its default) equals one of `values`, ignoring case, as SeaTunnel compares enum
    names (`valueOf(s.toUpperCase())`, `equalsIgnoreCase`). Inside `inside`, the entry's own
    value counts. Empty: the rule always applies."""
    when_prefix: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(option, prefixes) pairs that must all hold too: the option's value starts with one of
    `prefixes`, case-sensitively, as the Jdbc dialects test their URL (`url.startsWith`)."""
    when_set: tuple[str, ...] = ()
    """Options that must be set too (any of their keys, whatever the value), as a connector
    that tests `getOptional(USERNAME).isPresent()` before it reads `password`."""
    raw: bool = False
    """The connector reads the key from the plugin's raw Config (`getString`, `hasPath`): an
    option's default does not stand in for it."""

    @property
    def conditional(self) -> bool:
        """Whether the rule applies only under a condition (`when`, `when_prefix`, `when_set`)."""
        return bool(self.when or self.when_prefix or self.when_set)

    def applies(self, spec: PluginSpec, options: Mapping[str, Any]) -> bool:
        """Whether the conditions hold for these options (one block, or one `inside` entry)."""
        for key, values in self.when:
            value = _given(spec, options, key)
            option = spec.option(key)
            if value is None and option is not None and option.has_default:
                value = option.default
            if value is None or not _same_text(value, values):
                return False
        for key, prefixes in self.when_prefix:
            value = _given(spec, options, key)
            if not isinstance(value, str) or not value.startswith(prefixes):
                return False
        return all(_given(spec, options, key) is not None for key in self.when_set)

    def reason(self, spec: PluginSpec, options: Mapping[str, Any]) -> str:
        """Why the rule applies to these options: the condition with the prefix that matched."""
        parts = [f"{key} = {' or '.join(values)}" for key, values in self.when]
        for key, prefixes in self.when_prefix:
            value = str(_given(spec, options, key) or "")
            matched = [prefix for prefix in prefixes if value.startswith(prefix)]
            parts.append(f"{key} starts with {' or '.join(map(repr, matched or prefixes))}")
        parts += [f"{key} is set" for key in self.when_set]
        return " and ".join(parts)

    def condition(self) -> str:
        """`when` as the job file would spell it: `start.mode = CONSUME_FROM_TIMESTAMP`."""
        parts = [f"{key} = {' or '.join(values)}" for key, values in self.when]
        parts += [
            f"{key} starts with {' or '.join(map(repr, prefixes))}"
            for key, prefixes in self.when_prefix
        ]
        parts += [f"{key} is set" for key in self.when_set]
        return " and ".join(parts)


def _given(spec: PluginSpec, options: Mapping[str, Any], key: str) -> Any:
    """The value set for an option under any of its keys (fallback keys too), or None."""
    option = spec.option(key)
    keys = option.keys if option is not None else (key,)
    return next((options[k] for k in keys if options.get(k) is not None), None)


def _same_text(value: Any, values: tuple[str, ...]) -> bool:
    """SeaTunnel's case-insensitive name comparison (`true`, not Python's `True`)."""
    text = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return text.upper() in {v.upper() for v in values}


@record(frozen=True)
class PluginSpec:
    """A plugin's options and its `OptionRule`, flattened."""

    kind: Kind
    name: str
    artifact: str
    factory: str | None
    options: tuple[OptionSpec, ...]
    required: tuple[tuple[str, ...], ...] = ()
    exclusive: tuple[tuple[str, ...], ...] = ()
    bundled: tuple[tuple[str, ...], ...] = ()
    conditional: tuple[ConditionalRule, ...] = ()
    run_time: tuple[RunTimeRule, ...] = ()
    in_release_mapping: bool = True
    seatunnel_version: str = ""
    _by_key: dict[str, OptionSpec] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for option in self.options:
            for key in option.keys:
                self._by_key.setdefault(key, option)

    def option(self, key: str) -> OptionSpec | None:
        """The option a key (or fallback key) names."""
        return self._by_key.get(key)

    def owner(self, key: str) -> OptionSpec | None:
        """The option a key names, or the map option a `map.sub` key writes into."""
        found = self._by_key.get(key)
        if found is not None:
            return found
        for option in self.options:
            if option.is_prefix and key.startswith(option.key) and len(key) > len(option.key):
                return option
        head, dot, _ = key.rpartition(".")
        while dot:
            found = self._by_key.get(head)
            if found is not None and found.is_map:
                return found
            head, dot, _ = head.rpartition(".")
        return None

    @property
    def all_keys(self) -> tuple[str, ...]:
        """Every key this plugin accepts, fallback keys included."""
        return tuple(self._by_key)

    def rule_of(self, key: str) -> str:
        """How the rule treats an option: required, exclusive, bundled, conditional, ..."""
        option = self.option(key)
        canonical = option.key if option is not None else key
        labels = []
        if any(canonical in group for group in self.required):
            labels.append("required")
        if any(canonical in group for group in self.exclusive):
            labels.append("exclusive")
        if any(canonical in group for group in self.bundled):
            labels.append("bundled")
        for rule in self.conditional:
            if canonical in rule.required:
                values = "|".join(str(v) for v in rule.values)
                labels.append(f"required if {rule.option}={values}")
        for needed in self.run_time:
            if needed.inside is None and canonical in needed.one_of:
                others = ", ".join(k for k in needed.one_of if k != canonical)
                label = f"needed at run time (or {others})" if others else "needed at run time"
                labels.append(f"{label} if {needed.condition()}" if needed.conditional else label)
        if not labels:
            labels.append("optional" if option is None or option.in_rule else "read outside rule")
        return ", ".join(labels)


__all__ = ["KINDS", "ConditionalRule", "Kind", "OptionSpec", "PluginSpec", "RunTimeRule"]
