"""Extract SeaTunnel's plugin catalog (facts only) from a source tree into a JSON data file.

Reads `plugin-mapping.properties`, finds each plugin's factory (`factoryIdentifier()`), resolves
its `optionRule()` builder chain and every `Options.key(...)` constant it names, and adds the
options the connector reads outside the rule (constants declared in its modules, typesafe
`config.getX("key")` reads), marked `in_rule: false`. No descriptions are copied. What cannot be
resolved is listed in the output rather than guessed.

    python scripts/extract_catalog.py --git /path/to/seatunnel.git --ref 2.3.8
    python scripts/extract_catalog.py --tree /path/to/checkout --version 2.3.8
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _java import JavaClass, JavaFile, match_close, parse_file, split_top

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "stconfig" / "catalog" / "data"
EXTERNAL = ROOT / "stconfig" / "catalog" / "overrides" / "external.json"
RUN_TIME = ROOT / "stconfig" / "catalog" / "overrides" / "run_time.json"
SCANNED = (
    "seatunnel-api",
    "seatunnel-common",
    "seatunnel-connectors-v2",
    "seatunnel-transforms-v2",
)
FACTORY_KIND = {
    "TableSourceFactory": "source",
    "TableSinkFactory": "sink",
    "TableTransformFactory": "transform",
}
COMMON_MODULE = "seatunnel-connectors-v2/connector-common"
RULE_METHODS = ("required", "optional", "exclusive", "bundled", "conditional")
SIMPLE_TYPES = {
    "booleanType": "boolean",
    "intType": "int",
    "longType": "long",
    "bigDecimalType": "decimal",
    "floatType": "float",
    "doubleType": "double",
    "stringType": "string",
    "durationType": "duration",
    "mapType": "map<string, string>",
}
JAVA_TYPES = {
    "String": "string",
    "Integer": "int",
    "int": "int",
    "Long": "long",
    "long": "long",
    "Boolean": "boolean",
    "boolean": "boolean",
    "Double": "double",
    "double": "double",
    "Float": "float",
    "float": "float",
    "BigDecimal": "decimal",
    "Object": "any",
    "Duration": "duration",
}
JAVA_LIMITS: dict[str, tuple[int | float, int | float]] = {
    "Byte": (2**7 - 1, -(2**7)),
    "Short": (2**15 - 1, -(2**15)),
    "Integer": (2**31 - 1, -(2**31)),
    "Long": (2**63 - 1, -(2**63)),
    "Float": (3.4028234663852886e38, 1.401298464324817e-45),
    "Double": (1.7976931348623157e308, 5e-324),
}
GETTER_TYPES = {
    "getString": "string",
    "getInt": "int",
    "getLong": "long",
    "getBoolean": "boolean",
    "getDouble": "double",
    "getNumber": "double",
    "getDuration": "duration",
    "getBytes": "long",
    "getStringList": "list<string>",
    "getIntList": "list<int>",
    "getLongList": "list<long>",
    "getConfig": "map<string, any>",
    "getObject": "map<string, any>",
    "getConfigList": "list<map<string, any>>",
    "getObjectList": "list<map<string, any>>",
    "getList": "list<any>",
    "getAnyRef": "any",
    "getValue": "any",
    "hasPath": "any",
    "getEnum": "any",
}
_GETTER_RE = re.compile(
    r"\b\w*(?:[cC]onfig|[cC]onf|[oO]ptions?|[pP]arams)\w*(?:\(\))?\s*\.("
    + "|".join(GETTER_TYPES)
    + r")\(\s*(?:[\w.]+\s*,\s*)?(\"(?:[^\"\\]|\\.)*\"|[A-Z][\w.]*)\s*\)"
)


_CONSTANT_REF_RE = re.compile(r"(?<![\w.])((?:[A-Z]\w*\.)*)([A-Z][A-Z0-9_]+)\b(?!\s*\()")


class Unresolved(Exception):
    """A Java expression this extractor cannot evaluate."""


@dataclass
class OptionFact:
    """One `Option` constant, evaluated."""

    key: str
    type: str
    enum: list[str] | None = None
    enum_case_sensitive: bool = False
    enum_aliases: list[list[str]] = field(default_factory=list)
    default: Any = None
    has_default: bool = False
    fallback_keys: list[str] = field(default_factory=list)
    declared_in: str = ""
    default_unresolved: str | None = None

    def to_json(self, in_rule: bool) -> dict[str, Any]:
        data: dict[str, Any] = {"key": self.key, "type": self.type}
        if self.enum is not None:
            data["enum"] = self.enum
            data["enum_case_sensitive"] = self.enum_case_sensitive
            if self.enum_aliases:
                data["enum_aliases"] = self.enum_aliases
        data["has_default"] = self.has_default
        if self.has_default:
            data["default"] = self.default
        if self.default_unresolved is not None:
            data["default_unresolved"] = self.default_unresolved
        data["fallback_keys"] = self.fallback_keys
        data["in_rule"] = in_rule
        data["declared_in"] = self.declared_in
        return data


class Index:
    """Every class of the scanned tree, with name resolution in a file's context."""

    def __init__(self, root: Path, external: dict[str, dict[str, Any]]) -> None:
        self.external = external
        self.files: list[JavaFile] = []
        self.by_fqcn: dict[str, JavaClass] = {}
        self.by_name: dict[str, list[JavaClass]] = {}
        for top in SCANNED:
            for path in sorted((root / top).rglob("*.java")):
                rel = path.relative_to(root).as_posix()
                if "/src/test/" in rel:
                    continue
                jf = parse_file(path, rel)
                self.files.append(jf)
                for c in jf.classes:
                    self.by_fqcn[c.fqcn] = c
                    self.by_name.setdefault(c.name, []).append(c)
        self._option_cache: dict[tuple[str, str], OptionFact] = {}
        self.unresolved: list[str] = []

    def resolve_class(self, name: str, ctx: JavaFile, near: JavaClass | None = None) -> JavaClass:
        """The class a (possibly qualified) name denotes inside `ctx`."""
        if name in self.by_fqcn:
            return self.by_fqcn[name]
        head, _, rest = name.partition(".")
        base = self._resolve_simple(head, ctx, near)
        for part in rest.split(".") if rest else []:
            for scope in (base, *self.supers(base)):
                nested = self.by_fqcn.get(f"{scope.fqcn}.{part}")
                if nested is not None:
                    base = nested
                    break
            else:
                raise Unresolved(name)
        return base

    def _resolve_simple(self, name: str, ctx: JavaFile, near: JavaClass | None) -> JavaClass:
        scope = near
        while scope is not None:
            for cand in (f"{scope.fqcn}.{name}",):
                if cand in self.by_fqcn:
                    return self.by_fqcn[cand]
            for sup in self.supers(scope):
                if f"{sup.fqcn}.{name}" in self.by_fqcn:
                    return self.by_fqcn[f"{sup.fqcn}.{name}"]
            scope = scope.parent
        for c in ctx.classes:
            if c.name == name:
                return c
        if name in ctx.imports and ctx.imports[name] in self.by_fqcn:
            return self.by_fqcn[ctx.imports[name]]
        if name in ctx.imports:
            raise Unresolved(ctx.imports[name])
        if f"{ctx.package}.{name}" in self.by_fqcn:
            return self.by_fqcn[f"{ctx.package}.{name}"]
        for wild in ctx.wildcards:
            if f"{wild}.{name}" in self.by_fqcn:
                return self.by_fqcn[f"{wild}.{name}"]
        candidates = self.by_name.get(name, [])
        if len(candidates) == 1:
            return candidates[0]
        raise Unresolved(name)

    def supers(self, cls: JavaClass) -> Iterator[JavaClass]:
        """Superclasses and interfaces, transitively, nearest first."""
        seen: set[str] = set()
        todo = [(cls, s) for s in cls.supers]
        while todo:
            owner, name = todo.pop(0)
            try:
                sup = self.resolve_class(name, owner.file, owner.parent)
            except Unresolved:
                continue
            if sup.fqcn in seen:
                continue
            seen.add(sup.fqcn)
            yield sup
            todo += [(sup, s) for s in sup.supers]

    def find_member(
        self, ref: str, ctx: JavaFile, near: JavaClass | None, attr: str
    ) -> tuple[JavaClass, str]:
        """The class declaring constant `ref` (`NAME` or `Cls.NAME`) in table `attr`."""
        ref = re.sub(r"\s+", "", ref)
        owner_name, _, member = ref.rpartition(".")
        if owner_name:
            owner = self.resolve_class(owner_name, ctx, near)
            for c in (owner, *self.supers(owner)):
                if member in getattr(c, attr):
                    return c, member
            raise Unresolved(ref)
        scope = near
        while scope is not None:
            for c in (scope, *self.supers(scope)):
                if member in getattr(c, attr):
                    return c, member
            scope = scope.parent
        if member in ctx.static_imports:
            owner = self.resolve_class(ctx.static_imports[member], ctx)
            for c in (owner, *self.supers(owner)):
                if member in getattr(c, attr):
                    return c, member
        for wild in ctx.static_wildcards:
            try:
                owner = self.resolve_class(wild, ctx)
            except Unresolved:
                continue
            for c in (owner, *self.supers(owner)):
                if member in getattr(c, attr):
                    return c, member
        raise Unresolved(ref)

    def option(self, ref: str, ctx: JavaFile, near: JavaClass | None) -> OptionFact:
        """Evaluate the `Option` constant that `ref` names."""
        owner, member = self.find_member(ref.strip(), ctx, near, "options")
        cache_key = (owner.fqcn, member)
        if cache_key not in self._option_cache:
            fact = self.eval_option(owner.options[member], owner.file, owner)
            fact.declared_in = owner.fqcn
            self._option_cache[cache_key] = fact
        return self._option_cache[cache_key]

    def eval_option(self, expr: str, ctx: JavaFile, near: JavaClass) -> OptionFact:
        """Evaluate an `Options.key(...)...` chain, or a chain on another option."""
        expr = re.sub(r"^\(\s*\w+(?:<[^()]*>)?\s*\)\s*", "", expr.strip())
        calls = chain(expr)
        head, head_args = calls[0]
        if head == "Options.key":
            fact = OptionFact(key=str(self.value(head_args, ctx, near)), type="any")
        elif head_args is None:
            base = self.option(head, ctx, near)
            fact = OptionFact(**{**base.__dict__, "fallback_keys": list(base.fallback_keys)})
            fact.enum_aliases = [list(pair) for pair in base.enum_aliases]
        else:
            raise Unresolved(expr[:80])
        for name, args in calls[1:]:
            args = args or ""
            if name in SIMPLE_TYPES:
                fact.type = SIMPLE_TYPES[name]
            elif name == "listType":
                inner = args.strip().removesuffix(".class").strip()
                fact.type = f"list<{self.java_type(inner, ctx, near)}>" if inner else "list<string>"
                if inner and fact.type == "list<enum>":
                    self.set_enum(fact, inner, ctx, near)
            elif name == "enumType":
                fact.type = "enum"
                try:
                    self.set_enum(fact, args.strip().removesuffix(".class"), ctx, near)
                except Unresolved as exc:
                    self.unresolved.append(f"{fact.key}: enum values of {exc} (not in the tree)")
            elif name == "objectType":
                fact.type = self.java_type(args.strip().removesuffix(".class"), ctx, near)
                if fact.type == "enum":
                    self.set_enum(fact, args.strip().removesuffix(".class"), ctx, near)
            elif name == "type":
                m = re.search(r"TypeReference<(.*)>\s*\(", args, re.S)
                fact.type = self.java_type(m.group(1), ctx, near) if m else "any"
            elif name == "singleChoice":
                parts = split_top(args)
                jtype = parts[0].removesuffix(".class").strip()
                fact.type = self.java_type(jtype, ctx, near)
                values = self.value(parts[1], ctx, near)
                if not isinstance(values, list):
                    raise Unresolved(f"singleChoice values {parts[1]}")
                fact.enum = values
                fact.enum_case_sensitive = fact.type != "enum"
                if fact.type == "enum":
                    self.set_enum(fact, jtype, ctx, near)
                    fact.enum = [str(v) for v in values]
            elif name == "defaultValue":
                fact.has_default = True
                try:
                    fact.default = self.value(args, ctx, near)
                except Unresolved:
                    constant = re.fullmatch(r"\s*[\w.]+\.([A-Za-z_]\w*)\s*", args)
                    if fact.type == "enum" and constant and constant.group(1) in (fact.enum or []):
                        fact.default = constant.group(1)
                    else:
                        fact.default = None
                        fact.default_unresolved = args.strip()
                if fact.default is None and fact.default_unresolved is None:
                    fact.has_default = False
            elif name == "noDefaultValue":
                fact.has_default = False
            elif name == "withFallbackKeys":
                fact.fallback_keys += [str(self.value(a, ctx, near)) for a in split_top(args)]
            elif name == "withDescription":
                continue
            else:
                raise Unresolved(f".{name}(...) in option chain")
        return fact

    def enum_call(
        self, owner: str | None, member: str, method: str, ctx: JavaFile, near: JavaClass | None
    ) -> Any:
        """`E.C.name()` is "C"; `E.C.getX()` is the constructor argument stored in field x."""
        if method == "name" or (method == "toString" and owner is None):
            return member
        cls = self.resolve_class(owner, ctx, near) if owner else None
        if cls is None or cls.kind != "enum" or member not in cls.enum_values:
            raise Unresolved(f"{owner}.{member}.{method}()")
        if method in ("name", "toString") and not cls.method_bodies("toString"):
            return member
        args = cls.enum_args.get(member, [])
        field_name = re.sub(r"^(get|is)", "", method).lower()
        for body in cls.method_bodies(method):
            ret = re.search(r"return\s+(?:this\.)?(\w+)\s*;", body)
            if ret:
                field_name = ret.group(1).lower()
        text = cls.file.text[cls.start : cls.end]
        ctor = re.search(r"\b" + cls.name + r"\s*\(([^()]*)\)\s*\{([^{}]*)\}", text)
        if ctor:
            params = [p.split()[-1] for p in split_top(ctor.group(1)) if p.split()]
            for target, source in re.findall(r"(?:this\.)?(\w+)\s*=\s*(\w+)\s*;", ctor.group(2)):
                if target.lower() == field_name and source in params:
                    position = params.index(source)
                    if position < len(args):
                        return self.value(args[position], cls.file, cls)
        raise Unresolved(f"{owner}.{member}.{method}()")

    def qualify(self, ref: str, ctx: JavaFile) -> str:
        """The fully qualified name an import gives `ref` (for classes outside the tree)."""
        head, _, rest = ref.partition(".")
        if not rest and head in ctx.static_imports:
            return f"{ctx.static_imports[head]}.{head}"
        if head in ctx.imports:
            return f"{ctx.imports[head]}.{rest}" if rest else ctx.imports[head]
        return ref

    def set_enum(self, fact: OptionFact, name: str, ctx: JavaFile, near: JavaClass | None) -> None:
        """Enum constants, plus the other spellings SeaTunnel accepts for them.

        `convertToEnum` compares `toString()` (so an overriding `toString` adds spellings),
        and enums with a static `parse(String)`-style method are often read raw and parsed
        from a constructor argument.
        """
        fact.enum = self.enum_values(name, ctx, near)
        qualified = self.qualify(name.strip(), ctx)
        if qualified in self.external["enums"]:
            return
        cls = self.resolve_class(name.strip(), ctx, near)
        aliases: list[list[str]] = []
        if cls.method_bodies("toString"):
            for member in cls.enum_values:
                try:
                    text = str(self.enum_call(cls.fqcn, member, "toString", ctx, cls))
                except Unresolved:
                    continue
                aliases.append([text, member])
        parser = re.search(
            r"\bstatic\s+" + cls.name + r"\s+\w+\s*\(\s*String\s+\w+\s*\)",
            cls.file.text[cls.start : cls.end],
        )
        if parser:
            for member, args in cls.enum_args.items():
                literal = next((a for a in args if a.startswith('"')), None)
                if literal is not None:
                    aliases.append([str(self.value(literal, cls.file, cls)), member])
        names = {str(v).lower() for v in fact.enum}
        kept: dict[str, list[str]] = {}
        for alias, member in aliases:
            if alias.lower() not in names:
                kept.setdefault(alias, [alias, member])
        fact.enum_aliases = list(kept.values())

    def enum_values(self, name: str, ctx: JavaFile, near: JavaClass | None) -> list[str]:
        qualified = self.qualify(name.strip(), ctx)
        if qualified in self.external["enums"]:
            return list(self.external["enums"][qualified])
        cls = self.resolve_class(name.strip(), ctx, near)
        if cls.kind != "enum":
            raise Unresolved(f"{name} is not an enum")
        return list(cls.enum_values)

    def java_type(self, text: str, ctx: JavaFile, near: JavaClass | None) -> str:
        """A Java type (generics included) as a catalog type string."""
        text = re.sub(r"\s+", "", text).replace("?extends", "")
        m = re.fullmatch(r"(?:java\.util\.)?(List|Set|ArrayList|Collection)<(.*)>", text)
        if m:
            return f"list<{self.java_type(m.group(2), ctx, near)}>"
        m = re.fullmatch(r"(?:java\.util\.)?(Map|HashMap|LinkedHashMap)<(.*)>", text)
        if m:
            key, value = split_top(m.group(2))
            return f"map<{self.java_type(key, ctx, near)}, {self.java_type(value, ctx, near)}>"
        if text in JAVA_TYPES:
            return JAVA_TYPES[text]
        if text in ("List", "Set"):
            return "list<any>"
        if text == "Map":
            return "map<string, any>"
        try:
            cls = self.resolve_class(text, ctx, near)
        except Unresolved:
            return "object"
        return "enum" if cls.kind == "enum" else "object"

    def value(self, expr: str, ctx: JavaFile, near: JavaClass | None) -> Any:
        """Evaluate a constant Java expression: literals, constants, enum names, lists."""
        expr = re.sub(
            r"^\((?:int|long|short|byte|float|double|Integer|Long)\)\s*", "", expr.strip()
        )
        while expr.startswith("(") and match_close(expr, 0, "(", ")") == len(expr) - 1:
            expr = expr[1:-1].strip()
        parts = split_top(expr, "+")
        if len(parts) > 1 and not expr.startswith("-"):
            values = [self.value(p, ctx, near) for p in parts]
            if any(isinstance(v, str) for v in values):
                return "".join(str(v) for v in values)
            return sum(values)
        m = re.fullmatch(r'"((?:[^"\\]|\\.)*)"', expr, re.S)
        if m:
            return json.loads(f'"{m.group(1)}"')
        if re.fullmatch(r"-?\d+[lL]?", expr):
            return int(expr.rstrip("lL"))
        if re.fullmatch(r"-?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?[dDfF]?", expr):
            return float(expr.rstrip("dDfF"))
        if re.fullmatch(r"[\d\s*L]+", expr):
            result = 1
            for factor in expr.split("*"):
                result *= int(factor.strip().rstrip("L"))
            return result
        if expr in ("true", "false"):
            return expr == "true"
        if expr == "null":
            return None
        if re.fullmatch(r"(Collections\.empty(List|Set)|new (ArrayList|HashSet)<\w*>)\(\)", expr):
            return []
        if re.fullmatch(r"(Collections\.emptyMap|new (Linked)?HashMap<[\w, ]*>)\(\)", expr):
            return {}
        m = re.fullmatch(
            r"(?:Arrays\.asList|Collections\.singletonList|Lists\.newArrayList|List\.of"
            r"|ImmutableList\.of|Stream\.of)\((.*)\)(?:\.collect\(Collectors\.toList\(\)\))?",
            expr,
            re.S,
        )
        if m:
            return [self.value(a, ctx, near) for a in split_top(m.group(1))]
        m = re.fullmatch(r"(?:([\w.]+)\.)?(\w+)\.(\w+)\(\)", expr)
        if m:
            return self.enum_call(m.group(1), m.group(2), m.group(3), ctx, near)
        m = re.fullmatch(r"Duration\.of(Millis|Seconds|Minutes|Hours|Days)\((.*)\)", expr)
        if m:
            scale = {"Millis": 1, "Seconds": 1000, "Minutes": 60000, "Hours": 3600000}
            scale["Days"] = 86400000
            return int(self.value(m.group(2), ctx, near)) * scale[m.group(1)]
        if re.fullmatch(r"[A-Za-z_][\w.]*", expr):
            owner, _, member = expr.rpartition(".")
            if owner:
                try:
                    cls = self.resolve_class(owner, ctx, near)
                except Unresolved:
                    cls = None
                if cls is not None and cls.kind == "enum" and member in cls.enum_values:
                    return member
            if member in ("MAX_VALUE", "MIN_VALUE") and owner in JAVA_LIMITS:
                return JAVA_LIMITS[owner][member == "MIN_VALUE"]
            if not owner and near is not None:
                for scope in (near, *self.supers(near)):
                    if scope.kind == "enum" and member in scope.enum_values:
                        return member
            if not owner and member in ctx.static_imports:
                try:
                    cls = self.resolve_class(ctx.static_imports[member], ctx)
                except Unresolved:
                    cls = None
                if cls is not None and cls.kind == "enum" and member in cls.enum_values:
                    return member
            try:
                owner_cls, name = self.find_member(expr, ctx, near, "constants")
            except Unresolved:
                qualified = self.qualify(expr, ctx)
                if qualified in self.external["constants"]:
                    return self.external["constants"][qualified]
                raise
            return self.value(owner_cls.constants[name], owner_cls.file, owner_cls)
        raise Unresolved(expr[:80])


