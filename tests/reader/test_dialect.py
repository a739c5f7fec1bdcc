"""SeaTunnel's HOCON dialect, case by case (seatunnel-job-files.md §1.3, measured cases)."""

from __future__ import annotations

from typing import Any

import pytest

import stconfig
from stconfig.errors import ParseError


def convert(text: str, **variables: str) -> Any:
    return stconfig.loads(text, variables=variables, environ={}).to_dict()


def test_dotted_keys_stay_flat_and_arrow_nests() -> None:
    data = convert('env { job.mode = "BATCH", "quoted.key" = 1, x->y = 2, "a->b" = 3 }')
    assert data == {"env": {"job.mode": "BATCH", "quoted.key": 1, "x": {"y": 2}, "a->b": 3}}


def test_repeated_scalar_keeps_first_position_and_last_value() -> None:
    env = convert("env { parallelism = 1, job.mode = BATCH, parallelism = 2 }")["env"]
    assert list(env) == ["parallelism", "job.mode"]
    assert env["parallelism"] == 2


def test_repeated_objects_merge_later_wins() -> None:
    assert convert("obj { a = 1, b = 2 }\nobj { b = 3, c = 4 }") == {
        "obj": {"a": 1, "b": 3, "c": 4}
    }


def test_plugin_blocks_become_a_list_with_plugin_name() -> None:
    data = convert(
        "source {\n FakeSource { row.num = 100 }\n"
        ' FakeSource { plugin_name = "Jdbc", url = "x" }\n}\n'
        "transform { }\nsink { Console {}, c.Console {} }"
    )
    assert data["source"] == [
        {"row.num": 100, "plugin_name": "FakeSource"},
        {"plugin_name": "Jdbc", "url": "x"},
    ]
    assert data["transform"] == []
    assert data["sink"] == [{"plugin_name": "Console"}, {"plugin_name": "c.Console"}]


def test_implicit_plugin_name_is_marked_and_located() -> None:
    job = stconfig.loads("source {\n  FakeSource { }\n}\nsink { Console {} }")
    member = job.sources[0].name_member
    assert member is not None and member.implicit
    assert member.key_span is not None and member.key_span.start_line_col == (2, 3)


def test_array_form_of_a_section_is_mangled_as_seatunnel_does() -> None:
    data = convert("source = [ { plugin_name = FakeSource, b = 2, a = 1 } ]")
    assert data == {"source": [["FakeSource", 2, 1]]}


def test_later_section_replaces_earlier_one() -> None:
    assert convert("source { A { x = 1 } }\nsource { B { y = 1 } }")["source"] == [
        {"y": 1, "plugin_name": "B"}
    ]


def test_include_inside_a_section_is_dropped(tmp_path: Any) -> None:
    (tmp_path / "x.conf").write_text("A { k = 1 }")
    job = tmp_path / "job.conf"
    job.write_text('source { include "x.conf"\n B { y = 1 } }')
    assert stconfig.load(job, environ={}).to_dict() == {"source": [{"y": 1, "plugin_name": "B"}]}


def test_nested_section_named_options_are_mangled() -> None:
    data = convert("sink { Console { sink { k = 1 }, transform { z = 1 }, source = {q = 2} } }")
    assert data["sink"] == [
        {"sink": [1], "transform": [1], "source": [2], "plugin_name": "Console"}
    ]


def test_scalar_members_of_a_section_are_raw_elements() -> None:
    assert convert("source { FakeSource.x = 1, Foo = 3 }") == {"source": [1, 3]}


def test_arrow_path_starting_with_a_section_name() -> None:
    assert convert("source->x = { a = 1 }") == {"source": {"x": [1]}}


def test_substituted_plugin_blocks_get_plugin_name() -> None:
    data = convert("tpl { a = 1 }\nsource { FakeSource = ${tpl}, Other = ${tpl} { c = 3 } }")
    assert data["source"] == [
        {"a": 1, "plugin_name": "FakeSource"},
        {"a": 1, "c": 3, "plugin_name": "Other"},
    ]


def test_root_substitution_uses_the_flat_key() -> None:
    assert convert("env { job.mode = BATCH }\nx = ${env->job.mode}")["x"] == "BATCH"
    with pytest.raises(stconfig.UnresolvedVariableError):
        convert("env { job.mode = BATCH }\nx = ${job.mode}")


def test_nested_job_object_is_not_a_flat_key() -> None:
    assert convert("env { job { name = x } }") == {"env": {"job": {"name": "x"}}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a = 10", 10),
        ("a = -3", -3),
        ("a = 1.5", 1.5),
        ("a = 1e3", 1000.0),
        ("a = 10s", "10s"),
        ("a = 1.2.3", "1.2.3"),
        ("a = 2024-01-01", "2024-01-01"),
        ("a = 12345678901234567890", "12345678901234567890"),
        ("a = true", True),
        ("a = false", False),
        ("a = null", None),
        ("a = trueish", "trueish"),
        ("a = foo bar  baz", "foo bar  baz"),
        ('a = "x" "y"', "x y"),
        ('a = """multi\n"line" """', 'multi\n"line" '),
        ('a = """x""""', 'x"'),
        ("a = http//x", "http"),  # `//` starts a comment even inside unquoted text
        ('a = "tab\\t\\u0041"', "tab\tA"),
        ("a = .5", ".5"),
        ("a = 0x10", "0x10"),
    ],
)
def test_values_are_typed_as_typesafe_types_them(text: str, expected: Any) -> None:
    value = convert(text)["a"]
    assert value == expected and type(value) is type(expected)


