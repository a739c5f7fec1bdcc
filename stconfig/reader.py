"""Read a SeaTunnel job file the way SeaTunnel 2.3.8's `ConfigBuilder.of` does.

The pipeline: choose the syntax from the extension (`.json` is strict JSON, anything else
HOCON), parse with positions, build and resolve (includes, merging, `${...}` from the
document, then the environment, then the variables), then the quoted-placeholder pass.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from stconfig import limits
from stconfig.errors import FileReadError, ParseError, UnresolvedVariableError
from stconfig.hocon.ast import Document, Include
from stconfig.hocon.parser import parse_document
from stconfig.hocon.resolve import Builder, Resolver, included_path, nested_key
from stconfig.model.job import Job
from stconfig.model.values import Node, ObjectNode, lookup
from stconfig.source import SourceFile, Span
from stconfig.variables import (
    apply_placeholder_pass,
    check_names,
    property_tree,
)

SECTION_KEYS = frozenset({"source", "transform", "sink"})

Syntax = Literal["hocon", "json"]
UnresolvedMode = Literal["error", "keep"]
PlaceholderMode = Literal["apply", "keep"]
"""`keep` skips the quoted-placeholder pass, so `"${x:default}"` stays as written (the DSL
importer turns those into variables)."""


def syntax_for(path: str | os.PathLike[str]) -> Syntax:
    """SeaTunnel's rule: `.json` (any case) is JSON, every other name is HOCON."""
    return "json" if str(path).lower().endswith(".json") else "hocon"


def too_large(path: str, size: int | None) -> FileReadError:
    """The error for input over the file limit; `size` is None when it is not known."""
    what = "standard input" if path == "-" else "file"
    limit = limits.size_text(limits.MAX_FILE_BYTES)
    if size is None:
        problem = f"{what} is larger than {limit}, the most a job file may be"
    else:
        problem = f"{what} is {limits.size_text(size)}; job files larger than {limit} are refused"
    return FileReadError(path, f"{problem} (is this the right file? see docs/limits.md)")


def read_stdin(path: str = "-") -> str:
    """Standard input as text, reading no more than one byte past the file limit."""
    data = sys.stdin.buffer.read(limits.MAX_FILE_BYTES + 1)
    return decode(data, path)


def decode(data: bytes, path: str) -> str:
    """UTF-8 text (a BOM is allowed), or a ParseError at the first bad byte."""
    if len(data) > limits.MAX_FILE_BYTES:
        raise too_large(path, None)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8")
        source = SourceFile(path, good + "\ufffd")
        raise ParseError(
            f"invalid UTF-8 (byte 0x{data[error.start]:02x}); job files must be UTF-8 text",
            Span(source, len(good), len(good) + 1),
        ) from None


def read_source(path: str | os.PathLike[str]) -> SourceFile:
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            status = os.fstat(handle.fileno())
            regular = stat.S_ISREG(status.st_mode)
            if regular and status.st_size > limits.MAX_FILE_BYTES:
                raise too_large(name, status.st_size)
            most = limits.MAX_FILE_BYTES + 1
            # Asking for the size the file has: a read of `most` bytes allocates all of them
            # first (a third of a millisecond for a small file, a tenth of reading it).
            data = handle.read(status.st_size + 1 if regular else most)
            if regular and len(data) > status.st_size:  # it grew since: read on to the limit
                data += handle.read(most - len(data))
    except IsADirectoryError:
        raise FileReadError(name, "is a directory, not a job file") from None
    except FileNotFoundError:
        raise FileReadError(name, "no such file") from None
    except OSError as error:
        raise FileReadError(name, error.strerror or str(error)) from None
    return SourceFile(name, decode(data, name))


