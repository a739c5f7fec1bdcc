"""Typed plugins: catalog models that validate on construction and wire like generic ones."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from stconfig.dsl import (
    Console,
    FakeSource,
    FieldMapper,
    JdbcSource,
    Job,
    Secret,
    Sink,
    Var,
    connectors,
)
from stconfig.dsl._codegen import main as codegen
from tests.conftest import REPOSITORY


def test_typed_plugins_build_the_same_blocks_as_generic_ones() -> None:
    schema = {"fields": {"id": "bigint", "name": "string"}}
    with Job("typed", mode="BATCH") as typed:
        FakeSource(row_num=3, schema_=schema, plugin_output="fake") >> Console()
    with Job("typed", mode="BATCH") as generic:
        from stconfig.dsl import Source

        options = {"row.num": 3, "schema": schema}
        Source("FakeSource", options, plugin_output="fake") >> Sink("Console")
    assert typed.build() == generic.build()


def test_a_fake_source_without_a_schema_is_refused_on_construction() -> None:
    # the engine refuses it when the job starts: "Schema config need option [schema]"
    with pytest.raises(ValidationError, match="schema") as caught:
        FakeSource(row_num=1)
    assert "tables_configs" in str(caught.value)
    FakeSource(row_num=1, schema_={"fields": {"id": "bigint"}})


def test_options_are_written_in_the_order_given() -> None:
    with Job("order") as job:
        FieldMapper(field_mapper={"a": "b"}, parallelism=2, plugin_input="t")
        FakeSource(plugin_output="t", schema_={"fields": {"a": "int"}}, row_num=1)
        Console(plugin_input="t")
    data = job.to_dict()
    assert list(data["source"][0]) == ["plugin_name", "result_table_name", "schema", "row.num"]
    assert list(data["transform"][0])[-2:] == ["field_mapper", "parallelism"]


def test_invalid_value_names_the_option_and_the_value() -> None:
    with pytest.raises(ValidationError) as caught:
        FakeSource(row_num="many")  # type: ignore[arg-type]
    text = str(caught.value)
    assert "row_num" in text and "many" in text


def test_required_options_are_checked_on_construction() -> None:
    with pytest.raises(ValidationError, match="driver"):
        JdbcSource(url="jdbc:mysql://db/x")


def test_variables_and_secrets_fit_string_options() -> None:
    with Job("vars", mode="BATCH") as job:
        source = JdbcSource(
            url=Var("JDBC_URL", "jdbc:mysql://db/x"),
            driver="com.mysql.cj.jdbc.Driver",
            user="reader",
            password=Secret("DB_PASSWORD"),
            query="select 1",
        )
        source >> Console()
    written = job.to_dict()["source"][0]
    assert written["url"] == "${JDBC_URL:jdbc:mysql://db/x}"
    assert written["password"] == "${DB_PASSWORD}"
    assert job.secrets() == ["DB_PASSWORD"]


def test_every_catalog_plugin_has_a_class() -> None:
    from stconfig.catalog import plugin_names

    assert len(connectors.CLASSES) == len(plugin_names())
    assert connectors.CLASSES[("sink", "Console")] == "Console"
    assert connectors.CLASSES[("source", "Jdbc")] == "JdbcSource"


def test_generated_classes_are_up_to_date() -> None:
    assert codegen(["--check"]) == 0, "run: python -m stconfig.dsl._codegen"


def test_examples_type_check_and_a_typo_is_caught(tmp_path: Path) -> None:
    # GIVEN the examples and a file with a misspelt option, checked as a user would
    # (mypy --strict with pydantic's plugin, which reads the typed classes' fields)
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\nplugins = pydantic.mypy\nstrict = True\n")
    typo = tmp_path / "typo.py"
    typo.write_text(
        "from stconfig.dsl import Console, FakeSource, Job\n\n"
        "with Job('x') as job:\n"
        "    FakeSource(row_numm=3) >> Console()\n"
    )
    examples = sorted(str(path) for path in (REPOSITORY / "examples" / "dsl").glob("*.py"))
    command = [sys.executable, "-m", "mypy", "--config-file", str(config)]
    command += ["--cache-dir", str(tmp_path / "cache"), *examples, str(typo)]
    # WHEN mypy runs
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "MYPYPATH": str(REPOSITORY / "examples" / "dsl")},
    )
    # THEN only the typo is reported, with the right spelling suggested
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout
    assert errors[0].startswith(str(typo) + ":4:")
    assert 'did you mean "row_num"' in errors[0]