def test_comments_optional_commas_and_both_separators() -> None:
    text = "# top\na : 1 // trailing\nb = 2,\nc {\n  d = [1,\n 2\n 3,]\n}\n"
    assert convert(text) == {"a": 1, "b": 2, "c": {"d": [1, 2, 3]}}


def test_comments_are_kept_with_positions() -> None:
    job = stconfig.loads("a = 1 # stconfig: ignore[ST101]\n// second\n")
    comments = job.documents[0].comments
    assert [c.text for c in comments] == [" stconfig: ignore[ST101]", " second"]
    assert comments[1].span.start_line_col == (2, 1)


def test_plus_equals_appends() -> None:
    assert convert("a = [1]\na += 2\nb += x") == {"a": [1, 2], "b": ["x"]}


def test_self_reference_and_concatenation() -> None:
    data = convert(
        'path = "/a"\npath = ${path}":/b"\nl = [1]\nl = ${l} [2]\no { x = 1 }\no = ${o} { y = 2 }'
    )
    assert data == {"path": "/a:/b", "l": [1, 2], "o": {"x": 1, "y": 2}}


def test_optional_substitution_removes_the_field() -> None:
    assert convert("a = ${?nothing}\nb = 1") == {"b": 1}


def test_substitution_of_objects_and_forward_references() -> None:
    data = convert("a = ${b}\nb { c = ${d} }\nd = [1, 2]")
    assert data == {"a": {"c": [1, 2]}, "b": {"c": [1, 2]}, "d": [1, 2]}


def test_substitution_cycle_is_an_error() -> None:
    with pytest.raises(ParseError, match="cycle"):
        convert("a = ${b}\nb = ${a}")


def test_include_relative_to_the_including_file(tmp_path: Any) -> None:
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "env.conf").write_text('env { job.mode = "STREAMING" }\nshared = 1')
    (tmp_path / "conf" / "job.conf").write_text(
        'include "env.conf"\nenv { parallelism = 2 }\nsource { A {} }\nx = ${shared}'
    )
    job = stconfig.load(tmp_path / "conf" / "job.conf", environ={})
    assert job.to_dict() == {
        "env": {"job.mode": "STREAMING", "parallelism": 2},
        "shared": 1,
        "source": [{"plugin_name": "A"}],
        "x": 1,
    }
    env = job.env
    assert env is not None
    member = env.member("job.mode")
    assert member is not None and member.key_span is not None
    assert member.key_span.path.endswith("env.conf")
    assert len(job.documents) == 2


def test_missing_optional_include_is_ignored_and_required_one_is_an_error(tmp_path: Any) -> None:
    job = tmp_path / "job.conf"
    job.write_text('include "nope.conf"\na = 1')
    assert stconfig.load(job).to_dict() == {"a": 1}
    job.write_text('include required(file("nope.conf"))\na = 1')
    with pytest.raises(ParseError, match=r"required include 'nope\.conf' not found"):
        stconfig.load(job)


def test_include_names_get_each_extension_unless_they_end_in_one(tmp_path: Any) -> None:
    # typesafe appends .conf/.json/.properties to any other name, even "" and "a.b"
    (tmp_path / ".conf").write_text("empty = 1")
    (tmp_path / "shared.env.conf").write_text("dotted = 2")
    (tmp_path / "job.conf").write_text('include ""\ninclude "shared.env"\na = 1')
    assert stconfig.load(tmp_path / "job.conf").to_dict() == {"empty": 1, "dotted": 2, "a": 1}


def test_empty_include_from_standard_input_is_no_error() -> None:
    assert stconfig.loads('include ""\na = 1', path="-").to_dict() == {"a": 1}


def test_include_cycle_is_an_error(tmp_path: Any) -> None:
    (tmp_path / "a.conf").write_text('include "b.conf"')
    (tmp_path / "b.conf").write_text('include "a.conf"')
    with pytest.raises(ParseError, match="include cycle"):
        stconfig.load(tmp_path / "a.conf")


def test_json_files_keep_lists_and_key_order() -> None:
    text = (
        '{"env": {"job.mode": "BATCH"}, "source": [{"plugin_name": "FakeSource", "b": 1, "a": 2}]}'
    )
    job = stconfig.loads(text, fmt="json")
    assert job.to_dict() == {
        "env": {"job.mode": "BATCH"},
        "source": [{"plugin_name": "FakeSource", "b": 1, "a": 2}],
    }
    assert list(job.sources[0].options) == ["plugin_name", "b", "a"]


def test_json_text_in_a_conf_file_is_mangled_like_seatunnel() -> None:
    text = '{"source": [{"plugin_name": "FakeSource", "b": 1}]}'
    assert stconfig.loads(text).to_dict() == {"source": [["FakeSource", 1]]}


def test_values_carry_spans() -> None:
    job = stconfig.loads(
        'env {\n  job.mode = "BATCH"\n}\n'
        "source { FakeSource { row.num = 16 } }\nsink { Console {} }"
    )
    env = job.env
    assert env is not None
    member = env.member("job.mode")
    assert member is not None and member.key_span is not None
    assert member.key_span.start_line_col == (2, 3)
    assert member.value.span is not None
    assert (member.value.span.start_line_col, member.value.span.end_line_col) == ((2, 14), (2, 21))
    row = job.sources[0].options.member("row.num")
    assert row is not None and row.value.span is not None
    assert str(row.value.span) == "<string>:4:33"


def test_non_job_documents_still_convert() -> None:
    assert convert("schema { fields { id = bigint } }") == {"schema": {"fields": {"id": "bigint"}}}
    assert convert("") == {}
