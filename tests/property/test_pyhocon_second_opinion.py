"""pyhocon as a second opinion on the plain-HOCON subset, where the dialects agree.

No dotted keys (pyhocon nests them), no `source`/`transform`/`sink` keys (SeaTunnel turns
them into lists): on everything else SeaTunnel's reader is typesafe HOCON. (`+=` is left
out: pyhocon replaces the list instead of appending, and empty strings: pyhocon reads
`[""]` as `[]`; both are pyhocon bugs.)
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st
from pyhocon import ConfigFactory, HOCONConverter

import stconfig
from stconfig.emit import emit_hocon
from stconfig.model.job import Job
from stconfig.model.values import ListNode, Node, ObjectNode, Scalar


def pyhocon_reading(text: str) -> Any:
    import json

    return json.loads(HOCONConverter.to_json(ConfigFactory.parse_string(text)))


PLAIN_CASES = [
    "a = 1\nb = [1, 2, 3]\nc { d = true, e = null }",
    "a { x = 1 }\na { y = 2 }",
    "a = 1\na = 2",
    'a = "x"\nb = ${a}',
    'path = "/a"\npath = ${path}":/b"',
    "base { k = 1 }\nchild = ${base} { j = 2 }",
    "a = ${?missing}\nb = 1",
    'a = """tri"ple"""',
    "# comment\na = 1 // more\nb : 2",
    "a = foo bar",
    'a = "x" "y"',
    "a = [1, 2,]\nb = [\n 1\n 2\n]",
    "o = { a = { b = { c = 1 } } }\no = { a = { b = { d = 2 } } }",
    "a = 10\nb = -2.5\nc = 1e3",
]


@pytest.mark.parametrize("text", PLAIN_CASES)
def test_plain_hocon_agrees_with_pyhocon(text: str) -> None:
    assert stconfig.loads(text, environ={}).to_dict() == pyhocon_reading(text)


plain_keys = st.text("abcdefghij_", min_size=1, max_size=6)
plain_scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**31), max_value=2**31),
    st.text(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E, exclude_characters='"\\$'),
        min_size=1,
        max_size=8,
    ),
).map(Scalar)


def _object(members: dict[str, Node]) -> ObjectNode:
    node = ObjectNode()
    for key, value in members.items():
        node.set(key, value)
    return node


plain_values: st.SearchStrategy[Node] = st.recursive(
    plain_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=3).map(ListNode),
        st.dictionaries(plain_keys, children, max_size=3).map(_object),
    ),
    max_leaves=10,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(plain_keys, plain_values, max_size=5))
def test_emitted_plain_hocon_agrees_with_pyhocon(members: dict[str, Node]) -> None:
    text = emit_hocon(Job(_object(members)))
    note(text)
    assert stconfig.loads(text, environ={}).to_dict() == pyhocon_reading(text)
