"""The pytest plugin as a user sees it: fixtures, and a skip for hooks an engine lacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from stconfig.testing import EngineMaster, FakeEngine

USER_TESTS = """
import json
import urllib.request

import pytest

from stconfig.testing import require_hook


def test_my_submission_code(fake_engine):
    fake = {"plugin_name": "FakeSource", "schema": {"fields": {"id": "bigint"}}}
    job = {"env": {"job.mode": "BATCH"}, "source": [fake], "sink": [{"plugin_name": "Console"}]}
    body = json.dumps(job).encode()
    request = urllib.request.Request(
        fake_engine.url + "/submit-job",
        data=body,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request) as answer:
        assert isinstance(json.load(answer)["jobId"], str)


def test_old_engine(fake_engine_factory):
    assert fake_engine_factory("2.3.8").profile == "2.3.8"


class RealEngine:
    url = "http://127.0.0.1:9"
    credentials = None
    profile = "latest"
    hooks = frozenset({"advance"})

    def advance(self, ticks=1):
        pass

    def fail_job(self, job_id, message=""):
        raise AssertionError("never called")


@pytest.fixture
def engine_master():
    return RealEngine()


def test_needs_a_failure_hook(engine_master):
    require_hook(engine_master, "fail_job")
    engine_master.fail_job("1")
"""


def test_fixtures_and_hook_skips_in_a_user_project(tmp_path: Path) -> None:
    (tmp_path / "test_user.py").write_text(USER_TESTS)
    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "stconfig.testing.fake_plugin", "-q", "-rs"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 passed, 1 skipped" in run.stdout
    assert "has no 'fail_job' hook" in run.stdout


def test_the_fake_is_an_engine_master() -> None:
    with FakeEngine() as engine:
        assert isinstance(engine, EngineMaster)


def test_a_real_engine_is_held_to_the_profile_its_version_picks() -> None:
    # a 2.3.9-SNAPSHOT server (15431c9) is older than 2.3.9: it is not "latest"
    from stconfig.testing.engine import RealMaster

    assert RealMaster("http://127.0.0.1:1", "2.3.9-SNAPSHOT").profile == "2.3.9-snapshot"
    assert RealMaster("http://127.0.0.1:1", "2.3.8").profile == "2.3.8"
    assert RealMaster("http://127.0.0.1:1", "2.3.10").profile == "latest"
