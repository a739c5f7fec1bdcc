"""JSON Schemas from the plugin models: one per plugin, and one for a whole `job.json`.

A plugin schema is the model's own schema (aliases as property names) plus what pydantic
cannot say: fallback keys, `map.sub` and `prefix.x` keys, the nested spelling of dotted keys,
the `OptionRule` (required, exclusive, bundled, conditional) with SeaTunnel's semantics
(a default satisfies "required"; a condition on an unset option compares its default), and
the options a connector needs at run time although its rule leaves them optional.
"""

from __future__ import annotations

from typing import Any

from stconfig.catalog.registry import env_options, lookup, plugin_names
from stconfig.catalog.spec import OptionSpec, PluginSpec, RunTimeRule
from stconfig.catalog.types import ecma_escape, ecma_letters, json_schema_of
from stconfig.catalog.versioned import catalog_version, spelled_option
from stconfig.versions import DEFAULT_TARGET, catalog_note, known

DIALECT = "https://json-schema.org/draft/2020-12/schema"
GENERATED = "Generated from the stconfig plugin models by scripts/gen_schemas.py. DO NOT EDIT."


def _present(option: OptionSpec | None, key: str) -> dict[str, Any]:
    keys = option.keys if option is not None else (key,)
    if len(keys) == 1:
        return {"required": [keys[0]]}
    return {"anyOf": [{"required": [k]} for k in keys]}


def _equals(option: OptionSpec | None, key: str, value: Any) -> dict[str, Any]:
    keys = option.keys if option is not None else (key,)
    if option is not None and option.type == "enum" and isinstance(value, str):
        test: dict[str, Any] = {"type": "string", "pattern": f"^{ecma_letters(value)}$"}
    elif isinstance(value, bool):
        test = {"enum": [value, str(value).lower(), str(value).upper(), str(value).title()]}
    elif isinstance(value, int | float):
        test = {"anyOf": [{"const": value}, {"const": str(value)}]}
    else:
        test = {"const": value}
    matches = [{"required": [k], "properties": {k: test}} for k in keys]
    if option is not None and option.has_default and option.default == value:
        matches.append({"not": _present(option, key)})
    return matches[0] if len(matches) == 1 else {"anyOf": matches}


def _defaulted(spec: PluginSpec, key: str) -> bool:
    option = spec.option(key)
    return option is not None and option.has_default


def rules_schema(spec: PluginSpec) -> list[dict[str, Any]]:
    """The OptionRule, and the options needed at run time, as JSON Schema assertions."""
    parts: list[dict[str, Any]] = []
    for group in spec.required:
        for key in group:
            if not _defaulted(spec, key):
                parts.append(_present(spec.option(key), key))
    for group in spec.exclusive:
        parts.append({"oneOf": [_present(spec.option(k), k) for k in group]})
    for group in spec.bundled:
        each = [_present(spec.option(k), k) for k in group]
        parts.append({"anyOf": [{"allOf": each}, {"not": {"anyOf": each}}]})
    for rule in spec.conditional:
        needed = [_present(spec.option(k), k) for k in rule.required if not _defaulted(spec, k)]
        if not needed:
            continue
        condition = spec.option(rule.option)
        tests = [_equals(condition, rule.option, v) for v in rule.values]
        parts.append(
            {
                "if": tests[0] if len(tests) == 1 else {"anyOf": tests},
                "then": {"allOf": needed},
            }
        )
    for run_time in spec.run_time:
        if run_time.inside is not None:
            entry: dict[str, Any] = {"anyOf": [{"required": [k]} for k in run_time.one_of]}
            if run_time.conditional:
                entry = {"if": _when(spec, run_time, inside=True), "then": entry}
            parts.append({"properties": {run_time.inside: {"items": entry}}})
        elif run_time.raw or not any(_defaulted(spec, k) for k in run_time.one_of):
            wanted: dict[str, Any] = {
                "anyOf": [_present(spec.option(k), k) for k in run_time.one_of]
            }
            if run_time.conditional:
                wanted = {"if": _when(spec, run_time, inside=False), "then": wanted}
            parts.append(wanted)
    return parts


