"""The builder: wiring, generated names, errors with the user's line, values, env options."""

from __future__ import annotations

import inspect
import json

import pytest
from pydantic import ValidationError

from stconfig.dsl import (
    DslError,
    Job,
    JobDocument,
    Secret,
    Sink,
    Source,
    Transform,
    Var,
    WiringError,
)
from stconfig.errors import VariableError


def line_of(marker: str) -> int:
    """The line of this file holding `marker` (in a comment), for error locations."""
    lines = inspect.getsource(inspect.getmodule(line_of)).splitlines()  # type: ignore[arg-type]
    return next(i for i, text in enumerate(lines, 1) if text.rstrip().endswith(f"# {marker}"))


def test_chain_generates_readable_names_and_keeps_given_ones() -> None:
    with Job("chain", mode="BATCH") as job:
        fake = Source("FakeSource", {"row.num": 5})
        mapped = Transform("FieldMapper", {"field_mapper": {"a": "b"}}, plugin_output="mapped")
        fake >> mapped >> Transform("Filter") >> Sink("Console")
    data = job.to_dict()
    assert data["source"] == [
        {"plugin_name": "FakeSource", "result_table_name": "fake_source", "row.num": 5}
    ]
    assert [(t["source_table_name"], t["result_table_name"]) for t in data["transform"]] == [
        ("fake_source", "mapped"),
        ("mapped", "filter"),
    ]
    assert data["sink"] == [{"plugin_name": "Console", "source_table_name": "filter"}]


def test_generated_names_never_collide() -> None:
    with Job("twins") as job:
        a = Source("FakeSource")
        b = Source("FakeSource", plugin_output="fake_source_2")
        c = Source("FakeSource")
        [a, b, c] >> Sink("Console")
    outputs = [source["result_table_name"] for source in job.to_dict()["source"]]
    assert outputs == ["fake_source", "fake_source_2", "fake_source_3"]


def test_fan_out_and_fan_in() -> None:
    with Job("fans") as job:
        src = Source("FakeSource", plugin_output="src")
        left, right = src >> [Transform("Copy"), Transform("Replace")]
        [left, right] >> Sink("Console")
    data = job.to_dict()
    assert [t["source_table_name"] for t in data["transform"]] == ["src", "src"]
    assert data["sink"][0]["source_table_name"] == ["copy", "replace"]


def test_plugin_input_as_a_list_stays_a_list() -> None:
    with Job("list") as job:
        src = Source("FakeSource", plugin_output="t")
        Sink("Console", plugin_input=[src])
    assert job.to_dict()["sink"][0]["source_table_name"] == ["t"]


def test_plain_object_style() -> None:
    src, sink = Source("FakeSource"), Sink("Console")
    src >> sink
    job = Job("plain").add(src, sink)
    assert job.to_dict()["sink"][0]["source_table_name"] == "fake_source"


def test_unwired_simple_job_relies_on_implicit_wiring() -> None:
    with Job("simple") as job:
        Source("FakeSource")
        Sink("Console")
    assert job.to_dict()["sink"] == [{"plugin_name": "Console"}]


def test_legacy_table_keys_and_empty_transform() -> None:
    with Job("old", table_keys="result_table_name", empty_transform=True) as job:
        Source("FakeSource") >> Sink("Console")
    data = job.to_dict()
    assert data["source"][0]["result_table_name"] == "fake_source"
    assert data["sink"][0]["source_table_name"] == "fake_source"
    assert data["transform"] == []


def test_transform_without_input_names_its_line() -> None:
    with Job("x") as job:
        src = Source("FakeSource")
        Transform("Sql")  # no-input
        src >> Sink("Console")
    with pytest.raises(WiringError) as caught:
        job.build()
    assert caught.value.location is not None
    assert caught.value.location.path == __file__
    assert caught.value.location.line == line_of("no-input")
    assert "transform Sql has no input" in str(caught.value)


def test_input_from_nowhere() -> None:
    with Job("x") as job:
        Source("FakeSource", plugin_output="a")
        Sink("Console", plugin_input="b")  # nowhere
    with pytest.raises(WiringError, match="reads table 'b', which no source") as caught:
        job.build()
    assert caught.value.location is not None
    assert caught.value.location.line == line_of("nowhere")


def test_cycle_is_reported_at_the_closing_wire() -> None:
    with Job("x") as job:
        src = Source("FakeSource")
        first, second = Transform("Copy"), Transform("Replace")
        src >> first >> second >> Sink("Console")
        second >> first  # closes-cycle
    with pytest.raises(
        WiringError, match=r"cycle: Copy \('copy'\) -> Replace \('replace'\) -> Copy"
    ) as caught:
        job.build()
    assert caught.value.location is not None
    assert caught.value.location.line == line_of("closes-cycle")


def test_complex_graph_with_an_unread_table() -> None:
    with Job("x") as job:
        a = Source("FakeSource")
        Source("FakeSource", plugin_output="lonely")
        a >> Sink("Console")
    with pytest.raises(WiringError, match="'lonely' of FakeSource is never read"):
        job.build()


