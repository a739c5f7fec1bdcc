"""The real SeaTunnel engine starts, answers, runs a job stconfig converted, and stops cleanly."""

from __future__ import annotations

import json
import os
import socket
import time
import urllib.request

import pytest

import stconfig
from stconfig.client import Client, EndpointNotFound
from stconfig.testing.engine import (
    Engine,
    EngineUnavailable,
    RealMaster,
    submit,
    wait_for_job,
)

pytestmark = pytest.mark.engine

BATCH_JOB = """
env {
  job.mode = BATCH
  parallelism = 1
}
source {
  FakeSource {
    result_table_name = fake
    row.num = 10
    schema { fields { name = string, age = int } }
  }
}
sink {
  Console { source_table_name = fake }
}
"""


STREAMING_JOB = """
env {
  job.mode = STREAMING
  checkpoint.interval = 1000
}
source {
  FakeSource {
    result_table_name = fake
    row.num = 10
    schema { fields { name = string } }
  }
}
sink {
  Console { source_table_name = fake }
}
"""


def test_overview_answers(seatunnel_master: RealMaster) -> None:
    with urllib.request.urlopen(seatunnel_master.url + "/overview", timeout=10) as response:
        overview = json.load(response)
    assert overview["projectVersion"] == seatunnel_master.version
    assert int(overview["workers"]) >= 1


def test_the_client_names_the_v1_master_of_a_bare_2_3_8_port(seatunnel_master: RealMaster) -> None:
    # GIVEN 2.3.8's REST API, which lives under /hazelcast/rest/maps on the member port
    prefix = "/hazelcast/rest/maps"
    if not seatunnel_master.url.endswith(prefix):
        pytest.skip("the engine under test serves REST v2")
    bare = seatunnel_master.url.removesuffix(prefix)
    # WHEN the client is given the bare port (the port hangs up on /overview)
    with pytest.raises(EndpointNotFound, match="Hazelcast REST API") as caught:
        Client(bare).overview()
    # THEN it says which master to use
    assert caught.value.v1_master == seatunnel_master.url


def test_a_converted_batch_job_finishes(seatunnel_master_url: str) -> None:
    # GIVEN a HOCON job, converted by stconfig to the JSON body the REST API takes
    body = json.loads(stconfig.loads(BATCH_JOB).to_json())
    # WHEN the real engine runs it
    job_id = submit(seatunnel_master_url, body, name="stconfig-batch")
    info = wait_for_job(seatunnel_master_url, job_id)
    # THEN it finishes, having read every row FakeSource made
    assert info["jobStatus"] == "FINISHED", info.get("errorMsg")
    assert info["metrics"]["SourceReceivedCount"] == "10"
    assert info["metrics"]["SinkWriteCount"] == "10"


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.usefixtures("seatunnel_tools")
def test_a_private_engine_checkpoints_in_its_folder_and_stops_without_leaving_a_jvm() -> None:
    engine = Engine()
    with engine:
        assert engine._process is not None and engine.run_dir is not None
        pid, port, run_dir = engine._process.pid, engine.port, engine.run_dir
        assert _listening(port)
        # GIVEN a streaming job checkpointing every second
        body = json.loads(stconfig.loads(STREAMING_JOB).to_json())
        job_id = submit(engine.url, body, name="stconfig-streaming")
        checkpoints = run_dir / "checkpoint" / job_id
        deadline = time.monotonic() + 60
        while not any(checkpoints.glob("*.ser")) and time.monotonic() < deadline:
            time.sleep(0.5)
        # THEN its checkpoints land in the engine's own temporary folder
        assert any(checkpoints.glob("*.ser")), engine.log_tail()
    # AND stopping with the job still running leaves no JVM, port or folder behind
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert not _listening(port)
    assert not run_dir.exists()


@pytest.mark.usefixtures("seatunnel_tools")
def test_a_release_without_its_engine_on_central_is_refused_at_once() -> None:
    started = time.monotonic()
    with pytest.raises(EngineUnavailable, match=r"no engine for SeaTunnel 2\.3\.10"):
        Engine(version="2.3.10").start()
    assert time.monotonic() - started < 1
