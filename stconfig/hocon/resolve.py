"""From syntax trees to resolved values: merging, includes, `+=`, concatenation, `${...}`.

This follows typesafe-config 1.3.3 as SeaTunnel patched it. Two dialect switches come from
the caller rather than from plugin knowledge: `list_keys`, the field names whose object
values SeaTunnel turns into lists (`source`, `transform`, `sink`), and `external`, where a
substitution that the document itself cannot satisfy is looked up (environment, `-i`).

Building happens in document order into one mutable tree, so a repeated key merges into
the earlier object in place and a self-reference (`a = ${a} [x]`, `a += x`) captures the
value it replaces. Resolution then walks that tree once, memoising every node.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from stconfig import limits
from stconfig._records import field, record
from stconfig.errors import ParseError, UnresolvedVariableError
from stconfig.hocon.ast import (
    ArrayValue,
    Document,
    Field,
    Include,
    LiteralValue,
    NumberValue,
    ObjectValue,
    StringValue,
    Substitution,
    Value,
    Whitespace,
)
from stconfig.model.values import (
    ListNode,
    Member,
    Node,
    ObjectNode,
    Scalar,
    ScalarValue,
    lookup,
)
from stconfig.source import Span

# -- the tree being built ----------------------------------------------------------------


@record(eq=False, compiled_init=True)
class RScalar:
    value: ScalarValue
    text: str
    span: Span
    whitespace: bool = False


@record(eq=False, compiled_init=True)
class RField:
    value: RValue
    key_span: Span | None
    implicit: bool = False


@record(eq=False, compiled_init=True)
class RObject:
    span: Span | None
    fields: dict[str, RField] = field(default_factory=dict)


@record(eq=False, compiled_init=True)
class RList:
    items: list[RValue]
    span: Span


@record(eq=False, compiled_init=True)
class RSubst:
    node: Substitution
    path: tuple[str, ...]
    self_reference: bool = False
    previous: RValue | None = None


@record(eq=False, compiled_init=True)
class RConcat:
    parts: list[RValue]
    span: Span


@record(eq=False, compiled_init=True)
class RMerge:
    """Layers, lowest first, whose merge must wait until substitutions are resolved."""

    layers: list[RValue]
    span: Span | None


RValue = RScalar | RObject | RList | RSubst | RConcat | RMerge
UNRESOLVED = (RSubst, RConcat, RMerge)

ExternalLookup = Callable[[tuple[str, ...]], Node | None]
IncludeLoader = Callable[[Include, Document], Document | None]


def _value_span(value: RValue) -> Span | None:
    return value.node.span if isinstance(value, RSubst) else value.span


class Builder:
    """Turns documents into one RObject tree, in document order."""

    def __init__(self, list_keys: frozenset[str], load_include: IncludeLoader) -> None:
        self.list_keys = list_keys
        self.load_include = load_include

    def build_document(self, document: Document) -> RObject:
        root = RObject(document.root.span)
        if not isinstance(document.root, ObjectValue):
            raise ParseError(
                "the document is a list; a SeaTunnel config must be an object "
                "(env, source, transform, sink)",
                document.root.span,
            )
        self.build_fields(root, document.root, document, prefix=(), relative=())
        return root

    def build_fields(
        self,
        target: RObject,
        obj: ObjectValue,
        document: Document,
        prefix: tuple[str, ...] | None,
        relative: tuple[str, ...],
    ) -> None:
        for entry in obj.entries:
            if isinstance(entry, Include):
                included = self.load_include(entry, document)
                if included is not None and isinstance(included.root, ObjectValue):
                    self.build_fields(target, included.root, included, prefix, prefix or ())
                continue
            self.build_field(target, entry, document, prefix, relative)

    def build_field(
        self,
        target: RObject,
        entry: Field,
        document: Document,
        prefix: tuple[str, ...] | None,
        relative: tuple[str, ...],
    ) -> None:
        path = entry.key.path
        value = entry.value
        if len(path) == 1:
            name = path[0]
            existing = target.fields.get(name)
            if type(value) is StringValue and existing is None and entry.separator != "+=":
                # The commonest field: a new key set to a string, which needs no paths.
                target.fields[name] = RField(
                    RScalar(value.value, value.value, value.span), entry.key.span
                )
                return
            container = target
        else:
            container = target
            for depth, element in enumerate(path[:-1]):
                container = self.descend(
                    container,
                    element,
                    entry.key.span,
                    None if prefix is None else prefix + path[: depth + 1],
                )
            name = path[-1]
            existing = container.fields.get(name)
        full = None if prefix is None else prefix + path
        in_list_context = path[0] in self.list_keys
        if isinstance(value, ObjectValue) and not in_list_context and entry.separator != "+=":
            previous = existing.value if existing is not None else None
            if isinstance(previous, RObject):
                self.build_fields(previous, value, document, full, relative)
                existing.key_span = entry.key.span  # type: ignore[union-attr]
                return
            if isinstance(previous, RMerge) and isinstance(previous.layers[-1], RObject):
                self.build_fields(previous.layers[-1], value, document, full, relative)
                return
            fresh = RObject(value.span)
            self.build_fields(fresh, value, document, full, relative)
            if previous is not None and isinstance(previous, UNRESOLVED):
                self.put(container, name, RMerge([previous, fresh], value.span), entry.key.span)
            else:
                self.put(container, name, fresh, entry.key.span)
            return
        previous_value = existing.value if existing is not None else None
        built = self.build_value(value, document, full, previous_value, in_list_context, relative)
        if entry.separator == "+=":
            append_to = RSubst(
                Substitution(full or path, True, entry.key.span),
                full or path,
                self_reference=True,
                previous=previous_value,
            )
            built = RConcat([append_to, RList([built], value.span)], value.span)
        if previous_value is not None and isinstance(built, UNRESOLVED):
            built = RMerge([previous_value, built], value.span)
        self.put(container, name, built, entry.key.span)

    def descend(
        self, container: RObject, element: str, key_span: Span, full: tuple[str, ...] | None
    ) -> RObject:
        """The object at `element` for a dotted-path field, created or merged as needed."""
        existing = container.fields.get(element)
        if existing is not None:
            if isinstance(existing.value, RObject):
                return existing.value
            if isinstance(existing.value, RMerge) and isinstance(
                existing.value.layers[-1], RObject
            ):
                return existing.value.layers[-1]
        fresh = RObject(key_span)
        if existing is not None and isinstance(existing.value, UNRESOLVED):
            self.put(container, element, RMerge([existing.value, fresh], key_span), key_span)
        else:
            self.put(container, element, fresh, key_span)
        return fresh

    @staticmethod
    def put(container: RObject, name: str, value: RValue, key_span: Span | None) -> None:
        existing = container.fields.get(name)
        if existing is None:
            container.fields[name] = RField(value, key_span)
        else:
            existing.value = value
            existing.key_span = key_span
            existing.implicit = False

    def build_value(
        self,
        value: Value,
        document: Document,
        full: tuple[str, ...] | None,
        previous: RValue | None,
        in_list_context: bool,
        relative: tuple[str, ...],
    ) -> RValue:
        if isinstance(value, StringValue):
            return RScalar(value.value, value.value, value.span)
        if isinstance(value, NumberValue):
            return RScalar(value.value, value.text, value.span)
        if isinstance(value, LiteralValue):
            return RScalar(value.value, value.text, value.span)
        if isinstance(value, Whitespace):
            return RScalar(value.text, value.text, value.span, whitespace=True)
        if isinstance(value, Substitution):
            path = relative + value.path if relative else value.path
            if full is not None and path == full:
                return RSubst(value, path, self_reference=True, previous=previous)
            return RSubst(value, path)
        if isinstance(value, ArrayValue):
            items = [
                self.build_value(item, document, None, None, in_list_context, relative)
                for item in value.items
            ]
            return RList(items, value.span)
        if isinstance(value, ObjectValue):
            if in_list_context:
                return self.build_section(value, document, relative)
            fresh = RObject(value.span)
            self.build_fields(fresh, value, document, None, relative)
            return fresh
        parts = [
            self.build_value(part, document, full, previous, in_list_context, relative)
            for part in value.parts
        ]
        return RConcat(parts, value.span)

    def build_section(
        self, obj: ObjectValue, document: Document, relative: tuple[str, ...]
    ) -> RList:
        """SeaTunnel's plugin list: one element per member, `plugin_name` from the key."""
        items: list[RValue] = []
        for entry in obj.entries:
            if isinstance(entry, Include):
                continue
            path = entry.key.path
            holder = RObject(entry.span)
            self.build_field(holder, entry, document, None, relative)
            element = holder.fields[path[0]].value
            if isinstance(element, RObject):
                if "plugin_name" not in element.fields:
                    name = RField(
                        RScalar(path[0], path[0], entry.key.span), entry.key.span, implicit=True
                    )
                    element.fields = {"plugin_name": name, **element.fields}
            elif isinstance(element, UNRESOLVED):
                fallback = RObject(entry.key.span)
                fallback.fields["plugin_name"] = RField(
                    RScalar(path[0], path[0], entry.key.span), entry.key.span, implicit=True
                )
                element = RMerge([fallback, element], entry.span)
            items.append(element)
        return RList(items, obj.span)


