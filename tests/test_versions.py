"""The version table: parsing, pre-release ordering and feature gates."""

from __future__ import annotations

import pytest

from stconfig.versions import FEATURES, RELEASES, Version, has


@pytest.mark.parametrize(
    ("older", "newer"),
    [
        ("2.3.8", "2.3.9-SNAPSHOT"),
        ("2.3.9-SNAPSHOT", "2.3.9"),
        ("2.3.9", "2.3.10"),
        ("2.3.10-rc1", "2.3.10"),
        ("2.3", "2.3.1"),
    ],
)
def test_a_prerelease_orders_before_its_release(older: str, newer: str) -> None:
    assert Version.parse(older) < Version.parse(newer)
    assert Version.parse(newer) > Version.parse(older)


def test_the_snapshot_commit_names_its_version() -> None:
    snapshot = Version.parse("15431c9")
    assert snapshot == Version.parse("2.3.9-SNAPSHOT")
    assert str(snapshot) == "2.3.9-SNAPSHOT"


@pytest.mark.parametrize("text", ["", "latest", "2", "v2.3.8", "2.3.8-", "2.x.8"])
def test_not_a_version_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a SeaTunnel version"):
        Version.parse(text)


def test_the_snapshot_has_rest_v2_but_not_what_2_3_9_added_later() -> None:
    assert has("2.3.9-SNAPSHOT", "rest_v2")
    assert not has("2.3.8", "rest_v2")
    assert not has("2.3.9-SNAPSHOT", "format_hocon")
    assert not has("2.3.9-SNAPSHOT", "plugin_output_keys")
    assert has("2.3.9", "format_hocon")
    assert not has("2.3.10", "basic_auth")
    assert has("2.3.11", "basic_auth")


def test_releases_are_listed_oldest_first_and_every_fact_has_a_source() -> None:
    versions = [Version.parse(text) for text in RELEASES]
    assert versions == sorted(versions)
    assert all(feature.source and feature.description for feature in FEATURES.values())