def chain(expr: str) -> list[tuple[str, str | None]]:
    """Split `Options.key(k).c().d(y)` into [("Options.key", "k"), ("c", ""), ("d", "y")].

    A chain on another option, `OTHER.withFallbackKeys(x)`, starts with ("OTHER", None).
    """
    expr = re.sub(r"\s+", " ", expr.strip())
    first = re.match(r"[\w.]+", expr)
    if first is None:
        raise Unresolved(expr[:80])
    head, i = first.group(0), first.end()
    calls: list[tuple[str, str | None]] = []
    if head == "Options.key" or i >= len(expr) or expr[i] != "(":
        if head != "Options.key":
            calls.append((head, None))
    else:
        owner, _, method = head.rpartition(".")
        calls.append((owner, None))
        head = method
    if i < len(expr) and expr[i] == "(":
        close = match_close(expr, i, "(", ")")
        calls.append((head, expr[i + 1 : close]))
        i = close + 1
    while i < len(expr):
        m = re.match(r"\s*\.\s*(\w+)\s*(?:<[^()]*>)?\s*\(", expr[i:])
        if m is None:
            break
        start = i + m.end() - 1
        close = match_close(expr, start, "(", ")")
        calls.append((m.group(1), expr[start + 1 : close]))
        i = close + 1
    return calls


