"""Plugin option checks over the catalog's plain option facts (`PluginSpec`), without pydantic.

The catalog's pydantic models cost seconds to build for a repository of jobs; the linter must
stay in milliseconds, so it reads the same facts from the catalog's `PluginSpec` (keys,
fallback keys, types, enums, defaults, OptionRule groups), folds keys the way SeaTunnel reads
them (flat `row.num`, nested `row { num }`, `map.sub` entries, `prefix.` families), runs the
catalog's own `check_rules` for required / exclusive / bundled / conditional groups and the
options needed at run time, and checks values with SeaTunnel's lenient conversion
(`ConfigUtil.convertValue`): numbers and booleans may be strings, enums match
case-insensitively, lists may be comma-separated strings, and an `object` option (a Java
`Object`, often an enum the extractor could not see) takes anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from stconfig.lint.suggest import closest
from stconfig.model.values import ListNode, Member, Node, ObjectNode, Scalar
from stconfig.source import Span
from stconfig.versions import Version, catalog_for, catalog_note

if TYPE_CHECKING:
    from stconfig.catalog.spec import OptionSpec, PluginSpec
    from stconfig.model.job import Job, Plugin

FindingKind = Literal[
    "unknown-plugin",
    "newer-plugin",
    "unknown",
    "missing",
    "type",
    "enum",
    "exclusive",
    "bundled",
    "conditional",
    "run_time",
]
INTEGER = re.compile(r"\s*[+-]?\d+\s*")
NUMBER = re.compile(r"\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*")
INT_RANGE = (-(2**31), 2**31 - 1)
LONG_RANGE = (-(2**63), 2**63 - 1)


@dataclass(frozen=True, slots=True)
class OptionFinding:
    """One problem with a plugin or its options, already located."""

    kind: FindingKind
    plugin: Plugin
    key: str
    span: Span | None
    message: str
    suggestion: str | None = None


def check_job(job: Job, target: Version) -> list[OptionFinding]:
    """Every plugin's findings, in plugin order, against the catalog that describes `target`.

    A target the catalog does not describe (newer than 2.3.9-SNAPSHOT, or older than 2.3.8)
    is checked with the nearest catalog: a name it does not know is reported as
    `newer-plugin` (a warning: the target may have it), and every finding says which
    catalog's options it used.
    """
    from stconfig.catalog.registry import canonical_name, plugin_spec, suggest

    version, exact = catalog_for(target)
    note = catalog_note(target)
    findings: list[OptionFinding] = []
    for plugin in job.plugins:
        name = plugin.name
        if name is None or not name.strip():
            continue
        if canonical_name(plugin.kind, name, version=version) is None:
            member = plugin.name_member
            span = None
            if member is not None:
                span = member.key_span if member.implicit else member.value.span
            hints = suggest(plugin.kind, name, version=version)
            if exact:
                message = f"{name!r} is not a SeaTunnel {target} {plugin.kind} plugin"
            else:
                message = (
                    f"{name!r} is not a {plugin.kind} plugin the catalog knows ({note}): "
                    f"check the name against SeaTunnel {target}"
                )
            findings.append(
                OptionFinding(
                    "unknown-plugin" if exact else "newer-plugin",
                    plugin,
                    name,
                    span,
                    message,
                    " or ".join(repr(h) for h in hints) if hints else None,
                )
            )
            continue
        spec = plugin_spec(plugin.kind, name, version=version)
        found = PluginCheck(plugin, spec).run()
        if not exact:
            used = f" (checked with SeaTunnel {version}'s options; the target is {target})"
            found = [replace(f, message=f.message + used) for f in found]
        findings += found
    return findings


class PluginCheck:
    """The checks of one plugin block against its spec."""

    def __init__(self, plugin: Plugin, spec: PluginSpec) -> None:
        self.plugin = plugin
        self.spec = spec
        self.folded: dict[str, object] = {}
        self.members: dict[str, Member] = {}
        self.findings: list[OptionFinding] = []

    def run(self) -> list[OptionFinding]:
        for key, member in self.plugin.node.members.items():
            self.visit(key, member)
        self.rules()
        return self.findings

    def add(
        self,
        kind: FindingKind,
        key: str,
        span: Span | None,
        message: str,
        suggestion: str | None = None,
    ) -> None:
        self.findings.append(OptionFinding(kind, self.plugin, key, span, message, suggestion))

    def visit(self, key: str, member: Member) -> None:
        """Fold one key as SeaTunnel reads it (the catalog's `fold`), checking known values."""
        spec = self.spec
        option = spec.option(key)
        if option is not None:
            self.folded[key] = member.value.to_python()
            self.members[key] = member
            self.check_value(option, key, member)
            return
        owner = spec.owner(key)
        if owner is not None:
            if not owner.is_prefix:
                target = self.folded.setdefault(owner.key, {})
                if isinstance(target, dict):
                    target[key[len(owner.key) + 1 :]] = member.value.to_python()
            return
        if isinstance(member.value, ObjectNode) and any(
            k.startswith(key + ".") for k in spec.all_keys
        ):
            for sub, inner in member.value.members.items():
                self.visit(f"{key}.{sub}", inner)
            return
        guess = closest(key, spec.all_keys, cutoff=0.75)
        self.add(
            "unknown",
            key,
            member.key_span,
            f"{key!r} is not an option of {spec.name}; SeaTunnel ignores it",
            guess[0] if guess else None,
        )

    def check_value(self, option: OptionSpec, key: str, member: Member) -> None:
        problem = value_problem(option, member.value)
        if problem is not None:
            kind: FindingKind = "enum" if option.type in ("enum", "list<enum>") else "type"
            span = member.value.span or member.key_span
            hint = None
            if kind == "enum" and isinstance(member.value, Scalar):
                guess = closest(str(member.value.value), allowed(option), cutoff=0.5)
                hint = guess[0] if guess else None
            self.add(kind, key, span, f"{key} {problem}", hint)

    def rules(self) -> None:
        from stconfig.catalog.rules import check_rules

        for problem in check_rules(self.spec, self.folded):
            member = self.members.get(problem.key)
            span = member.key_span if member is not None else self.plugin_span()
            message = f"{self.spec.name} {self.plugin.kind}: {problem.message}"
            self.add(problem.kind, problem.key, span, message)

    def plugin_span(self) -> Span | None:
        member = self.plugin.name_member
        if member is not None and member.key_span is not None:
            return member.key_span
        return self.plugin.span


def allowed(option: OptionSpec) -> tuple[str, ...]:
    """The enum constants and the other spellings SeaTunnel accepts for them."""
    aliases = [alias if isinstance(alias, str) else alias[0] for alias in option.enum_aliases]
    return (*(option.enum or ()), *aliases)


def value_problem(option: OptionSpec, node: Node) -> str | None:
    """Why SeaTunnel cannot convert this value to the option's type, or None."""
    kind = option.type
    if kind in ("any", "string", "object") or (isinstance(node, Scalar) and node.value is None):
        return None
    if isinstance(node, Scalar) and isinstance(node.value, str) and "${" in node.value:
        return None  # a placeholder filled at run time
    if kind.startswith("list<"):
        if isinstance(node, ListNode):
            inner = kind[5:-1]
            element = _element_option(option, inner)
            for item in node.items:
                problem = value_problem(element, item)
                if problem is not None:
                    return f"has an element that {problem.removeprefix('is ')}"
            return None
        if (
            isinstance(node, Scalar)
            and isinstance(node.value, str)
            and not kind.startswith(("list<map", "list<object"))
        ):
            return None  # a comma-separated or JSON-array string is split by SeaTunnel
        return f"is {_shown(node)}; it must be a list"
    if kind.startswith("map<"):
        return None if isinstance(node, ObjectNode) else f"is {_shown(node)}; it must be an object"
    if not isinstance(node, Scalar):
        return f"is {_shown(node)}; it must be a single {kind} value"
    value = node.value
    if kind in ("int", "long"):
        low, high = INT_RANGE if kind == "int" else LONG_RANGE
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            return f"is {value!r}; it must be an integer"
        if isinstance(value, str) and not INTEGER.fullmatch(value):
            return f"is {value!r}; it must be an integer"
        assert isinstance(value, str | int | float)
        number = int(value)
        if not low <= number <= high:
            return f"is {value!r}; it does not fit a Java {kind}"
        return None
    if kind in ("double", "float", "decimal"):
        if isinstance(value, bool) or (isinstance(value, str) and not NUMBER.fullmatch(value)):
            return f"is {value!r}; it must be a number"
        return None
    if kind == "boolean":
        if isinstance(value, bool) or (
            isinstance(value, str) and value.strip().lower() in ("true", "false")
        ):
            return None
        return f"is {value!r}; it must be true or false"
    if kind == "enum":
        names = allowed(option)
        text = str(value).strip()
        ok = (
            text in names
            if option.enum_case_sensitive
            else text.upper() in {n.upper() for n in names}
        )
        if not ok:
            shown = ", ".join(repr(n) for n in option.enum or ())
            return f"is {value!r}; it must be one of {shown}"
    return None


def _element_option(option: OptionSpec, inner: str) -> OptionSpec:
    from dataclasses import replace

    return replace(option, type=inner)


def _shown(node: Node) -> str:
    if isinstance(node, ObjectNode):
        return "an object"
    if isinstance(node, ListNode):
        return "a list"
    return repr(node.value)


__all__ = ["OptionFinding", "PluginCheck", "check_job", "value_problem"]
