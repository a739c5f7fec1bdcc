"""The checks the engine runs on a submitted job before it plans it, with the engine's messages.

The real engine refuses a job whose `job.mode` it cannot read, whose table wiring breaks the
complex-graph rules (`ConfigParserUtil.checkGraph`), whose plugin it cannot find, whose options
break their `OptionRule` (`ConfigValidator`), or whose connector fails to build (the run-time
requirements of the catalog). The fake refuses the same jobs with the same messages, so a
script tested against the fake meets the engine's answers (docs/engine-parity.md, lint parity).

Within one kind of check the order follows the engine: the graph first, then each source,
transform and sink in order (found, options valid, built). Two things are approximated: the
rule groups are checked in the order required, exclusive, bundled, conditional (SeaTunnel
keeps the order they were declared in), and of several unused tables the first one written is
named (SeaTunnel walks a hash map). A cycle that no source feeds hangs the real 2.3.8 engine;
the fake does not emulate that.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from stconfig.catalog.registry import canonical_name, plugin_spec
from stconfig.catalog.rules import check_rules, fold, present
from stconfig.catalog.spec import PluginSpec
from stconfig.testing.fake_cluster import FakeRefusal, bad_argument

KINDS = ("source", "transform", "sink")
JOB_MODES = ("BATCH", "STREAMING")
CATALOG_VERSION = "2.3.8"


def refusal(config: Mapping[str, Any], *, new_table_keys: bool) -> FakeRefusal | None:
    """The engine's refusal of this job, or None when the engine would accept it.

    `new_table_keys`: the engine reads `plugin_output` / `plugin_input` (2.3.9 and later),
    falling back to the old names, and names the new keys in its messages.
    """
    mode = config.get("env", {}).get("job.mode")
    if mode is not None and str(mode).upper() not in JOB_MODES:
        return bad_argument(
            f"Json parsing exception, value '{mode}', and expected type "
            "'org.apache.seatunnel.common.constants.JobMode'"
        )
    plugins = {kind: _plugins(config, kind) for kind in KINDS}
    if not plugins["source"] or not plugins["sink"]:
        return FakeRefusal(500, "Source And Sink can not be null")
    found = _graph_refusal(plugins, new_table_keys)
    if found is not None:
        return FakeRefusal(500, found)
    for kind in KINDS:
        for options in plugins[kind]:
            found = _plugin_refusal(kind, options)
            if found is not None:
                return FakeRefusal(500, found)
    return None


def _plugins(config: Mapping[str, Any], kind: str) -> list[dict[str, Any]]:
    section = config.get(kind) or []
    return [dict(item) for item in section if isinstance(item, Mapping)]


def _table_key(options: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if key in options:
            return options[key]
    return None


def _graph_refusal(plugins: dict[str, list[dict[str, Any]]], new_keys: bool) -> str | None:
    """`ConfigParserUtil.checkComplexGraph`; a simple graph (1 source, 1 sink, at most one
    transform) is only logged by the engine, never refused."""
    sources, transforms, sinks = plugins["source"], plugins["transform"], plugins["sink"]
    if len(sources) == 1 and len(sinks) == 1 and len(transforms) <= 1:
        return None
    output_keys = ("plugin_output", "result_table_name") if new_keys else ("result_table_name",)
    input_keys = ("plugin_input", "source_table_name") if new_keys else ("source_table_name",)
    output_name, input_name = output_keys[0], input_keys[0]
    for options in (*sources, *transforms):
        if _table_key(options, output_keys) is None:
            return (
                f"The source/transform({options.get('plugin_name')}) is not configured with "
                f"'{output_name}' option"
            )
    for options in (*transforms, *sinks):
        if _table_key(options, input_keys) is None:
            return (
                f"The transform/sink({options.get('plugin_name')}) is not configured with "
                f"'{input_name}' option"
            )
    producers: dict[str, dict[str, Any]] = {}
    for options in (*sources, *transforms):
        table = str(_table_key(options, output_keys))
        earlier = producers.get(table)
        if earlier is not None:
            return (
                f"The value of the '{output_name}' option of the ({options.get('plugin_name')} "
                f"and {earlier.get('plugin_name')}) plugins is both '{table}', and they must "
                "be different."
            )
        producers[table] = options
    read: set[str] = set()
    for options in (*transforms, *sinks):
        tables = _table_key(options, input_keys)
        names = tables if isinstance(tables, list) else [tables]
        for name in (str(n) for n in names):
            if name not in producers:
                return (
                    f"The '{input_name}' option configured in [{options.get('plugin_name')}] is "
                    f"incorrect, and the source/transform[{name}] is not found."
                )
            read.add(name)
    for table, options in producers.items():
        if table not in read:
            return (
                f"The '{input_name}' option configured is incorrect, this table({table}) "
                f"belonging to source/transform({options.get('plugin_name')}) is not used."
            )
    return None


def _plugin_refusal(kind: str, options: dict[str, Any]) -> str | None:
    """Plugin discovery, `ConfigValidator`, then the connector's own build."""
    name = str(options.get("plugin_name"))
    canonical = canonical_name(kind, name, version=CATALOG_VERSION)
    if canonical is None:
        return (
            f"Plugin PluginIdentifier{{engineType='seatunnel', pluginType='{kind}', "
            f"pluginName='{name}'}} not found."
        )
    spec = plugin_spec(kind, canonical, version=CATALOG_VERSION)
    folded, _ = fold(spec, options)
    invalid = _rule_message(spec, folded)
    if invalid is not None:
        return f"ErrorCode:[API-02], ErrorDescription:[Option item validate failed] - {invalid}"
    if any(problem.kind == "run_time" for problem in check_rules(spec, folded)):
        return (
            "ErrorCode:[API-06], ErrorDescription:[Factory initialize failed] - "
            f"Unable to create a {kind} for identifier '{canonical}'."
        )
    return None


