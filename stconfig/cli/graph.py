"""`stconfig graph PATH`: draw the table graph as Mermaid or Graphviz dot, problems in red."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import click

from stconfig.cli._clicked import AliasedOption
from stconfig.cli._common import fail, user_errors
from stconfig.cli._target import resolve_target, target_option

if TYPE_CHECKING:
    from stconfig.model.graph import TableGraph

PROBLEM = "#d62728"


@dataclass(slots=True)
class Drawing:
    """Nodes and edges, with the problem flags both formats render."""

    nodes: list[tuple[str, str, str, bool]] = field(default_factory=list)
    """(id, label, kind, problem)"""
    edges: list[tuple[str, str, str, str]] = field(default_factory=list)
    """(from id, to id, label, style: ok | dangling | dropped | cycle | unused)"""


def drawing(graph: TableGraph) -> Drawing:
    """The graph plus a pseudo-node for each missing or unused table."""
    result = Drawing()
    ids = {id(node): f"n{i}" for i, node in enumerate(graph.nodes)}
    cyclic = {id(n) for group in graph.cycles for n in group}
    dropped = {(id(n), ref.name) for n, ref in graph.dropped}
    bad_nodes = (
        cyclic | {id(n) for n, _ in graph.dangling} | {id(n) for n, _, _ in graph.duplicates}
    )
    strict = graph.strict
    if strict:
        bad_nodes |= {id(n) for n in graph.sources + graph.transforms if n.output is None}
        bad_nodes |= {id(n) for n in graph.transforms + graph.sinks if n.input_member is None}
    for node in graph.nodes:
        result.nodes.append((ids[id(node)], node.label, node.kind, id(node) in bad_nodes))
    for edge in graph.edges:
        style = "ok"
        if id(edge.producer) in cyclic and id(edge.consumer) in cyclic:
            style = "cycle"
        elif (id(edge.consumer), edge.table) in dropped:
            style = "dropped"
        result.edges.append((ids[id(edge.producer)], ids[id(edge.consumer)], edge.table, style))
    for index, (node, ref) in enumerate(graph.dangling):
        missing = f"m{index}"
        result.nodes.append((missing, f"missing table {ref.name!r}", "missing", True))
        result.edges.append((missing, ids[id(node)], ref.name, "dangling"))
    if strict:
        for index, node in enumerate(graph.unused):
            unused = f"u{index}"
            assert node.output is not None
            result.nodes.append((unused, "never read", "unused", True))
            result.edges.append((ids[id(node)], unused, node.output.name, "unused"))
    return result


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;")


def to_mermaid(d: Drawing) -> str:
    shapes = {
        "source": ('(["', '"])'),
        "transform": ('["', '"]'),
        "sink": ('[("', '")]'),
        "missing": ('{{"', '"}}'),
        "unused": ('{{"', '"}}'),
    }
    lines = ["flowchart LR"]
    for node_id, label, kind, _ in d.nodes:
        left, right = shapes[kind]
        lines.append(f"  {node_id}{left}{_mermaid_text(label)}{right}")
    arrows = {"ok": "-->", "cycle": "-->", "dangling": "-.->", "dropped": "-.->", "unused": "-.->"}
    for index, (src, dst, label, style) in enumerate(d.edges):
        lines.append(f'  {src} {arrows[style]}|"{_mermaid_text(label)}"| {dst}')
        if style != "ok":
            lines.append(f"  linkStyle {index} stroke:{PROBLEM},color:{PROBLEM}")
    bad = [node_id for node_id, _, _, problem in d.nodes if problem]
    if bad:
        lines.append(f"  classDef problem stroke:{PROBLEM},stroke-width:2px,color:{PROBLEM}")
        lines.append(f"  class {','.join(bad)} problem")
    return "\n".join(lines) + "\n"


def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def to_dot(d: Drawing) -> str:
    shapes = {
        "source": "ellipse",
        "transform": "box",
        "sink": "cylinder",
        "missing": "hexagon",
        "unused": "hexagon",
    }
    lines = ["digraph job {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
    for node_id, label, kind, problem in d.nodes:
        extra = f', color="{PROBLEM}", fontcolor="{PROBLEM}", penwidth=2' if problem else ""
        lines.append(f'  {node_id} [label="{_dot_text(label)}", shape={shapes[kind]}{extra}];')
    for src, dst, label, style in d.edges:
        extra = "" if style == "ok" else f', color="{PROBLEM}", fontcolor="{PROBLEM}"'
        if style in ("dangling", "dropped", "unused"):
            extra += ", style=dashed"
        lines.append(f'  {src} -> {dst} [label="{_dot_text(label)}"{extra}];')
    lines.append("}")
    return "\n".join(lines) + "\n"


@click.command("graph")
@click.argument("path", type=click.Path(path_type=str))
@click.option(
    "--output-format",
    "--format",
    "fmt",
    cls=AliasedOption,
    hidden_aliases=("--format",),
    type=click.Choice(["mermaid", "dot"]),
    default="mermaid",
    help="mermaid (default) or Graphviz dot.",
)
@target_option
@click.option(
    "--var",
    "variables",
    multiple=True,
    metavar="KEY=VALUE",
    help="A job variable, as seatunnel.sh -i KEY=VALUE would set it.",
)
def graph(path: str, fmt: str, target_version: str | None, variables: tuple[str, ...]) -> None:
    """Draw the table graph of the job at PATH: plugins as nodes, table names on edges;
    missing, unused, dropped and cyclic tables in red. PATH may be a Python DSL file that
    defines one job. The table keys read are the target version's; the first line of the
    drawing (a comment) names it.

    Exit codes: 0 drawn (problems are drawn, not reported), 2 bad input or usage.
    """
    from stconfig.lint.versions import inferred_version, table_keys
    from stconfig.model.graph import build_graph
    from stconfig.reader import load

    assigned: dict[str, str] = {}
    for assignment in variables:
        name, equals, value = assignment.partition("=")
        if not equals or not name.strip():
            from stconfig.variables import malformed_assignment

            fail(malformed_assignment(assignment))
        assigned[name.strip()] = value
    target = resolve_target(target_version)
    with user_errors():
        if path.endswith(".py"):
            from stconfig.dsl.runner import build_one_for

            strict = target.source == "--target-version"
            job, version = build_one_for(path, assigned, target.version, strict=strict)
        else:
            job, version = load(path, variables=assigned, unresolved="keep"), target.version
    label = target.label
    if version != target.version:
        label = f"SeaTunnel {version} (its target_version=)"
    elif target.source == "default" and inferred_version(job) != target.version:
        click.echo(
            "note: the job writes plugin_output / plugin_input, which "
            f"SeaTunnel {target.version} (the default) ignores; pass --target-version with the "
            "cluster's version if it runs 2.3.9 or later",
            err=True,
        )
    table_graph = build_graph(job, *table_keys(version))
    render = to_mermaid if fmt == "mermaid" else to_dot
    comment = "%%" if fmt == "mermaid" else "//"
    sys.stdout.write(f"{comment} table keys of {label}\n" + render(drawing(table_graph)))


__all__ = ["Drawing", "drawing", "graph", "to_dot", "to_mermaid"]
