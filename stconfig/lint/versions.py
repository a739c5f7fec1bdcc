"""SeaTunnel versions the linter can target, and the differences rules switch on."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stconfig.model.job import Job

KNOWN_VERSIONS: tuple[str, ...] = ("2.3.8", "2.3.9", "2.3.10", "2.3.11", "2.3.12")
"""Releases whose job-file behaviour the rules know (the `--target-version` choices)."""

RENAME_VERSION = (2, 3, 9)
"""`plugin_output` / `plugin_input` replaced `result_table_name` / `source_table_name`."""


def parse_version(text: str) -> tuple[int, ...]:
    """`"2.3.8"` -> `(2, 3, 8)`; ValueError for anything else."""
    parts = text.strip().split(".")
    if len(parts) < 2 or not all(part.isdigit() for part in parts):
        raise ValueError(f"{text!r} is not a version such as 2.3.8")
    return tuple(int(part) for part in parts)


def default_version() -> str:
    """The newest version the plugin catalog describes (the rules know later ones too)."""
    from stconfig.catalog.registry import versions

    return max(versions(), key=parse_version)


def inferred_version(job: Job) -> str:
    """2.3.9 for a job written with `plugin_output` / `plugin_input` only, else the default.

    Without a version chosen or a server to ask, the key names are the best evidence of the
    release the job was written for: the new keys exist from 2.3.9 on.
    """
    from stconfig.model.graph import NEW_KEYS, OLD_KEYS

    keys = {key for plugin in job.plugins for key in plugin.node}
    if keys & set(NEW_KEYS) and not keys & set(OLD_KEYS):
        return ".".join(str(part) for part in RENAME_VERSION)
    return default_version()


def table_keys(version: tuple[int, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The keys read for a plugin's output and input names, in the order the engine tries."""
    if version >= RENAME_VERSION:
        return ("plugin_output", "result_table_name"), ("plugin_input", "source_table_name")
    return ("result_table_name",), ("source_table_name",)


__all__ = [
    "KNOWN_VERSIONS",
    "RENAME_VERSION",
    "default_version",
    "inferred_version",
    "parse_version",
    "table_keys",
]
