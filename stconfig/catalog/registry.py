"""Find plugin models by kind and name, case-insensitively as SeaTunnel does, importing lazily.

Only the small generated index is imported up front; a plugin's model module (and pydantic)
is imported the first time that plugin is looked up. Hand-written overrides win over the
generated models.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, cast

from stconfig.catalog._generated import LATEST, VERSIONS
from stconfig.catalog._suggest import closest
from stconfig.catalog.overrides import OVERRIDES
from stconfig.catalog.spec import KINDS, Kind, OptionSpec, PluginSpec
from stconfig.errors import StconfigError

if TYPE_CHECKING:
    from stconfig.catalog.base import PluginOptions

_GENERATED = "stconfig.catalog._generated"


class UnknownPluginError(StconfigError):
    """A plugin name SeaTunnel would not find, with what the user probably meant."""

    def __init__(self, kind: str, name: str, suggestions: list[str]) -> None:
        hint = (
            f" (did you mean {' or '.join(repr(s) for s in suggestions)}?)" if suggestions else ""
        )
        what = f"SeaTunnel {kind} plugin" if kind else "SeaTunnel plugin"
        super().__init__(f"{name!r} is not a {what}{hint}")
        self.kind = kind
        self.name = name
        self.suggestions = suggestions


class UnknownVersionError(StconfigError):
    """A SeaTunnel version the catalog does not describe."""

    def __init__(self, version: str) -> None:
        known = ", ".join(VERSIONS)
        super().__init__(f"no plugin catalog for SeaTunnel {version!r} (known: {known})")


def versions() -> list[str]:
    """The SeaTunnel versions the catalog describes, oldest first."""
    return list(VERSIONS)


@cache
def _index(version: str | None) -> ModuleType:
    chosen = version or LATEST
    if chosen not in VERSIONS:
        raise UnknownVersionError(chosen)
    return import_module(f"{_GENERATED}.{VERSIONS[chosen]}")


def _check_kind(kind: str) -> Kind:
    if kind not in KINDS:
        raise StconfigError(f"unknown plugin kind {kind!r} (expected one of {', '.join(KINDS)})")
    return kind


def plugin_names(kind: str | None = None, *, version: str | None = None) -> list[tuple[Kind, str]]:
    """(kind, name) of every plugin, in SeaTunnel's spelling, sorted by kind then name."""
    kinds = KINDS if kind is None else (_check_kind(kind),)
    plugins: dict[tuple[str, str], tuple[str, str, str]] = _index(version).PLUGINS
    found = [(k, entry[0]) for (k, _), entry in plugins.items() if k in kinds]
    return sorted(found, key=lambda item: (KINDS.index(item[0]), item[1].lower()))


def canonical_name(kind: str, name: str, *, version: str | None = None) -> str | None:
    """SeaTunnel's spelling of a plugin name matched case-insensitively, or None."""
    entry = _index(version).PLUGINS.get((_check_kind(kind), name.strip().lower()))
    return None if entry is None else str(entry[0])


def suggest(kind: str, name: str, *, version: str | None = None) -> list[str]:
    """What a wrong plugin name probably meant: near misses, artifact names, JDBC databases."""
    return list(_suggestions(_check_kind(kind), name, version))


@lru_cache(maxsize=256)
def _suggestions(kind: Kind, name: str, version: str | None) -> tuple[str, ...]:
    """`suggest`, remembered: a corpus names the same unknown plugins in many jobs, and each
    search measures the name against every plugin of the kind."""
    index = _index(version)
    names = _squashed_names(kind, version)
    lowered = name.strip().lower()
    result: list[str] = []
    artifact = index.ARTIFACTS.get(lowered) or index.ARTIFACTS.get(f"connector-{lowered}")
    if artifact:
        result += [n for k, n in artifact if k == kind] or [n for _, n in artifact]
    near = closest(name, [n for n, _ in names])
    if near is not None:
        result.append(near)
    squashed = _NOT_NAME.sub("", lowered)
    result += [n for n, plain in names if len(squashed) >= 3 and plain.startswith(squashed)]
    dialects = {d.lower() for d in index.JDBC_DIALECTS} | {"postgresql", "mariadb"}
    if lowered in dialects or lowered.removesuffix("sql") in dialects:
        result.append("Jdbc")
    return tuple(dict.fromkeys(result))


