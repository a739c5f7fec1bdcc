"""The checks the engine runs on a submitted job before it plans it, with the engine's messages.

The real engine refuses a job whose `job.mode` it cannot read, whose table wiring breaks the
complex-graph rules (`ConfigParserUtil.checkGraph`), whose plugin it cannot find, whose options
break their `OptionRule` (`ConfigValidator`), or whose connector fails to build (the run-time
requirements of the catalog). The fake refuses the same jobs with the same messages, so a
script tested against the fake meets the engine's answers (docs/engine-parity.md, lint parity).

Within one kind of check the order follows the engine: the graph first, then each source,
transform and sink in order (found, options valid, built; a transform or sink fed tables of
different row types, `checkProducedTypeEquals`, before it is built; a Sql join when the Sql
transform is built). Two things are approximated: the
rule groups are checked in the order required, exclusive, bundled, conditional (SeaTunnel
keeps the order they were declared in), and of several unused tables the first one written is
named (SeaTunnel walks a hash map). A cycle that no source feeds hangs the real 2.3.8 engine;
the fake does not emulate that.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from stconfig.catalog.problems import OptionProblem
from stconfig.catalog.registry import canonical_name, plugin_spec
from stconfig.catalog.rules import check_rules, fold, present, satisfied
from stconfig.catalog.spec import PluginSpec
from stconfig.lint.rules.st214_sql_join import join_refusal
from stconfig.lint.versions import RENAME_VERSION, parse_version, table_keys
from stconfig.model.graph import TableGraph, build_graph
from stconfig.model.job import Job, Plugin
from stconfig.model.row_types import MESSAGE as ROW_TYPES_DIFFER
from stconfig.model.row_types import mixed_inputs
from stconfig.model.values import ObjectNode, Scalar, from_python
from stconfig.testing.fake_cluster import FakeRefusal, bad_argument

JOB_MODES = ("BATCH", "STREAMING")
UNSUPPORTED_OPERATION = "ErrorCode:[COMMON-05], ErrorDescription:[Unsupported operation]"
CATALOG_VERSION = "2.3.8"


def refusal(config: Mapping[str, Any], *, new_table_keys: bool) -> FakeRefusal | None:
    """The engine's refusal of this job, or None when the engine would accept it.

    `new_table_keys`: the engine reads `plugin_output` / `plugin_input` (2.3.9 and later),
    falling back to the old names, and names the new keys in its messages.
    """
    root = from_python(dict(config))
    assert isinstance(root, ObjectNode)
    job = Job(root)
    env = config.get("env", {})
    mode = env.get("job.mode") if isinstance(env, Mapping) else None
    if mode is not None and str(mode).upper() not in JOB_MODES:
        return bad_argument(
            f"Json parsing exception, value '{mode}', and expected type "
            "'org.apache.seatunnel.common.constants.JobMode'"
        )
    keys = table_keys(RENAME_VERSION if new_table_keys else parse_version(CATALOG_VERSION))
    graph = build_graph(job, *keys)
    if not graph.complete:
        return FakeRefusal(500, "Source And Sink can not be null")
    found = _graph_refusal(graph, keys[0][0], keys[1][0])
    if found is not None:
        return FakeRefusal(500, found)
    mixed = {(m.consumer.kind, m.consumer.plugin.index) for m in mixed_inputs(graph)}
    for plugin in job.plugins:
        if (plugin.kind, plugin.index) in mixed:
            return FakeRefusal(500, ROW_TYPES_DIFFER)
        found = _plugin_refusal(plugin) or _sql_refusal(plugin)
        if found is not None:
            return FakeRefusal(500, found)
    return None


def _sql_refusal(plugin: Plugin) -> str | None:
    """`ZetaSQLEngine.validateSQL`, run when the Sql transform is built: no join."""
    query = plugin.node.get("query")
    if plugin.kind != "transform" or (plugin.name or "").lower() != "sql":
        return None
    if not isinstance(query, Scalar) or not isinstance(query.value, str):
        return None
    found = join_refusal(query.value)
    return None if found is None else f"{UNSUPPORTED_OPERATION} - {found}"


def _graph_refusal(graph: TableGraph, output_key: str, input_key: str) -> str | None:
    """`ConfigParserUtil.checkComplexGraph`, phase by phase; a simple graph (1 source, 1 sink,
    at most one transform) is only logged by the engine, never refused."""
    if graph.simple:
        return None
    for node in graph.sources + graph.transforms:
        if node.output is None:
            return (
                f"The source/transform({node.plugin.name}) is not configured with "
                f"'{output_key}' option"
            )
    for node in graph.transforms + graph.sinks:
        if node.input_member is None:
            return (
                f"The transform/sink({node.plugin.name}) is not configured with "
                f"'{input_key}' option"
            )
    for node, earlier, table in graph.duplicates:
        return (
            f"The value of the '{output_key}' option of the ({node.plugin.name} and "
            f"{earlier.plugin.name}) plugins is both '{table.name}', and they must be different."
        )
    for node, table in graph.dangling:
        return (
            f"The '{input_key}' option configured in [{node.plugin.name}] is incorrect, and the "
            f"source/transform[{table.name}] is not found."
        )
    for node in graph.unused:
        return (
            f"The '{input_key}' option configured is incorrect, this table({node.output_name}) "
            f"belonging to source/transform({node.plugin.name}) is not used."
        )
    return None


def _plugin_refusal(plugin: Plugin) -> str | None:
    """Plugin discovery, `ConfigValidator`, then the connector's own build."""
    name = str(plugin.name)
    canonical = canonical_name(plugin.kind, name, version=CATALOG_VERSION)
    if canonical is None:
        return (
            f"Plugin PluginIdentifier{{engineType='seatunnel', pluginType='{plugin.kind}', "
            f"pluginName='{name}'}} not found."
        )
    spec = plugin_spec(plugin.kind, canonical, version=CATALOG_VERSION)
    options = plugin.node.to_python()
    assert isinstance(options, dict)
    folded, _ = fold(spec, options)
    problems = check_rules(spec, folded)
    invalid = _rule_message(spec, folded, problems)
    if invalid is not None:
        return f"ErrorCode:[API-02], ErrorDescription:[Option item validate failed] - {invalid}"
    if any(problem.kind == "run_time" for problem in problems):
        return (
            "ErrorCode:[API-06], ErrorDescription:[Factory initialize failed] - "
            f"Unable to create a {plugin.kind} for identifier '{canonical}'."
        )
    return None


def _keys(keys: list[str] | tuple[str, ...]) -> str:
    return ", ".join(f"'{key}'" for key in keys)


def _rule_message(
    spec: PluginSpec, options: Mapping[str, Any], problems: list[OptionProblem]
) -> str | None:
    """The first `OptionValidationException` text `ConfigValidator` would throw."""
    for group in spec.required:
        absent = [key for key in group if not satisfied(spec, options, key)]
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
    missing = {p.key for p in problems if p.kind == "conditional"}
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
