"""The job model: one SeaTunnel job as SeaTunnel's loader sees it, with positions.

`Job.root` is the whole resolved document, exactly what SeaTunnel 2.3.8 builds from the file
(top-level keys other than the four sections are kept, and a file that is not a job at all
is still a valid root). `env`, `sources`, `transforms` and `sinks` are views over it, so
there is one source of truth for the emitters, the linter and the DSL.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from stconfig._records import field, record
from stconfig.model.values import ListNode, Member, Node, ObjectNode, PlainValue, Scalar
from stconfig.source import SourceFile, Span

if TYPE_CHECKING:
    from stconfig.hocon.ast import Document, Substitution

Kind = Literal["source", "transform", "sink"]
KINDS: tuple[Kind, ...] = ("source", "transform", "sink")


@record(compiled_init=True)
class Plugin:
    """One element of a `source`, `transform` or `sink` list that is an object."""

    kind: Kind
    index: int
    node: ObjectNode

    @property
    def name(self) -> str | None:
        """The `plugin_name`, or None when it is missing or not a string."""
        value = self.node.get("plugin_name")
        if isinstance(value, Scalar) and isinstance(value.value, str):
            return value.value
        return None

    @property
    def name_member(self) -> Member | None:
        return self.node.member("plugin_name")

    @property
    def options(self) -> ObjectNode:
        """Every key of the plugin's block, `plugin_name` included."""
        return self.node

    @property
    def span(self) -> Span | None:
        return self.node.span


@record(eq=False)
class Job:
    """A SeaTunnel job (or any SeaTunnel config document) and where it came from."""

    root: ObjectNode
    source_file: SourceFile | None = None
    documents: list[Document] = field(default_factory=list)
    """The syntax trees read (the file and its includes), comments kept, for the linter."""
    unresolved: list[Substitution] = field(default_factory=list)
    """Unquoted `${name}` references nothing resolved (only when loaded with unresolved="keep")."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Job):
            return NotImplemented
        return self.root == other.root

    __hash__ = None  # type: ignore[assignment]

    @classmethod
    def build(
        cls,
        env: ObjectNode | None,
        sources: Iterable[ObjectNode],
        transforms: Iterable[ObjectNode] = (),
        sinks: Iterable[ObjectNode] = (),
    ) -> Job:
        """Assemble a job from its parts, in SeaTunnel's usual key order."""
        root = ObjectNode()
        if env is not None:
            root.set("env", env)
        root.set("source", ListNode([*sources]))
        transform_list: list[Node] = [*transforms]
        if transform_list:
            root.set("transform", ListNode(transform_list))
        root.set("sink", ListNode([*sinks]))
        return cls(root)

    @property
    def env(self) -> ObjectNode | None:
        value = self.root.get("env")
        return value if isinstance(value, ObjectNode) else None

    def section(self, kind: Kind) -> list[Plugin]:
        """The plugin objects of one section, in order (non-object elements skipped)."""
        value = self.root.get(kind)
        if not isinstance(value, ListNode):
            return []
        return [
            Plugin(kind, index, item)
            for index, item in enumerate(value.items)
            if isinstance(item, ObjectNode)
        ]

    @property
    def sources(self) -> list[Plugin]:
        return self.section("source")

    @property
    def transforms(self) -> list[Plugin]:
        return self.section("transform")

    @property
    def sinks(self) -> list[Plugin]:
        return self.section("sink")

    @property
    def plugins(self) -> list[Plugin]:
        return self.sources + self.transforms + self.sinks

    def to_dict(self) -> dict[str, PlainValue]:
        """The job as plain Python data: the JSON form SeaTunnel's loader produces."""
        data = self.root.to_python()
        assert isinstance(data, dict)
        return data


def plugin_node(name: str, options: dict[str, Node] | None = None) -> ObjectNode:
    """An object node for a plugin block, `plugin_name` first."""
    node = ObjectNode()
    node.set("plugin_name", Scalar(name))
    for key, value in (options or {}).items():
        node.set(key, value)
    return node


__all__ = ["KINDS", "Job", "Kind", "Plugin", "plugin_node"]
