"""The whole job lifecycle through the client, written against `EngineMaster` only.

These functions use nothing but the engine's URL, credentials, profile and hooks, so the same
tests run against the fake (once per version profile) and against the real engine
(`engine_master` in conftest.py). Every wait is bounded by `TIMEOUT`.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from stconfig.client import Client, JobInfo, JobStatus, ServerRefused
from stconfig.testing import EngineMaster, require_hook
from tests.client.helpers import batch_job, streaming_job
from tests.conftest import run_cli

POLL = 0.01
TIMEOUT = 60.0


def wait(client: Client, job_id: str, status: JobStatus) -> JobInfo:
    return client.wait(job_id, {status}, timeout=TIMEOUT, interval=POLL, max_interval=0.5)


def wait_until_reading(client: Client, job_id: str) -> JobInfo:
    """Wait for RUNNING and the first rows read, the sign that every task is ready.

    A 2.3.8 engine reports RUNNING before its checkpoint coordinator has all tasks ready; a
    stop-with-savepoint in that window turns the job DOING_SAVEPOINT and leaves it there for
    good (`startSavepoint` fails with TASK_NOT_ALL_READY_WHEN_SAVEPOINT and nothing reverts the
    state). Rows are emitted only after the coordinator is ready.
    """
    info = wait(client, job_id, JobStatus.RUNNING)
    deadline = time.monotonic() + TIMEOUT
    while info.metrics.source_received_count == 0:
        assert info.status is JobStatus.RUNNING, info
        assert time.monotonic() < deadline, f"job {job_id} read nothing in {TIMEOUT} s"
        time.sleep(POLL)
        info = client.job_info(job_id)
    return info


def client_of(engine: EngineMaster) -> Client:
    """A client that really sleeps between polls, so a real engine is not hammered."""
    user, password = engine.credentials or (None, None)
    return Client(engine.url, user=user, password=password)


def test_submit_stop_with_savepoint_restore_cancel(engine_master: EngineMaster) -> None:
    client = client_of(engine_master)
    job = streaming_job("lifecycle")

    submitted = client.submit(job)
    running = wait_until_reading(client, submitted.job_id)
    assert running.is_start_with_savepoint is False
    listed = client.running_jobs()
    assert submitted.job_id in [listed_job.job_id for listed_job in listed.jobs]

    client.stop(submitted.job_id, savepoint=True)
    saved = wait(client, submitted.job_id, JobStatus.SAVEPOINT_DONE)
    assert saved.status is JobStatus.SAVEPOINT_DONE

    restored = client.submit(job, job_id=submitted.job_id, start_with_savepoint=True)
    assert restored.job_id == submitted.job_id
    again = wait(client, submitted.job_id, JobStatus.RUNNING)
    assert again.status is JobStatus.RUNNING
    assert again.is_start_with_savepoint is True

    client.stop(submitted.job_id)
    canceled = wait(client, submitted.job_id, JobStatus.CANCELED)
    assert canceled.status is JobStatus.CANCELED

    if engine_master.profile == "latest":
        with pytest.raises(ServerRefused, match="No checkpoint found"):
            client.submit(job, job_id=submitted.job_id, start_with_savepoint=True)
    else:
        fresh = client.submit(job, job_id=submitted.job_id, start_with_savepoint=True)
        assert fresh.job_id == submitted.job_id
        assert client.job_info(fresh.job_id).status.terminal is False
        client.stop(fresh.job_id)
        assert wait(client, fresh.job_id, JobStatus.CANCELED).status is JobStatus.CANCELED


def test_failed_job_restores_from_its_last_checkpoint(engine_master: EngineMaster) -> None:
    require_hook(engine_master, "fail_job")
    client = client_of(engine_master)
    submitted = client.submit(streaming_job("fragile"))
    wait(client, submitted.job_id, JobStatus.RUNNING)
    engine_master.advance(2)
    engine_master.fail_job(submitted.job_id, "sink unreachable\n\tat Sink.write")
    failed = wait(client, submitted.job_id, JobStatus.FAILED)
    assert failed.error_msg is not None and failed.error_msg.startswith("sink unreachable")

    client.submit(streaming_job("fragile"), job_id=submitted.job_id, start_with_savepoint=True)
    resumed = wait(client, submitted.job_id, JobStatus.RUNNING)
    assert resumed.is_start_with_savepoint is True


def test_batch_job_runs_to_finished_and_is_listed(engine_master: EngineMaster) -> None:
    client = client_of(engine_master)
    submitted = client.submit(batch_job())
    done = wait(client, submitted.job_id, JobStatus.FINISHED)
    assert done.status is JobStatus.FINISHED
    assert done.finish_time is not None
    assert done.metrics.sink_write_count > 0
    finished = client.finished_jobs("finished")
    assert submitted.job_id in [job.job_id for job in finished.jobs]
    assert client.overview().finished_jobs >= 1


def test_cookbook_env_restore_reaches_the_engine_as_a_restore(
    engine_master: EngineMaster,
) -> None:
    client = client_of(engine_master)
    first = client.submit(streaming_job("cdc"))
    wait_until_reading(client, first.job_id)
    client.stop(first.job_id, savepoint=True)
    assert wait(client, first.job_id, JobStatus.SAVEPOINT_DONE).status is JobStatus.SAVEPOINT_DONE

    recipe = streaming_job("cdc", {"job.id": first.job_id, "restore.mode": "savepoint"})
    result = client.submit(recipe)
    assert result.job_id == first.job_id
    assert result.restored and result.notes
    info = wait(client, first.job_id, JobStatus.RUNNING)
    assert info.is_start_with_savepoint is True
    assert info.env_options is not None and "job.id" not in info.env_options
    client.stop(first.job_id)
    assert wait(client, first.job_id, JobStatus.CANCELED).status is JobStatus.CANCELED


def test_the_cli_submits_waits_reports_and_stops(
    engine_master: EngineMaster, tmp_path: Path
) -> None:
    """The same lifecycle through `stconfig` commands, as a user's script would drive it."""
    if engine_master.credentials is not None:
        pytest.skip("the CLI path is the same with --user/--password")
    master = ("--master", engine_master.url)
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps(batch_job("cli-batch")), encoding="utf-8")
    submitted = run_cli("submit", str(batch), "--wait", "--poll-interval", "0.05", *master)
    assert submitted.exit_code == 0, submitted.output
    job_id = submitted.output.split()[0]
    status = run_cli("status", job_id, "--output", "json", *master)
    assert status.exit_code == 0, status.output
    assert json.loads(status.output)["status"] == "FINISHED"

    streaming = tmp_path / "streaming.json"
    streaming.write_text(json.dumps(streaming_job("cli-stream")), encoding="utf-8")
    started = run_cli("submit", str(streaming), "--wait", "--poll-interval", "0.05", *master)
    assert started.exit_code == 0, started.output
    stream_id = started.output.split()[0]
    listed = run_cli("jobs", "--output", "json", *master)
    assert stream_id in listed.output
    stopped = run_cli("stop", stream_id, "--wait", *master)
    assert stopped.exit_code == 0, stopped.output
    final = run_cli("status", stream_id, "--output", "json", *master)
    assert json.loads(final.output)["status"] == "CANCELED"
