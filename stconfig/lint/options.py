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
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from stconfig._records import record, replace
from stconfig.lint.suggest import closest
from stconfig.model.values import ListNode, Member, Node, ObjectNode, Scalar
from stconfig.source import Span
from stconfig.versions import Version, catalog_for, catalog_note

if TYPE_CHECKING:
    from stconfig.catalog.build_values import BuildRead
    from stconfig.catalog.engine_checks import EngineCheck
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
    "unchecked",
    "refused_value",
    "truncated",
]
INTEGER = re.compile(r"\s*[+-]?\d+\s*")
NUMBER = re.compile(r"\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*")
PLACEHOLDER = re.compile(r"\$\{[^}]*\}")
STRICT_KINDS = frozenset({"enum", "int", "long", "double", "float", "decimal", "boolean"})
"""Types SeaTunnel parses strictly: an unset `"${name}"` left as text fails to convert."""
INT_RANGE = (-(2**31), 2**31 - 1)
LONG_RANGE = (-(2**63), 2**63 - 1)


@record(frozen=True)
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
    from stconfig.catalog.engine_checks import engine_check, engine_checks_known
    from stconfig.catalog.registry import canonical_name, plugin_spec, suggest

    version, exact, note = _catalog(target, str(target))
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
        engine = engine_check(plugin.kind, spec.name, version=version)
        if exact and engine_checks_known(version) and (engine is None or engine.check == "none"):
            findings.append(_not_loadable(plugin, spec.name, version, engine))
            continue
        found = PluginCheck(plugin, spec, engine, version).run()
        if not exact:
            used = f" (checked with SeaTunnel {version}'s options; the target is {target})"
            found = [replace(f, message=f.message + used) for f in found]
        findings += found
    return findings


@lru_cache(maxsize=16)
def _catalog(target: Version, written: str) -> tuple[str, bool, str | None]:
    """`catalog_for` and `catalog_note` of a target, worked out once rather than per job.
    `written` (the note shows it) is part of the key, as equal versions may be written
    differently."""
    version, exact = catalog_for(target)
    return version, exact, catalog_note(target)


RULE_KINDS = frozenset({"missing", "exclusive", "bundled", "conditional"})
"""Findings that come from the `OptionRule` alone: the engine checks them on the factory path."""


def _not_loadable(
    plugin: Plugin, name: str, version: str, engine: EngineCheck | None
) -> OptionFinding:
    """A catalog plugin the engine of that version cannot load (its own plugin list says so)."""
    member = plugin.name_member
    span = None
    if member is not None:
        span = member.key_span if member.implicit else member.value.span
    if engine is None:
        why = f"SeaTunnel {version}'s plugin-mapping.properties and factories have no such plugin"
    else:
        why = f"SeaTunnel {version} finds no plugin to run under that name: {engine.engine_message}"
    message = f"{name!r} is not a SeaTunnel {version} {plugin.kind} plugin: {why}"
    return OptionFinding("unknown-plugin", plugin, name, span, message)


