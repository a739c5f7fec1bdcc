"""Which option values the engine converts while it builds a plugin block, read from its source.

A value SeaTunnel cannot convert (`Json parsing exception, value 'abc'`, `No enum constant`,
`ConfigException$WrongType`) refuses the job only if the engine reads the option before the
job runs. `MultipleTableJobConfigParser` reads `parallelism` of every source and transform;
on the factory path `ConfigValidator` converts the options its `OptionRule` names
(`stconfig.catalog.rules.converted_by_rule`); then the connector's constructor (or the legacy
`prepare()`) reads what it needs, often only on some paths: the XML reader reads
`xml_use_attr_format` when `file_format_type` is xml, the Replace transform `replace_first`
when `is_regex` is true, the Elasticsearch source its TLS flags when it asks the cluster for
the index mapping (no `schema`).

`data/build-values-VERSION.json` records these reads per plugin, each with the SeaTunnel
source file (`java`) and a line of it (`code`, checked by the tests against the source
tarball). A plugin marked `complete` lists every read of its build; for the others the
engine checks table's `strict_values` (probed on one corpus block) still adds its keys.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from stconfig._records import record

PARSER_READS: dict[str, frozenset[str]] = {
    "source": frozenset({"parallelism"}),
    "transform": frozenset({"parallelism"}),
    "sink": frozenset(),
}
"""Options `MultipleTableJobConfigParser` itself converts for every block of a kind
(`getParallelism(readonlyConfig)` for sources and transforms)."""


@record(frozen=True)
class Condition:
    """`option` set to one of `values` (its default when unset; case-insensitive), or, with
    `absent`, the option not set at all."""

    option: str
    values: tuple[str, ...] = ()
    absent: bool = False

    def holds(self, options: Mapping[str, Any], default: Any = None) -> bool:
        value = options.get(self.option)
        if self.absent:
            return value is None
        if value is None:
            value = default
        return _text(value) in {_text(v) for v in self.values}


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip().lower()


@record(frozen=True)
class BuildRead:
    """Options the plugin converts while it is built, when every condition holds."""

    keys: frozenset[str]
    when: tuple[Condition, ...]
    java: str
    code: str
    after_listing: bool = False
    """Read only after the file source lists its `path` (and only if files are there)."""


@record(frozen=True)
class Choice:
    """A single-choice option of the `OptionRule` that a condition selects: when every
    condition holds, `ConfigValidator` accepts only `values` for `key` (case-insensitive),
    as the file sinks do for `compress_codec` per `file_format_type`."""

    key: str
    values: tuple[str, ...]
    when: tuple[Condition, ...]
    java: str
    code: str


@record(frozen=True)
class PluginReads:
    reads: tuple[BuildRead, ...]
    complete: bool
    """Every read of the build is listed: options outside them are converted at run time."""
    choices: tuple[Choice, ...] = ()


@cache
def _table(version: str) -> dict[str, PluginReads]:
    # Beside this module, not through importlib.resources (zipfile, tempfile...): the
    # package is installed as files, and a cold lint reads this table.
    resource = Path(__file__).parent / "data" / f"build-values-{version}.json"
    if not resource.is_file():
        return {}
    raw = json.loads(resource.read_text("utf-8"))["plugins"]
    table: dict[str, PluginReads] = {}
    for plugin, entry in raw.items():
        reads = tuple(
            BuildRead(
                frozenset(read["keys"]),
                _conditions(read.get("when", ())),
                read["java"],
                read["code"],
                read.get("after_listing", False),
            )
            for read in entry["reads"]
        )
        choices = tuple(
            Choice(
                choice["key"],
                tuple(choice["values"]),
                _conditions(choice.get("when", ())),
                choice["java"],
                choice["code"],
            )
            for choice in entry.get("choices", ())
        )
        table[plugin.lower()] = PluginReads(reads, entry.get("complete", False), choices)
    return table


def _conditions(raw: list[dict[str, Any]]) -> tuple[Condition, ...]:
    return tuple(
        Condition(c["option"], tuple(c.get("values", ())), c.get("absent", False)) for c in raw
    )


def plugin_reads(kind: str, name: str, *, version: str) -> PluginReads | None:
    """The recorded build reads of a plugin, or None when its source was not read for it."""
    return _table(version).get(f"{kind}.{name}".lower())


def all_reads(version: str) -> dict[str, PluginReads]:
    """Every plugin's recorded reads (`kind.Name` in lower case), for tests and tooling."""
    return dict(_table(version))


__all__ = [
    "PARSER_READS",
    "BuildRead",
    "Choice",
    "Condition",
    "PluginReads",
    "all_reads",
    "plugin_reads",
]