def _keys(keys: list[str] | tuple[str, ...]) -> str:
    return ", ".join(f"'{key}'" for key in keys)


def _absent(spec: PluginSpec, options: Mapping[str, Any], group: tuple[str, ...]) -> list[str]:
    def defaulted(key: str) -> bool:
        option = spec.option(key)
        return option is not None and option.has_default

    return [k for k in group if not present(spec, options, k) and not defaulted(k)]


def _rule_message(spec: PluginSpec, options: Mapping[str, Any]) -> str | None:
    """The first `OptionValidationException` text `ConfigValidator` would throw."""
    for group in spec.required:
        absent = _absent(spec, options, group)
        if absent:
            return f"There are unconfigured options, the options({_keys(absent)}) are required."
    for group in spec.exclusive:
        set_keys = [k for k in group if present(spec, options, k)]
        if not set_keys:
            return (
                f"There are unconfigured options, these options({_keys(group)}) are mutually "
                'exclusive, allowing only one set("[] for a set") of options to be configured.'
            )
        if len(set_keys) > 1:
            return (
                f"These options({_keys(set_keys)}) are mutually exclusive, allowing only one "
                'set("[] for a set") of options to be configured.'
            )
    for group in spec.bundled:
        set_keys = [k for k in group if present(spec, options, k)]
        if set_keys and len(set_keys) < len(group):
            absent = [k for k in group if k not in set_keys]
            return (
                f"These options({_keys(group)}) are bundled, must be present or absent "
                f"together. The options present are: {_keys(set_keys)}. The options absent "
                f"are {_keys(absent)}."
            )
    missing = {p.key for p in check_rules(spec, options) if p.kind == "conditional"}
    for rule in spec.conditional:
        absent = [key for key in rule.required if key in missing]
        if absent:
            condition = " || ".join(f"'{rule.option}' == {value}" for value in rule.values)
            return (
                f"There are unconfigured options, the options({_keys(absent)}) are required "
                f"because [{condition}] is true."
            )
    return None


__all__ = ["refusal"]
