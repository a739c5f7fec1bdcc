"""SeaTunnel versions and what differs between them: the one table every part of stconfig reads.

A version is a release (`2.3.8`) or a pre-release (`2.3.9-SNAPSHOT`); a pre-release orders
before its release, because it lacks what the release added after it was cut. The one dev tree
we know by commit, 15431c9 (the conformance corpus and the REST v2 test engine), reports
`2.3.9-SNAPSHOT`: it has the Jetty REST v2 API but none of 2.3.9's later additions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from stconfig._records import field, record

_VERSION = re.compile(r"^\s*(\d+)\.(\d+)(?:\.(\d+))?(?:-([0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*))?\s*$")

SNAPSHOT_COMMIT = "15431c9"
"""The dev commit whose engine and corpus we test against; it reports `2.3.9-SNAPSHOT`."""


@record(frozen=True)
class Version:
    """A SeaTunnel version; comparisons put `X-SNAPSHOT` (any pre-release) just before `X`."""

    major: int
    minor: int
    patch: int = 0
    pre: str | None = None
    text: str = field(default="", compare=False)

    @staticmethod
    def parse(text: str) -> Version:
        """`"2.3.9-SNAPSHOT"`, `"2.3.8"`, `"2.3"` or the known dev commit; ValueError otherwise.
        Parsed once per text: the rules ask for the target version thousands of times over a
        corpus, and a frozen `Version` serves them all."""
        return _parse(text)

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
    return _parse(text)


@lru_cache(maxsize=64)
def _parse(text: str) -> Version:
    if text.strip().lower() == SNAPSHOT_COMMIT:
        return Version(2, 3, 9, "SNAPSHOT", text=text.strip())
    match = _VERSION.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a SeaTunnel version such as 2.3.8 or 2.3.9-SNAPSHOT")
    major, minor, patch, pre = match.groups()
    return Version(int(major), int(minor), int(patch or 0), pre, text=text.strip())


@record(frozen=True)
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
            "rest_v1",
            "2.3.1",
            "the Hazelcast REST API v1 under /hazelcast/rest/maps on the member port",
            "apache/seatunnel#4072 (commit 3eef2e2e97, first in the 2.3.1 tag); off by default "
            "from apache/seatunnel#8766 (Feb 2025) on, still served when enabled",
        ),
        _feature(
            "rest_v2",
            "2.3.9-SNAPSHOT",
            "the Jetty REST API v2 (older releases serve v1 under /hazelcast/rest/maps)",
            "apache/seatunnel#7647 (commit c685c5c71d, Oct 2024): JettyService in the 15431c9 "
            "tree; absent from the 2.3.8 tag and release jars",
        ),
        _feature(
            "plugin_output_keys",
            "2.3.9",
            "plugin_output / plugin_input name tables (before: result_table_name / "
            "source_table_name, which stay accepted as fallback keys)",
            "apache/seatunnel#8072 (commit c7bbd322d, listed under 2.3.9 in the connector "
            "changelogs; issue #8062, Nov 2024, after 15431c9, whose tree has no plugin_output); "
            'CommonOptions.PLUGIN_OUTPUT withFallbackKeys("result_table_name")',
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
            "pagination",
            "3.0.0",
            "page / rows on running-jobs and finished-jobs (answers {data, total})",
            "apache/seatunnel#9951 (reviewed Dec 2025); the release is inferred from the dates",
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


@record(frozen=True)
class KeyChange:
    """A job-file key that appeared, or replaced another, in one version."""

    key: str
    since: Version
    source: str
    replaces: str | None = None
    """The key it renamed; `old_accepted` says whether the version still reads that one."""
    old_accepted: bool = False
    section: str = "env"
    """`env`, or the plugin sections it applies to (`source transform`, `transform sink`)."""


def _change(
    key: str,
    since: str,
    source: str,
    *,
    replaces: str | None = None,
    old_accepted: bool = False,
    section: str = "env",
) -> KeyChange:
    return KeyChange(key, Version.parse(since), source, replaces, old_accepted, section)


KEY_CHANGES: tuple[KeyChange, ...] = (
    _change("parallelism", "2.3.0", "EnvCommonOptions in the 2.3.0 tag"),
    _change("job.name", "2.3.0", "EnvCommonOptions in the 2.3.0 tag"),
    _change("job.mode", "2.3.0", "EnvCommonOptions in the 2.3.0 tag"),
    _change("checkpoint.interval", "2.3.0", "EnvCommonOptions in the 2.3.0 tag"),
    _change("jars", "2.3.0", "EnvCommonOptions in the 2.3.0 tag"),
    _change("custom_parameters", "2.3.0", "EnvCommonOptions in the 2.3.0 tag"),
    _change(
        "read_limit.rows_per_second",
        "2.3.4",
        "apache/seatunnel#5502 (commit 0ce17121ea, first in the 2.3.4 tag)",
    ),
    _change(
        "read_limit.bytes_per_second",
        "2.3.4",
        "apache/seatunnel#5502 (commit 0ce17121ea, first in the 2.3.4 tag)",
    ),
    _change(
        "checkpoint.timeout",
        "2.3.4",
        "apache/seatunnel#5222 (commit 3c13275ed9, first in the 2.3.4 tag)",
    ),
    _change(
        "job.retry.times",
        "2.3.5",
        "apache/seatunnel#6690 (commit 790150a54b, first in the 2.3.5 tag)",
    ),
    _change(
        "job.retry.interval.seconds",
        "2.3.6",
        "apache/seatunnel#6947 (commit b574bb9340, first in the 2.3.6 tag)",
    ),
    _change(
        "savemode.execute.location",
        "2.3.6",
        "apache/seatunnel#6843 (commit 80cf91318d, first in the 2.3.6 tag)",
    ),
    _change(
        "tag_filter",
        "2.3.6",
        "apache/seatunnel#7045 (commit 3af6b2f2c6, first in the 2.3.6 tag)",
    ),
    _change(
        "plugin_output",
        "2.3.9",
        FEATURES["plugin_output_keys"].source,
        replaces="result_table_name",
        old_accepted=True,
        section="source transform",
    ),
    _change(
        "plugin_input",
        "2.3.9",
        FEATURES["plugin_output_keys"].source,
        replaces="source_table_name",
        old_accepted=True,
        section="transform sink",
    ),
)
"""Env options added per release (EnvCommonOptions at each 2.3.x tag; the 2.3.11 JobEnvConfig
page lists no env option newer than 2.3.6) and plugin keys renamed."""

ENV_RENAMES: tuple[KeyChange, ...] = tuple(
    _change(
        new,
        "2.3.4",
        "apache/seatunnel#6003 (commit 2410ab38f0, first in the 2.3.4 tag): the job templates "
        "and JobEnvConfig docs move to the unified env names; Flink's own settings take a "
        "flink. prefix",
        replaces=old,
    )
    for new, old in (
        ("parallelism", "execution.parallelism"),
        ("checkpoint.interval", "execution.checkpoint.interval"),
    )
)
"""Env names the Flink-era jobs used, and the unified names that replaced them."""

TABLE_KEY_RENAMES: dict[str, str] = {
    change.replaces: change.key for change in KEY_CHANGES if change.replaces is not None
}
"""Old table key -> the key that replaced it (`result_table_name` -> `plugin_output`)."""


def _as_version(version: Version | str) -> Version:
    return Version.parse(version) if isinstance(version, str) else version


def has(version: Version | str, feature: str) -> bool:
    """Whether `version` has `feature` (a key of `FEATURES`)."""
    return _as_version(version) >= FEATURES[feature].since


def known(text: str) -> str:
    """The table's spelling of a version it knows (`15431c9` -> `2.3.9-SNAPSHOT`).

    ValueError for a version the table does not list: every command accepts exactly these.
    """
    try:
        version = Version.parse(text)
    except ValueError:
        version = None
    for release in RELEASES:
        if version is not None and Version.parse(release) == version:
            return release
    raise ValueError(
        f"unknown target version {text.strip()!r}: stconfig knows SeaTunnel "
        f"{', '.join(RELEASES)} (or {SNAPSHOT_COMMIT} for 2.3.9-SNAPSHOT)"
    )


VERSION_CHOICES: tuple[str, ...] = (*RELEASES, SNAPSHOT_COMMIT)
"""What `--target-version` accepts on every command: the releases, and the snapshot's commit."""