def test_plugin_of_another_job() -> None:
    with Job("one"):
        src = Source("FakeSource")
    with Job("two") as two:
        sink = Sink("Console")
    with pytest.raises(WiringError, match="belong to different jobs"):
        src >> sink
    stray = Source("FakeSource")
    with Job("three") as three:
        late = Sink("Console")
    stray >> late
    with pytest.raises(WiringError, match="not part of this job"):
        three.build()
    assert two.plugins == [sink]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Sink("Console") >> Sink("Console"), "a sink produces no table"),
        (lambda: Source("A") >> Source("B"), "a source takes no input"),
        (lambda: Sink("Console", plugin_output="x"), "a sink produces no table"),
        (lambda: Source("A", {"plugin_output": "x"}, plugin_output="y"), "both name"),
        (lambda: Source(""), "needs a plugin name"),
    ],
)
def test_impossible_wiring_raises_at_the_call(make: object, message: str) -> None:
    with pytest.raises(DslError, match=message):
        make()  # type: ignore[operator]


def test_a_job_needs_a_source_and_a_sink() -> None:
    with Job("empty") as job:
        Source("FakeSource")
    with pytest.raises(WiringError, match="at least one source and one sink"):
        job.build()


def test_check_wiring_false_keeps_what_the_engine_would_reject() -> None:
    with Job("kept", check_wiring=False) as job:
        Source("FakeSource")
        Source("FakeSource")
        Sink("Console")
    assert len(job.to_dict()["source"]) == 2


def test_variables_and_secrets_emit_quoted_placeholders() -> None:
    with Job(Var("JOB_NAME", "nightly"), parallelism=Var("P")) as job:
        Source(
            "Jdbc", {"url": Var("URL"), "password": Secret("DB_PASSWORD"), "port": Var("N", 5)}
        ) >> Sink("Console")
    data = job.to_dict()
    assert data["env"] == {"job.name": "${JOB_NAME:nightly}", "parallelism": "${P}"}
    assert data["source"][0]["password"] == "${DB_PASSWORD}"
    assert data["source"][0]["port"] == "${N:5}"
    assert '"${DB_PASSWORD}"' in job.to_hocon()
    assert job.secrets() == ["DB_PASSWORD"]
    filled = job.build(variables={"DB_PASSWORD": "s3cret", "P": "4"}).to_dict()
    assert filled["source"][0]["password"] == "s3cret"
    assert filled["source"][0]["url"] == "${URL}"
    assert filled["env"]["parallelism"] == "4"


@pytest.mark.parametrize("name", ["table_name", "a:b", "", "x}"])
def test_unusable_variable_names(name: str) -> None:
    with pytest.raises(VariableError):
        Var(name)


def test_env_options_are_validated_with_the_option_and_value_named() -> None:
    with pytest.raises(ValidationError) as caught:
        Job("x", checkpoint_interval="10s")  # type: ignore[arg-type]
    assert "checkpoint_interval" in str(caught.value)
    assert "10s" in str(caught.value)
    with pytest.raises(ValidationError, match="mode"):
        Job("x", mode="batch")  # type: ignore[arg-type]


def test_env_extras_restore_keys_and_duplicates() -> None:
    job = Job("x", parallelism=2, env={"spark.master": "local", "custom": {"a": 1}})
    with job:
        Source("FakeSource") >> Sink("Console")
    assert job.to_dict()["env"] == {
        "job.name": "x",
        "parallelism": 2,
        "spark.master": "local",
        "custom": {"a": 1},
    }
    with pytest.raises(DslError, match="also set by parallelism="):
        Job("x", parallelism=2, env={"parallelism": 3})
    with pytest.raises(DslError, match="Restore"):
        Job("x", env={"job.id": "1"})


def test_values_python_cannot_write_are_refused() -> None:
    with Job("x") as job:
        Source("FakeSource", {"when": object()}) >> Sink("Console")
    with pytest.raises(TypeError, match="option 'when'"):
        job.build()


def test_json_and_hocon_come_from_the_same_model() -> None:
    with Job("x", mode="STREAMING", checkpoint_interval=5000) as job:
        Source("FakeSource", {"row.num": 1}) >> Sink("Console")
    assert json.loads(job.to_json()) == job.to_dict()
    assert "checkpoint.interval = 5000" in job.to_hocon()


def test_job_document_is_verbatim() -> None:
    document = JobDocument({"schema": {"fields": {"a": "int"}}})
    assert document.to_dict() == {"schema": {"fields": {"a": "int"}}}


def test_the_linter_reports_what_the_escape_hatch_lets_through() -> None:
    with Job("hatch", mode="BATCH") as job:
        Source("MyConnector", {"a": 1}) >> Sink("Console")
        schema = {"fields": {"id": "bigint"}}
        fake = Source("FakeSource", {"row.nums": 1, "schema": schema}, plugin_output="fake")
        fake >> Sink("Console")
    found = {diagnostic.code: diagnostic for diagnostic in job.lint()}
    assert sorted(found) == ["ST301", "ST306"]
    # THEN each finding points at the line of this file that made the plugin
    line = inspect.currentframe().f_lineno  # type: ignore[union-attr]
    for code, made_at in (("ST306", line - 7), ("ST301", line - 5)):
        span = found[code].span
        assert span is not None and span.path == __file__
        assert span.start_line_col == (made_at, 9), code
