"""The version table: parsing, pre-release ordering and feature gates."""

from __future__ import annotations

import pytest

from stconfig.versions import (
    CATALOG_SOURCES,
    ENV_RENAMES,
    FEATURES,
    KEY_CHANGES,
    RELEASES,
    VERSION_CHOICES,
    Version,
    catalog_for,
    catalog_note,
    env_options,
    facts,
    has,
    known,
    spelling,
)
from tests.conftest import REPOSITORY


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


# ---------------------------------------------------------------------------------------------
# The table itself
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "output", "old_read", "rest"),
    [
        ("2.3.0", "result_table_name", False, (False, False)),
        ("2.3.1", "result_table_name", False, (True, False)),
        ("2.3.8", "result_table_name", False, (True, False)),
        ("2.3.9-SNAPSHOT", "result_table_name", False, (True, True)),
        ("15431c9", "result_table_name", False, (True, True)),
        ("2.3.9", "plugin_output", True, (True, True)),
        ("2.3.12", "plugin_output", True, (True, True)),
    ],
)
def test_each_version_has_its_row(
    version: str, output: str, old_read: bool, rest: tuple[bool, bool]
) -> None:
    row = facts(version)
    assert row.output_key == output
    assert row.old_table_keys_read is old_read
    assert (row.rest_v1, row.rest_v2) == rest
    assert not row.pagination and not row.force_stop  # none of 2.3.x has them


def test_the_snapshot_is_one_row_of_the_table_by_either_name() -> None:
    assert known("15431c9") == known("2.3.9-SNAPSHOT") == "2.3.9-SNAPSHOT"
    assert facts("15431c9") == facts("2.3.9-SNAPSHOT")


@pytest.mark.parametrize("text", ["2.4.0", "2.3.13", "3.0.0", "2.3.8-SNAPSHOT", "latest", ""])
def test_a_version_the_table_does_not_list_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="unknown target version"):
        known(text)


def test_env_options_grow_release_by_release_from_the_tags() -> None:
    assert "job.retry.times" not in env_options("2.3.4")
    assert "job.retry.times" in env_options("2.3.5")
    assert {"tag_filter", "savemode.execute.location"} <= set(env_options("2.3.6"))
    assert facts("2.3.4").env_added == (
        "read_limit.rows_per_second",
        "read_limit.bytes_per_second",
        "checkpoint.timeout",
    )
    assert env_options("2.3.12") == env_options("2.3.8")
    assert facts("2.3.4").env_renamed == (
        ("execution.parallelism", "parallelism"),
        ("execution.checkpoint.interval", "checkpoint.interval"),
    )


def test_env_renames_are_the_ones_the_linter_fixes() -> None:
    from stconfig.lint.rules.st403_renamed_env_key import RENAMES

    assert {c.replaces: c.key for c in ENV_RENAMES} == RENAMES


@pytest.mark.parametrize(
    ("key", "version", "spelled"),
    [
        ("plugin_output", "2.3.8", ("result_table_name", ())),
        ("result_table_name", "2.3.9-SNAPSHOT", ("result_table_name", ())),
        ("plugin_input", "2.3.9", ("plugin_input", ("source_table_name",))),
        ("result_table_name", "2.3.12", ("plugin_output", ("result_table_name",))),
        ("row.num", "2.3.12", ("row.num", ())),
    ],
)
def test_spelling_of_renamed_keys(key: str, version: str, spelled: tuple[str, object]) -> None:
    assert spelling(key, version) == spelled


def test_the_catalog_describes_2_3_8_and_the_snapshot_only() -> None:
    assert catalog_for("2.3.8") == ("2.3.8", True)
    assert catalog_for("15431c9") == ("2.3.8", True)
    assert catalog_for("2.3.12") == ("2.3.8", False)
    assert catalog_for("2.3.5") == ("2.3.8", False)
    assert catalog_note("2.3.8") is None
    assert (
        catalog_note("2.3.10") == "the plugin catalog ends at SeaTunnel 2.3.8; 2.3.10 may have more"
    )
    # the catalog data says which tree it was read from
    from stconfig.catalog import registry

    assert set(CATALOG_SOURCES) == set(registry.versions())


def test_every_fact_names_a_source() -> None:
    changes = (*KEY_CHANGES, *ENV_RENAMES)
    assert all(change.source for change in changes)
    assert all(str(change.since) in RELEASES for change in changes)
    assert set(VERSION_CHOICES) == {*RELEASES, "15431c9"}


def test_the_docs_page_shows_the_table_as_it_is() -> None:
    page = (REPOSITORY / "docs" / "versions.md").read_text(encoding="utf-8")
    for release in RELEASES:
        row = facts(release)
        line = next(x for x in page.splitlines() if x.startswith(f"| {row.version} |"))
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        assert cells[1] == f"`{row.output_key}` / `{row.input_key}`"
        flags = (
            row.old_table_keys_read,
            row.rest_v1,
            row.rest_v2,
            row.format_hocon,
            row.basic_auth,
            row.pagination,
            row.force_stop,
        )
        assert cells[2:9] == ["yes" if flag else "-" for flag in flags], release
        for key in row.env_added:
            assert f"`{key}`" in cells[9], release
        for old, new in row.env_renamed:
            assert f"`{old}` → `{new}`" in cells[9], release
        assert cells[10].startswith(row.catalog), release
        assert ("nearest" in cells[10]) is not row.catalog_exact, release