@dataclass
class RuleFacts:
    """The OptionRule of one factory, flattened, with the options it names."""

    options: dict[str, OptionFact] = field(default_factory=dict)
    required: list[list[str]] = field(default_factory=list)
    exclusive: list[list[str]] = field(default_factory=list)
    bundled: list[list[str]] = field(default_factory=list)
    conditional: list[dict[str, Any]] = field(default_factory=list)
    optional: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)


def merge(first: OptionFact, other: OptionFact) -> OptionFact:
    """One key declared by several constants (say, per-format choice lists): accept the union."""
    if first.enum is None or other.enum is None or first.enum == other.enum:
        return first
    merged = OptionFact(**{**first.__dict__})
    merged.enum = list(dict.fromkeys([*first.enum, *other.enum]))
    merged.enum_aliases = [
        *first.enum_aliases,
        *(a for a in other.enum_aliases if a not in first.enum_aliases),
    ]
    return merged


def rule_calls(body: str) -> Iterator[tuple[str, str]]:
    """Every `.required(...)`-style call in a method body."""
    for m in re.finditer(r"\.\s*(" + "|".join(RULE_METHODS) + r")\s*\(", body):
        start = m.end() - 1
        yield m.group(1), body[start + 1 : match_close(body, start, "(", ")")]


