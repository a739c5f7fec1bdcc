"""SeaTunnel's job variables: `-i KEY=VALUE`, the environment, and the quoted-placeholder pass.

SeaTunnel 2.3.8 (`ConfigBuilder.of`) resolves an unquoted `${x}` from the document root,
then the environment, then the `-i` variables; then it runs a regex over every string it
reaches and replaces `${x}`, `${x:default}` and `${x:}` from the `-i` variables only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from stconfig.errors import VariableError
from stconfig.model.values import ListNode, Member, Node, ObjectNode, Scalar

RESERVED_PLACEHOLDERS = frozenset(
    {
        "database_name",
        "schema_name",
        "schema_full_name",
        "table_name",
        "table_full_name",
        "primary_key",
        "unique_key",
        "field_names",
    }
)
"""Sink-option placeholders that SeaTunnel fills per table; `-i` may not set them."""

PLACEHOLDER = re.compile(r"\$\{([^:{}]+)(:[^}]*)?\}")


def parse_assignments(assignments: Iterable[str]) -> dict[str, str]:
    """`KEY=VALUE` strings (split at the first `=`) as a dict, refusing what SeaTunnel refuses."""
    variables: dict[str, str] = {}
    for assignment in assignments:
        name, equals, value = assignment.partition("=")
        if not equals or not name.strip():
            raise VariableError(malformed_assignment(assignment))
        variables[name.strip()] = value
    check_names(variables)
    return variables


def malformed_assignment(assignment: str) -> str:
    """The error for a `--var` without `KEY=`; it never repeats the argument, which may be
    the secret itself (`--var hunter2`, `--var =hunter2`)."""
    if "=" in assignment:
        return "--var expects KEY=VALUE, got an empty KEY before '='"
    return "--var expects KEY=VALUE, got an argument without '=' (not shown: it may be a secret)"


def check_names(variables: Mapping[str, str]) -> None:
    for name in variables:
        if name in RESERVED_PLACEHOLDERS:
            raise VariableError(
                f"{name!r} is a reserved sink placeholder that SeaTunnel fills per table; "
                "it cannot be set as a variable"
            )


def property_value(text: str) -> Node:
    """A variable's value as SeaTunnel's properties parser makes it: `[a,b]` is a list."""
    if len(text) >= 2 and text.startswith("[") and text.endswith("]"):
        return ListNode([Scalar(item) for item in text[1:-1].split(",")])
    return Scalar(text)


def property_tree(values: Mapping[str, str]) -> ObjectNode:
    """Flat `a.b=v` properties nested on `.`, as typesafe's properties parser nests them."""
    root = ObjectNode()
    for name, text in values.items():
        *parents, leaf = name.split(".")
        node = root
        for parent in parents:
            child = node.get(parent)
            if not isinstance(child, ObjectNode):
                child = ObjectNode()
                node.set(parent, child)
            node = child
        if not isinstance(node.get(leaf), ObjectNode):
            node.set(leaf, property_value(text))
    return root


def replace_placeholders(text: str, variables: Mapping[str, str]) -> str:
    """One string through SeaTunnel 2.3.8's regex pass."""
    if "${" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        value = variables.get(match.group(1))
        if value:
            return value
        default = match.group(2)
        if default is not None:
            return default[1:].strip()
        return match.group(0)

    return PLACEHOLDER.sub(replace, text)


def apply_placeholder_pass(root: ObjectNode, variables: Mapping[str, str]) -> ObjectNode:
    """A copy of `root` with the strings SeaTunnel's regex pass reaches rewritten.

    It reaches top-level objects recursively, string elements of lists inside them, and the
    element objects of top-level lists; not objects inside lists, not top-level scalars.
    Nodes are copied, never changed, because substitution shares them between places.
    """
    result = ObjectNode(span=root.span)
    for key, member in root.members.items():
        value = member.value
        if isinstance(value, ObjectNode):
            value = _rewrite_object(value, variables)
        elif isinstance(value, ListNode):
            value = ListNode(
                [
                    _rewrite_object(item, variables) if isinstance(item, ObjectNode) else item
                    for item in value.items
                ],
                value.span,
            )
        result.members[key] = Member(key, value, member.key_span, member.implicit)
    return result


def _rewrite_string(node: Node, variables: Mapping[str, str]) -> Node:
    if isinstance(node, Scalar) and isinstance(node.value, str) and "${" in node.value:
        return Scalar(replace_placeholders(node.value, variables), node.span)
    return node


def _rewrite_object(node: ObjectNode, variables: Mapping[str, str]) -> ObjectNode:
    result = ObjectNode(span=node.span)
    members = result.members
    for key, member in node.members.items():
        value = member.value
        if isinstance(value, Scalar):  # `_rewrite_string`, inline for the commonest member
            text = value.value
            if isinstance(text, str) and "${" in text:
                value = Scalar(replace_placeholders(text, variables), value.span)
        elif isinstance(value, ObjectNode):
            value = _rewrite_object(value, variables)
        else:
            value = ListNode([_rewrite_string(item, variables) for item in value.items], value.span)
        members[key] = Member(key, value, member.key_span, member.implicit)
    return result


__all__ = [
    "PLACEHOLDER",
    "RESERVED_PLACEHOLDERS",
    "apply_placeholder_pass",
    "check_names",
    "malformed_assignment",
    "parse_assignments",
    "property_tree",
    "property_value",
    "replace_placeholders",
]
