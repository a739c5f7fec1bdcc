"""The table graph of a job: which plugin produces and which consumes each table name.

It follows Zeta's own rules (SeaTunnel 2.3.x `ConfigParserUtil` and
`MultipleTableJobConfigParser`): a plugin's output is its output key or the default
identifier, its inputs are its input key (a list, a string, a comma-joined string or a
JSON-array string) or the default identifier; a "simple" job (1 source, at most 1
transform, 1 sink) is wired implicitly; transforms are built from a queue in list order,
so an input produced by a later transform is dropped and a cycle never finishes.
"""

from __future__ import annotations

import itertools
import json

from stconfig._records import field, record
from stconfig.model.job import Job, Plugin
from stconfig.model.values import ListNode, Member, Scalar
from stconfig.source import Span

DEFAULT_ID = "default-identifier"

NEW_KEYS = ("plugin_output", "plugin_input")
OLD_KEYS = ("result_table_name", "source_table_name")


@record(frozen=True, compiled_init=True)
class TableRef:
    """A table name as written, with the span of the value that holds it."""

    name: str
    span: Span | None


@record(eq=False, compiled_init=True)
class GraphNode:
    """One plugin with its resolved output and input names."""

    plugin: Plugin
    output: TableRef | None
    output_member: Member | None
    inputs: list[TableRef]
    input_member: Member | None

    @property
    def kind(self) -> str:
        return self.plugin.kind

    @property
    def label(self) -> str:
        """`source[0] FakeSource`: unique and readable in messages and drawings."""
        return f"{self.plugin.kind}[{self.plugin.index}] {self.plugin.name or '?'}"

    @property
    def output_name(self) -> str:
        return self.output.name if self.output is not None else DEFAULT_ID

    @property
    def input_names(self) -> list[str]:
        return [ref.name for ref in self.inputs] or [DEFAULT_ID]

    @property
    def span(self) -> Span | None:
        member = self.plugin.name_member
        if member is not None and member.key_span is not None:
            return member.key_span
        return self.plugin.span


@record(frozen=True, compiled_init=True)
class Edge:
    producer: GraphNode
    consumer: GraphNode
    table: str


@record(eq=False, compiled_init=True)
class TableGraph:
    """The wiring of one job, with every problem the engine would hit already worked out."""

    nodes: list[GraphNode]
    simple: bool
    edges: list[Edge] = field(default_factory=list)
    producers: dict[str, GraphNode] = field(default_factory=dict)
    duplicates: list[tuple[GraphNode, GraphNode, TableRef]] = field(default_factory=list)
    dangling: list[tuple[GraphNode, TableRef]] = field(default_factory=list)
    unused: list[GraphNode] = field(default_factory=list)
    cycles: list[list[GraphNode]] = field(default_factory=list)
    dropped: list[tuple[GraphNode, TableRef]] = field(default_factory=list)

    @property
    def sources(self) -> list[GraphNode]:
        return [n for n in self.nodes if n.kind == "source"]

    @property
    def transforms(self) -> list[GraphNode]:
        return [n for n in self.nodes if n.kind == "transform"]

    @property
    def sinks(self) -> list[GraphNode]:
        return [n for n in self.nodes if n.kind == "sink"]

    @property
    def complete(self) -> bool:
        """At least one source and one sink: otherwise the engine fails before wiring."""
        return any(n.kind == "source" for n in self.nodes) and any(
            n.kind == "sink" for n in self.nodes
        )

    @property
    def strict(self) -> bool:
        """The engine's complex-graph checks apply (names required, mismatches rejected)."""
        return self.complete and not self.simple

    def output_names(self) -> list[str]:
        return [n.output.name for n in self.nodes if n.output is not None and n.kind != "sink"]


def read_member(plugin: Plugin, keys: tuple[str, ...]) -> Member | None:
    """The first of `keys` the plugin sets: the engine's key-then-fallback lookup."""
    for key in keys:
        member = plugin.node.member(key)
        if member is not None:
            return member
    return None


def output_ref(member: Member | None) -> TableRef | None:
    if member is None:
        return None
    value = member.value
    if isinstance(value, Scalar) and value.value is not None:
        text = value.value if isinstance(value.value, str) else json.dumps(value.value)
        return TableRef(text, value.span)
    return TableRef(json.dumps(value.to_python()), value.span)


def input_refs(member: Member | None) -> list[TableRef]:
    """Normalise an input value to names, as SeaTunnel's list conversion does."""
    if member is None:
        return []
    value = member.value
    if isinstance(value, ListNode):
        return [
            TableRef(
                str(item.value) if isinstance(item, Scalar) else json.dumps(item.to_python()),
                item.span,
            )
            for item in value.items
        ]
    if isinstance(value, Scalar) and value.value is not None:
        text = value.value if isinstance(value.value, str) else json.dumps(value.value)
        stripped = text.strip()
        if stripped.startswith("["):
            try:
                parsed = json.loads(stripped)
            except ValueError:
                parsed = None
            if isinstance(parsed, list):
                return [TableRef(str(item), value.span) for item in parsed]
        return [TableRef(part.strip(), value.span) for part in text.split(",")]
    return []