def helper_calls(body: str) -> Iterator[str]:
    """Method names called in a body that may contribute builder calls (helpers, super)."""
    for m in re.finditer(r"(?<![\w.])((?:super|[A-Z]\w*)\.)?([a-z]\w*)\s*\(", body):
        name = m.group(2)
        if name in RULE_METHODS or name in ("build", "builder", "of", "asList", "key"):
            continue
        yield (m.group(1) or "") + name


def extract_rule(index: Index, cls: JavaClass) -> RuleFacts:
    """Resolve `optionRule()` of a factory, following helpers and superclass methods."""
    facts = RuleFacts()
    seen: set[tuple[str, str]] = set()

    def option(ref: str, owner: JavaClass) -> str | None:
        ref = ref.strip()
        try:
            fact = index.option(ref, owner.file, owner)
        except Unresolved as exc:
            facts.unresolved.append(f"{owner.name}: option {ref} ({exc})")
            return None
        known = facts.options.get(fact.key)
        facts.options[fact.key] = fact if known is None else merge(known, fact)
        return fact.key

    def visit(owner: JavaClass, method: str, depth: int) -> None:
        if depth > 6 or (owner.fqcn, method) in seen:
            return
        seen.add((owner.fqcn, method))
        bodies: list[tuple[JavaClass, str]] = []
        for c in (owner, *index.supers(owner)):
            found = c.method_bodies(method)
            if found:
                bodies = [(c, b) for b in found]
                break
        for decl, body in bodies:
            visit_text(decl, method, body, depth)

    def visit_text(decl: JavaClass, label: str, body: str, depth: int) -> None:
        if depth > 6 or (decl.fqcn, "text:" + label) in seen:
            return
        seen.add((decl.fqcn, "text:" + label))
        for kind, args in rule_calls(body):
            parts = split_top(args)
            if kind == "conditional":
                cond_key = option(parts[0], decl) if parts else None
                try:
                    raw = index.value(parts[1], decl.file, decl)
                except (Unresolved, IndexError) as exc:
                    facts.unresolved.append(f"{decl.name}: condition value ({exc})")
                    continue
                values = raw if isinstance(raw, list) else [raw]
                req = [k for k in (option(p, decl) for p in parts[2:]) if k]
                if cond_key:
                    entry = {"option": cond_key, "values": values, "required": req}
                    if entry not in facts.conditional:
                        facts.conditional.append(entry)
                continue
            keys = [k for k in (option(p, decl) for p in parts) if k]
            if kind == "optional":
                facts.optional += [k for k in keys if k not in facts.optional]
            elif keys and keys not in getattr(facts, kind):
                getattr(facts, kind).append(keys)
        for ref in _CONSTANT_REF_RE.finditer(body):
            try:
                builder_owner, member = index.find_member(
                    ref.group(1) + ref.group(2), decl.file, decl, "builders"
                )
            except Unresolved:
                continue
            visit_text(builder_owner, member, builder_owner.builders[member], depth + 1)
        for call in helper_calls(body):
            qual, _, name = call.rpartition(".")
            if qual == "super":
                for sup in index.supers(decl):
                    if sup.method_bodies(name):
                        visit(sup, name, depth + 1)
                        break
            elif qual:
                try:
                    target = index.resolve_class(qual, decl.file, decl)
                except Unresolved:
                    continue
                visit(target, name, depth + 1)
            else:
                visit(decl, name, depth + 1)
                if decl is not cls:
                    visit(cls, name, depth + 1)

    visit(cls, "optionRule", 0)
    return facts


