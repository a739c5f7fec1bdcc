"""`plain_env` answers only where `Env` would accept the values as they are, and as `Env` does."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from stconfig.dsl import Job, Secret, Var
from stconfig.dsl._plain_env import ENV_FIELDS, ENV_KEYS, plain_env
from stconfig.dsl.env import Env

VALUES = [
    None,
    0,
    1,
    -1,
    8,
    2**40,
    True,
    False,
    1.0,
    "",
    "job",
    "BATCH",
    "STREAMING",
    "batch",
    "CLUSTER",
    "CLIENT",
    "10s",
    Var("x"),
    Var("x", 3),
    Secret("PASSWORD"),
    {"k": "v"},
    {1: "v"},
    [],
]


def test_the_fields_and_keys_are_the_models() -> None:
    assert {name: info.alias or name for name, info in Env.model_fields.items()} == ENV_FIELDS
    assert {info.alias or name: name for name, info in Env.model_fields.items()} == ENV_KEYS


@settings(max_examples=1500, deadline=None)
@given(
    st.dictionaries(st.sampled_from([*ENV_FIELDS, "unknown"]), st.sampled_from(VALUES), max_size=5)
)
def test_plain_env_agrees_with_the_model_wherever_it_answers(values: dict[str, object]) -> None:
    plain = plain_env(values)
    if plain is None:
        return
    try:
        flat = Env.model_validate(values).flat()
    except ValidationError as error:
        raise AssertionError(f"plain_env accepted what Env refuses: {values}") from error
    assert plain == flat
    assert [type(value) for value in plain.values()] == [type(value) for value in flat.values()]


def test_every_field_and_value_alone_agrees_with_the_model() -> None:
    """Every field against every value (`Env` has no check across fields)."""
    answered = 0
    for field in [*ENV_FIELDS, "unknown"]:
        for value in VALUES:
            plain = plain_env({field: value})
            if plain is None:
                continue
            answered += 1
            flat = Env.model_validate({field: value}).flat()
            assert plain == flat, (field, value)
            assert [type(v) for v in plain.values()] == [type(v) for v in flat.values()]
    assert answered > 50


def test_plain_values_are_answered_without_the_model() -> None:
    assert plain_env({"name": "x", "mode": "BATCH", "parallelism": 2, "jars": None}) == {
        "job.name": "x",
        "job.mode": "BATCH",
        "parallelism": 2,
    }
    assert plain_env({"parallelism": True}) is None  # strict: Env refuses a bool
    assert plain_env({"retry_times": Var("n")}) is None  # Env cannot compare it with 0


def test_a_job_with_a_value_plain_env_leaves_fails_as_the_model_says() -> None:
    with pytest.raises(ValidationError) as raised:
        Job("x", mode="batch")  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as model:
        Env.model_validate({"name": "x", "mode": "batch"})
    assert raised.value.errors() == model.value.errors()
    assert Job("x", mode="BATCH").env == Env.model_validate({"name": "x", "mode": "BATCH"})


def test_importing_a_job_of_generic_plugins_never_imports_pydantic() -> None:
    """Plugins without a typed class and plain env values: `stconfig import` (which runs the
    code it writes) needs no pydantic model, so it does not pay for importing pydantic."""
    code = (
        "import sys\n"
        "from stconfig.dsl.importer import import_job, read_keeping_placeholders\n"
        "text = 'env { parallelism = 2, job.mode = BATCH }\\n"
        "source { MySource { url = u } }\\nsink { MySink {} }'\n"
        "job = read_keeping_placeholders(text, path='job.conf', fmt='hocon')\n"
        "assert 'Source(' in import_job(job)\n"
        "assert not any(m.startswith('pydantic') for m in sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