class PluginCheck:
    """The checks of one plugin block against its spec and the engine's way of checking it.

    With `engine` saying the engine takes the legacy path (`prepare`), `OptionRule` findings the
    engine never makes become `unchecked` warnings, and the keys `prepare()` requires become
    `missing` errors; without it (versions the engine was not asked about) the `OptionRule`
    is trusted.
    """

    def __init__(
        self,
        plugin: Plugin,
        spec: PluginSpec,
        engine: EngineCheck | None = None,
        version: str = "",
    ) -> None:
        self.plugin = plugin
        self.spec = spec
        self.engine = engine
        self.version = version
        self.folded: dict[str, object] = {}
        self.members: dict[str, Member] = {}
        self.findings: list[OptionFinding] = []
        self.valued: list[tuple[OptionSpec, str, Member]] = []

    def run(self) -> list[OptionFinding]:
        for key, member in self.plugin.node.members.items():
            self.visit(key, member)
        self.values()
        self.connector_values()
        self.rules()
        self.prepare_requirements()
        self.misspelled_requirements()
        self.drop_contradicted_warnings()
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
            self.valued.append((option, key, member))
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

    def values(self) -> None:
        """Values SeaTunnel cannot convert: errors where the engine converts the option while
        it builds the block, warnings (`unchecked`) where it converts it only when the job runs."""
        problems = [
            (option, key, member, problem)
            for option, key, member in self.valued
            if (problem := value_problem(option, member.value)) is not None
        ]
        self.choices({key for _, key, _, _ in problems})
        for option, key, member in self.valued:
            cut = truncation(option, member.value)
            if cut is not None:
                self.add("truncated", key, member.value.span or member.key_span, f"{key} {cut}")
        if not problems:
            return
        strict = self.strict_keys()
        for option, key, member, problem in problems:
            span = member.value.span or member.key_span
            read = None if strict is None else strict.get(option.key)
            if strict is not None and option.key not in strict:
                self.add("unchecked", key, span, self.unchecked_message(key, problem))
                continue
            if strict is None and self.engine is not None and self.engine.check == "prepare":
                message = (
                    f"{key} {problem}; SeaTunnel {self.version} does not check this value: "
                    f"{self.spec.name} takes the legacy path (the plugin's own prepare()), "
                    "which reads only some options, so the job may fail only when it runs"
                )
                self.add("unchecked", key, span, message)
                continue
            kind: FindingKind = "enum" if option.type in ("enum", "list<enum>") else "type"
            hint = None
            if kind == "enum" and isinstance(member.value, Scalar):
                guess = closest(str(member.value.value), allowed(option), cutoff=0.5)
                hint = guess[0] if guess else None
            message = f"{key} {problem}"
            if read is not None and read.after_listing:
                message += (
                    f"; {self.spec.name} converts it after listing `path`, so SeaTunnel "
                    f"{self.version} refuses the job as soon as the path holds a file"
                )
            self.add(kind, key, span, message, hint)

    def choices(self, wrong: set[str]) -> None:
        """Single-choice values the `OptionRule` selects by a condition (the file sinks'
        `compress_codec` per `file_format_type`), which `ConfigValidator` checks."""
        from stconfig.catalog.build_values import plugin_reads

        if self.engine is None or self.engine.check != "option_rule":
            return
        recorded = plugin_reads(self.plugin.kind, self.spec.name, version=self.version)
        if recorded is None or not recorded.choices:
            return
        given = self.given()
        for option, key, member in self.valued:
            value = member.value
            if key in wrong or not isinstance(value, Scalar) or not isinstance(value.value, str):
                continue
            for choice in recorded.choices:
                if choice.key not in option.keys:
                    continue
                if not all(c.holds(given, self._default(c.option)) for c in choice.when):
                    continue
                constant = option.constant(value.value.strip()).upper()
                if constant in {v.upper() for v in choice.values}:
                    continue
                why = ", ".join(
                    f"{c.option} = {given.get(c.option) or self._default(c.option)}"
                    + ("" if c.option in given else " (its default)")
                    for c in choice.when
                )
                message = (
                    f"{key} is {value.value!r}; with {why} SeaTunnel {self.version} allows only "
                    f"{', '.join(choice.values)} (a single-choice option of "
                    f"{self.spec.name}'s OptionRule)"
                )
                guess = closest(value.value, choice.values, cutoff=0.5)
                self.add(
                    "enum", key, value.span or member.key_span, message, guess[0] if guess else None
                )
                break

    def connector_values(self) -> None:
        """Values the connector itself refuses although they have the option's type (a Jdbc
        url no dialect accepts, a Maxcompute endpoint that is not an http(s) URI)."""
        from stconfig.catalog.value_checks import value_checks

        checks = value_checks(self.plugin.kind, self.spec.name, version=self.version)
        if not checks:
            return
        given = self.given()
        for check in checks:
            member = self.members.get(check.key)
            option = self.spec.option(check.key)
            span: Span | None
            if member is None and check.default_applies and option is not None:
                value: object = option.default
                span = self.plugin_span()
                unset = f"{check.key} is not set and its default applies: "
            elif member is not None and isinstance(member.value, Scalar):
                value = member.value.value
                span = member.value.span or member.key_span
                unset = ""
            else:
                continue
            if any(f.key == check.key for f in self.findings):
                continue  # already reported as a value of the wrong type
            if not isinstance(value, str) or "${" in value:
                continue  # a placeholder is filled when the job is submitted
            problem = check.problem(value) if check.relevant(given) else None
            if problem is None:
                continue
            problem = unset + problem
            if check.at_build(given):
                self.add("refused_value", check.key, span, f"{self.spec.name}: {problem}")
            else:
                message = (
                    f"{self.spec.name}: {problem}; SeaTunnel {self.version} does not check it "
                    f"when it builds this block ({check.later}), so the job fails when it runs"
                )
                self.add("unchecked", check.key, span, message)

    def given(self) -> dict[str, object]:
        """The block's values as the conditions see them: set keys, folded as SeaTunnel reads."""
        given: dict[str, object] = {
            k: m.value.to_python() for k, m in self.plugin.node.members.items()
        }
        given.update(self.folded)
        return given

    def unchecked_message(self, key: str, problem: str) -> str:
        return (
            f"{key} {problem}; SeaTunnel {self.version} does not convert this value when it "
            f"builds {self.spec.name} here: the job fails only when the plugin reads it, if ever"
        )

    def strict_keys(self) -> dict[str, BuildRead | None] | None:
        """Options whose value the engine converts while it builds this block (with the read
        that does it, None for the parser's, the OptionRule's and probed reads); None when
        the engine's reads are not known (versions the engine was not asked about)."""
        from stconfig.catalog.build_values import PARSER_READS, plugin_reads
        from stconfig.catalog.rules import converted_by_rule

        engine = self.engine
        recorded = plugin_reads(self.plugin.kind, self.spec.name, version=self.version)
        probed = None if engine is None else engine.strict_values
        if engine is None or (recorded is None and probed is None):
            return None
        strict: dict[str, BuildRead | None] = dict.fromkeys(PARSER_READS[self.plugin.kind])
        if engine.check == "option_rule":
            strict.update(dict.fromkeys(converted_by_rule(self.spec, self.folded)))
        if probed is not None and (recorded is None or not recorded.complete):
            strict.update(dict.fromkeys(probed))
        if recorded is not None:
            given = self.given()
            for read in recorded.reads:
                if all(c.holds(given, self._default(c.option)) for c in read.when):
                    for key in read.keys:
                        earlier = strict.get(key, read)
                        if key not in strict or (earlier and earlier.after_listing):
                            strict[key] = read  # an unconditional read wins over a later one
        canonical: dict[str, BuildRead | None] = {}
        for key, found in strict.items():
            option = self.spec.option(key)
            canonical[option.key if option is not None else key] = found
        return canonical

    def _default(self, key: str) -> object:
        option = self.spec.option(key)
        return option.default if option is not None and option.has_default else None

    def rules(self) -> None:
        from stconfig.catalog.rules import check_rules

        legacy = self.engine is not None and self.engine.check == "prepare"
        problems = check_rules(self.spec, self.folded)
        enforced = {p.key for p in problems if p.kind in ("missing", "conditional") and not legacy}
        for problem in problems:
            if problem.kind == "run_time" and problem.key in enforced:
                continue  # the factory's OptionRule already refuses the block for this key
            member = self.members.get(problem.key)
            span = member.key_span if member is not None else self.plugin_span()
            message = f"{self.spec.name} {self.plugin.kind}: {problem.message}"
            kind: FindingKind = problem.kind
            if legacy and kind in RULE_KINDS:
                if kind == "missing" and problem.key in self.required_by_prepare():
                    continue  # reported by prepare_requirements, with the engine's words
                kind = "unchecked"
                message += (
                    f"; SeaTunnel {self.version} does not check this: {self.spec.name} takes the "
                    "legacy path (the plugin's own prepare()), which never validates the "
                    "OptionRule and does not require it"
                )
            self.add(kind, problem.key, span, message)

    def required_by_prepare(self) -> tuple[str, ...]:
        """Keys the legacy `prepare()` requires in this block (conditions applied)."""
        if self.engine is None or self.engine.check != "prepare":
            return ()
        conditional = tuple(key for key, *_ in self.engine.unless if not self._exempt(key))
        return (*self.engine.requires, *conditional)

    def _exempt(self, key: str) -> bool:
        """`prepare()` skips `key` because its condition option has one of the given values."""
        for needed, option, values in self.engine.unless if self.engine else ():
            if needed == key:
                value = self.folded.get(option)
                if value is None and (spec_option := self.spec.option(option)) is not None:
                    value = spec_option.default
                return str(value).upper() in {v.upper() for v in values}
        return False

    def prepare_requirements(self) -> None:
        """The keys the legacy `prepare()` refuses to go without (`CheckConfigUtil`)."""
        engine = self.engine
        if engine is None or engine.check != "prepare":
            return
        words = engine.engine_message.rpartition("Message: ")[2]
        said = f"; SeaTunnel {self.version}'s prepare() refuses the block: {words!r}"
        head = f"{self.spec.name} {self.plugin.kind}: option"
        for key in engine.requires:
            if not self._set(key):
                self.add("missing", key, self.plugin_span(), f"{head} {key!r} is required{said}")
        for key, option, values in engine.unless:
            if not self._exempt(key) and not self._set(key):
                because = f" unless {option} is {' or '.join(values)}"
                self.add("missing", key, self.plugin_span(), f"{head} {key!r} is required{because}")
        for group in engine.one_of:
            if not any(self._set(key) for key in group):
                wanted = " or ".join(repr(key) for key in group)
                self.add(
                    "missing", group[0], self.plugin_span(), f"{head} {wanted} is required{said}"
                )
        for keys, refusal in engine.together:
            given = [key for key in keys if self._set(key)]
            for key in keys:
                if given and key not in given:
                    words = re.sub(
                        r"please specify \[[^\]]*\]",
                        f"please specify [{key}]",
                        refusal.rpartition("Message: ")[2],
                    )
                    because = " and ".join(repr(k) for k in given)
                    message = (
                        f"{head} {key!r} is required because {because} is set; SeaTunnel "
                        f"{self.version}'s prepare() refuses the block: {words!r}"
                    )
                    self.add("missing", key, self.plugin_span(), message)

    def _set(self, key: str) -> bool:
        """What `CheckConfigUtil.isValidParam` accepts: the path exists with a non-null value
        that is not an empty list (an empty string counts as set)."""
        value = self.folded.get(key)
        if value is None:
            member = self.plugin.node.members.get(key)
            value = None if member is None else member.value.to_python()
        return value is not None and value != []

    def misspelled_requirements(self) -> None:
        """An unknown key close to a missing required key is that key, misspelled: one error
        at the misspelling ("did you mean"), instead of a warning there and an error at the
        plugin's name."""
        missing = {f.key: f for f in self.findings if f.kind in ("missing", "run_time")}
        replaced: dict[str, OptionFinding] = {}
        for finding in self.findings:
            target = missing.get(finding.suggestion or "")
            if finding.kind != "unknown" or target is None or target.key in replaced:
                continue
            message = f"{target.message}; {finding.key!r} is set instead, which SeaTunnel ignores"
            replaced[target.key] = OptionFinding(
                target.kind, self.plugin, finding.key, finding.span, message, target.key
            )
        if not replaced:
            return
        kept = []
        for finding in self.findings:
            if finding.kind in ("missing", "run_time") and finding.key in replaced:
                continue
            if finding.kind == "unknown" and finding.suggestion in replaced:
                kept.append(replaced[finding.suggestion or ""])
                continue
            kept.append(finding)
        self.findings = kept

    def drop_contradicted_warnings(self) -> None:
        """On the legacy path a rule group becomes an `unchecked` warning ("the engine does not
        check this"); when the block's errors show the engine does need those keys (its
        `prepare()` or a read outside the rule), the warning would contradict them and goes."""
        needed: set[str] = set()
        for finding in self.findings:
            if finding.kind in ("missing", "bundled", "run_time"):
                needed.add(finding.key)
                needed.add(finding.suggestion or finding.key)
                for rule in self.spec.run_time:
                    if finding.kind == "run_time" and finding.key in rule.one_of:
                        needed.update(rule.one_of)
        self.findings = [
            finding
            for finding in self.findings
            if not (
                finding.kind == "unchecked"
                and finding.key in needed
                and finding.key not in self.members
            )
        ]

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
        if kind in STRICT_KINDS and PLACEHOLDER.fullmatch(node.value.strip()):
            return (
                f"is the placeholder {node.value!r}, which no variable sets: SeaTunnel reads it "
                f"as that text and cannot convert it to {kind_name(option)} (set it with "
                "`-i NAME=VALUE` / --var)"
            )
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
        if isinstance(value, bool):
            return f"is {value!r}; it must be an integer"
        if isinstance(value, str) and not NUMBER.fullmatch(value):
            return f"is {value!r}; it must be an integer"
        assert isinstance(value, str | int | float)
        number = int(value) if isinstance(value, int) else int(float(value))
        if not low <= number <= high:
            return f"is {value!r}; it does not fit a Java {kind}"
        return None  # a fraction is truncated, not refused: see `truncation`
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


