"""Properties of `stconfig.diff` on generated jobs: order and layout never count, one edit is
one change."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

import stconfig
from stconfig.emit import emit_hocon, emit_json
from stconfig.model.job import Job
from stconfig.model.values import ObjectNode, Scalar, from_python

KEYS = st.sampled_from(["row.num", "split.num", "query", "path", "batch_size", "format", "mode"])
SCALARS = st.one_of(st.integers(-5, 5), st.text(max_size=6), st.booleans())
OPTIONS = st.dictionaries(KEYS, SCALARS, max_size=5)
NAMES = st.sampled_from(["FakeSource", "Jdbc", "Console", "LocalFile"])


@st.composite
def jobs(draw: st.DrawFn) -> dict[str, object]:
    sources = draw(st.lists(st.tuples(NAMES, OPTIONS), min_size=1, max_size=3))
    sinks = draw(st.lists(st.tuples(NAMES, OPTIONS), min_size=1, max_size=3))
    return {
        "env": {"job.mode": "BATCH", "parallelism": draw(st.integers(1, 4))},
        "source": [
            {"plugin_name": name, "plugin_output": f"t{index}", **options}
            for index, (name, options) in enumerate(sources)
        ],
        "sink": [
            {"plugin_name": name, "plugin_input": f"t{index % len(sources)}", **options}
            for index, (name, options) in enumerate(sinks)
        ],
    }


def shuffled_keys(value: object, rng: random.Random) -> object:
    if isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        return {key: shuffled_keys(item, rng) for key, item in items}
    if isinstance(value, list):
        return [shuffled_keys(item, rng) for item in value]
    return value


def as_job(data: dict[str, object]) -> Job:
    root = from_python(data)
    assert isinstance(root, ObjectNode)
    return Job(root)


@settings(max_examples=150, deadline=None)
@given(jobs(), st.randoms(use_true_random=False))
def test_key_order_and_emitted_layout_are_the_same_job(
    data: dict[str, object], rng: random.Random
) -> None:
    job = as_job(data)
    reordered = as_job(shuffled_keys(data, rng))  # type: ignore[arg-type]
    assert stconfig.diff(job, reordered).same
    assert stconfig.diff(job, stconfig.loads(emit_hocon(job))).same
    assert stconfig.diff(job, stconfig.loads(emit_json(job), fmt="json")).same


@settings(max_examples=150, deadline=None)
@given(jobs(), st.data())
def test_one_changed_option_is_one_change(data: dict[str, object], draw: st.DataObject) -> None:
    job = as_job(data)
    edited = as_job(data)
    plugin = draw.draw(st.sampled_from(edited.plugins))
    key = draw.draw(st.sampled_from(["row.num", "query", "new_key"]))
    current = plugin.node.get(key)
    replacement = Scalar("edited" if current != Scalar("edited") else "again")
    plugin.node.set(key, replacement)
    result = stconfig.diff(job, edited)
    assert len(result.changes) == 1, [change.message for change in result.changes]
    change = result.changes[0]
    assert (change.section, change.key) == ("option", (key,))
    assert change.action == ("changed" if current is not None else "added")
    assert change.plugin is not None and change.plugin.startswith(plugin.kind)
