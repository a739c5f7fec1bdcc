"""The whole job lifecycle through the client, written against `EngineMaster` only.

These functions use nothing but the engine's URL, credentials, profile and hooks, so the same
tests can run against a real engine by overriding the `engine_master` fixture. Here they run
against the fake, once per version profile.
"""

from __future__ import annotations

import pytest

from stconfig.client import Client, JobStatus, ServerRefused
from stconfig.testing import EngineMaster, require_hook
from tests.client.helpers import batch_job, streaming_job

POLL = 0.01


def client_of(engine: EngineMaster) -> Client:
    """A client that really sleeps between polls, so a real engine is not hammered."""
    user, password = engine.credentials or (None, None)
    return Client(engine.url, user=user, password=password)


def test_submit_stop_with_savepoint_restore_cancel(engine_master: EngineMaster) -> None:
    client = client_of(engine_master)
    job = streaming_job("lifecycle")

    submitted = client.submit(job)
    running = client.wait(submitted.job_id, {JobStatus.RUNNING}, interval=POLL)
    assert running.status is JobStatus.RUNNING
    assert running.is_start_with_savepoint is False

    client.stop(submitted.job_id, savepoint=True)
    saved = client.wait(submitted.job_id, {JobStatus.SAVEPOINT_DONE}, interval=POLL)
    assert saved.status is JobStatus.SAVEPOINT_DONE

    restored = client.submit(job, job_id=submitted.job_id, start_with_savepoint=True)
    assert restored.job_id == submitted.job_id
    again = client.wait(submitted.job_id, {JobStatus.RUNNING}, interval=POLL)
    assert again.status is JobStatus.RUNNING
    assert again.is_start_with_savepoint is True

    client.stop(submitted.job_id)
    canceled = client.wait(submitted.job_id, {JobStatus.CANCELED}, interval=POLL)
    assert canceled.status is JobStatus.CANCELED

    if engine_master.profile == "latest":
        with pytest.raises(ServerRefused, match="No checkpoint found"):
            client.submit(job, job_id=submitted.job_id, start_with_savepoint=True)
    else:
        fresh = client.submit(job, job_id=submitted.job_id, start_with_savepoint=True)
        assert fresh.job_id == submitted.job_id
        assert client.job_info(fresh.job_id).status.terminal is False


def test_failed_job_restores_from_its_last_checkpoint(engine_master: EngineMaster) -> None:
    require_hook(engine_master, "fail_job")
    client = client_of(engine_master)
    submitted = client.submit(streaming_job("fragile"))
    client.wait(submitted.job_id, {JobStatus.RUNNING}, interval=POLL)
    engine_master.advance(2)
    engine_master.fail_job(submitted.job_id, "sink unreachable\n\tat Sink.write")
    failed = client.wait(submitted.job_id, {JobStatus.FAILED}, interval=POLL)
    assert failed.error_msg is not None and failed.error_msg.startswith("sink unreachable")

    client.submit(streaming_job("fragile"), job_id=submitted.job_id, start_with_savepoint=True)
    resumed = client.wait(submitted.job_id, {JobStatus.RUNNING}, interval=POLL)
    assert resumed.is_start_with_savepoint is True


def test_batch_job_runs_to_finished_and_is_listed(engine_master: EngineMaster) -> None:
    client = client_of(engine_master)
    submitted = client.submit(batch_job())
    done = client.wait(submitted.job_id, {JobStatus.FINISHED}, interval=POLL)
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
    client.wait(first.job_id, {JobStatus.RUNNING}, interval=POLL)
    client.stop(first.job_id, savepoint=True)
    client.wait(first.job_id, {JobStatus.SAVEPOINT_DONE}, interval=POLL)

    recipe = streaming_job("cdc", {"job.id": first.job_id, "restore.mode": "savepoint"})
    result = client.submit(recipe)
    assert result.job_id == first.job_id
    assert result.restored and result.notes
    info = client.wait(first.job_id, {JobStatus.RUNNING}, interval=POLL)
    assert info.is_start_with_savepoint is True
    assert info.env_options is not None and "job.id" not in info.env_options