def truncation(option: OptionSpec, node: Node) -> str | None:
    """How SeaTunnel truncates a fraction given to an integer option, or None.

    `ConfigUtil.convertValue` fails `Integer.parseInt("2.5")`, then hands the text to Jackson,
    whose default float-to-int coercion (`ACCEPT_FLOAT_AS_INT`) drops the fraction: the engine
    accepts `2.5` (or `"2.5"`) as 2 without a word.
    """
    if option.type not in ("int", "long") or not isinstance(node, Scalar):
        return None
    value = node.value
    if isinstance(value, bool) or not isinstance(value, str | float):
        return None
    if isinstance(value, str) and (not NUMBER.fullmatch(value) or "${" in value):
        return None
    number = float(value)
    if number.is_integer():
        return None
    return (
        f"is {value!r}; SeaTunnel accepts it for this {option.type} option and drops the "
        f"fraction: it reads {int(number)}"
    )


def kind_name(option: OptionSpec) -> str:
    if option.type == "enum" and option.enum:
        return "one of " + ", ".join(repr(name) for name in option.enum)
    return f"a {option.type}"


def _element_option(option: OptionSpec, inner: str) -> OptionSpec:
    return replace(option, type=inner)


def _shown(node: Node) -> str:
    if isinstance(node, ObjectNode):
        return "an object"
    if isinstance(node, ListNode):
        return "a list"
    return repr(node.value)


__all__ = ["OptionFinding", "PluginCheck", "check_job", "value_problem"]
