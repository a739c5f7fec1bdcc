"""Variables as SeaTunnel 2.3.8 applies them (seatunnel-job-files.md §2.3, measured table)."""

from __future__ import annotations

from typing import Any

import pytest

import stconfig
from stconfig.errors import UnresolvedVariableError, VariableError


def value(
    text: str, variables: dict[str, str] | None = None, environ: dict[str, str] | None = None
) -> Any:
    return (
        stconfig.loads(f"env {{ {text} }}", variables=variables, environ=environ or {})
        .to_dict()["env"]
        .get("k")
    )


def test_unquoted_reference_needs_a_value() -> None:
    with pytest.raises(UnresolvedVariableError) as caught:
        value("k = ${name}")
    assert caught.value.name == "name"
    assert (caught.value.line, caught.value.column) == (1, 11)


def test_unquoted_reference_from_var_is_always_a_string() -> None:
    assert value("k = ${n}", {"n": "77"}) == "77"


def test_bracketed_var_becomes_a_list_without_trimming() -> None:
    assert value("k = ${l}", {"l": "[abc,de~, f h]"}) == ["abc", "de~", " f h"]


def test_environment_wins_over_var_for_unquoted_references() -> None:
    assert value("k = ${name}", {"name": "from-var"}, {"name": "from-env"}) == "from-env"


def test_optional_reference() -> None:
    assert value("k = ${?name}") is None
    assert value("k = ${?name}", {"name": "v"}) == "v"
    assert value("k = ${?name}", environ={"name": "e"}) == "e"


def test_quoted_placeholders_use_var_only() -> None:
    assert value('k = "${name}"') == "${name}"
    assert value('k = "${name}"', {"name": "v"}) == "v"
    assert value('k = "${name}"', environ={"name": "e"}) == "${name}"
    assert value('k = "${name:dflt}"') == "dflt"
    assert value('k = "${name:dflt}"', {"name": "v"}) == "v"
    assert value('k = "${name:}"') == ""
    assert value('k = "pre_${a}_post"', {"a": "X"}) == "pre_X_post"
    assert value('k = "${x: spaced }"') == "spaced"


def test_empty_var_counts_as_unset_in_quotes() -> None:
    assert value('k = "${x:d}"', {"x": ""}) == "d"
    assert value('k = "${x}"', {"x": ""}) == "${x}"


def test_concatenation_with_references() -> None:
    assert value('k = "x"${a}"y"', {"a": "1"}) == "x1y"


def test_dotted_var_name_only_works_inside_quotes() -> None:
    assert value('k = "${a.b}"', {"a.b": "v"}) == "v"
    with pytest.raises(UnresolvedVariableError):
        value("k = ${a.b}", {"a.b": "v"})


def test_unquoted_default_is_a_parse_error() -> None:
    with pytest.raises(stconfig.ParseError, match="not allowed in a substitution path"):
        value("k = ${name:dflt}")


def test_runtime_placeholders_pass_through() -> None:
    assert value('k = "${now}_${uuid}"') == "${now}_${uuid}"


def test_reserved_sink_placeholders_cannot_be_variables() -> None:
    with pytest.raises(VariableError, match="reserved sink placeholder"):
        value("k = 1", {"table_name": "x"})
    assert value('k = "${table_name}"') == "${table_name}"


def test_reserved_placeholder_default_is_consumed_as_in_2_3_8() -> None:
    assert value('k = "${table_name:dflt}_x"') == "dflt_x"


def test_placeholder_pass_does_not_reach_objects_inside_lists() -> None:
    data = stconfig.loads('env { l = ["${x}", {k = "${x}"}] }', variables={"x": "v"}).to_dict()
    assert data["env"]["l"] == ["v", {"k": "${x}"}]


def test_placeholder_pass_reaches_plugin_options_and_json_files() -> None:
    job = stconfig.loads(
        '{"source": [{"plugin_name": "FakeSource", "t": "${x:d}"}]}', fmt="json", variables={}
    )
    assert job.to_dict()["source"][0]["t"] == "d"


def test_all_unresolved_names_are_reported_at_once() -> None:
    with pytest.raises(UnresolvedVariableError) as caught:
        stconfig.loads("a = ${one}\nb = ${two}\nc = ${one}", environ={})
    assert caught.value.names == ["one", "two"]
    assert "also unresolved: 'two'" in str(caught.value)


def test_keep_mode_lists_unresolved_references() -> None:
    job = stconfig.loads("a = ${one}\nb = ${?two}", environ={}, unresolved="keep")
    assert job.to_dict() == {"a": "${one}"}
    assert [s.name for s in job.unresolved] == ["one"]


def test_placeholder_pass_does_not_leak_through_shared_values() -> None:
    data = stconfig.loads('b = "${x}"\nenv { a = ${b} }', variables={"x": "v"}).to_dict()
    assert data == {"b": "${x}", "env": {"a": "v"}}


def test_values_from_variables_are_located_at_the_reference() -> None:
    job = stconfig.loads("env {\n  k = ${name}\n}", variables={"name": "v"}, environ={})
    env = job.env
    assert env is not None
    span = env.members["k"].value.span
    assert span is not None and span.start_line_col == (2, 7)


def test_placeholder_pass_can_be_skipped() -> None:
    text = 'env { a = "${x:d}", b = ${y} }'
    job = stconfig.loads(text, variables={"y": "1"}, environ={}, placeholders="keep")
    assert job.to_dict() == {"env": {"a": "${x:d}", "b": "1"}}
