"""The job model shared by the reader, the DSL, the linter and the emitters."""

from stconfig.model.job import KINDS, Job, Kind, Plugin, plugin_node
from stconfig.model.values import (
    ListNode,
    Member,
    Node,
    ObjectNode,
    PlainValue,
    Scalar,
    ScalarValue,
    from_python,
)

__all__ = [
    "KINDS",
    "Job",
    "Kind",
    "ListNode",
    "Member",
    "Node",
    "ObjectNode",
    "PlainValue",
    "Plugin",
    "Scalar",
    "ScalarValue",
    "from_python",
    "plugin_node",
]
