"""Broken jobs submitted to the real engines, beside what `stconfig lint` says of them.

Each case records what the engine does with the job (refuses it with a message, or runs it to
a final state) and the test checks that this is still so, on the 2.3.8 release (REST v1) and on
the 15431c9 engine (REST v2). Every job the engine refuses must get at least one error from the
linter. The table is in docs/engine-parity.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import stconfig
from stconfig.lint import Severity
from stconfig.testing.engine import Engine, RealMaster
from tests.engine.broken_jobs import CASES, SUBMIT_HANGS, Case, Job, engine_outcome

pytestmark = pytest.mark.engine


def lint_errors(job: Job, folder: Path) -> list[str]:
    path = folder / "job.json"
    path.write_text(json.dumps(job), encoding="utf-8")
    found = stconfig.lint(path, target_version="2.3.8")
    return [f"{d.code} {d.message}" for d in found if d.severity is Severity.ERROR]


def check(case: Case, master: str, folder: Path) -> None:
    refused, ends = engine_outcome(master, case.job())
    if case.refused is None:
        assert (refused, ends) == (None, case.ends)
    else:
        assert refused is not None and case.refused in refused, refused
        errors = lint_errors(case.job(), folder)
        assert errors, f"the engine refuses {case.name!r} but the linter reports no error"
        if case.code is not None:
            assert any(error.startswith(f"{case.code} ") for error in errors), errors


@pytest.fixture(params=["seatunnel_master", "seatunnel_v2_master"], ids=["v1-2.3.8", "v2-15431c9"])
def real_master(request: pytest.FixtureRequest) -> RealMaster:
    """Each session engine in turn."""
    master: RealMaster = request.getfixturevalue(request.param)
    return master


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.refused != SUBMIT_HANGS], ids=lambda c: c.name
)
def test_engine_outcome_and_linter_errors_of_a_broken_job(
    case: Case, real_master: RealMaster, tmp_path: Path
) -> None:
    check(case, real_master.url, tmp_path)


@pytest.mark.usefixtures("seatunnel_tools")
def test_a_pure_cycle_hangs_the_submit_and_the_linter_reports_it(tmp_path: Path) -> None:
    """The parser loops on a cycle no source feeds, so a private engine takes it (and dies)."""
    (case,) = [c for c in CASES if c.refused == SUBMIT_HANGS]
    with Engine() as engine:
        check(case, engine.url, tmp_path)
        assert engine.overview()["projectVersion"] == "2.3.8"
