"""The linter's settings: one frozen object built from pyproject, then flags, then callers."""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping
from pathlib import PurePath

from stconfig._records import field, record
from stconfig.versions import DEFAULT_TARGET, Version, known


@record(frozen=True)
class LintSettings:
    """What to check and how. `environ=None` means the process environment."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    target_version: str = ""
    """A version `stconfig.versions` knows (`15431c9` is stored as `2.3.9-SNAPSHOT`); left
    empty, `DEFAULT_TARGET`."""
    variables: Mapping[str, str] = field(default_factory=dict)
    environ: Mapping[str, str] | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    root: str | None = None
    """Folder that `per_file_ignores` globs are relative to (the pyproject.toml's)."""
    version_source: str = ""
    """Where `target_version` came from, said in the summary line: `--target-version`,
    `target-version in PATH`, `target_version=` (the default for a version given without a
    source), or `default` (no version given)."""

    def __post_init__(self) -> None:
        if not self.target_version:
            object.__setattr__(self, "target_version", DEFAULT_TARGET)
            object.__setattr__(self, "version_source", self.version_source or "default")
        else:
            object.__setattr__(self, "target_version", known(self.target_version))
            object.__setattr__(self, "version_source", self.version_source or "target_version=")

    @property
    def version(self) -> Version:
        return Version.parse(self.target_version)

    @property
    def version_chosen(self) -> bool:
        """False when nothing chose the version and the default was used."""
        return self.version_source != "default"

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """Codes switched off for one file by `per-file-ignores` (glob on the path)."""
        if not self.per_file_ignores:
            return ()  # no path object to build for each file of a corpus
        pure = PurePath(path)
        codes: list[str] = []
        for pattern, ignored in self.per_file_ignores:
            if (
                fnmatch.fnmatch(path, pattern)
                or pure.match(pattern)
                or fnmatch.fnmatch(pure.name, pattern)
            ):
                codes.extend(ignored)
        return tuple(codes)


__all__ = ["LintSettings"]
