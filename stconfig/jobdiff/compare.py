"""Compare two jobs as SeaTunnel reads them: env, plugins, options and the table graph.

Plugins are matched by kind, `plugin_name` and table wiring, not by list index, so a moved
or inserted plugin is one change rather than a shifted list. A table renamed together with
every plugin that reads it is one change; a plugin inserted into (or taken out of) a chain
is one change, not also a rewiring of its neighbours.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from stconfig.jobdiff.model import Action, Change, JobDiff, Location, Section
from stconfig.model.graph import GraphNode, TableGraph, build_graph
from stconfig.model.job import KINDS, Job
from stconfig.model.values import ListNode, Member, Node, ObjectNode, PlainValue
from stconfig.secrets import MASK, is_secret_key, mask_text

SECTION_KEYS = frozenset(("env", *KINDS))


def masked(value: Node, secret: bool = False) -> PlainValue:
    """A value as plain data with secrets masked: everything under a secret key, and the
    credential shapes (a URL's password, `password=...`) inside any string."""
    if secret:
        return MASK
    if isinstance(value, ObjectNode):
        return {
            key: masked(member.value, is_secret_key(key)) for key, member in value.members.items()
        }
    if isinstance(value, ListNode):
        return [masked(item) for item in value.items]
    if isinstance(value.value, str):
        return mask_text(value.value)
    return value.value


def show(value: Node | None, secret: bool) -> str | None:
    """A value as compact JSON text, secrets masked."""
    if value is None:
        return None
    if secret:
        return MASK
    return json.dumps(masked(value, secret), ensure_ascii=False, separators=(", ", ": "))


def at(member: Member | None) -> Location | None:
    """Where a member's value was written (its key when the value has no position)."""
    if member is None:
        return None
    return Location.of(member.value.span) or Location.of(member.key_span)


def compare_jobs(
    old: Job,
    new: Job,
    old_name: str,
    new_name: str,
    table_keys: tuple[tuple[str, ...], tuple[str, ...]],
) -> JobDiff:
    """Every difference between two jobs, in the order env, other keys, plugins, options,
    wiring. `table_keys` are the output and input keys the target version reads, in the
    order it tries them (`stconfig.versions.read_table_keys`)."""
    changes: list[Change] = []
    changes += _object_changes("env", None, _env(old), _env(new), ())
    changes += _object_changes("other", None, _others(old), _others(new), ())
    graphs = build_graph(old, *table_keys), build_graph(new, *table_keys)
    # Keys reported as wiring or as a plugin rename rather than as option changes; a table
    # key the version does not read is an option like any other.
    not_options = frozenset((*table_keys[0], *table_keys[1], "plugin_name"))
    changes += _PluginComparison(*graphs, not_options).changes()
    order = {"env": 0, "other": 1, "plugin": 2, "option": 3, "wiring": 4}
    changes.sort(key=lambda change: order[change.section])
    return JobDiff(old_name, new_name, tuple(changes))


def _env(job: Job) -> ObjectNode:
    return job.env or ObjectNode()


def _others(job: Job) -> ObjectNode:
    """The top-level keys besides env and the three plugin sections, and those sections when
    they do not have their shape (an env that is not an object, a section that is not a
    list), so a change to them is not lost."""
    rest = ObjectNode()
    for key, member in job.root.members.items():
        if key not in SECTION_KEYS or not _well_formed(key, member.value):
            rest.members[key] = member
    return rest


def _well_formed(key: str, value: Node) -> bool:
    if key == "env":
        return isinstance(value, ObjectNode)
    return isinstance(value, ListNode) and all(isinstance(item, ObjectNode) for item in value.items)


def _object_changes(
    section: Section,
    plugin: str | None,
    old: ObjectNode,
    new: ObjectNode,
    path: tuple[str, ...],
    *,
    secret: bool = False,
    skip: frozenset[str] = frozenset(),
) -> Iterator[Change]:
    """Keys added, removed or changed between two objects, recursing into objects on both
    sides; a secret key masks everything below it."""
    keys = [*new.members, *(key for key in old.members if key not in new.members)]
    for key in keys:
        if key in skip:
            continue
        before, after = old.member(key), new.member(key)
        present = after if after is not None else before
        assert present is not None  # the key comes from one of the two objects
        hidden = secret or is_secret_key(key)
        where = (*path, key)
        if before is not None and after is not None:
            if isinstance(before.value, ObjectNode) and isinstance(after.value, ObjectNode):
                yield from _object_changes(
                    section, plugin, before.value, after.value, where, secret=hidden
                )
                continue
            if before.value == after.value:
                continue
        action: Action = "changed" if before and after else ("added" if after else "removed")
        old_text = show(before.value if before else None, hidden)
        new_text = show(after.value if after else None, hidden)
        shown = ".".join(where)
        prefix = f"{plugin}: " if plugin else ""
        if action == "changed":
            message = f"{prefix}{shown}: {old_text} -> {new_text}"
        elif action == "added":
            message = f"{prefix}{shown} added: {new_text}"
        else:
            message = f"{prefix}{shown} removed (was {old_text})"
        yield Change(
            section, action, message, plugin, where, old_text, new_text, at(before), at(after)
        )


def plugin_at(node: GraphNode) -> Location | None:
    return Location.of(node.span)


@dataclass(frozen=True, slots=True)
class _Read:
    """One input of a consumer: which plugin produces it (by match id) and the table name."""

    producer: str
    table: str


class _PluginComparison:
    """Matches the plugins of two table graphs and lists what changed about them."""

    def __init__(self, old: TableGraph, new: TableGraph, not_options: frozenset[str]) -> None:
        self.old = old
        self.new = new
        self.not_options = not_options
        self.pairs = self._match()
        self.old_ids = {id(o): f"m{i}" for i, (o, _) in enumerate(self.pairs)}
        self.new_ids = {id(n): f"m{i}" for i, (_, n) in enumerate(self.pairs)}
        matched_old = {id(o) for o, _ in self.pairs}
        matched_new = {id(n) for _, n in self.pairs}
        self.removed = [n for n in old.nodes if id(n) not in matched_old]
        self.added = [n for n in new.nodes if id(n) not in matched_new]
        for index, node in enumerate(self.removed):
            self.old_ids[id(node)] = f"r{index}"
        for index, node in enumerate(self.added):
            self.new_ids[id(node)] = f"a{index}"
        self.renames = self._table_renames()

    def _match(self) -> list[tuple[GraphNode, GraphNode]]:
        """Greedy best-first pairing within each kind: name, then wiring, then options."""
        candidates: list[tuple[tuple[float, ...], int, int]] = []
        for i, o in enumerate(self.old.nodes):
            for j, n in enumerate(self.new.nodes):
                if o.kind != n.kind:
                    continue
                same_name = o.plugin.name == n.plugin.name
                same_output = o.output_name == n.output_name
                same_inputs = o.input_names == n.input_names
                explicit = o.output is not None or bool(o.inputs)
                if not same_name and not (same_output and same_inputs and explicit):
                    continue
                score = (
                    float(same_name),
                    float(same_output) + float(same_inputs),
                    _similarity(o.plugin.node, n.plugin.node),
                    -float(abs(o.plugin.index - n.plugin.index)),
                )
                candidates.append((score, i, j))
        candidates.sort(key=lambda item: (item[0], -item[1], -item[2]), reverse=True)
        used_old: set[int] = set()
        used_new: set[int] = set()
        pairs: list[tuple[int, int]] = []
        for _, i, j in candidates:
            if i not in used_old and j not in used_new:
                used_old.add(i)
                used_new.add(j)
                pairs.append((i, j))
        pairs.sort(key=lambda pair: pair[1])
        return [(self.old.nodes[i], self.new.nodes[j]) for i, j in pairs]

    def _table_renames(self) -> dict[str, str]:
        """Old table name -> new name, for matched producers whose output name changed."""
        renames: dict[str, str] = {}
        for o, n in self.pairs:
            if o.kind == "sink" or o.output is None or n.output is None:
                continue
            if o.output.name != n.output.name:
                renames.setdefault(o.output.name, n.output.name)
        return renames

    def changes(self) -> list[Change]:
        found: list[Change] = []
        found += self._added_and_removed()
        found += self._moves()
        for o, n in self.pairs:
            if o.plugin.name != n.plugin.name:
                found.append(
                    Change(
                        "plugin",
                        "renamed",
                        f"{n.label} renamed from {o.plugin.name or '?'}",
                        n.label,
                        ("plugin_name",),
                        json.dumps(o.plugin.name),
                        json.dumps(n.plugin.name),
                        at(o.plugin.name_member) or plugin_at(o),
                        at(n.plugin.name_member) or plugin_at(n),
                    )
                )
            found += _object_changes(
                "option", n.label, o.plugin.node, n.plugin.node, (), skip=self.not_options
            )
        found += self._wiring()
        return found

    def _added_and_removed(self) -> Iterator[Change]:
        for node in self.removed:
            yield Change(
                "plugin",
                "removed",
                f"{node.label} removed{self._describe(node, self.old)}",
                node.label,
                old_at=plugin_at(node),
            )
        for node in self.added:
            yield Change(
                "plugin",
                "added",
                f"{node.label} added{self._describe(node, self.new)}",
                node.label,
                new_at=plugin_at(node),
            )

    @staticmethod
    def _describe(node: GraphNode, graph: TableGraph) -> str:
        """`: reads X (t), writes u`: an added or removed plugin's place in the graph."""
        reads = [
            f"{edge.producer.label} ({edge.table})" for edge in graph.edges if edge.consumer is node
        ]
        parts = []
        if reads:
            parts.append("reads " + ", ".join(reads))
        if node.kind != "sink" and node.output is not None:
            parts.append(f"writes {node.output.name}")
        return ": " + "; ".join(parts) if parts else ""

    def _moves(self) -> Iterator[Change]:
        """Plugins whose order relative to the others of their kind changed: the fewest moves."""
        for kind in KINDS:
            pairs = [(o, n) for o, n in self.pairs if o.kind == kind]
            pairs.sort(key=lambda pair: pair[0].plugin.index)
            kept = _longest_increasing([n.plugin.index for _, n in pairs])
            for position, (o, n) in enumerate(pairs):
                if position in kept:
                    continue
                yield Change(
                    "plugin",
                    "moved",
                    f"{n.label} moved (was {kind}[{o.plugin.index}])",
                    n.label,
                    old=str(o.plugin.index),
                    new=str(n.plugin.index),
                    old_at=plugin_at(o),
                    new_at=plugin_at(n),
                )

    def _reads(
        self, graph: TableGraph, node: GraphNode, ids: dict[int, str], old: bool
    ) -> list[_Read]:
        """What a consumer reads: producers by match id, table names in new spelling."""

        def name(table: str) -> str:
            return self.renames.get(table, table) if old else table

        reads = [
            _Read(ids[id(edge.producer)], name(edge.table))
            for edge in graph.edges
            if edge.consumer is node
        ]
        reads += [_Read("", name(ref.name)) for consumer, ref in graph.dangling if consumer is node]
        return sorted(set(reads), key=lambda read: (read.producer, read.table))

    def _wiring(self) -> Iterator[Change]:
        for old_name, new_name in self.renames.items():
            o, n = next(
                (o, n)
                for o, n in self.pairs
                if o.output is not None
                and n.output is not None
                and o.output.name == old_name
                and o.kind != "sink"
            )
            assert o.output is not None and n.output is not None
            yield Change(
                "wiring",
                "renamed",
                f"table {old_name} renamed to {new_name} (written by {n.label})",
                n.label,
                old=old_name,
                new=new_name,
                old_at=Location.of(o.output.span) or plugin_at(o),
                new_at=Location.of(n.output.span) or plugin_at(n),
            )
        for o, n in self.pairs:
            if o.kind != "sink" and (o.output is None) != (n.output is None):
                yield Change(
                    "wiring",
                    "changed",
                    f"{n.label} writes {n.output_name} (was {o.output_name})",
                    n.label,
                    old=o.output_name,
                    new=n.output_name,
                    old_at=at(o.output_member) or plugin_at(o),
                    new_at=at(n.output_member) or plugin_at(n),
                )
            if o.kind == "source":
                continue
            before = self._reads(self.old, o, self.old_ids, old=True)
            after = self._reads(self.new, n, self.new_ids, old=False)
            if before == after or self._explained(before, after):
                continue
            yield Change(
                "wiring",
                "changed",
                f"{n.label} reads {self._show_reads(after, self.new)} "
                f"(was {self._show_reads(before, self.old, old=True)})",
                n.label,
                old=self._show_reads(before, self.old, old=True),
                new=self._show_reads(after, self.new),
                old_at=at(o.input_member) or plugin_at(o),
                new_at=at(n.input_member) or plugin_at(n),
            )

    def _explained(self, before: list[_Read], after: list[_Read]) -> bool:
        """A change of inputs that only reflects a plugin added to or removed from the chain."""
        gone = [read for read in before if read not in after]
        came = [read for read in after if read not in before]
        if came and all(read.producer.startswith("a") for read in came):
            upstream = self._upstream(self.new, self.new_ids, {read.producer for read in came}, "a")
            return all(read.producer in upstream for read in gone)
        if gone and all(read.producer.startswith("r") for read in gone):
            upstream = self._upstream(self.old, self.old_ids, {read.producer for read in gone}, "r")
            return all(read.producer in upstream for read in came)
        return False

    @staticmethod
    def _upstream(graph: TableGraph, ids: dict[int, str], start: set[str], prefix: str) -> set[str]:
        """Ids that feed the `start` plugins, walking back through added (or removed) ones."""
        seen: set[str] = set()
        todo = list(start)
        while todo:
            current = todo.pop()
            for edge in graph.edges:
                if ids[id(edge.consumer)] != current:
                    continue
                producer = ids[id(edge.producer)]
                if producer in seen:
                    continue
                seen.add(producer)
                if producer.startswith(prefix):
                    todo.append(producer)
        return seen

    def _show_reads(self, reads: list[_Read], graph: TableGraph, old: bool = False) -> str:
        ids = self.old_ids if old else self.new_ids
        labels = {ids[id(node)]: node.label for node in graph.nodes}
        if old:
            # Name matched plugins as the new job does, so both sides read alike.
            labels.update({self.new_ids[id(n)]: n.label for _, n in self.pairs})
        shown = [
            f"{labels[read.producer]} ({read.table})"
            if read.producer
            else f"{read.table} (no producer)"
            for read in reads
        ]
        return ", ".join(shown) or "nothing"


def _similarity(old: ObjectNode, new: ObjectNode) -> float:
    """The share of options that are set to the same value in both plugins."""
    keys = set(old.members) | set(new.members)
    if not keys:
        return 1.0
    same = sum(1 for key in keys if key in old and key in new and old.get(key) == new.get(key))
    return same / len(keys)


def _longest_increasing(values: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence (plugins that kept their order)."""
    from bisect import bisect_left

    tails: list[int] = []
    tail_positions: list[int] = []
    previous: list[int] = [-1] * len(values)
    for position, value in enumerate(values):
        slot = bisect_left(tails, value)
        if slot == len(tails):
            tails.append(value)
            tail_positions.append(position)
        else:
            tails[slot] = value
            tail_positions[slot] = position
        previous[position] = tail_positions[slot - 1] if slot else -1
    kept: set[int] = set()
    position = tail_positions[-1] if tail_positions else -1
    while position != -1:
        kept.add(position)
        position = previous[position]
    return kept


__all__ = ["compare_jobs", "masked", "show"]
