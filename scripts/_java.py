"""A small, regex-based index of Java sources: classes, constants, enums and method bodies.

It is just enough Java for reading SeaTunnel's option declarations (`Options.key(...)` chains)
and factories' `optionRule()` builders, without a Java parser dependency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_CLASS_RE = re.compile(
    r"\b(class|interface|enum)\s+([A-Z]\w*)\s*(?:<[^{]*?>)?\s*"
    r"(?:extends\s+([\w.<>,\s?]+?))?\s*(?:implements\s+([\w.<>,\s?]+?))?\s*\{"
)
_OPTION_FIELD_RE = re.compile(
    r"\b(?:SingleChoiceOption|Option)\s*(?:<(?:[^<>=;]|<(?:[^<>=;]|<[^<>=;]*>)*>)*>)?\s+"
    r"([A-Za-z_]\w*)\s*=\s*"
)
_CONST_FIELD_RE = re.compile(
    r"\b(?:String|int|long|Integer|Long|double|Double|boolean|Boolean|float)\s+"
    r"([A-Za-z_]\w*)\s*=\s*"
)
_BUILDER_FIELD_RE = re.compile(r"\bOptionRule(?:\.Builder)?\s+([A-Za-z_]\w*)\s*=\s*")
_IMPORT_RE = re.compile(r"^\s*import\s+(static\s+)?([\w.]+?)(\.\*)?\s*;", re.MULTILINE)
_PACKAGE_RE = re.compile(r"^\s*package\s+([\w.]+)\s*;", re.MULTILINE)
_METHOD_RE = re.compile(
    r"(?:(?:public|private|protected|static|final|default|synchronized)\s+)*"
    r"[\w<>\[\],.? ]+?\s+(\w+)\s*\(([^()]*)\)\s*(?:throws\s+[\w.,\s]+)?\{"
)


def strip_comments(text: str) -> str:
    """Blank out comments, keeping string literals and offsets intact."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i : j + 1])
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def match_close(text: str, start: int, open_: str = "{", close: str = "}") -> int:
    """Index of the bracket closing the one at `start`, skipping string literals."""
    depth = 0
    i, n = start, len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if c == open_:
            depth += 1
        elif c == close:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return n - 1


def expression_end(text: str, start: int) -> int:
    """Index of the `;` ending the expression that begins at `start` (top level)."""
    depth = 0
    i, n = start, len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == ";" and depth <= 0:
            return i
        i += 1
    return n


def split_top(text: str, sep: str = ",") -> list[str]:
    """Split on `sep` outside brackets, generics and string literals."""
    parts: list[str] = []
    depth = 0
    cur: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            cur.append(text[i : j + 1])
            i = j + 1
            continue
        if c in "([{<":
            depth += 1
        elif c in ")]}>":
            depth -= 1
        if c == sep and depth == 0:
            parts.append("".join(cur).strip())
            cur = []
        else:
            cur.append(c)
        i += 1
    last = "".join(cur).strip()
    if last:
        parts.append(last)
    return parts


@dataclass
class JavaClass:
    """One class, interface or enum, with the raw text of its constants and methods."""

    fqcn: str
    name: str
    kind: str
    file: JavaFile
    start: int
    end: int
    supers: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)
    builders: dict[str, str] = field(default_factory=dict)
    enum_values: list[str] = field(default_factory=list)
    enum_args: dict[str, list[str]] = field(default_factory=dict)
    parent: JavaClass | None = None

    def method_bodies(self, name: str) -> list[str]:
        """Bodies of the methods called `name` declared directly in this class."""
        text = self.file.text
        bodies = []
        for m in _METHOD_RE.finditer(text, self.start, self.end):
            if m.group(1) != name or self.file.class_at(m.start()) is not self:
                continue
            brace = m.end() - 1
            bodies.append(text[brace + 1 : match_close(text, brace)])
        return bodies


@dataclass
class JavaFile:
    """A source file: its package, imports and classes."""

    path: Path
    rel: str
    text: str
    package: str
    imports: dict[str, str] = field(default_factory=dict)
    static_imports: dict[str, str] = field(default_factory=dict)
    static_wildcards: list[str] = field(default_factory=list)
    wildcards: list[str] = field(default_factory=list)
    classes: list[JavaClass] = field(default_factory=list)

    def class_at(self, pos: int) -> JavaClass | None:
        """The innermost class whose body contains `pos`."""
        best: JavaClass | None = None
        for c in self.classes:
            if c.start <= pos <= c.end and (best is None or c.start > best.start):
                best = c
        return best


def parse_file(path: Path, rel: str) -> JavaFile:
    """Index one Java file."""
    text = strip_comments(path.read_text(encoding="utf-8", errors="replace"))
    pm = _PACKAGE_RE.search(text)
    jf = JavaFile(path, rel, text, pm.group(1) if pm else "")
    for m in _IMPORT_RE.finditer(text):
        static, name, star = m.group(1), m.group(2), m.group(3)
        if static and star:
            jf.static_wildcards.append(name)
        elif static:
            owner, _, member = name.rpartition(".")
            jf.static_imports[member] = owner
        elif star:
            jf.wildcards.append(name)
        else:
            jf.imports[name.rpartition(".")[2]] = name
    for m in _CLASS_RE.finditer(text):
        brace = m.end() - 1
        end = match_close(text, brace)
        supers = []
        for group in (m.group(3), m.group(4)):
            if group:
                supers += [re.sub(r"<.*", "", s, flags=re.S).strip() for s in split_top(group)]
        jf.classes.append(JavaClass("", m.group(2), m.group(1), jf, brace, end, supers))
    for c in jf.classes:
        outer = [o for o in jf.classes if o.start < c.start <= o.end]
        c.parent = max(outer, key=lambda o: o.start) if outer else None
        names = [c.name]
        p = c.parent
        while p is not None:
            names.append(p.name)
            p = p.parent
        c.fqcn = ".".join([jf.package, *reversed(names)]).lstrip(".")
    for regex, attr in (
        (_OPTION_FIELD_RE, "options"),
        (_CONST_FIELD_RE, "constants"),
        (_BUILDER_FIELD_RE, "builders"),
    ):
        for m in regex.finditer(text):
            owner = jf.class_at(m.start())
            if owner is None:
                continue
            end = expression_end(text, m.end())
            getattr(owner, attr)[m.group(1)] = text[m.end() : end].strip()
    for c in jf.classes:
        if c.kind == "enum":
            body = text[c.start + 1 : c.end]
            head = body[: expression_end(body, 0)]
            for part in split_top(head):
                part = re.sub(r"@[\w.]+(?:\([^)]*\))?\s*", "", part.strip())
                em = re.match(r"([A-Za-z_]\w*)", part)
                if em:
                    c.enum_values.append(em.group(1))
                    rest = part[em.end() :].strip()
                    if rest.startswith("("):
                        c.enum_args[em.group(1)] = split_top(
                            rest[1 : match_close(rest, 0, "(", ")")]
                        )
    return jf


__all__ = [
    "JavaClass",
    "JavaFile",
    "expression_end",
    "match_close",
    "parse_file",
    "split_top",
    "strip_comments",
]