# -- resolution --------------------------------------------------------------------------


class _Missing:
    """An optional substitution that found nothing: the field or element disappears."""


MISSING = _Missing()
Resolved = Node | _Missing


def nested_key(root: RObject, name: str) -> bool:
    """Whether `name` is a key of an object below the root (where `${name}` cannot see it)."""
    stack: list[RValue] = [f.value for f in root.fields.values()]
    while stack:
        value = stack.pop()
        if isinstance(value, RObject):
            if name in value.fields:
                return True
            stack += [f.value for f in value.fields.values()]
        elif isinstance(value, RList):
            stack += value.items
        elif isinstance(value, RConcat):
            stack += value.parts
        elif isinstance(value, RMerge):
            stack += value.layers
    return False


def _shadow_hint(reference: RSubst) -> str:
    """Why `${env}` is not the variable `env`: a key of the file wins over variables."""
    if len(reference.path) != 1:
        return ""
    name = reference.path[0]
    return (
        f"; ${{{name}}} is the file's own {name!r}, which hides a --var or environment "
        f"variable {name!r}: give the variable a name the file does not use"
    )


def _mixed(message: str, value: RConcat, solid: list[tuple[RValue, Resolved]]) -> ParseError:
    """A concatenation of mixed kinds, at the substitution that brought in an object/list."""
    for raw, node in solid:
        if isinstance(raw, RSubst) and isinstance(node, ObjectNode | ListNode):
            kind = "object" if isinstance(node, ObjectNode) else "list"
            return ParseError(
                f"{message}: ${{{raw.node.name}}} is an {kind}{_shadow_hint(raw)}",
                raw.node.span,
            )
    return ParseError(message, value.span)