def table_keys(version: Version | str) -> tuple[str, str]:
    """The keys a job for `version` writes for a plugin's output and input table names."""
    if has(version, "plugin_output_keys"):
        return "plugin_output", "plugin_input"
    return "result_table_name", "source_table_name"


def read_table_keys(version: Version | str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The keys `version` reads for output and input names, in the order the engine tries."""
    output, input_ = table_keys(version)
    if has(version, "plugin_output_keys"):
        return (output, "result_table_name"), (input_, "source_table_name")
    return (output,), (input_,)


def spelling(key: str, version: Version | str) -> tuple[str, tuple[str, ...]]:
    """How `version` spells a renamed key, and the other spellings it also reads.

    `spelling("plugin_output", "2.3.8")` is `("result_table_name", ())`: 2.3.8 has only the
    old name. From 2.3.9 on it is `("plugin_output", ("result_table_name",))`.
    """
    for change in KEY_CHANGES:
        if change.replaces is None or key not in (change.key, change.replaces):
            continue
        if _as_version(version) >= change.since:
            return change.key, (change.replaces,) if change.old_accepted else ()
        return change.replaces, ()
    return key, ()


def env_options(version: Version | str) -> tuple[str, ...]:
    """The env keys `EnvCommonOptions` declares in `version`."""
    target = _as_version(version)
    return tuple(
        change.key for change in KEY_CHANGES if change.section == "env" and target >= change.since
    )


CATALOG_SOURCES: dict[str, tuple[str, str]] = {
    "2.3.8": ("2.3.8", "2.3.9-SNAPSHOT"),
}
"""Catalog version -> (first, last) target it describes. The 2.3.8 catalog was read from the
15431c9 tree (2.3.8 plus 50 commits) with 2.3.8's plugin-mapping, so it is exact for both."""


def catalog_for(version: Version | str) -> tuple[str, bool]:
    """The plugin catalog to use for a `version` job, and whether it describes `version`.

    The newest catalog not newer than the target, else the oldest catalog (2.3.0-2.3.7 have
    none of their own: nobody extracted their plugin options). Not exact means: its plugin
    names and options are another version's, and whatever uses them must say so.
    """
    target = _as_version(version)
    ranges = sorted(
        (
            (Version.parse(first), Version.parse(last), catalog)
            for catalog, (first, last) in CATALOG_SOURCES.items()
        ),
    )
    usable = [entry for entry in ranges if entry[0] <= target]
    first, last, catalog = usable[-1] if usable else ranges[0]
    return catalog, first <= target <= last


def catalog_note(version: Version | str) -> str | None:
    """What to say when the catalog used for `version` is another version's; None if exact."""
    catalog, exact = catalog_for(version)
    if exact:
        return None
    target = _as_version(version)
    if target > Version.parse(CATALOG_SOURCES[catalog][1]):
        return f"the plugin catalog ends at SeaTunnel {catalog}; {target} may have more"
    return f"the plugin catalog starts at SeaTunnel {catalog}; {target} may have fewer"


@record(frozen=True)
class VersionFacts:
    """One row of the version table: what stconfig relies on for one SeaTunnel version."""

    version: str
    output_key: str
    input_key: str
    old_table_keys_read: bool
    rest_v1: bool
    rest_v2: bool
    format_hocon: bool
    basic_auth: bool
    pagination: bool
    force_stop: bool
    env_added: tuple[str, ...]
    env_renamed: tuple[tuple[str, str], ...]
    """(old, new) env names this version retired."""
    catalog: str
    catalog_exact: bool


def facts(version: Version | str) -> VersionFacts:
    """The row of the version table for one version."""
    target = _as_version(version)
    output, input_ = table_keys(target)
    catalog, exact = catalog_for(target)
    return VersionFacts(
        version=str(target),
        output_key=output,
        input_key=input_,
        old_table_keys_read=has(target, "plugin_output_keys"),
        rest_v1=has(target, "rest_v1"),
        rest_v2=has(target, "rest_v2"),
        format_hocon=has(target, "format_hocon"),
        basic_auth=has(target, "basic_auth"),
        pagination=has(target, "pagination"),
        force_stop=has(target, "force_stop"),
        env_added=tuple(
            change.key
            for change in KEY_CHANGES
            if change.section == "env" and change.since == target
        ),
        env_renamed=tuple(
            (change.replaces, change.key)
            for change in ENV_RENAMES
            if change.replaces is not None and change.since == target
        ),
        catalog=catalog,
        catalog_exact=exact,
    )


__all__ = [
    "CATALOG_SOURCES",
    "DEFAULT_TARGET",
    "ENV_RENAMES",
    "FEATURES",
    "KEY_CHANGES",
    "RELEASES",
    "SNAPSHOT_COMMIT",
    "TABLE_KEY_RENAMES",
    "VERSION_CHOICES",
    "Feature",
    "KeyChange",
    "Version",
    "VersionFacts",
    "catalog_for",
    "catalog_note",
    "env_options",
    "facts",
    "has",
    "known",
    "parse",
    "read_table_keys",
    "spelling",
    "table_keys",
]
