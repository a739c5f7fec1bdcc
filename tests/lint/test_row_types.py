"""ST213's row types: certain where SeaTunnel's parser is, silent everywhere else."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stconfig
from stconfig.model.row_types import certainly_differ, field_type, schema_row_type
from stconfig.model.values import from_python
from stconfig.testing.fake_checks import refusal

SIMPLE = ["string", "int", "bigint", "long", "BIGINT", "double", "boolean", "Big Int", "date"]


def _job(left: dict[str, str], right: dict[str, str], *transform: dict[str, Any]) -> dict[str, Any]:
    return {
        "env": {"job.mode": "BATCH"},
        "source": [
            {"plugin_name": "FakeSource", "plugin_output": "a", "schema": {"fields": left}},
            {"plugin_name": "FakeSource", "plugin_output": "b", "schema": {"fields": right}},
        ],
        "transform": list(transform),
        "sink": [
            {"plugin_name": "Console", "plugin_input": ["a", transform[-1]["plugin_output"]]}
            if transform
            else {"plugin_name": "Console", "plugin_input": ["a", "b"]}
        ],
    }


def _codes(job: dict[str, Any], folder: Path) -> list[str]:
    path = folder / "job.json"
    path.write_text(json.dumps(job), encoding="utf-8")
    return [d.code for d in stconfig.lint(path, select=["ST213"], target_version="2.3.12")]


def test_type_names_are_read_as_the_engine_reads_them() -> None:
    keys = {parsed.key for parsed in map(field_type, ["long", " BIGINT ", "big int"]) if parsed}
    assert keys == {"BIGINT"}
    assert field_type("varchar") is None  # not a SeaTunnel type: ST310's business
    complex_type = field_type("map<string, long>")
    assert complex_type is not None and not complex_type.simple


def test_complex_types_written_differently_are_not_claimed_to_differ() -> None:
    left = schema_row_type(from_python({"fields": {"m": "map<string,long>"}}))
    right = schema_row_type(from_python({"fields": {"m": "map<string,bigint>"}}))
    assert left is not None and right is not None
    assert not certainly_differ(left, right)


def test_a_schema_with_both_forms_or_a_nested_row_is_unknown() -> None:
    both = {"fields": {"a": "int"}, "columns": [{"name": "a", "type": "int"}]}
    assert schema_row_type(from_python(both)) is None
    assert schema_row_type(from_python({"fields": {"r": {"x": "int"}}})) is None


def test_filter_exclude_and_filter_row_kind_are_followed(tmp_path: Path) -> None:
    left = {"id": "bigint"}
    right = {"id": "bigint", "note": "string"}
    kept = {"plugin_name": "Filter", "plugin_input": "b", "plugin_output": "c"}
    excluded = {**kept, "exclude_fields": ["note"]}
    assert _codes(_job(left, right, excluded), tmp_path) == []
    kinds = {"plugin_name": "FilterRowKind", "plugin_input": "b", "plugin_output": "c"}
    assert _codes(_job(left, right, kinds), tmp_path) == ["ST213"]


def test_a_sql_output_is_not_guessed(tmp_path: Path) -> None:
    sql = {"plugin_name": "Sql", "plugin_input": "b", "plugin_output": "c", "query": "select 1"}
    assert _codes(_job({"id": "bigint"}, {"x": "int"}, sql), tmp_path) == []


def test_the_fake_engine_refuses_with_the_engines_message() -> None:
    found = refusal(_job({"id": "int"}, {"id": "bigint"}), new_table_keys=True)
    assert found is not None
    assert found.message == (
        "Transform/Sink don't support processing data with two different structures."
    )


names = st.sampled_from(["id", "name", "amount"])
schemas = st.dictionaries(names, st.sampled_from(SIMPLE), min_size=1, max_size=3)


@settings(max_examples=60, deadline=None)
@given(left=schemas, right=schemas)
def test_st213_fires_exactly_when_the_row_types_differ(
    left: dict[str, str], right: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    def engine_row(fields: dict[str, str]) -> list[tuple[str, str]]:
        aliases = {"LONG": "BIGINT"}
        return [
            (k, aliases.get(v.strip().upper(), v.strip().upper()).replace(" ", ""))
            for k, v in fields.items()
        ]

    differ = engine_row(left) != engine_row(right)
    folder = tmp_path_factory.mktemp("st213")
    assert _codes(_job(left, right), folder) == (["ST213"] if differ else [])
    assert (refusal(_job(left, right), new_table_keys=True) is not None) == differ