def module_of(rel: str) -> str:
    """The Maven module directory a source file belongs to."""
    return rel.split("/src/main/", 1)[0]


def factory_kind(index: Index, cls: JavaClass) -> str | None:
    for c in (cls, *index.supers(cls)):
        for s in c.supers:
            if s.rpartition(".")[2] in FACTORY_KIND:
                return FACTORY_KIND[s.rpartition(".")[2]]
    return None


def identifier(index: Index, cls: JavaClass, method: str) -> str | None:
    for c in (cls, *index.supers(cls)):
        for body in c.method_bodies(method):
            m = re.search(r"return\s+(.+?);", body, re.S)
            if m:
                try:
                    return str(index.value(m.group(1), c.file, c))
                except Unresolved:
                    return None
    return None


def read_mapping(root: Path) -> list[tuple[str, str, str]]:
    entries = []
    for line in (root / "plugin-mapping.properties").read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*seatunnel\.(source|sink|transform)\.([^\s=]+)\s*=\s*(\S+)", line)
        if m:
            entries.append((m.group(1), m.group(2), m.group(3)))
    return entries


def module_dirs(root: Path) -> dict[str, str]:
    """Artifact id (the directory name) to module directory."""
    result: dict[str, str] = {}
    for top in SCANNED:
        for pom in sorted((root / top).rglob("pom.xml")):
            result.setdefault(pom.parent.name, pom.parent.relative_to(root).as_posix())
    return result


