"""The real SeaTunnel engine starts, answers, runs a job stconfig converted, and stops cleanly."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import stconfig
from stconfig.client import Client, EndpointNotFound
from stconfig.emit import emit_json
from stconfig.testing.engine import (
    SOURCE_TARBALL,
    Engine,
    EngineUnavailable,
    RealMaster,
    assemble_rest_v2,
    free_port,
    source_tarball,
    submit,
    wait_for_job,
)

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


@pytest.mark.engine
def test_overview_answers(seatunnel_master: RealMaster) -> None:
    with urllib.request.urlopen(seatunnel_master.url + "/overview", timeout=10) as response:
        overview = json.load(response)
    assert overview["projectVersion"] == seatunnel_master.version
    assert int(overview["workers"]) >= 1


@pytest.mark.engine
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


@pytest.mark.engine
def test_a_converted_batch_job_finishes(seatunnel_master_url: str) -> None:
    # GIVEN a HOCON job, converted by stconfig to the JSON body the REST API takes
    body = json.loads(emit_json(stconfig.loads(BATCH_JOB)))
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


@pytest.mark.engine
@pytest.mark.usefixtures("seatunnel_tools")
def test_a_private_engine_checkpoints_in_its_folder_and_stops_without_leaving_a_jvm() -> None:
    engine = Engine()
    with engine:
        assert engine._process is not None and engine.run_dir is not None
        pid, port, run_dir = engine._process.pid, engine.port, engine.run_dir
        assert _listening(port)
        assert_loopback_only(engine)
        # GIVEN a streaming job checkpointing every second
        body = json.loads(emit_json(stconfig.loads(STREAMING_JOB)))
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


@pytest.mark.engine
@pytest.mark.usefixtures("seatunnel_tools")
def test_a_release_without_its_engine_on_central_is_refused_at_once() -> None:
    started = time.monotonic()
    with pytest.raises(EngineUnavailable, match=r"no engine for SeaTunnel 2\.3\.10"):
        Engine(version="2.3.10").start()
    assert time.monotonic() - started < 1


def _listening_hosts(port: int) -> set[str]:
    """The local addresses sockets listen on at `port` (Linux /proc/net): IPv4 dotted, IPv4
    mapped into IPv6 as IPv4, other IPv6 addresses as their hex."""
    hosts = set()
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        if not table.is_file():
            continue
        for line in table.read_text(encoding="ascii").splitlines()[1:]:
            fields = line.split()
            address, _, hex_port = fields[1].partition(":")
            if fields[3] != "0A" or int(hex_port, 16) != port:  # 0A: LISTEN
                continue
            if len(address) == 8 or address.startswith("0000000000000000FFFF0000"):
                last = address[-8:]  # IPv4, little-endian
                hosts.add(".".join(str(int(last[i : i + 2], 16)) for i in (6, 4, 2, 0)))
            else:
                hosts.add(address)
    return hosts


def assert_loopback_only(engine: Engine) -> None:
    """Every port of the engine (the Hazelcast member, and Jetty for v2) listens on 127.0.0.1
    only (checked where Linux's /proc/net shows the listening addresses)."""
    if not Path("/proc/net/tcp").is_file():
        return
    for port in {engine.port, engine.http_port} - {0}:
        assert _listening_hosts(port) == {"127.0.0.1"}, (port, _listening_hosts(port))


@pytest.mark.engine
@pytest.mark.usefixtures("seatunnel_tools")
def test_the_v2_engine_listens_on_loopback_reports_15431c9_and_logs_per_job() -> None:
    # GIVEN the REST v2 engine with per-job log files
    with Engine("2.3.9-SNAPSHOT", job_logs=True) as engine:
        assert_loopback_only(engine)
        overview = engine.overview()
        assert (overview["projectVersion"], overview["gitCommitAbbrev"]) == (
            "2.3.9-SNAPSHOT",
            "15431c9",
        )
        assert RealMaster(engine.url, overview["projectVersion"]).profile == "2.3.9-snapshot"
        # WHEN a job runs
        body = json.loads(emit_json(stconfig.loads(BATCH_JOB)))
        job_id = submit(engine.url, body, name="stconfig-logs")
        assert wait_for_job(engine.url, job_id)["jobStatus"] == "FINISHED"
        # THEN the log endpoints list and serve its own file
        client = Client(engine.url)
        names = [entry.log_name for entry in client.log_files(job_id)]
        assert names == [f"job-{job_id}.log"]
        assert "FakeSource" in client.log(f"job-{job_id}.log")


@pytest.mark.engine
@pytest.mark.usefixtures("seatunnel_tools")
def test_start_from_the_shell_prints_the_url_and_leaves_no_jvm_on_sigterm() -> None:
    port = free_port()
    command = [sys.executable, "-m", "stconfig.testing.engine", "start", "--api", "v2"]
    process = subprocess.Popen(
        [*command, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.rstrip().endswith(f"at http://127.0.0.1:{port}"), line
        children = _children(process.pid)
        assert children, "no JVM under the starter"
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=60)
        assert process.returncode == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    for child in children:
        with pytest.raises(ProcessLookupError):
            os.kill(child, 0)
    assert not _listening(port)


def _children(pid: int) -> list[int]:
    done = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(value) for value in done.stdout.split()]


def test_a_missing_source_tarball_is_named_with_the_override(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("STCONFIG_SEATUNNEL_SRC", str(tmp_path))
    with pytest.raises(EngineUnavailable, match="STCONFIG_SEATUNNEL_SRC") as caught:
        source_tarball()
    assert str(tmp_path) in str(caught.value)


def test_a_changed_source_tarball_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / SOURCE_TARBALL).write_bytes(b"not the 15431c9 tree")
    monkeypatch.setenv("STCONFIG_SEATUNNEL_SRC", str(tmp_path))
    monkeypatch.setenv("STCONFIG_ENGINE_CACHE", str(tmp_path / "cache"))
    with pytest.raises(EngineUnavailable, match="sha256"):
        assemble_rest_v2()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["start", "--job-logs"], "--job-logs needs --api v2"),
        (["start", "--api", "v3"], "invalid choice: 'v3'"),
        (["build"], "invalid choice: 'build'"),
    ],
)
def test_bad_arguments_of_the_engine_command_are_one_line_and_exit_2(
    arguments: list[str], message: str
) -> None:
    command = [sys.executable, "-m", "stconfig.testing.engine", *arguments]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    (line,) = done.stderr.splitlines()
    assert message in line
