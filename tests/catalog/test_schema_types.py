"""Column type strings, as SeaTunnel's SeaTunnelDataTypeConvertorUtil accepts or refuses them."""

from __future__ import annotations

import pytest

from stconfig import catalog
from stconfig.catalog.schema_types import is_type

ACCEPTED = [
    "int",
    "BIGINT",
    "Big Int",  # spaces are removed before the lookup
    "long",  # old spellings of bigint, smallint, tinyint
    "short",
    "byte",
    "decimal(10, 2)",
    "Decimal (38,18)",
    "array<int>",
    "array<long>",
    "map<string, array<int>>",
    "map<decimal(10, 2), string>",  # the key's own comma is skipped
    "map<string, map<string, int>>",
    "{a = int, b = {c = string}}",
    "float_vector",
    "null",
]
REFUSED = [
    "varchar",
    "decimal",  # precision and scale are required
    "array",
    "map",
    "row",
    "array<date>",  # only string, boolean and numbers have array types
    "array<decimal(10, 2)>",
    "map<string>",
    "map<string, money>",
    "{a = varchar}",
    "{a = 1}",
    "{a = ",
    "",
]


@pytest.mark.parametrize("text", ACCEPTED)
def test_accepted(text: str) -> None:
    assert is_type(text)


@pytest.mark.parametrize("text", REFUSED)
def test_refused(text: str) -> None:
    assert not is_type(text)


def test_models_and_linter_share_the_grammar() -> None:
    # GIVEN a FakeSource whose schema uses an array type SeaTunnel cannot build
    options = {"schema": {"fields": {"days": "array<date>", "id": "bigint"}}}
    # THEN the model refuses it, as ST310 does
    problems = catalog.validate_options("source", "FakeSource", options)
    assert [(p.key, p.kind) for p in problems] == [("schema.fields", "type")], problems
    assert "array<date>" in problems[0].message
