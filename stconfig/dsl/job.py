"""`Job`: a SeaTunnel job built in Python, as a `with` block or a plain object.

`build()` lowers the builders to the same `stconfig.model.Job` the reader produces, so the
emitters and the linter are shared. Wiring is checked with the engine's own graph rules
(`stconfig.model.graph`), and an error names the Python line that wired the plugin.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

from stconfig.dsl import _context
from stconfig.dsl._location import Location, caller
from stconfig.dsl._plain_env import ENV_KEYS, RESTORE_KEYS, Mode, plain_env
from stconfig.dsl._positions import PythonFiles, spread
from stconfig.dsl._values import to_node
from stconfig.dsl.errors import DslError, WiringError
from stconfig.dsl.plugins import INPUT_KEYS, OUTPUT_KEYS, Wired
from stconfig.dsl.variables import Secret, Var
from stconfig.model import job as model
from stconfig.model.graph import GraphNode, TableGraph, build_graph
from stconfig.model.values import ListNode, Node, ObjectNode, Scalar
from stconfig.source import SourceFile
from stconfig.variables import apply_placeholder_pass, check_names
from stconfig.versions import DEFAULT_TARGET, KEY_CHANGES, env_options, has, known, table_keys

if TYPE_CHECKING:
    from stconfig.dsl.env import Env
    from stconfig.lint.diagnostic import Diagnostic
    from stconfig.lint.settings import LintSettings

TableKeys = Literal["plugin_output", "result_table_name"]


class Job:
    """A SeaTunnel job: env options as keywords, plugins created inside `with job:`.

    Keywords (SeaTunnel 2.3.8 env keys, validated strictly when the job is created):
        name: `job.name`.
        mode: `job.mode`, "BATCH" (the engine's default) or "STREAMING".
        parallelism: `parallelism`, of the sources (transforms and sinks follow them).
        checkpoint_interval: `checkpoint.interval` in ms; unset in BATCH = no checkpoints.
        checkpoint_timeout: `checkpoint.timeout` in ms.
        read_limit_rows_per_second / read_limit_bytes_per_second: `read_limit.*`, per
            source task.
        savemode_execute_location: `savemode.execute.location`, "CLUSTER" or "CLIENT".
        jars: `jars`, `;`-separated `file:///...jar` URIs.
        custom_parameters: `custom_parameters`, passed to the engine.
        tag_filter: `tag_filter`, run only on workers with these tags.
        retry_times / retry_interval_seconds: `job.retry.times` /
            `job.retry.interval.seconds` (Zeta).
        shade_identifier: `shade.identifier`, how encrypted options are decoded.
        env: any other env key, written as given.
        target_version: the SeaTunnel version the job is for (a version of
            `stconfig.versions`, such as "2.3.8", "2.3.9-SNAPSHOT" or "2.3.12"). It picks
            the table keys written: `result_table_name` / `source_table_name` up to
            2.3.9-SNAPSHOT, `plugin_output` / `plugin_input` from 2.3.9. Unset: the version
            `stconfig build` is given (--target-version, [tool.stconfig]), else 2.3.8.
        table_keys: force a spelling: "result_table_name" (every version reads it) or
            "plugin_output" (only for a target of 2.3.9 or later).
        empty_transform: write an empty `transform` section (as `transform {}` does).
        check_wiring: False keeps wiring the engine would reject, to reproduce such a file
            as it is (`stconfig import` uses it); `stconfig lint` still reports it.
    """

    def __init__(
        self,
        name: str | Var | None = None,
        *,
        mode: Mode | Var | None = None,
        parallelism: int | Var | None = None,
        checkpoint_interval: int | Var | None = None,
        checkpoint_timeout: int | Var | None = None,
        read_limit_rows_per_second: int | Var | None = None,
        read_limit_bytes_per_second: int | Var | None = None,
        savemode_execute_location: Literal["CLUSTER", "CLIENT"] | None = None,
        jars: str | None = None,
        custom_parameters: Mapping[str, Any] | None = None,
        tag_filter: Mapping[str, str] | None = None,
        retry_times: int | Var | None = None,
        retry_interval_seconds: int | Var | None = None,
        shade_identifier: str | None = None,
        env: Mapping[str, object] | None = None,
        target_version: str | None = None,
        table_keys: TableKeys | None = None,
        empty_transform: bool = False,
        check_wiring: bool = True,
    ) -> None:
        self.location: Location | None = caller()
        self._env_values: dict[str, object] = {
            "name": name,
            "mode": mode,
            "parallelism": parallelism,
            "checkpoint_interval": checkpoint_interval,
            "checkpoint_timeout": checkpoint_timeout,
            "read_limit_rows_per_second": read_limit_rows_per_second,
            "read_limit_bytes_per_second": read_limit_bytes_per_second,
            "savemode_execute_location": savemode_execute_location,
            "jars": jars,
            "custom_parameters": None if custom_parameters is None else dict(custom_parameters),
            "tag_filter": None if tag_filter is None else dict(tag_filter),
            "retry_times": retry_times,
            "retry_interval_seconds": retry_interval_seconds,
            "shade_identifier": shade_identifier,
        }
        typed = plain_env(self._env_values)
        self._env: Env | None = None
        if typed is None:
            typed = self.env.flat()
        self._typed_env = typed
        """The typed env options under their SeaTunnel keys, in `Env` order."""
        self.extra_env: dict[str, object] = dict(env or {})
        for key in self.extra_env:
            if key in typed:
                raise DslError(
                    f"env key {key!r} is also set by {ENV_KEYS[key]}=; set it once",
                    self.location,
                )
            if key in RESTORE_KEYS:
                raise DslError(
                    f"env {key!r} is not a SeaTunnel option (the engine ignores it and starts "
                    "a fresh job); restore with stconfig.dsl.Restore(job, job_id=...)",
                    self.location,
                )
        if table_keys not in (None, "plugin_output", "result_table_name"):
            raise DslError(
                f"table_keys must be 'plugin_output' or 'result_table_name', not {table_keys!r}",
                self.location,
            )
        try:
            self.target_version: str | None = (
                None if target_version is None else known(target_version)
            )
        except ValueError as error:
            raise DslError(str(error), self.location) from None
        self.table_keys: TableKeys | None = table_keys
        if target_version is not None:
            self._keys_for(self.target_version or DEFAULT_TARGET)
        self.empty_transform = empty_transform
        self.check_wiring = check_wiring
        self.plugins: list[Wired] = []

    @property
    def env(self) -> Env:
        """The typed env options as the `Env` model, made on first use (pydantic is imported
        only for it, or for values `plain_env` leaves to it)."""
        if self._env is None:
            from stconfig.dsl.env import Env

            self._env = Env.model_validate(self._env_values)
        return self._env

    @property
    def name(self) -> str | None:
        value = self._typed_env.get("job.name")
        if isinstance(value, Var):
            return value.placeholder
        return value if isinstance(value, str) else None

    # building ------------------------------------------------------------------------------

    def __enter__(self) -> Job:
        _context.enter(self)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        _context.leave(self)

    def add(self, *plugins: Wired) -> Job:
        """Add plugins created outside a `with` block (the plain-object style)."""
        for plugin in plugins:
            if plugin._st_job is not None and plugin._st_job is not self:
                raise DslError(f"{plugin._st_name()} already belongs to another job", caller())
            plugin._st_job = self
            if not any(existing is plugin for existing in self.plugins):
                self.plugins.append(plugin)
        return self

    def _section(self, kind: model.Kind) -> list[Wired]:
        return [plugin for plugin in self.plugins if plugin._st_kind == kind]

    def version(self, target_version: str | None = None) -> str:
        """The version this job is built for: its own `target_version=`, else the one given
        (by `stconfig build` from --target-version or [tool.stconfig]), else the default."""
        return self.target_version or (
            known(target_version) if target_version is not None else DEFAULT_TARGET
        )

    def resolve_version(self, chosen: str | None, *, strict: bool = False) -> str:
        """The version to build for when a command chose `chosen`.

        The job's own `target_version=` is more specific than `[tool.stconfig]` or the
        default, so it wins over them; a different version asked for explicitly (`strict`:
        --target-version, or `target_version=` in Python) is an error, not a silent pick.
        """
        if self.target_version is None or chosen is None:
            return self.version(chosen)
        if strict and known(chosen) != self.target_version:
            raise DslError(
                f"this job is for SeaTunnel {self.target_version} (its target_version=), "
                f"but {chosen} was asked for (--target-version or target_version=)",
                self.location,
            )
        return self.target_version

    def _check_env_for(self, version: str) -> None:
        """Refuse typed env keywords the version does not have (it would ignore them)."""
        newer = set(self._typed_env) - set(env_options(version)) - {"shade.identifier"}
        for change in KEY_CHANGES:
            if change.section == "env" and change.key in newer:
                raise DslError(
                    f"{ENV_KEYS[change.key]}= sets env {change.key!r}, which exists from "
                    f"SeaTunnel {change.since} on; {version} ignores it",
                    self.location,
                )

    def _keys_for(self, version: str) -> tuple[str, str]:
        """The output and input table keys a job for `version` writes."""
        if self.table_keys is None:
            return table_keys(version)
        if self.table_keys == "plugin_output" and not has(version, "plugin_output_keys"):
            raise DslError(
                f"table_keys='plugin_output' is for SeaTunnel 2.3.9 and later; {version} "
                "reads only result_table_name / source_table_name",
                self.location,
            )
        if self.table_keys == "plugin_output":
            return "plugin_output", "plugin_input"
        return "result_table_name", "source_table_name"

    def build(
        self, variables: Mapping[str, str] | None = None, *, target_version: str | None = None
    ) -> model.Job:
        """The job model, wiring checked, with the table keys of its version: its own
        `target_version=`, else `target_version` here, else the default (a `target_version`
        here that differs from the job's own is an error).

        With `variables` (even empty), quoted placeholders are filled as SeaTunnel's `-i`
        fills them when it loads a file: a value, else the default, else left as written.
        """
        version = self.resolve_version(target_version, strict=True)
        keys = self._keys_for(version)
        self._check_env_for(version)
        ordered = [*self._section("source"), *self._section("transform"), *self._section("sink")]
        self._check_members(ordered)
        names = self._table_names(ordered)
        nodes = {id(plugin): self._plugin_node(plugin, names, keys) for plugin in ordered}
        env = to_node({**self._typed_env, **self.extra_env}, "env")
        assert isinstance(env, ObjectNode)
        root = ObjectNode()
        root.set("env", env)
        for kind in model.KINDS:
            section: list[Node] = [nodes[id(plugin)] for plugin in self._section(kind)]
            if section or kind != "transform" or self.empty_transform:
                root.set(kind, ListNode(section))
        built = model.Job(root, source_file=self._place(ordered, nodes, env))
        if self.check_wiring:
            self._check_graph(built)
        if variables is not None:
            check_names(variables)
            return model.Job(apply_placeholder_pass(root, variables), built.source_file)
        return built

    def _place(
        self, ordered: list[Wired], nodes: dict[int, ObjectNode], env: ObjectNode
    ) -> SourceFile | None:
        """Put the built nodes on the Python lines that made them; the job's file."""
        files = PythonFiles()
        for plugin in ordered:
            node = nodes[id(plugin)]
            if plugin._inputs:
                wire = files.span(plugin._inputs[-1][1])
                for key in INPUT_KEYS:
                    member = node.member(key)
                    if member is not None and wire is not None:
                        member.key_span = wire
                        spread(member.value, wire)
            spread(node, files.span(plugin._st_location))
        spread(env, files.span(self.location))
        return files.source(self.location.path) if self.location is not None else None

    def _check_members(self, ordered: list[Wired]) -> None:
        members = {id(plugin) for plugin in ordered}
        for plugin in ordered:
            for upstream, location, _ in plugin._inputs:
                if isinstance(upstream, Wired) and id(upstream) not in members:
                    raise WiringError(
                        f"{plugin._st_name()} reads {upstream._st_name()}, which is not part of "
                        "this job (create it inside `with Job(...)` or add it with job.add())",
                        location,
                    )

    def _table_names(self, ordered: list[Wired]) -> dict[int, str]:
        """Each producer's table name: the user's, or a readable generated one if it is read."""
        taken: set[str] = set()
        names: dict[int, str] = {}
        for plugin in ordered:
            given = plugin._st_output()
            if given is None:
                given = next(
                    (
                        str(plugin._st_options()[k])
                        for k in OUTPUT_KEYS
                        if k in plugin._st_options()
                    ),
                    None,
                )
            if given is not None:
                names[id(plugin)] = given
                taken.add(given)
        read = {
            id(upstream)
            for plugin in ordered
            for upstream in plugin._st_inputs()
            if isinstance(upstream, Wired)
        }
        for plugin in ordered:
            if id(plugin) in read and id(plugin) not in names:
                base = _snake(plugin._st_name()) or plugin._st_kind
                candidate, counter = base, 1
                while candidate in taken:
                    counter += 1
                    candidate = f"{base}_{counter}"
                names[id(plugin)] = candidate
                taken.add(candidate)
        return names

    def _plugin_node(
        self, plugin: Wired, names: dict[int, str], keys: tuple[str, str]
    ) -> ObjectNode:
        output_key, input_key = keys
        node = ObjectNode()
        node.set("plugin_name", Scalar(plugin._st_name()))
        if plugin._inputs:
            tables = [
                names[id(upstream)] if isinstance(upstream, Wired) else upstream
                for upstream in plugin._st_inputs()
            ]
            value: Node = (
                ListNode([Scalar(t) for t in tables])
                if plugin._input_as_list or len(tables) > 1
                else Scalar(tables[0])
            )
            node.set(input_key, value)
        if plugin._st_output() is not None or (
            id(plugin) in names and not any(k in plugin._st_options() for k in OUTPUT_KEYS)
        ):
            node.set(output_key, Scalar(names[id(plugin)]))
        where = f"{plugin._st_kind} {plugin._st_name()}"
        for key, option in plugin._st_options().items():
            if key == "plugin_name":
                raise DslError(
                    f"{where}: set the plugin name as the first argument, "
                    "not options['plugin_name']",
                    plugin._st_location,
                )
            node.set(key, to_node(option, f"{where} option {key!r}"))
        return node

    def _check_graph(self, built: model.Job) -> None:
        graph = build_graph(built)
        sections = {kind: self._section(kind) for kind in model.KINDS}

        def builder(node: GraphNode) -> Wired:
            return sections[node.plugin.kind][node.plugin.index]

        def where(node: GraphNode, table: str | None = None) -> Location | None:
            plugin = builder(node)
            for upstream, location, _ in plugin._inputs:
                if isinstance(upstream, str) and upstream == table:
                    return location
            return plugin._inputs[-1][1] if plugin._inputs else plugin._st_location

        def closing(group: list[GraphNode]) -> Location | None:
            """The last wire written between members of a cycle: the one that closed it."""
            members = [builder(node) for node in group]
            wires = [
                (sequence, location)
                for plugin in members
                for upstream, location, sequence in plugin._inputs
                if any(upstream is member for member in members)
            ]
            return max(wires, key=lambda wire: wire[0])[1] if wires else members[0]._st_location

        _check_graph_rules(graph, builder, where, closing, self.location)

    # output ------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The job as plain data (the REST v2 `/submit-job` body), typed like `json.loads`'s
        result so that `job.to_dict()["source"][0]` reads without casts."""
        return dict(self.build().to_dict())

    def to_json(self, *, indent: int | None = 2) -> str:
        from stconfig.emit.json import emit_json

        return emit_json(self.build(), indent=indent)

    def to_hocon(self) -> str:
        from stconfig.emit.hocon import emit_hocon

        return emit_hocon(self.build())

    def secrets(self) -> list[str]:
        """The environment variables the job's `Secret`s name, in order of first use."""
        found: dict[str, None] = {}
        values: list[object] = [*self.extra_env.values()]
        values.extend(plugin._st_given() for plugin in self.plugins)
        while values:
            value = values.pop(0)
            if isinstance(value, Secret):
                found.setdefault(value.env_var)
            elif isinstance(value, Mapping):
                values[:0] = list(value.values())
            elif isinstance(value, list | tuple):
                values[:0] = list(value)
        return list(found)

    def lint(self, **settings: Any) -> list[Diagnostic]:
        """The linter's findings for the built job (`stconfig.lint` settings accepted).

        Secrets count as given (they are supplied at submit time), so their placeholders
        are not reported as unset; other variables are, unless `variables=` gives them.
        The job is built and checked for one version: its own `target_version=`, else the
        one given here, else the default (2.3.8); giving one that differs from its own is an
        error. Findings point at the lines of the Python file that
        made each plugin.
        """
        from stconfig.lint import lint

        given = {name: f"<secret {name}>" for name in self.secrets()}
        given.update(settings.pop("variables", None) or {})
        given = settings.pop("target_version", None)
        version = self.resolve_version(given, strict=given is not None)
        return lint(
            self.build(target_version=version),
            variables=given,
            target_version=version,
            **settings,
        )

    def lint_with(self, settings: LintSettings) -> list[Diagnostic]:
        """`lint` with settings already made (as `stconfig lint` makes them from its flags)."""
        from stconfig.lint.engine import lint_job

        given = {name: f"<secret {name}>" for name in self.secrets()}
        given.update(settings.variables)
        strict = settings.version_source in ("--target-version", "target_version=")
        version = self.resolve_version(settings.target_version, strict=strict)
        if version != settings.target_version:
            settings = replace(settings, target_version=version, version_source="target_version=")
        built = self.build(target_version=settings.target_version)
        return lint_job(built, replace(settings, variables=given))

    def __iter__(self) -> Iterator[Wired]:
        return iter(self.plugins)

    def __repr__(self) -> str:
        return f"Job({self.name!r}, {len(self.plugins)} plugins)"


def _check_graph_rules(
    graph: TableGraph,
    builder: Callable[[GraphNode], Wired],
    where: Callable[..., Location | None],
    closing: Callable[[list[GraphNode]], Location | None],
    job_location: Location | None,
) -> None:
    """Raise for the first wiring problem the engine would reject (or silently mis-wire)."""
    if not graph.complete:
        raise WiringError("a job needs at least one source and one sink", job_location)

    def label(node: GraphNode) -> str:
        plugin = builder(node)
        return (
            f"{plugin._st_name()} ({plugin._st_location})"
            if plugin._st_location
            else plugin._st_name()
        )

    for node, earlier, ref in graph.duplicates:
        raise WiringError(
            f"table {ref.name!r} is produced twice, by {label(earlier)} and "
            f"{builder(node)._st_name()}",
            builder(node)._st_location,
        )
    for node, ref in graph.dangling:
        raise WiringError(
            f"{builder(node)._st_name()} reads table {ref.name!r}, which no source or "
            "transform produces",
            where(node, ref.name),
        )
    for group in graph.cycles:
        path = " -> ".join(
            f"{builder(n)._st_name()} ({n.output_name!r})" for n in [*group, group[0]]
        )
        raise WiringError(f"transforms read each other in a cycle: {path}", closing(group))
    wired = any(builder(n)._inputs or n.inputs for n in graph.nodes)
    if graph.strict or wired:
        for node in graph.nodes:
            if node.kind != "source" and not node.inputs:
                raise WiringError(
                    f"{node.kind} {builder(node)._st_name()} has no input: wire it with `>>` "
                    "or plugin_input=",
                    builder(node)._st_location,
                )
    if graph.strict:
        for node in graph.nodes:
            if node.kind != "sink" and node.output is None:
                raise WiringError(
                    f"{node.kind} {builder(node)._st_name()} feeds nothing; in a job with several "
                    "sources, transforms or sinks every table must be read",
                    builder(node)._st_location,
                )
        for node in graph.unused:
            raise WiringError(
                f"table {node.output_name!r} of {builder(node)._st_name()} is never read",
                builder(node)._st_location,
            )
    for node, ref in graph.dropped:
        raise WiringError(
            f"{builder(node)._st_name()} reads {ref.name!r} from a transform listed after it; "
            "SeaTunnel drops that input: create the producer first",
            where(node, ref.name),
        )


def _snake(name: str) -> str:
    """`FakeSource` -> `fake_source`, `MySQL-CDC` -> `my_sql_cdc`: readable table names."""
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text)
    return re.sub(r"[^0-9a-z]+", "_", text.lower()).strip("_")


__all__ = ["Job", "TableKeys"]
