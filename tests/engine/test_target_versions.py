"""Every example DSL job, built for an engine's version, is accepted by that real engine.

`ENGINES` pairs a target version with the fixture of a real engine of that version. The engine
checks a job's table wiring before it looks its plugins up, so a refusal that names a missing
plugin still proves the keys were accepted; the test engine ships only the console, fake and
file-local connectors (and all transforms), so the jobs made of those also run to the end.
"""

from __future__ import annotations

import json
import urllib.error
from pathlib import Path
from typing import Any

import pytest

from stconfig.dsl import Job
from stconfig.dsl.runner import find_jobs
from stconfig.testing.engine import RealMaster, submit, wait_for_job
from stconfig.versions import Version, known
from tests.conftest import REPOSITORY

pytestmark = pytest.mark.engine

ENGINES: list[tuple[str, str]] = [
    ("2.3.8", "seatunnel_master"),
    ("2.3.9-SNAPSHOT", "seatunnel_v2_master"),
]
"""(target version, fixture of a real engine of that version)."""

EXAMPLES = sorted((REPOSITORY / "examples" / "dsl").glob("*.py"))
RUNNABLE = {"FakeSource", "Console", "LocalFile", "FieldMapper", "Filter", "Sql"}
"""Plugins the test engine has: the jobs made of them only must run to FINISHED."""
TABLE_KEY_REFUSALS = ("is not configured with", "Cannot find", "plugin_output", "plugin_input")


def _built(example: Path, target: str, folder: Path) -> list[tuple[str, dict[str, Any]]]:
    """The jobs of an example built for `target`, secrets given, local paths under `folder`."""
    jobs = []
    for found in find_jobs(example):
        job = found.job
        assert isinstance(job, Job)
        secrets = {name: "s3cret" for name in job.secrets()}
        body = job.build(secrets, target_version=target).to_dict()
        for sink in body.get("sink", []):
            if sink.get("plugin_name") == "LocalFile":
                sink["path"] = str(folder / "out")  # not the example's /data/archive
        jobs.append((found.stem, body))
    return jobs


@pytest.mark.parametrize(("target", "fixture"), ENGINES)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_every_example_built_for_the_engine_version_is_accepted(
    target: str, fixture: str, example: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    # GIVEN a real engine of the target version
    master: RealMaster = request.getfixturevalue(fixture)
    assert Version.parse(master.version) == Version.parse(known(target))
    for stem, body in _built(example, target, tmp_path):
        plugins = {
            p["plugin_name"] for kind in ("source", "transform", "sink") for p in body.get(kind, [])
        }
        # WHEN the job built for that version is submitted
        try:
            job_id = submit(master.url, body, name=f"stconfig-{stem}")
        except urllib.error.HTTPError as error:
            message = error.read().decode("utf-8", "replace")
            # THEN a refusal may only be the engine lacking a connector, found after the
            # wiring and the row types were checked
            assert not any(part in message for part in TABLE_KEY_REFUSALS), message
            assert "not found" in message and not plugins <= RUNNABLE, message
            continue
        # THEN it is accepted, and a job of the engine's own plugins runs to the end
        if plugins <= RUNNABLE and body["env"].get("job.mode", "BATCH") == "BATCH":
            info = wait_for_job(master.url, job_id)
            assert info["jobStatus"] == "FINISHED", json.dumps(info)[:2000]
