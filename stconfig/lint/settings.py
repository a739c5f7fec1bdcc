"""The linter's settings: one frozen object built from pyproject, then flags, then callers."""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePath

from stconfig.lint.versions import KNOWN_VERSIONS, default_version, parse_version


@dataclass(frozen=True, slots=True)
class LintSettings:
    """What to check and how. `environ=None` means the process environment."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    target_version: str = field(default_factory=default_version)
    variables: Mapping[str, str] = field(default_factory=dict)
    environ: Mapping[str, str] | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    root: str | None = None
    """Folder that `per_file_ignores` globs are relative to (the pyproject.toml's)."""
    infer_version: bool = False
    """No version was chosen: a job written with `plugin_output` / `plugin_input` keys (which
    only 2.3.9 and later read) is checked as 2.3.9 rather than as `target_version`."""
    version_inferred: bool = False
    """`target_version` was inferred from the job's keys; plugin names are still checked
    against the newest catalog, which a chosen newer target would not do."""

    def __post_init__(self) -> None:
        if self.target_version not in KNOWN_VERSIONS:
            raise ValueError(
                f"unknown target version {self.target_version!r}; "
                f"expected one of {', '.join(KNOWN_VERSIONS)}"
            )

    @property
    def version(self) -> tuple[int, ...]:
        return parse_version(self.target_version)

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """Codes switched off for one file by `per-file-ignores` (glob on the path)."""
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