class _Includes:
    """Loads included files relative to their includer, refusing cycles and blow-ups."""

    def __init__(self, main: SourceFile, texts: Mapping[str, str] | None = None) -> None:
        self.documents: list[Document] = []
        self.includer: dict[str, str] = {}
        self.characters = len(main.text)
        """Text read for this job so far: a file included twice counts twice."""
        self.tokens = 0
        """Tokens of the job's files so far, the main file included."""
        self.texts = texts or {}
        """Texts to read instead of the files (by resolved path): `--fix` checks a fix."""

    def __call__(self, include: Include, document: Document) -> Document | None:
        if include.kind in ("classpath", "url"):
            if include.required:
                raise ParseError(
                    f"cannot follow a required {include.kind}(...) include outside SeaTunnel",
                    include.span,
                )
            return None
        for candidate in included_path(include, document):
            if not candidate.is_file():
                continue
            if candidate.suffix.lower() == ".properties":
                raise ParseError(".properties includes are not supported", include.span)
            key = str(candidate.resolve())
            chain = str(Path(document.source.path).resolve())
            while True:
                if chain == key:
                    raise ParseError(
                        f"include cycle: {include.target!r} includes itself", include.span
                    )
                if chain not in self.includer:
                    break
                chain = self.includer[chain]
            self.includer[key] = str(Path(document.source.path).resolve())
            if len(self.documents) >= limits.MAX_INCLUDES:
                raise ParseError(
                    f"more than {limits.MAX_INCLUDES} includes while reading this job "
                    "(do files include each other more than once? see docs/limits.md)",
                    include.span,
                )
            text = self.texts.get(key)
            source = (
                SourceFile(str(candidate), text) if text is not None else read_source(candidate)
            )
            self.characters += len(source.text)
            if self.characters > limits.MAX_INPUT_CHARS:
                raise ParseError(
                    f"this include brings the text read for this job to {self.characters:,} "
                    f"characters, more than {limits.MAX_INPUT_CHARS:,} (see docs/limits.md)",
                    include.span,
                )
            included = parse_document(
                source, syntax=syntax_for(candidate), max_tokens=limits.MAX_TOKENS - self.tokens
            )
            self.tokens += included.tokens
            self.documents.append(included)
            return included
        if include.required:
            raise ParseError(f"required include {include.target!r} not found", include.span)
        return None


def loads(
    text: str,
    *,
    fmt: Syntax = "hocon",
    path: str | None = None,
    variables: Mapping[str, str] | None = None,
    environ: Mapping[str, str] | None = None,
    unresolved: UnresolvedMode = "error",
    placeholders: PlaceholderMode = "apply",
    included_texts: Mapping[str, str] | None = None,
) -> Job:
    """Read job text. `path` names it in errors and anchors relative includes.

    `included_texts` (by resolved path) replaces the text of included files.
    """
    name = path if path is not None else "<string>"
    if len(text) > limits.MAX_FILE_BYTES:
        raise FileReadError(
            name,
            f"text of {len(text):,} characters; job text longer than "
            f"{limits.size_text(limits.MAX_FILE_BYTES)} is refused (see docs/limits.md)",
        )
    source = SourceFile(name, text)
    return _load_source(source, fmt, variables, environ, unresolved, placeholders, included_texts)


def load(
    path: str | os.PathLike[str],
    *,
    variables: Mapping[str, str] | None = None,
    environ: Mapping[str, str] | None = None,
    unresolved: UnresolvedMode = "error",
    placeholders: PlaceholderMode = "apply",
) -> Job:
    """Read a job file; the extension picks the syntax as SeaTunnel does."""
    source = read_source(path)
    return _load_source(source, syntax_for(path), variables, environ, unresolved, placeholders)


def _load_source(
    source: SourceFile,
    syntax: Syntax,
    variables: Mapping[str, str] | None,
    environ: Mapping[str, str] | None,
    unresolved: UnresolvedMode,
    placeholders: PlaceholderMode,
    included_texts: Mapping[str, str] | None = None,
) -> Job:
    given = dict(variables or {})
    check_names(given)
    environment = os.environ if environ is None else environ
    document = parse_document(source, syntax=syntax)
    includes = _Includes(source, included_texts)
    includes.tokens = document.tokens
    list_keys = SECTION_KEYS if syntax == "hocon" else frozenset[str]()
    tree = Builder(list_keys, includes).build_document(document)
    trees: list[ObjectNode] = []

    def external(path: tuple[str, ...]) -> Node | None:
        """The environment, then the variables; built on first use (most jobs never ask)."""
        if not trees:
            trees.extend((property_tree(dict(environment)), property_tree(given)))
        for candidates in trees:
            found = lookup(candidates, path)
            if found is not None:
                return found
        return None

    resolver = Resolver(tree, external, "keep")
    root = resolver.resolve_root()
    if unresolved == "error" and resolver.unresolved:
        first, *others = resolver.unresolved
        raise UnresolvedVariableError(
            first.name,
            first.span,
            [other.name for other in others],
            nested=nested_key(tree, first.name.split(".")[0]),
        )
    documents = [document, *includes.documents]
    if placeholders == "apply" and _may_hold_placeholders(documents):
        root = apply_placeholder_pass(root, given)
    return Job(root, source, documents, resolver.unresolved)


def _may_hold_placeholders(documents: list[Document]) -> bool:
    """Whether a string of the job may hold a `${`: only if a file's text has a `$`, or a
    `\\u` escape, which may write one. Without, the placeholder pass would only copy the
    tree; and with no `${...}` to share a node between places, the tree needs no copy."""
    return any("$" in d.source.text or "\\u" in d.source.text for d in documents)


__all__ = ["decode", "load", "loads", "read_source", "read_stdin", "syntax_for"]
