"""`stconfig.diff`: seeded edits are each reported once, at the right places in both files."""

from __future__ import annotations

from pathlib import Path

import pytest

import stconfig
from stconfig.emit import emit_json
from stconfig.jobdiff import Change, JobDiff, Location
from stconfig.secrets import MASK

JOB = """\
env {
  job.mode = "BATCH"
  parallelism = 1
}
source {
  FakeSource {
    plugin_output = "fake"
    row.num = 5
    password = "hunter2"
  }
}
transform {
  Sql {
    plugin_input = "fake"
    plugin_output = "t"
    query = "select * from fake"
  }
}
sink {
  Console { plugin_input = "t" }
  Assert { plugin_input = "fake", rules = {} }
}
"""


def compare(tmp_path: Path, new_text: str, old_text: str = JOB) -> JobDiff:
    old, new = tmp_path / "old.conf", tmp_path / "new.conf"
    old.write_text(old_text)
    new.write_text(new_text)
    return stconfig.diff(old, new)


def where(tmp_path: Path, name: str, line: int, column: int) -> Location:
    return Location(str(tmp_path / name), line, column)


def only(result: JobDiff) -> Change:
    assert len(result.changes) == 1, [change.message for change in result.changes]
    return result.changes[0]


def test_layout_quoting_order_and_comments_are_the_same_job(tmp_path: Path) -> None:
    relaid = """\
# a comment
"env" : { "parallelism" : 1, job.mode : BATCH }
source = {
  FakeSource = { password: hunter2, "row.num": 5, plugin_output: fake }  // inline
}
transform { Sql { query = "select * from fake", plugin_output = t, plugin_input = fake } }
sink {
  Console { plugin_input = ["t"] }
  Assert { rules {}, plugin_input = "fake" }
}
"""
    result = compare(tmp_path, relaid)
    assert result.same and not result and result.changes == ()


def test_a_changed_value_is_one_option_change_at_both_positions(tmp_path: Path) -> None:
    result = compare(tmp_path, "\n\n" + JOB.replace("row.num = 5", "row.num = 6"))
    change = only(result)
    assert (change.section, change.action) == ("option", "changed")
    assert change.plugin == "source[0] FakeSource"
    assert change.key == ("row.num",)
    assert (change.old, change.new) == ("5", "6")
    assert change.old_at == where(tmp_path, "old.conf", 8, 15)
    assert change.new_at == where(tmp_path, "new.conf", 10, 15)


def test_env_change(tmp_path: Path) -> None:
    change = only(compare(tmp_path, JOB.replace("parallelism = 1", "parallelism = 2")))
    assert (change.section, change.key, change.old, change.new) == (
        "env",
        ("parallelism",),
        "1",
        "2",
    )
    assert change.old_at == where(tmp_path, "old.conf", 3, 17)


def test_secrets_are_masked_but_their_change_is_reported(tmp_path: Path) -> None:
    change = only(compare(tmp_path, JOB.replace("hunter2", "hunter3")))
    assert (change.old, change.new) == (MASK, MASK)
    assert "hunter" not in change.message


def test_swapping_two_plugins_is_one_move(tmp_path: Path) -> None:
    swapped = JOB.replace(
        '  Console { plugin_input = "t" }\n  Assert { plugin_input = "fake", rules = {} }',
        '  Assert { plugin_input = "fake", rules = {} }\n  Console { plugin_input = "t" }',
    )
    change = only(compare(tmp_path, swapped))
    assert (change.section, change.action) == ("plugin", "moved")
    assert change.old_at is not None and change.new_at is not None
    moved_from, moved_to = change.old_at.line, change.new_at.line
    assert {moved_from, moved_to} == {20, 21} and moved_from != moved_to


def test_renaming_a_table_and_its_users_is_one_change(tmp_path: Path) -> None:
    renamed = JOB.replace('"fake"', '"raw"').replace("from fake", "from fake")
    change = only(compare(tmp_path, renamed))
    assert (change.section, change.action) == ("wiring", "renamed")
    assert (change.old, change.new) == ("fake", "raw")
    assert change.old_at == where(tmp_path, "old.conf", 7, 21)
    assert change.new_at == where(tmp_path, "new.conf", 7, 21)


def test_adding_a_transform_is_one_change(tmp_path: Path) -> None:
    added = JOB.replace(
        "transform {\n",
        'transform {\n  Filter {\n    plugin_input = "fake"\n    plugin_output = "kept"\n'
        "    include_fields = [a]\n  }\n",
    ).replace(
        'plugin_input = "fake"\n    plugin_output = "t"',
        'plugin_input = "kept"\n    plugin_output = "t"',
    )
    change = only(compare(tmp_path, added))
    assert (change.section, change.action, change.plugin) == (
        "plugin",
        "added",
        "transform[0] Filter",
    )
    assert change.new_at == where(tmp_path, "new.conf", 13, 3)
    assert "reads source[0] FakeSource (fake)" in change.message
    back = only(compare(tmp_path, JOB, added))
    assert (back.action, back.plugin) == ("removed", "transform[0] Filter")


