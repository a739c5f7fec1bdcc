"""`python -m stconfig.testing.fake_engine`: a fake a user starts from the shell to try the CLI."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from stconfig.client import Client, JobStatus
from stconfig.testing.engine import free_port
from tests.client.helpers import streaming_job
from tests.conftest import run_cli

COMMAND = [sys.executable, "-m", "stconfig.testing.fake_engine"]


def _start(*options: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [*COMMAND, *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if " at http://127.0.0.1:" not in line:
        _, errors = process.communicate(timeout=10)
        raise AssertionError(f"the fake did not start: {line}{errors}")
    return process, line.rsplit(" at ", 1)[1].strip()


def _finish(process: subprocess.Popen[str], how: signal.Signals = signal.SIGTERM) -> int:
    """Signal the server, wait for it and close its pipes; its exit code."""
    if process.poll() is None:
        process.send_signal(how)
    process.communicate(timeout=10)
    return process.returncode


@pytest.fixture
def shell_fake() -> Iterator[tuple[subprocess.Popen[str], str]]:
    process, url = _start("--profile", "2.3.9-snapshot", "--clock", "request")
    yield process, url
    _finish(process, signal.SIGKILL)


def test_a_user_submits_stops_and_restores_through_the_cli(
    shell_fake: tuple[subprocess.Popen[str], str], tmp_path: Path
) -> None:
    # GIVEN the fake started from the shell, and a job file
    process, url = shell_fake
    job = tmp_path / "job.json"
    job.write_text(json.dumps(streaming_job("shell")), encoding="utf-8")
    # WHEN the user submits, stops with a savepoint and restores with stconfig
    submitted = run_cli("submit", str(job), "--wait", "--poll-interval", "0.01", "--master", url)
    assert submitted.exit_code == 0, submitted.output
    job_id = submitted.output.split()[0]
    stopped = run_cli("stop", job_id, "--savepoint", "--wait", "--master", url)
    assert stopped.exit_code == 0, stopped.output
    restored = run_cli("restore", job_id, str(job), "--master", url)
    assert restored.exit_code == 0, restored.output
    # THEN the job runs again from its savepoint
    info = Client(url, sleep=lambda _: None).wait(job_id, {JobStatus.RUNNING}, timeout=10)
    assert info.is_start_with_savepoint is True
    # AND SIGTERM stops the server at once, cleanly
    assert _finish(process) == 0


def test_wall_clock_moves_jobs_without_requests_and_auth_is_enforced() -> None:
    process, url = _start("--basic-auth", "admin:secret")
    try:
        refused = run_cli("jobs", "--master", url)
        assert refused.exit_code != 0
        client = Client(url, user="admin", password="secret", sleep=lambda _: None)
        job_id = client.submit(streaming_job("clock")).job_id
        info = client.wait(job_id, {JobStatus.RUNNING}, timeout=10, interval=0.2)
        assert info.status is JobStatus.RUNNING
    finally:
        assert _finish(process, signal.SIGINT) == 0


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--basic-auth", "nocolon"], "'nocolon' is not USER:PASSWORD"),
        (["--basic-auth", "a:b", "--profile", "2.3.8"], "2.3.8 has no basic auth"),
        (["--profile", "2.3.7"], "invalid choice: '2.3.7'"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(options: list[str], message: str) -> None:
    done = subprocess.run([*COMMAND, *options], capture_output=True, text=True, timeout=30)
    assert done.returncode == 2
    (line,) = done.stderr.splitlines()
    assert message in line


def test_a_port_in_use_is_one_line_and_exit_1() -> None:
    port = free_port()
    first, _ = _start("--port", str(port))
    try:
        done = subprocess.run(
            [*COMMAND, "--port", str(port)], capture_output=True, text=True, timeout=30
        )
        assert done.returncode == 1
        assert done.stderr.strip().startswith(f"error: cannot listen on 127.0.0.1:{port}")
        assert "Traceback" not in done.stderr
    finally:
        _finish(first)
