"""The job.json emitter writes exactly what `json.dumps(indent=2, ensure_ascii=False)` does."""

from __future__ import annotations

import json
import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from stconfig.emit.json import indented_json

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
DATA = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
    ),
    max_leaves=30,
)


@given(DATA, st.integers(min_value=0, max_value=4))
@settings(max_examples=300)
def test_same_text_as_the_json_module(data: Any, indent: int) -> None:
    assert indented_json(data, " " * indent) == json.dumps(data, indent=indent, ensure_ascii=False)


def test_values_the_json_module_spells_its_own_way_are_left_to_it() -> None:
    unusual: list[Any] = [{1: "int key"}, [math.inf], {"a": [float("nan")]}, (1, 2)]
    for data in unusual:
        assert indented_json(data) == json.dumps(data, indent=2, ensure_ascii=False)


def test_text_is_written_as_is_with_json_escapes() -> None:
    data: Any = {'naïve \u2028 "q" \\ \x00': ["日本", "\t\n"], "": {}, "e": []}
    assert indented_json(data) == json.dumps(data, indent=2, ensure_ascii=False)
