"""The linter's view of `stconfig.versions`: the versions it accepts and the table keys.

Every fact lives in `stconfig.versions`; this module only adapts it to the rules (which compare
`ctx.version`, a `Version`, with `RENAME_VERSION`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stconfig.versions import (
    DEFAULT_TARGET,
    FEATURES,
    VERSION_CHOICES,
    Version,
    read_table_keys,
)

if TYPE_CHECKING:
    from stconfig.model.job import Job

KNOWN_VERSIONS: tuple[str, ...] = VERSION_CHOICES
"""What `--target-version` accepts: every version of the table, and the snapshot's commit."""

RENAME_VERSION: Version = FEATURES["plugin_output_keys"].since
"""`plugin_output` / `plugin_input` replaced `result_table_name` / `source_table_name`."""


def parse_version(text: str) -> Version:
    """`"2.3.8"` -> `Version(2, 3, 8)`; ValueError for anything else."""
    return Version.parse(text)


def default_version() -> str:
    """The version every command assumes when none is chosen (`stconfig.versions`)."""
    return DEFAULT_TARGET


def inferred_version(job: Job) -> str:
    """2.3.9 for a job written with `plugin_output` / `plugin_input` only, else the default.

    Not what the linter checks with (that is the chosen version or the default): the version
    the job's own keys point to, for hints and for callers with nothing better to go on.
    """
    from stconfig.model.graph import NEW_KEYS, OLD_KEYS

    keys = {key for plugin in job.plugins for key in plugin.node}
    if keys & set(NEW_KEYS) and not keys & set(OLD_KEYS):
        return str(RENAME_VERSION)
    return default_version()


def table_keys(version: Version | str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The keys read for a plugin's output and input names, in the order the engine tries."""
    return read_table_keys(version)


__all__ = [
    "KNOWN_VERSIONS",
    "RENAME_VERSION",
    "default_version",
    "inferred_version",
    "parse_version",
    "table_keys",
]
