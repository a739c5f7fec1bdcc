"""`expected_reading` copies only what a change touches: the original reading (shared by every
fix of the job) must come out unchanged, and the result must be the full change."""

from __future__ import annotations

import copy

import pytest

from stconfig.lint.diagnostic import RenameKey, SetValue
from stconfig.lint.fix import FixRefused, expected_reading
from stconfig.model.values import PlainValue


def reading() -> dict[str, PlainValue]:
    return {
        "env": {"job.mode": "BATCH", "parallelism": 2},
        "source": [{"plugin_name": "FakeSource", "plugin_output": "a", "schema": {"x": [1, 2]}}],
        "sink": [{"plugin_name": "Console", "plugin_input": "a"}],
    }


def test_changes_are_made_and_the_original_is_untouched() -> None:
    before = reading()
    kept = copy.deepcopy(before)
    after = expected_reading(
        before,
        [
            RenameKey(("source", 0), "plugin_output", "result_table_name"),
            SetValue(("source", 0, "schema", "x", 1), 3),
            SetValue(("env", "parallelism"), 4),
        ],
    )
    assert before == kept
    assert after["source"] == [
        {"plugin_name": "FakeSource", "result_table_name": "a", "schema": {"x": [1, 3]}}
    ]
    assert after["env"] == {"job.mode": "BATCH", "parallelism": 4}
    assert after["sink"] is before["sink"]  # untouched parts are shared, not copied


def test_a_value_set_is_a_copy() -> None:
    value: dict[str, PlainValue] = {"k": [1]}
    after = expected_reading(reading(), [SetValue(("env", "parallelism"), value)])
    value["k"] = [2]
    assert after["env"] == {"job.mode": "BATCH", "parallelism": {"k": [1]}}


@pytest.mark.parametrize(
    "change",
    [
        RenameKey(("source", 1), "plugin_output", "x"),
        RenameKey(("env",), "missing", "x"),
        RenameKey(("env",), "job.mode", "parallelism"),
        SetValue(("env", "job.mode", "deeper"), 1),
        SetValue(("source", 0, "schema", "x", 5), 1),
    ],
)
def test_impossible_changes_are_refused_without_touching_the_original(
    change: RenameKey | SetValue,
) -> None:
    before = reading()
    kept = copy.deepcopy(before)
    with pytest.raises(FixRefused):
        expected_reading(before, [change])
    assert before == kept