def _when(spec: PluginSpec, rule: RunTimeRule, *, inside: bool) -> dict[str, Any]:
    """The rule's conditions as a JSON Schema test: each `when` option equals one of its values,
    ignoring case, or is unset with a default that does (inside a list entry, only the entry's
    key); each `when_prefix` option starts with a prefix; each `when_set` option is present."""
    tests = []
    for key, values in rule.when:
        option = spec.option(key)
        keys = (key,) if inside or option is None else option.keys
        pattern = "^(" + "|".join(ecma_letters(value) for value in values) + ")$"
        matches: list[dict[str, Any]] = [
            {"required": [k], "properties": {k: {"type": "string", "pattern": pattern}}}
            for k in keys
        ]
        default = option.default if option is not None and option.has_default else None
        if default is not None and str(default).upper() in {v.upper() for v in values}:
            matches.append({"not": {"anyOf": [{"required": [k]} for k in keys]}})
        tests.append(matches[0] if len(matches) == 1 else {"anyOf": matches})
    for key, prefixes in rule.when_prefix:
        option = spec.option(key)
        keys = (key,) if inside or option is None else option.keys
        pattern = "^(" + "|".join(ecma_escape(prefix) for prefix in prefixes) + ")"
        starts: list[dict[str, Any]] = [
            {"required": [k], "properties": {k: {"type": "string", "pattern": pattern}}}
            for k in keys
        ]
        tests.append(starts[0] if len(starts) == 1 else {"anyOf": starts})
    for key in rule.when_set:
        option = spec.option(key)
        keys = (key,) if inside or option is None else option.keys
        tests.append({"anyOf": [{"required": [k]} for k in keys]})
    return tests[0] if len(tests) == 1 else {"allOf": tests}


def plugin_schema(
    kind: str, name: str, *, version: str | None = None, target: str | None = None
) -> dict[str, Any]:
    """The JSON Schema of one plugin's options, keys spelled as SeaTunnel `target` spells
    them (default: `DEFAULT_TARGET`), from the catalog `version` (default: the target's)."""
    chosen = known(target) if target is not None else DEFAULT_TARGET
    model = lookup(kind, name, version=version or catalog_version(chosen))
    spec = model.spec
    schema: dict[str, Any] = model.model_json_schema(by_alias=True, mode="validation")
    properties: dict[str, Any] = schema.setdefault("properties", {})
    patterns: dict[str, Any] = {}
    for option in spec.options:
        current = properties.get(option.key, {})
        for old in option.fallback_keys:
            properties[old] = {**current, "deprecated": True}
        if option.is_prefix:
            properties.pop(option.key, None)
            patterns["^" + ecma_escape(option.key) + ".+$"] = {}
        elif option.is_map:
            patterns["^" + ecma_escape(option.key) + r"\..+$"] = {}
    for key in spec.all_keys:
        head, dot, _ = key.partition(".")
        while dot:
            if head not in properties and spec.option(head) is None:
                properties[head] = {"type": "object", "description": f"nested form of {key!r}"}
            rest = key[len(head) + 1 :]
            sub, dot, _ = rest.partition(".")
            head = f"{head}.{sub}"
    _respell(properties, spec, chosen)
    if patterns:
        schema["patternProperties"] = patterns
    schema.pop("required", None)
    rules = rules_schema(spec)
    if rules:
        schema["allOf"] = rules
    examples = getattr(model, "examples", None)
    if examples:
        schema["examples"] = [_respelled_example(spec, example, chosen) for example in examples]
    note = catalog_note(chosen)
    used = f"; options of the {spec.seatunnel_version} catalog: {note}" if note else ""
    title = f"{spec.name} {spec.kind} (SeaTunnel {chosen}{used})"
    body = {k: v for k, v in schema.items() if k != "title"}
    return {"$schema": DIALECT, "$comment": GENERATED, "title": title, **body}


def _respell(properties: dict[str, Any], spec: PluginSpec, target: str) -> None:
    """Rename the renamed keys to `target`'s spelling, in place and in order; keep only the
    aliases that version reads (marked deprecated)."""
    placed: dict[str, dict[str, Any]] = {}
    for option in spec.options:
        spelled = spelled_option(option, target)
        if spelled is option:
            continue
        value = {k: v for k, v in properties.get(option.key, {}).items() if k != "deprecated"}
        entries = {spelled.key: value}
        entries.update({alias: {**value, "deprecated": True} for alias in spelled.fallback_keys})
        for key in option.keys:
            placed[key] = entries
    if not placed:
        return
    rebuilt: dict[str, Any] = {}
    for key, value in properties.items():
        replacement = placed.get(key)
        if replacement is None:
            rebuilt[key] = value
        elif not any(name in rebuilt for name in replacement):
            rebuilt.update(replacement)
    properties.clear()
    properties.update(rebuilt)


