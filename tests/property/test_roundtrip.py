"""Property tests: emitted text reads back to the same job; any text gives a job or ParseError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

import stconfig
from stconfig.emit import emit_hocon, emit_json
from stconfig.errors import ParseError
from stconfig.model.job import Job
from tests.property.strategies import jobs

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(jobs())
def test_hocon_round_trip(job: Job) -> None:
    text = emit_hocon(job)
    note(text)
    assert stconfig.loads(text, environ={}) == job


@SETTINGS
@given(jobs())
def test_json_round_trip(job: Job) -> None:
    text = emit_json(job)
    note(text)
    assert stconfig.loads(text, fmt="json", environ={}) == job


@SETTINGS
@given(jobs())
def test_both_emitters_describe_the_same_job(job: Job) -> None:
    from_hocon = stconfig.loads(emit_hocon(job), environ={})
    from_json = stconfig.loads(emit_json(job), fmt="json", environ={})
    assert from_hocon.to_dict() == from_json.to_dict()


hocon_alphabet = st.sampled_from(
    [*"{}[]=:,+\"$?# \n\t\\/ab.->01eE_trufalsnl'", "include ", '"""', "${", "//"]
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(hocon_alphabet, max_size=40).map("".join)))
def test_any_text_gives_a_job_or_a_parse_error(text: str) -> None:
    for fmt in ("hocon", "json"):
        try:
            stconfig.loads(text, fmt=fmt, path="fuzz.conf", environ={})  # type: ignore[arg-type]
        except ParseError as error:
            assert error.span.start <= len(text)
            assert str(error).startswith("fuzz.conf:")