def sibling_modules(module: str, modules: dict[str, str]) -> list[str]:
    """The module and the shared `-base` / `-common` modules of its family."""
    parent = module.rpartition("/")[0]
    family = [module]
    for path in modules.values():
        name = path.rpartition("/")[2]
        if path.rpartition("/")[0] == parent and re.search(r"-(base|common)(-\w+)?$", name):
            family.append(path)
    return family


def excluded_by_kind(path: str, kind: str, legacy: bool) -> bool:
    """True when an options class is visibly for the other direction (sink vs source)."""
    if legacy:
        # without a factory there is no rule to tell directions apart: keep everything
        return False
    lowered = path.lower()
    name = lowered.rpartition("/")[2]
    if kind == "source":
        return "/sink/" in lowered or "sink" in name
    if kind == "sink":
        return "/source/" in lowered or "source" in name
    return False


def outside_rule(
    index: Index, kind: str, scope: list[str], rule: RuleFacts, legacy: bool, problems: list[str]
) -> dict[str, OptionFact]:
    """Options declared or read in the plugin's modules (or package) besides the rule's."""
    found: dict[str, OptionFact] = {}
    for jf in index.files:
        if not any(jf.rel.startswith(s + "/") for s in scope) or excluded_by_kind(
            jf.rel, kind, legacy
        ):
            continue
        for cls in jf.classes:
            for member in cls.options:
                try:
                    fact = index.option(member, jf, cls)
                except Unresolved as exc:
                    problems.append(f"{cls.name}.{member}: {exc}")
                    continue
                if fact.key not in rule.options:
                    found.setdefault(fact.key, fact)
        for m in _GETTER_RE.finditer(jf.text):
            getter, arg = m.group(1), m.group(2)
            try:
                key = str(index.value(arg, jf, jf.class_at(m.start())))
            except Unresolved:
                continue
            if not re.fullmatch(r"[A-Za-z][\w.\-]*", key):
                continue
            if key not in rule.options and key not in found:
                found[key] = OptionFact(
                    key=key, type=GETTER_TYPES[getter], declared_in=f"read in {jf.rel}"
                )
    return found