def build_graph(
    job: Job,
    output_keys: tuple[str, ...] = ("plugin_output", "result_table_name"),
    input_keys: tuple[str, ...] = ("plugin_input", "source_table_name"),
) -> TableGraph:
    """The table graph of a job, reading names through the given keys (version dependent)."""
    nodes: list[GraphNode] = []
    for plugin in job.plugins:
        out_member = read_member(plugin, output_keys) if plugin.kind != "sink" else None
        in_member = read_member(plugin, input_keys) if plugin.kind != "source" else None
        nodes.append(
            GraphNode(plugin, output_ref(out_member), out_member, input_refs(in_member), in_member)
        )
    sources = [n for n in nodes if n.kind == "source"]
    transforms = [n for n in nodes if n.kind == "transform"]
    sinks = [n for n in nodes if n.kind == "sink"]
    simple = len(sources) == 1 and len(transforms) <= 1 and len(sinks) == 1
    graph = TableGraph(nodes, simple)

    for node in sources + transforms:
        if node.output is None:
            continue
        earlier = graph.producers.get(node.output.name)
        if earlier is None:
            graph.producers[node.output.name] = node
        else:
            graph.duplicates.append((node, earlier, node.output))

    consumed: set[str] = set()
    for node in transforms + sinks:
        for ref in node.inputs:
            producer = graph.producers.get(ref.name)
            if producer is None:
                graph.dangling.append((node, ref))
            else:
                consumed.add(ref.name)
                graph.edges.append(Edge(producer, node, ref.name))
    if simple:
        _implicit_edges(graph, sources + transforms + sinks)
    graph.unused = [
        n
        for n in sources + transforms
        if n.output is not None
        and n.output.name not in consumed
        and graph.producers.get(n.output.name) is n
    ]
    graph.cycles = _cycles(transforms, graph)
    graph.dropped = _dropped_inputs(sources, transforms, graph)
    return graph


def _implicit_edges(graph: TableGraph, chain: list[GraphNode]) -> None:
    """Simple graphs: a plugin whose inputs are not found reads the previous plugin."""
    for previous, node in itertools.pairwise(chain):
        if not any(e.consumer is node for e in graph.edges):
            graph.edges.append(Edge(previous, node, previous.output_name))


def _cycles(transforms: list[GraphNode], graph: TableGraph) -> list[list[GraphNode]]:
    """Strongly connected groups of transforms (self-loops included), in list order."""
    successors: dict[int, list[GraphNode]] = {id(n): [] for n in transforms}
    for edge in graph.edges:
        if edge.producer.kind == "transform" and edge.consumer.kind == "transform":
            successors[id(edge.producer)].append(edge.consumer)
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[GraphNode] = []
    on_stack: set[int] = set()
    found: list[list[GraphNode]] = []

    def visit(node: GraphNode) -> None:
        index[id(node)] = low[id(node)] = len(index)
        stack.append(node)
        on_stack.add(id(node))
        for nxt in successors[id(node)]:
            if id(nxt) not in index:
                visit(nxt)
                low[id(node)] = min(low[id(node)], low[id(nxt)])
            elif id(nxt) in on_stack:
                low[id(node)] = min(low[id(node)], index[id(nxt)])
        if low[id(node)] == index[id(node)]:
            group: list[GraphNode] = []
            while True:
                top = stack.pop()
                on_stack.discard(id(top))
                group.append(top)
                if top is node:
                    break
            if len(group) > 1 or node in successors[id(node)]:
                order = {id(n): i for i, n in enumerate(transforms)}
                found.append(sorted(group, key=lambda n: order[id(n)]))

    for node in transforms:
        if id(node) not in index:
            visit(node)
    return sorted(found, key=lambda g: transforms.index(g[0]))


def _dropped_inputs(
    sources: list[GraphNode], transforms: list[GraphNode], graph: TableGraph
) -> list[tuple[GraphNode, TableRef]]:
    """Inputs Zeta 2.3.8 drops: produced, but only by a transform built after the reader."""
    in_cycle = {id(n) for group in graph.cycles for n in group}
    tables = {n.output_name for n in sources}
    queue = [n for n in transforms if id(n) not in in_cycle]
    dropped: list[tuple[GraphNode, TableRef]] = []
    stalled = 0
    while queue and stalled <= len(queue):
        node = queue.pop(0)
        present = [name for name in node.input_names if name in tables]
        if not present and queue:
            queue.append(node)
            stalled += 1
            continue
        stalled = 0
        if present:
            dropped.extend(
                (node, ref)
                for ref in node.inputs
                if ref.name not in tables and ref.name in graph.producers
            )
        tables.add(node.output_name)
    return dropped


__all__ = [
    "DEFAULT_ID",
    "NEW_KEYS",
    "OLD_KEYS",
    "Edge",
    "GraphNode",
    "TableGraph",
    "TableRef",
    "build_graph",
    "input_refs",
    "read_member",
]
