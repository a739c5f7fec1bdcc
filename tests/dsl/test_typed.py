"""Typed plugins: catalog models that validate on construction and wire like generic ones."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from stconfig.dsl import (
    Console,
    FakeSource,
    FieldMapper,
    Filter,
    JdbcSource,
    Job,
    SchemaDict,
    Secret,
    Sink,
    Var,
    WiringError,
    connectors,
)
from stconfig.dsl._codegen import main as codegen
from tests.conftest import REPOSITORY


def test_typed_plugins_build_the_same_blocks_as_generic_ones() -> None:
    schema: SchemaDict = {"fields": {"id": "bigint", "name": "string"}}
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


def _stub_parameters(stub: Path) -> tuple[str, list[str]]:
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    cls = next(node for node in tree.body if isinstance(node, ast.ClassDef))
    init = next(node for node in cls.body if isinstance(node, ast.FunctionDef))
    return cls.name, [arg.arg for arg in init.args.kwonlyargs]


def test_every_stub_parameter_is_what_the_run_time_accepts() -> None:
    # GIVEN every generated stub and the class it describes
    stubs = sorted((REPOSITORY / "stconfig" / "dsl" / "_connectors").glob("*.pyi"))
    assert len(stubs) == len(connectors.MODULES)
    for stub in stubs:
        name, parameters = _stub_parameters(stub)
        cls = getattr(connectors, name)
        fields = cls.model_fields
        accepted = set(fields)
        for info in fields.values():
            choices = getattr(info.validation_alias, "choices", [])
            accepted |= {choice for choice in choices if isinstance(choice, str)}
        # THEN each parameter is a keyword the class takes, and each option is a parameter
        assert set(parameters) <= accepted, name
        expected = set(fields) - {"plugin_name"}
        if cls._st_kind == "source":
            expected.discard("plugin_input")
        if cls._st_kind == "sink":
            expected.discard("plugin_output")
        assert expected <= set(parameters), name
        assert all(name.isidentifier() for name in parameters)


def test_a_stub_documents_each_option_with_its_seatunnel_key() -> None:
    text = (REPOSITORY / "stconfig/dsl/_connectors/source_fake_source.pyi").read_text()
    assert "row_num: int | Var = 5," in text
    assert "row_num: SeaTunnel key `row.num` (int, default 5)." in text
    assert "string_fake_mode: Literal['RANGE', 'TEMPLATE', 'range', 'template'] | Var" in text
    assert "schema_: SchemaBlock | SchemaDict | None = None," in text
    assert "plugin_input" not in text  # a source reads nothing


def test_a_fallback_key_parameter_writes_the_current_key() -> None:
    # GIVEN Filter's `fields`, SeaTunnel's fallback key of include_fields
    with Job("x", mode="BATCH") as job:
        FakeSource(schema_={"fields": {"id": "int"}}) >> Filter(fields=["id"]) >> Console()
    # THEN the stub offers it and the job writes the current key
    assert (
        "fields"
        in _stub_parameters(REPOSITORY / "stconfig/dsl/_connectors/transform_filter.pyi")[1]
    )
    assert job.to_dict()["transform"][0]["include_fields"] == ["id"]


def test_wiring_a_sink_or_into_a_source_is_still_refused_at_run_time() -> None:
    with Job("x"):
        fake = FakeSource(schema_={"fields": {"id": "int"}})
        console = Console()
        with pytest.raises(WiringError, match="a sink produces no table"):
            console >> Console()  # type: ignore[operator]
        with pytest.raises(WiringError, match="a source takes no input"):
            fake >> FakeSource(schema_={"fields": {"id": "int"}})  # type: ignore[operator]
        with pytest.raises(WiringError, match="a source takes no input"):
            [fake] >> FakeSource(schema_={"fields": {"id": "int"}})  # type: ignore[operator]
        with pytest.raises(TypeError, match="cannot wire a plugin into 'x'"):
            fake >> "x"  # type: ignore[operator]


def test_every_typed_class_is_exported_yet_imported_on_first_use() -> None:
    import stconfig.dsl as dsl

    assert set(connectors.MODULES) <= set(dsl.__all__)
    code = (
        "import sys, stconfig.dsl\n"
        "assert not any(m.startswith('stconfig.dsl._connectors.') for m in sys.modules)\n"
        "assert stconfig.dsl.FakeSource.__name__ == 'FakeSource'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_only_the_class_a_job_instantiates_builds_a_validator() -> None:
    """The generated and override models a typed class stands on are never validated with,
    so they stay unbuilt (`defer_build`): a cold `stconfig build` pays for one schema a plugin
    (and once for the shared `schema` block)."""
    code = (
        "from stconfig.catalog.base import PluginOptions, SchemaBlock\n"
        "from stconfig.catalog.overrides.v2_3_8.source.jdbc import JdbcSource as Override\n"
        "from stconfig.dsl import JdbcSource\n"
        "JdbcSource(url='jdbc:mysql://db/x', driver='d', user='u', query='select 1')\n"
        "built = [c.__pydantic_complete__ for c in (PluginOptions, Override)]\n"
        "assert built == [False, False], built\n"
        "assert JdbcSource.__pydantic_complete__ and SchemaBlock.__pydantic_complete__\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