def env_options(index: Index) -> list[dict[str, Any]]:
    """The `env` block's options (`EnvCommonOptions`); SeaTunnel 2.3.x does not validate them."""
    cls = index.by_fqcn.get("org.apache.seatunnel.api.env.EnvCommonOptions")
    if cls is None:
        index.unresolved.append("EnvCommonOptions not found")
        return []
    return [index.option(member, cls.file, cls).to_json(False) for member in cls.options]


def common_options(index: Index) -> dict[str, list[dict[str, Any]]]:
    """Options every plugin of a kind accepts (CommonOptions, SourceOptions, sink options)."""
    api = "org.apache.seatunnel.api"
    wanted = {
        "all": [f"{api}.common.CommonOptions.{n}" for n in ("PLUGIN_NAME", "PARALLELISM")],
        "source": [f"{api}.common.CommonOptions.RESULT_TABLE_NAME"],
        "transform": [
            f"{api}.common.CommonOptions.RESULT_TABLE_NAME",
            f"{api}.common.CommonOptions.SOURCE_TABLE_NAME",
        ],
        "sink": [
            f"{api}.common.CommonOptions.SOURCE_TABLE_NAME",
            f"{api}.sink.SinkCommonOptions.MULTI_TABLE_SINK_REPLICA",
        ],
    }
    wanted["source"].append(f"{api}.source.SourceOptions.DAG_PARSING_MODE")
    result: dict[str, list[dict[str, Any]]] = {}
    for kind, refs in wanted.items():
        entries = []
        for ref in refs:
            owner, _, member = ref.rpartition(".")
            cls = index.by_fqcn.get(owner)
            if cls is None or member not in cls.options:
                index.unresolved.append(f"common option {ref} not found")
                continue
            entries.append(index.option(member, cls.file, cls).to_json(True))
        result[kind] = entries
    return result


def jdbc_dialects(index: Index) -> list[str]:
    """Database names the Jdbc plugin speaks (its `DatabaseIdentifier` constants)."""
    for cls in index.by_name.get("DatabaseIdentifier", []):
        names = []
        for member in cls.constants:
            try:
                names.append(str(index.value(member, cls.file, cls)))
            except Unresolved:
                index.unresolved.append(f"DatabaseIdentifier.{member}")
        return sorted(set(names))
    return []


def run_time_checks(root: Path) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The hand-kept run-time requirements, each checked against the tree's Java source."""
    checks: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for check in json.loads(RUN_TIME.read_text(encoding="utf-8"))["checks"]:
        java = root / check["java"]
        if not java.is_file() or check["code"] not in java.read_text(encoding="utf-8"):
            raise SystemExit(
                f"run_time.json: {check['plugin']}: {check['code']!r} is not in {check['java']}"
            )
        keys = (
            "one_of",
            "inside",
            "when",
            "when_prefix",
            "when_set",
            "raw",
            "engine_message",
            "java",
        )
        fact = {k: check[k] for k in keys if k in check}
        checks.setdefault((check["kind"], check["plugin"]), []).append(fact)
    return checks


