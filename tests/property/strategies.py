"""Hypothesis strategies for job values and whole jobs that SeaTunnel can read back."""

from __future__ import annotations

from hypothesis import strategies as st

from stconfig.model.job import Job
from stconfig.model.values import ListNode, Node, ObjectNode, Scalar

SECTIONS = ("source", "transform", "sink")

# Surrogates are not text; "${" would be rewritten by SeaTunnel's placeholder pass on reading.
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12).filter(
    lambda s: "${" not in s
)
odd_keys = st.one_of(
    text,
    st.sampled_from(
        ["row.num", "a->b", "include", "job.mode", " padded ", "", "true", "01", "a b", "#x", "//"]
    ),
)
option_keys = odd_keys.filter(lambda key: key not in SECTIONS)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.sampled_from([0, -1, 2**63 - 1, -(2**63), 2**31, -0.0, 1e308, 5e-324, 1e16, 0.1]),
    st.floats(allow_nan=False, allow_infinity=False),
    text,
    st.sampled_from(
        ["", "10s", "true", "null", "1.5", '"""', 'end"', "multi\nline", "tab\t", "\\"]
    ),
)


def _objects(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return st.dictionaries(option_keys, children, max_size=4).map(_object)


def _object(members: dict[str, Node]) -> ObjectNode:
    node = ObjectNode()
    for key, value in members.items():
        node.set(key, value)
    return node


values: st.SearchStrategy[Node] = st.recursive(
    scalars.map(Scalar),
    lambda children: st.one_of(st.lists(children, max_size=4).map(ListNode), _objects(children)),
    max_leaves=12,
)

plugin_names = st.one_of(
    st.sampled_from(
        ["FakeSource", "Console", "Jdbc", "MySQL-CDC", "c.Console", "sql", "my plugin"]
    ),
    text,
)


@st.composite
def plugins(draw: st.DrawFn) -> ObjectNode:
    node = ObjectNode()
    node.set("plugin_name", Scalar(draw(plugin_names)))
    for key, value in draw(st.dictionaries(option_keys, values, max_size=5)).items():
        if key != "plugin_name":
            node.set(key, value)
    return node


@st.composite
def jobs(draw: st.DrawFn) -> Job:
    env = draw(_objects(values))
    assert isinstance(env, ObjectNode)
    job = Job.build(
        env,
        draw(st.lists(plugins(), max_size=3)),
        draw(st.lists(plugins(), max_size=2)),
        draw(st.lists(plugins(), max_size=3)),
    )
    for key, value in draw(st.dictionaries(option_keys, values, max_size=2)).items():
        if key not in ("env", *SECTIONS):
            job.root.set(key, value)
    return job