_NOT_NAME = re.compile(r"[^a-z0-9]")


@cache
def _squashed_names(kind: Kind, version: str | None) -> tuple[tuple[str, str], ...]:
    """Each plugin name of a kind with its lower-case letters and digits alone."""
    return tuple((n, _NOT_NAME.sub("", n.lower())) for _, n in plugin_names(kind, version=version))


def find(name: str, kind: str | None = None, *, version: str | None = None) -> tuple[Kind, str]:
    """(kind, canonical name) for a plugin name, `kind/name` accepted; the kind may be left
    out when only one kind has that name. Raises UnknownPluginError or StconfigError."""
    given_kind, slash, bare = name.partition("/")
    if slash:
        kind, name = given_kind, bare
    kinds = KINDS if kind is None else (_check_kind(kind),)
    matches = [(k, c) for k in kinds if (c := canonical_name(k, name, version=version))]
    if len(matches) == 1:
        return matches[0]
    if matches:
        options = ", ".join(f"{k}/{n}" for k, n in matches)
        raise StconfigError(f"{name!r} names several plugins ({options}): give the kind")
    suggestions = [s for k in kinds for s in suggest(k, name, version=version)]
    raise UnknownPluginError(kind or "", name, list(dict.fromkeys(suggestions)))


def env_options(*, version: str | None = None) -> tuple[OptionSpec, ...]:
    """The options of the `env` block (`job.mode`, `checkpoint.interval`, ...)."""
    found: tuple[OptionSpec, ...] = _index(version).ENV_OPTIONS
    return found


def _entry(kind: str, name: str, version: str | None) -> tuple[str, str, str]:
    entry = _index(version).PLUGINS.get((_check_kind(kind), name.strip().lower()))
    if entry is None:
        raise UnknownPluginError(kind, name, suggest(kind, name, version=version))
    return cast(tuple[str, str, str], entry)


def lookup(kind: str, name: str, *, version: str | None = None) -> type[PluginOptions]:
    """The model class of a plugin; raises UnknownPluginError with suggestions."""
    canonical, module, cls = _entry(kind, name, version)
    chosen = version or LATEST
    override = OVERRIDES.get((chosen, kind, canonical))
    if override is not None:
        module_path, _, attribute = override.partition(":")
        return cast("type[PluginOptions]", getattr(import_module(module_path), attribute))
    generated = import_module(f"{_GENERATED}.{VERSIONS[chosen]}.{module}")
    return cast("type[PluginOptions]", getattr(generated, cls))


def plugin_spec(kind: str, name: str, *, version: str | None = None) -> PluginSpec:
    """The plain option facts of a plugin (keys, fallback keys, types, rules).

    Cheap: the facts live in a module of their own that imports no pydantic, run from the
    version's bundle of spec modules (`_bundle.import_from_bundle`): a corpus lint needs
    over a hundred of them, and importlib cost more than their bodies.
    """
    from stconfig._bundle import import_from_bundle

    _, module, _ = _entry(kind, name, version)
    package = f"{_GENERATED}.{VERSIONS[version or LATEST]}.specs"
    facts = import_from_bundle(package, _spec_modules(version), module)
    return cast(PluginSpec, facts.SPEC)


@cache
def _spec_modules(version: str | None) -> tuple[str, ...]:
    """Every spec module of a version, below its `specs` package (`source.kafka`)."""
    plugins: dict[tuple[str, str], tuple[str, str, str]] = _index(version).PLUGINS
    return tuple(sorted({module for _, module, _ in plugins.values()}))


__all__ = [
    "UnknownPluginError",
    "UnknownVersionError",
    "canonical_name",
    "env_options",
    "find",
    "lookup",
    "plugin_names",
    "plugin_spec",
    "suggest",
    "versions",
]