def extract(
    root: Path,
    version: str,
    ref: str,
    commit: str | None,
    release_root: Path | None,
    release_ref: str | None,
) -> dict[str, Any]:
    external = json.loads(EXTERNAL.read_text(encoding="utf-8"))
    index = Index(root, external)
    run_time = run_time_checks(root)
    modules = module_dirs(root)
    factories: dict[tuple[str, str], list[JavaClass]] = {}
    for jf in index.files:
        for cls in jf.classes:
            if cls.kind != "class" or re.search(r"\babstract\s+class\s+" + cls.name, jf.text):
                continue
            kind = factory_kind(index, cls)
            if kind is None:
                continue
            name = identifier(index, cls, "factoryIdentifier")
            if name:
                factories.setdefault((kind, name.lower()), []).append(cls)
    plugins = []
    mapping = read_mapping(root)
    released = {(k, n) for k, n, _ in read_mapping(release_root)} if release_root else None
    for kind, name, artifact in mapping:
        module = modules.get(artifact)
        problems: list[str] = []
        candidates = factories.get((kind, name.lower()), [])
        in_module = [c for c in candidates if module and module_of(c.file.rel) == module]
        chosen = (in_module or candidates or [None])[0]
        rule = RuleFacts()
        if chosen is not None:
            rule = extract_rule(index, chosen)
            problems += rule.unresolved
            if module is None:
                module = module_of(chosen.file.rel)
        else:
            problems.append("no factory: options come from the connector's option classes only")
        family = sibling_modules(module, modules) if module else []
        if kind == "transform" and chosen is not None:
            # all transforms share one module: only the factory's own package is theirs
            family = [chosen.file.rel.rpartition("/")[0]]
        if family:
            family.append(COMMON_MODULE)
        legacy = chosen is None
        extra = outside_rule(index, kind, family, rule, legacy, problems) if family else {}
        options = [fact.to_json(True) for fact in rule.options.values()]
        options += [fact.to_json(False) for key, fact in sorted(extra.items())]
        plugins.append(
            {
                "kind": kind,
                "name": name,
                "artifact": artifact,
                "module": module,
                "factory": chosen.fqcn if chosen is not None else None,
                "in_release_mapping": released is None or (kind, name) in released,
                "options": options,
                "rules": {
                    "required": rule.required,
                    "exclusive": rule.exclusive,
                    "bundled": rule.bundled,
                    "conditional": rule.conditional,
                    "optional": rule.optional,
                    "run_time": run_time.pop((kind, name), []),
                },
                "unresolved": sorted(set(problems)),
            }
        )
    if run_time:
        raise SystemExit(f"run_time.json names plugins the mapping lacks: {sorted(run_time)}")
    return {
        "format": 1,
        "seatunnel_version": version,
        "source": {
            "repository": "apache/seatunnel",
            "ref": ref,
            "commit": commit,
            "release_mapping": release_ref,
        },
        "generator": "scripts/extract_catalog.py",
        "common_options": common_options(index),
        "env_options": env_options(index),
        "jdbc_dialects": jdbc_dialects(index),
        "plugins": plugins,
        "unresolved": sorted(set(index.unresolved)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--tree", type=Path, help="a SeaTunnel checkout")
    where.add_argument("--git", type=Path, help="a SeaTunnel git directory (bare is fine)")
    parser.add_argument("--ref", default="2.3.8", help="tag or commit to read with --git")
    parser.add_argument("--version", help="SeaTunnel version described (default: --ref)")
    parser.add_argument(
        "--release-ref",
        help="with --git: a release tag whose plugin-mapping.properties marks which plugins "
        "that release ships (in_release_mapping)",
    )
    parser.add_argument("--output", type=Path, help="data file to write")
    args = parser.parse_args(argv)
    version = args.version or args.ref
    output = args.output or DATA_DIR / f"seatunnel-{version}.json"
    with tempfile.TemporaryDirectory() as tmp:
        commit = None
        release_root: Path | None = None
        root = args.tree
        if args.git is not None:
            git = ["git", "-C", str(args.git)]
            try:
                commit = subprocess.run(
                    [*git, "rev-parse", f"{args.ref}^{{commit}}"],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout.strip()
                archive = subprocess.run(
                    [
                        *git,
                        "archive",
                        "--format=tar",
                        commit,
                        "plugin-mapping.properties",
                        *SCANNED,
                    ],
                    capture_output=True,
                    check=True,
                ).stdout
            except subprocess.CalledProcessError as exc:
                print(f"error: git failed: {exc.stderr!r}", file=sys.stderr)
                return 2
            if args.release_ref:
                release_root = Path(tmp) / "release"
                release_root.mkdir()
                mapping = subprocess.run(
                    [*git, "show", f"{args.release_ref}:plugin-mapping.properties"],
                    capture_output=True,
                    check=False,
                )
                if mapping.returncode != 0:
                    print(f"error: no mapping at {args.release_ref}", file=sys.stderr)
                    return 2
                (release_root / "plugin-mapping.properties").write_bytes(mapping.stdout)
            root = Path(tmp)
            tar_path = root / "tree.tar"
            tar_path.write_bytes(archive)
            with tarfile.open(tar_path) as tar:
                tar.extractall(root, filter="data")
        if not (root / "plugin-mapping.properties").is_file():
            print(f"error: {root} has no plugin-mapping.properties", file=sys.stderr)
            return 2
        where = args.ref if args.git else str(args.tree)
        data = extract(root, version, where, commit, release_root, args.release_ref)
    sys.path.insert(0, str(ROOT))
    from stconfig._files import write_atomic

    output.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(output, json.dumps(data, indent=1, ensure_ascii=False, sort_keys=False) + "\n")
    counts = {k: sum(p["kind"] == k for p in data["plugins"]) for k in FACTORY_KIND.values()}
    unresolved = sum(len(p["unresolved"]) for p in data["plugins"])
    print(f"wrote {output}: {counts}, {unresolved} unresolved facts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