class Resolver:
    """Resolves the built tree into model nodes, looking substitutions up from the root."""

    def __init__(
        self,
        root: RObject,
        external: ExternalLookup,
        unresolved: Literal["error", "keep"],
    ) -> None:
        self.root = root
        self.external = external
        self.unresolved_mode = unresolved
        self.unresolved: list[Substitution] = []
        self.cache: dict[int, Resolved] = {}
        self.active: set[int] = set()
        self.trail: list[RSubst] = []
        """The substitutions being looked up, innermost last: a cycle is reported at one."""
        self.sizes: dict[int, tuple[int, int]] = {}
        """(values, characters) of each resolved list or object, as if substitutions copied."""

    def resolve_root(self) -> ObjectNode:
        result = self.resolve(self.root)
        assert isinstance(result, ObjectNode)
        return result

    def resolve(self, value: RValue) -> Resolved:
        if type(value) is RScalar:  # most values: nothing to look up, nothing to cycle
            return Scalar(value.value, value.span)
        key = id(value)
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        deepest = limits.MAX_RESOLVE_DEPTH
        if key in self.active or len(self.active) > deepest:
            span = self.span_of(value)
            name = value.node.name if isinstance(value, RSubst) else "a value"
            if key in self.active and self.trail:
                reference = self.trail[-1]
                if isinstance(value, RObject):  # `${env}` inside `env { }`
                    message = (
                        f"substitution cycle: ${{{reference.node.name}}} refers to "
                        f"{'.'.join(reference.path)!r}, the block it is in"
                        + _shadow_hint(reference)
                    )
                    raise ParseError(message, reference.node.span)
                start = next((i for i, r in enumerate(self.trail) if r is value), 0)
                chain = [f"${{{r.node.name}}}" for r in self.trail[start:]]
                message = "substitution cycle: " + " -> ".join([*chain, chain[0]])
                raise ParseError(message, span)
            if key in self.active:
                raise ParseError(f"substitution cycle: {name} depends on itself", span)
            raise ParseError(
                f"substitutions chained more than {deepest} deep at {name} (see docs/limits.md)",
                span,
            )
        self.active.add(key)
        try:
            result = self._resolve(value)
        finally:
            self.active.discard(key)
        if not isinstance(result, (Scalar, _Missing)):
            values, characters = self.measure(result)
            if values > limits.MAX_RESOLVED_VALUES:
                raise self.too_large(value, f"{values:,} values", limits.MAX_RESOLVED_VALUES)
            if characters > limits.MAX_RESOLVED_CHARS:
                raise self.too_large(
                    value, f"{characters:,} characters of text", limits.MAX_RESOLVED_CHARS
                )
        self.cache[key] = result
        return result

    def span_of(self, value: RValue) -> Span:
        span = _value_span(value) or self.root.span
        assert span is not None
        return span

    def too_large(self, value: RValue, size: str, limit: int) -> ParseError:
        return ParseError(
            f"this value resolves to {size}, more than the {limit:,} a job may have "
            "(each substitution copies what it refers to; see docs/limits.md)",
            self.span_of(value),
        )

    def measure(self, node: Node) -> tuple[int, int]:
        """Values and characters `node` stands for once every shared part is copied out.

        Substitution shares resolved nodes, so a few lines can stand for a tree too large to
        write out; counting with a memo costs one step per distinct node.
        """
        if isinstance(node, Scalar):
            return 1, len(node.value) if isinstance(node.value, str) else 0
        known = self.sizes.get(id(node))
        if known is not None:
            return known
        sizes = self.sizes
        values, characters = 1, 0
        children = (
            node.items
            if isinstance(node, ListNode)
            else [member.value for member in node.members.values()]
        )
        # Most children are scalars or were measured when they were resolved: both are
        # counted here rather than in a call.
        for child in children:
            if type(child) is Scalar:
                values += 1
                if isinstance(child.value, str):
                    characters += len(child.value)
            else:
                more_values, more_characters = sizes.get(id(child)) or self.measure(child)
                values += more_values
                characters += more_characters
        if isinstance(node, ObjectNode):
            characters += sum(map(len, node.members))
        sizes[id(node)] = values, characters
        return values, characters

    def _resolve(self, value: RValue) -> Resolved:
        if isinstance(value, RScalar):
            return Scalar(value.value, value.span)
        if isinstance(value, RObject):
            node = ObjectNode(span=value.span)
            members = node.members
            for name, item in value.fields.items():
                raw = item.value
                resolved: Resolved
                if type(raw) is RScalar:  # most fields: `resolve` would only make the Scalar
                    resolved = Scalar(raw.value, raw.span)
                else:
                    resolved = self.resolve(raw)
                    if isinstance(resolved, _Missing):
                        continue
                members[name] = Member(name, resolved, item.key_span, item.implicit)
            return node
        if isinstance(value, RList):
            items = [self.resolve(item) for item in value.items]
            return ListNode([item for item in items if not isinstance(item, _Missing)], value.span)
        if isinstance(value, RSubst):
            return self.substitute(value)
        if isinstance(value, RConcat):
            return self.concatenate(value)
        return self.merge(value)

    def substitute(self, value: RSubst) -> Resolved:
        if value.self_reference:
            if value.previous is not None:
                return self.resolve(value.previous)
        else:
            self.trail.append(value)
            try:
                found = self.lookup(value.path)
            finally:
                self.trail.pop()
            if found is not None:
                return found
        external = self.external(value.path)
        if external is not None:
            return located(external, value.node.span)
        if value.node.optional:
            return MISSING
        if self.unresolved_mode == "error":
            raise UnresolvedVariableError(value.node.name, value.node.span)
        self.unresolved.append(value.node)
        return Scalar("${" + value.node.name + "}", value.node.span)

    def lookup(self, path: tuple[str, ...]) -> Resolved | None:
        current: RValue = self.root
        for depth, element in enumerate(path):
            if isinstance(current, RObject):
                item = current.fields.get(element)
                if item is None:
                    return None
                current = item.value
                continue
            resolved = self.resolve(current)
            return None if isinstance(resolved, _Missing) else lookup(resolved, path[depth:])
        return self.resolve(current)

    def concatenate(self, value: RConcat) -> Resolved:
        parts: list[tuple[RValue, Resolved]] = []
        for part in value.parts:
            resolved = self.resolve(part)
            if not isinstance(resolved, _Missing):
                parts.append((part, resolved))
        solid = [
            (raw, node) for raw, node in parts if not (isinstance(raw, RScalar) and raw.whitespace)
        ]
        if not solid:
            return MISSING
        if len(parts) == 1 or (len(solid) == 1 and not isinstance(solid[0][1], Scalar)):
            return solid[0][1]
        if any(isinstance(node, ObjectNode) for _, node in solid):
            if not all(isinstance(node, ObjectNode) for _, node in solid):
                raise _mixed("cannot concatenate an object with a string or a list", value, solid)
            merged = ObjectNode(span=value.span)
            for _, node in solid:
                assert isinstance(node, ObjectNode)
                merged = merge_objects(merged, node)
            merged.span = value.span
            return merged
        if any(isinstance(node, ListNode) for _, node in solid):
            if not all(isinstance(node, ListNode) for _, node in solid):
                raise _mixed("cannot concatenate a list with a string or an object", value, solid)
            items: list[Node] = []
            for _, node in solid:
                assert isinstance(node, ListNode)
                items.extend(node.items)
            return ListNode(items, value.span)
        pieces = [_concat_text(raw, node) for raw, node in parts]
        length = sum(map(len, pieces))
        if length > limits.MAX_RESOLVED_CHARS:
            raise self.too_large(
                value, f"a string of {length:,} characters", limits.MAX_RESOLVED_CHARS
            )
        return Scalar("".join(pieces), value.span)

    def merge(self, value: RMerge) -> Resolved:
        result: Resolved = MISSING
        for layer in reversed(value.layers):
            resolved = self.resolve(layer)
            if isinstance(resolved, _Missing):
                continue
            if isinstance(result, _Missing):
                result = resolved
            elif isinstance(result, ObjectNode) and isinstance(resolved, ObjectNode):
                result = merge_objects(resolved, result)
            else:
                break
            if not isinstance(result, ObjectNode):
                break
        return result


