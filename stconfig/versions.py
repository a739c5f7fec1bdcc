"""SeaTunnel versions and what differs between them: the one table every part of stconfig reads.

A version is a release (`2.3.8`) or a pre-release (`2.3.9-SNAPSHOT`); a pre-release orders
before its release, because it lacks what the release added after it was cut. The one dev tree
we know by commit, 15431c9 (the conformance corpus and the REST v2 test engine), reports
`2.3.9-SNAPSHOT`: it has the Jetty REST v2 API but none of 2.3.9's later additions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_VERSION = re.compile(r"^\s*(\d+)\.(\d+)(?:\.(\d+))?(?:-([0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*))?\s*$")

SNAPSHOT_COMMIT = "15431c9"
"""The dev commit whose engine and corpus we test against; it reports `2.3.9-SNAPSHOT`."""


@dataclass(frozen=True, order=False)
class Version:
    """A SeaTunnel version; comparisons put `X-SNAPSHOT` (any pre-release) just before `X`."""

    major: int
    minor: int
    patch: int = 0
    pre: str | None = None
    text: str = field(default="", compare=False)

    @classmethod
    def parse(cls, text: str) -> Version:
        """`"2.3.9-SNAPSHOT"`, `"2.3.8"`, `"2.3"` or the known dev commit; ValueError otherwise."""
        if text.strip().lower() == SNAPSHOT_COMMIT:
            return cls(2, 3, 9, "SNAPSHOT", text=text.strip())
        match = _VERSION.match(text)
        if match is None:
            raise ValueError(f"{text!r} is not a SeaTunnel version such as 2.3.8 or 2.3.9-SNAPSHOT")
        major, minor, patch, pre = match.groups()
        return cls(int(major), int(minor), int(patch or 0), pre, text=text.strip())

    @property
    def release(self) -> tuple[int, int, int]:
        return self.major, self.minor, self.patch

    @property
    def is_prerelease(self) -> bool:
        return self.pre is not None

    def _key(self) -> tuple[tuple[int, int, int], int, str]:
        return self.release, 0 if self.pre is not None else 1, (self.pre or "").upper()

    def __lt__(self, other: Version) -> bool:
        return self._key() < other._key()

    def __le__(self, other: Version) -> bool:
        return self._key() <= other._key()

    def __gt__(self, other: Version) -> bool:
        return self._key() > other._key()

    def __ge__(self, other: Version) -> bool:
        return self._key() >= other._key()

    def __str__(self) -> str:
        base = f"{self.major}.{self.minor}.{self.patch}"
        return f"{base}-{self.pre}" if self.pre is not None else base


def parse(text: str) -> Version:
    """Module-level shorthand for `Version.parse`."""
    return Version.parse(text)


@dataclass(frozen=True)
class Feature:
    """A behaviour that exists from `since` on, with where that fact comes from."""

    name: str
    since: Version
    description: str
    source: str


def _feature(name: str, since: str, description: str, source: str) -> Feature:
    return Feature(name, Version.parse(since), description, source)


FEATURES: dict[str, Feature] = {
    feature.name: feature
    for feature in (
        _feature(
            "rest_v2",
            "2.3.9-SNAPSHOT",
            "the Jetty REST API v2 (older releases serve v1 under /hazelcast/rest/maps)",
            "JettyService in the 15431c9 tree; absent from the 2.3.8 release jars",
        ),
        _feature(
            "plugin_output_keys",
            "2.3.9",
            "plugin_output / plugin_input name tables (before: result_table_name / "
            "source_table_name)",
            "apache/seatunnel#8062 (Nov 2024, after 15431c9, whose tree has no plugin_output)",
        ),
        _feature(
            "format_hocon",
            "2.3.9",
            "format=hocon on /submit-job (HOCON request bodies)",
            "apache/seatunnel#8000 (merged Nov 2024, after 15431c9)",
        ),
        _feature(
            "basic_auth",
            "2.3.11",
            "basic authentication on the REST API",
            "apache/seatunnel#9171 (merged Apr 2025; not in the 2.3.10 docs)",
        ),
        _feature(
            "force_stop",
            "3.0.0",
            "force on stop-job",
            "apache/seatunnel#10075 (Dec 2025); the release is inferred from the merge date",
        ),
    )
}
"""Everything the client gates and the linter switches on. A pre-release `since` means the
fact was checked in that dev tree (15431c9)."""

RELEASES: tuple[str, ...] = (
    "2.3.0",
    "2.3.1",
    "2.3.2",
    "2.3.3",
    "2.3.4",
    "2.3.5",
    "2.3.6",
    "2.3.7",
    "2.3.8",
    "2.3.9-SNAPSHOT",
    "2.3.9",
    "2.3.10",
    "2.3.11",
    "2.3.12",
)
"""The versions whose facts this table knows, oldest first (the 15431c9 snapshot included)."""

DEFAULT_TARGET = "2.3.8"
"""The version assumed when nothing chooses one: the newest release with a plugin catalog."""


def has(version: Version | str, feature: str) -> bool:
    """Whether `version` has `feature` (a key of `FEATURES`)."""
    if isinstance(version, str):
        version = Version.parse(version)
    return version >= FEATURES[feature].since


__all__ = [
    "DEFAULT_TARGET",
    "FEATURES",
    "RELEASES",
    "SNAPSHOT_COMMIT",
    "Feature",
    "Version",
    "has",
    "parse",
]