def _respelled_example(spec: PluginSpec, example: dict[str, Any], target: str) -> dict[str, Any]:
    """An example's keys as `target` writes them (its table keys, in order)."""
    names: dict[str, str] = {}
    for option in spec.options:
        spelled = spelled_option(option, target)
        if spelled is not option:
            names.update({key: spelled.key for key in option.keys})
    return {names.get(key, key): value for key, value in example.items()}


def env_schema(*, version: str | None = None) -> dict[str, Any]:
    """The `env` block: known keys typed, other keys allowed (SeaTunnel 2.3.x ignores them)."""
    properties: dict[str, Any] = {}
    for option in env_options(version=version or catalog_version(DEFAULT_TARGET)):
        described = json_schema_of(option.type, option.enum, option.enum_case_sensitive)
        if option.has_default and option.default is not None:
            described = {**described, "default": option.default}
        properties[option.key] = described
    return {"type": "object", "properties": properties}


def _name_pattern(name: str) -> str:
    return f"^{ecma_letters(name)}$"


def _rebased(node: Any, prefix: str) -> Any:
    """`node` with its local `#/...` references moved under the JSON pointer `prefix`."""
    if isinstance(node, dict):
        return {
            k: prefix + v[1:]
            if k == "$ref" and isinstance(v, str) and v.startswith("#")
            else _rebased(v, prefix)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rebased(v, prefix) for v in node]
    return node


def job_schema(
    *,
    version: str | None = None,
    target: str | None = None,
    ref: str = "plugins/{kind}/{name}.schema.json",
    bundle: bool = False,
) -> dict[str, Any]:
    """The schema of a whole `job.json`: env, then plugin lists dispatched on `plugin_name`.

    For SeaTunnel `target` (default: `DEFAULT_TARGET`), from its catalog unless `version`
    names one. `bundle` puts every plugin schema under `$defs` (one self-contained file that
    editors and validators can use without the `plugins/` folder); otherwise `ref` points at
    separate files, which must be made for the same target.
    """
    chosen = known(target) if target is not None else DEFAULT_TARGET
    version = version or catalog_version(chosen)
    note = catalog_note(chosen)
    sections: dict[str, Any] = {}
    bundled: dict[str, Any] = {}
    for kind in ("source", "transform", "sink"):
        dispatch = []
        for _, n in plugin_names(kind, version=version):
            if bundle:
                name = f"{kind}.{n}"
                reference = f"#/$defs/{name}"
                plugin = plugin_schema(kind, n, version=version, target=chosen)
                body = {k: v for k, v in plugin.items() if k not in ("$schema", "$comment")}
                bundled[name] = _rebased(body, reference)
            else:
                reference = ref.format(kind=kind, name=n)
            dispatch.append(
                {
                    "if": {
                        "properties": {
                            "plugin_name": {"type": "string", "pattern": _name_pattern(n)}
                        },
                        "required": ["plugin_name"],
                    },
                    "then": {"$ref": reference},
                }
            )
        sections[kind] = {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["plugin_name"],
                "properties": {"plugin_name": {"type": "string", "minLength": 1}},
                "allOf": dispatch,
            },
        }
    sections["source"]["minItems"] = 1
    sections["sink"]["minItems"] = 1
    return {
        "$schema": DIALECT,
        "$comment": GENERATED,
        "title": f"SeaTunnel {chosen} job (job.json)",
        "description": "A plugin_name SeaTunnel knows (matched case-insensitively) is checked "
        "against that plugin's schema; other names (third-party plugins) are only required "
        "to be objects."
        + (f" Plugins and options of the {version} catalog: {note}." if note else ""),
        "type": "object",
        "required": ["env", "source", "sink"],
        "properties": {"env": env_schema(version=version), **sections},
        **({"$defs": bundled} if bundle else {}),
    }


__all__ = ["env_schema", "job_schema", "plugin_schema", "rules_schema"]
