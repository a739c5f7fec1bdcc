"""The fake engine answers the lint-parity jobs as the real 2.3.8 engine does.

tests/engine/test_lint_parity.py records, on the real engines, which broken jobs they refuse and
with which message, and which they run; the fake (its "2.3.8" and "2.3.9-snapshot" profiles)
must do the same, since
every difference between them is a bug in the fake. The cycle no source feeds is left out: it
hangs the real engine's submit, which the fake does not emulate.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from stconfig.testing import FakeEngine
from tests.engine.broken_jobs import CASES, SUBMIT_HANGS, Case, engine_outcome


@pytest.mark.parametrize("profile", ["2.3.8", "2.3.9-snapshot"])
@pytest.mark.parametrize(
    "case", [c for c in CASES if c.refused != SUBMIT_HANGS], ids=lambda c: c.name
)
def test_the_fake_refuses_or_runs_a_broken_job_as_the_engine_does(
    case: Case, profile: str, fake_engine_factory: Callable[..., FakeEngine]
) -> None:
    engine = fake_engine_factory(profile)
    refused, ends = engine_outcome(engine.url, case.job())
    if case.refused is None:
        assert (refused, ends) == (None, case.ends)
    else:
        assert refused is not None and case.refused in refused, refused


def test_check_jobs_off_accepts_what_the_engine_refuses(
    fake_engine_factory: Callable[..., FakeEngine],
) -> None:
    (case,) = [c for c in CASES if c.name == "unknown plugin"]
    engine = fake_engine_factory("2.3.8", check_jobs=False)
    assert engine_outcome(engine.url, case.job()) == (None, "FINISHED")


def test_the_latest_profile_names_the_new_table_keys(
    fake_engine_factory: Callable[..., FakeEngine],
) -> None:
    (case,) = [c for c in CASES if c.name == "duplicate output"]
    job = case.job()
    for plugin in [*job["source"], *job["sink"]]:
        for old, new in (
            ("result_table_name", "plugin_output"),
            ("source_table_name", "plugin_input"),
        ):
            if old in plugin:
                plugin[new] = plugin.pop(old)
    refused, _ = engine_outcome(fake_engine_factory("latest").url, job)
    assert refused is not None and "The value of the 'plugin_output' option" in refused
