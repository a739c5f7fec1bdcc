"""The hand-polished models: they win on lookup, keep every option, and their examples hold."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from stconfig import catalog
from stconfig.catalog.overrides import OVERRIDES
from tests.conftest import REPOSITORY

POLISHED = sorted((kind, name) for (_, kind, name) in OVERRIDES)
NAMED_IN_ISSUE = [
    "FakeSource",
    "MySQL-CDC",
    "Console",
    "FieldMapper",
    "Filter",
    "Jdbc",
    "Kafka",
    "Sql",
    "LocalFile",
    "S3File",
    "HdfsFile",
    "Hive",
    "Doris",
    "StarRocks",
    "Clickhouse",
    "Elasticsearch",
    "Paimon",
    "Iceberg",
    "Http",
    "Assert",
]


def test_every_plugin_named_in_the_issue_is_polished_in_each_kind() -> None:
    for name in NAMED_IN_ISSUE:
        kinds = [k for k, n in catalog.plugin_names() if n == name]
        assert kinds, name
        for kind in kinds:
            assert (kind, name) in POLISHED


@pytest.mark.parametrize(("kind", "name"), POLISHED)
def test_override_keeps_every_option_and_validates_its_examples(kind: str, name: str) -> None:
    # GIVEN the polished model found by a lower-case lookup
    model = catalog.lookup(kind, name.lower())
    spec = catalog.plugin_spec(kind, name)
    assert model.__module__.startswith("stconfig.catalog.overrides.")
    aliases = {f.alias or attr for attr, f in model.model_fields.items()}
    assert {o.key for o in spec.options} <= aliases
    examples: tuple[dict[str, Any], ...] = model.examples  # type: ignore[attr-defined]
    assert examples
    for example in examples:
        # WHEN an example is validated
        problems = catalog.validate_options(kind, name, example)
        # THEN it is clean, and the model round-trips it by SeaTunnel key
        assert problems == []
        built = model.model_validate(example)
        assert built.seatunnel_options().keys() >= example.keys() - {"plugin_output"}


@pytest.mark.parametrize(("kind", "name"), POLISHED)
def test_examples_validate_against_the_plugin_schema(kind: str, name: str) -> None:
    schema = json.loads(
        (REPOSITORY / "schemas" / "plugins" / kind / f"{name}.schema.json").read_text("utf-8")
    )
    validator = jsonschema.Draft202012Validator(schema)
    assert schema["examples"]
    for example in schema["examples"]:
        assert list(validator.iter_errors(example)) == []


def test_refined_field_rejects_what_the_generated_one_accepts() -> None:
    schema = {"schema": {"fields": {"id": "bigint"}}}
    problems = catalog.validate_options("source", "FakeSource", {**schema, "row.num": -1})
    assert [(p.key, p.kind) for p in problems] == [("row.num", "type")]
    options = {**schema, "row.num": "${rows}"}
    assert catalog.validate_options("source", "FakeSource", options) == []