def test_adding_a_transform_to_an_implicitly_wired_job(tmp_path: Path) -> None:
    simple = "source { FakeSource {} }\nsink { Console {} }\n"
    result = compare(tmp_path, simple.replace("sink", "transform { Copy {} }\nsink"), simple)
    change = only(result)
    assert (change.action, change.plugin) == ("added", "transform[0] Copy")


def test_rewiring_a_sink_is_one_wiring_change(tmp_path: Path) -> None:
    rewired = JOB.replace('Console { plugin_input = "t" }', 'Console { plugin_input = "fake" }')
    change = only(compare(tmp_path, rewired))
    assert (change.section, change.action, change.plugin) == (
        "wiring",
        "changed",
        "sink[0] Console",
    )
    assert change.new == "source[0] FakeSource (fake)"
    assert change.old == "transform[0] Sql (t)"
    assert change.new_at == where(tmp_path, "new.conf", 20, 28)


def test_a_plugin_renamed_in_place_keeps_its_wiring(tmp_path: Path) -> None:
    renamed = JOB.replace("Sql {", "SqlTransform {")
    change = only(compare(tmp_path, renamed))
    assert (change.section, change.action) == ("plugin", "renamed")
    assert (change.old, change.new) == ('"Sql"', '"SqlTransform"')


def test_added_removed_and_nested_options(tmp_path: Path) -> None:
    edited = JOB.replace("rules = {}", "rules = { field_rules = [] }").replace(
        "    row.num = 5\n", "    split.num = 2\n"
    )
    result = compare(tmp_path, edited)
    summary = sorted((c.action, c.key) for c in result.changes)
    assert summary == [
        ("added", ("rules", "field_rules")),
        ("added", ("split.num",)),
        ("removed", ("row.num",)),
    ]


def test_unknown_top_level_keys_are_compared(tmp_path: Path) -> None:
    change = only(compare(tmp_path, JOB + "extra = 1\n"))
    assert (change.section, change.action, change.key) == ("other", "added", ("extra",))


def test_jobs_json_and_dsl_mix(tmp_path: Path) -> None:
    hocon = tmp_path / "job.conf"
    hocon.write_text(JOB)
    as_json = tmp_path / "job.json"
    as_json.write_text(emit_json(stconfig.load(hocon)))
    assert stconfig.diff(hocon, as_json).same
    assert stconfig.diff(stconfig.load(hocon), stconfig.load(as_json)).same
    dsl = tmp_path / "job.py"
    dsl.write_text(
        "from stconfig.dsl import Console, FakeSource, Job\n\n"
        'with Job("simple", mode="BATCH") as job:\n'
        '    FakeSource(row_num=5, schema_={"fields": {"id": "bigint"}}) >> Console()\n'
    )
    simple = tmp_path / "simple.conf"
    simple.write_text(
        "env { job.mode = BATCH, job.name = simple }\n"
        "source { FakeSource {\n"
        "  schema { fields { id = bigint } }, row.num = 5, plugin_output = fake_source\n"
        "} }\n"
        "sink { Console { plugin_input = fake_source } }\n"
    )
    result = stconfig.diff(simple, dsl)
    assert result.same, [c.message for c in result.changes]


def test_bad_input_raises_a_positioned_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.conf"
    broken.write_text("source {\n  Fake {")
    with pytest.raises(stconfig.ParseError) as caught:
        stconfig.diff(broken, broken)
    assert caught.value.path == str(broken)


def test_dsl_positions_point_at_the_python_lines(tmp_path: Path) -> None:
    dsl = tmp_path / "job.py"
    dsl.write_text(
        "from stconfig.dsl import Console, FakeSource, Job\n\n"
        'with Job("simple", mode="BATCH") as job:\n'
        '    FakeSource(row_num=6, schema_={"fields": {"id": "bigint"}}) >> Console()\n'
    )
    old = tmp_path / "old.conf"
    old.write_text(
        "env { job.mode = BATCH, job.name = simple }\n"
        "source { FakeSource {\n"
        "  schema { fields { id = bigint } }, row.num = 5, plugin_output = fake_source\n"
        "} }\n"
        "sink { Console { plugin_input = fake_source } }\n"
    )
    change = only(stconfig.diff(old, dsl))
    assert change.key == ("row.num",)
    assert change.new_at is not None and (change.new_at.path, change.new_at.line) == (str(dsl), 4)


def test_sections_of_the_wrong_shape_are_still_compared(tmp_path: Path) -> None:
    change = only(compare(tmp_path, "env = 2\nsource = [1]\n", "env = 1\nsource = [1]\n"))
    assert (change.section, change.key, change.old, change.new) == ("other", ("env",), "1", "2")
    change = only(compare(tmp_path, "source = [1, 3]\n", "source = [1, 2]\n"))
    assert (change.key, change.old, change.new) == (("source",), "[1, 2]", "[1, 3]")