def located(node: Node, span: Span) -> Node:
    """A copy of a value from outside the document, placed where it was referenced."""
    if isinstance(node, Scalar):
        return Scalar(node.value, span)
    if isinstance(node, ListNode):
        return ListNode([located(item, span) for item in node.items], span)
    copy = ObjectNode(span=span)
    for key, member in node.members.items():
        copy.members[key] = Member(key, located(member.value, span), span)
    return copy


def _concat_text(raw: RValue, node: Resolved) -> str:
    if isinstance(raw, RScalar):
        return raw.text
    assert isinstance(node, Scalar)
    return scalar_text(node.value)


def scalar_text(value: ScalarValue) -> str:
    """How a scalar reads inside a concatenated string, as Java renders it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e7:
        return f"{value:.1f}"
    return str(value)


def merge_objects(base: ObjectNode, top: ObjectNode) -> ObjectNode:
    """`top` over `base`: keys keep their first position, objects merge recursively."""
    merged = ObjectNode(span=top.span or base.span)
    for name, member in base.members.items():
        merged.members[name] = member
    for name, member in top.members.items():
        below = merged.members.get(name)
        if (
            below is not None
            and isinstance(below.value, ObjectNode)
            and isinstance(member.value, ObjectNode)
        ):
            merged.members[name] = Member(
                name, merge_objects(below.value, member.value), member.key_span, member.implicit
            )
        else:
            merged.members[name] = member
    return merged


INCLUDE_EXTENSIONS = (".conf", ".json", ".properties")


def included_path(include: Include, document: Document) -> list[Path]:
    """Candidate files for an include, relative to the including file, as typesafe tries them.

    Typesafe's `SimpleIncluder.fromBasename`: a name ending in one of the three extensions is
    that file; any other name (even `""` or `a.b`) gets each extension appended.
    """
    base = Path(document.source.path).parent
    if include.target.endswith(INCLUDE_EXTENSIONS):
        return [base / include.target]
    return [base / (include.target + ext) for ext in INCLUDE_EXTENSIONS]


__all__ = [
    "MISSING",
    "Builder",
    "ExternalLookup",
    "IncludeLoader",
    "Resolver",
    "included_path",
    "merge_objects",
    "scalar_text",
]
