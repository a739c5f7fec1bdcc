"""The client's typed answers, typed errors, version gates and settings."""

from __future__ import annotations

import json
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from stconfig.client import (
    AuthenticationRequired,
    Client,
    EndpointNotFound,
    EngineUnreachable,
    JobInfo,
    JobStatus,
    RequestTimeout,
    ServerRefused,
    UnexpectedResponse,
    UnknownJob,
    UnsupportedByServer,
    UsageError,
    WaitTimeout,
    resolve_settings,
)
from stconfig.client.transport import ssl_context
from stconfig.testing import FakeEngine
from tests.client.helpers import batch_job, streaming_job
from tests.conftest import run_cli
from tests.hardening.scripted import Request, Server, answer, serving

ClientFor = Callable[..., Client]


# errors --------------------------------------------------------------------------------------


def test_connection_refused_says_what_to_check() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(EngineUnreachable, match="enable-http: true, on this port"):
        Client(f"http://127.0.0.1:{port}").overview()


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        yield listener.getsockname()[1]


def test_no_answer_is_a_timeout(silent_port: int) -> None:
    client = Client(f"http://127.0.0.1:{silent_port}", timeout=0.2)
    with pytest.raises(RequestTimeout, match=r"within 0\.2s"):
        client.overview()


def test_404_names_port_context_path_and_v1(manual_engine: FakeEngine) -> None:
    with pytest.raises(EndpointNotFound, match="context-path") as caught:
        Client(manual_engine.url + "/seatunnel").overview()
    assert "v1" in str(caught.value)


def test_404_on_a_v1_port_names_the_master_to_use(
    fake_engine_factory: Callable[..., FakeEngine],
) -> None:
    # GIVEN an engine serving the endpoints under /hazelcast/rest/maps, as 2.3.8's v1 API does
    engine = fake_engine_factory("2.3.8", context_path="/hazelcast/rest/maps")
    bare = f"http://127.0.0.1:{engine.port}"
    # WHEN the client is pointed at the bare port THEN the error says which master to use
    with pytest.raises(EndpointNotFound, match="Hazelcast REST API") as caught:
        Client(bare).overview()
    assert caught.value.v1_master == engine.url
    assert f"use --master {engine.url}" in str(caught.value)
    # AND that master works
    assert Client(engine.url).overview().project_version


def test_401_without_and_with_wrong_credentials(
    fake_engine_factory: Callable[..., FakeEngine],
) -> None:
    engine = fake_engine_factory("latest", auth=("admin", "s3:cret"))
    with pytest.raises(AuthenticationRequired, match="pass --user/--password"):
        Client(engine.url).overview()
    with pytest.raises(AuthenticationRequired, match="refused"):
        Client(engine.url, user="admin", password="nope").overview()
    assert Client(engine.url, user="admin", password="s3:cret").overview().workers == 1
    assert engine.requests[-1].headers["authorization"].startswith("Basic ")


def test_envelope_shows_the_first_line_and_keeps_the_trace(
    manual_engine: FakeEngine, client_for: ClientFor
) -> None:
    client = client_for(manual_engine)
    done = client.submit(batch_job())
    manual_engine.advance(10)
    with pytest.raises(ServerRefused) as caught:
        client.submit(batch_job(), job_id=done.job_id)
    error = caught.value
    assert error.status == 500 and error.exit_code == 1
    assert "has already been submitted" in str(error)
    assert "\n" not in str(error)
    assert "Caused by" in error.message


def test_a_non_json_answer_is_unexpected(manual_engine: FakeEngine) -> None:
    with pytest.raises(UnexpectedResponse, match="not JSON"):
        Client(manual_engine.url + "/logs").overview()


def test_unknown_job_is_a_clear_error(manual_engine: FakeEngine, client_for: ClientFor) -> None:
    with pytest.raises(UnknownJob, match="unknown or expired job 733584788375093248"):
        client_for(manual_engine).job_info("733584788375093248")


@pytest.mark.parametrize("bad", ["abc", "1.5", "+1", "9223372036854775808", ""])
def test_bad_job_ids_are_refused_before_sending(
    manual_engine: FakeEngine, client_for: ClientFor, bad: str
) -> None:
    with pytest.raises(UsageError, match="Java long"):
        client_for(manual_engine).job_info(bad)
    assert manual_engine.requests == []


# typed answers -------------------------------------------------------------------------------


def test_job_info_types(manual_engine: FakeEngine, client_for: ClientFor) -> None:
    client = client_for(manual_engine)
    job_id = client.submit(streaming_job()).job_id
    manual_engine.advance(4)
    info = client.job_info(int(job_id))
    assert info.job_id == job_id
    assert info.status is JobStatus.RUNNING
    assert info.metrics.source_received_count == 10
    assert info.metrics.table_sink_write_count == {"fake": 10}
    assert info.metrics.source_received_qps == 5.0
    assert info.create_time is not None and info.create_time.year == 2026
    assert info.env_options is not None and info.env_options["job.mode"] == "STREAMING"


def test_ended_job_dag_as_json_text_is_read_as_an_object(
    manual_engine: FakeEngine, client_for: ClientFor
) -> None:
    client = client_for(manual_engine)
    job_id = client.submit(batch_job()).job_id
    manual_engine.advance(20)
    info = client.job_info(job_id)
    assert info.status is JobStatus.FINISHED
    assert info.job_dag["pipelineEdges"]["1"][0]["targetVertexId"] in (2, "2")
    empty = {"jobId": "1", "jobName": "x", "jobStatus": "FINISHED", "jobDag": ""}
    assert JobInfo.model_validate(empty).job_dag == {}


def test_models_accept_numbers_for_ids_and_empty_metrics() -> None:
    info = JobInfo.model_validate(
        {
            "jobId": 944829786826473500,
            "jobName": "x",
            "jobStatus": "canceled",
            "finishTime": "",
            "metrics": "",
            "futureField": {"ignored": True},
        }
    )
    assert info.job_id == "944829786826473500"
    assert info.status is JobStatus.CANCELED and info.terminal
    assert info.finish_time is None
    assert info.metrics.sink_write_count == 0


def test_both_list_shapes_and_client_side_paging(
    manual_engine: FakeEngine, client_for: ClientFor
) -> None:
    client = client_for(manual_engine)
    ids = {client.submit(streaming_job()).job_id for _ in range(3)}
    everything = client.running_jobs()
    assert {job.job_id for job in everything.jobs} == ids and everything.total == 3
    second = client.running_jobs(page=2, rows=2)
    assert (len(second.jobs), second.total, second.page, second.rows) == (1, 3, 2, 2)
    beyond = client.running_jobs(page=5, rows=2)
    assert (beyond.jobs, beyond.total, beyond.page) == ([], 3, 5)
    nothing = client.finished_jobs(page=1)
    assert (nothing.jobs, nothing.total) == ([], 0)
    paged = [r for r in manual_engine.requests if r.path == "/running-jobs" and r.query]
    assert paged[0].query == {"page": "2", "rows": "2"}


def test_finished_jobs_state_is_checked(manual_engine: FakeEngine, client_for: ClientFor) -> None:
    with pytest.raises(UsageError, match="not a final job state"):
        client_for(manual_engine).finished_jobs("RUNNING")
    assert client_for(manual_engine).finished_jobs("saVepoint_done").jobs == []


def test_submit_many_uses_the_batch_endpoint(
    manual_engine: FakeEngine, client_for: ClientFor
) -> None:
    answers = client_for(manual_engine).submit_many([streaming_job("a"), streaming_job("b")])
    assert [answer.job_name for answer in answers] == ["a", "b"]
    assert all(isinstance(answer.job_id, str) for answer in answers)
    assert manual_engine.requests[-1].path == "/submit-jobs"


def test_logs(manual_engine: FakeEngine, client_for: ClientFor) -> None:
    client = client_for(manual_engine)
    job_id = client.submit(streaming_job()).job_id
    (entry,) = client.log_files(job_id)
    assert entry.log_name == f"job-{job_id}.log"
    assert job_id in client.log(entry.log_name)
    with pytest.raises(ServerRefused, match=r"no log file 'job-1\.log'"):
        client.log("job-1.log")
    with pytest.raises(UsageError, match="not a log file name"):
        client.log("../etc/passwd")


def test_wait_gives_up_at_the_deadline(manual_engine: FakeEngine) -> None:
    ticks = iter(range(1000))
    client = Client(manual_engine.url, sleep=lambda _: None, clock=lambda: float(next(ticks)))
    job_id = client.submit(streaming_job()).job_id
    with pytest.raises(WaitTimeout, match="did not reach RUNNING within 5s"):
        client.wait(job_id, {JobStatus.RUNNING}, timeout=5)


def test_wait_backs_off_up_to_the_deadline(manual_engine: FakeEngine) -> None:
    pauses: list[float] = []
    client = Client(manual_engine.url, sleep=pauses.append, clock=lambda: sum(pauses))
    job_id = client.submit(streaming_job()).job_id
    with pytest.raises(WaitTimeout, match="last state PENDING"):
        client.wait(job_id, {JobStatus.RUNNING}, timeout=10, interval=1.0, max_interval=2.0)
    assert pauses == [1.0, 1.5, 2.0, 2.0, 2.0, 1.5]


def test_wait_for_an_ended_job_goes_on_until_its_history_record_answers(
    fake_engine_factory: Callable[..., FakeEngine], profile: str
) -> None:
    # GIVEN an engine that, like the real ones, reports an ended job from the running-job
    # record (final state, no finish time) for a while before moving it into history
    engine = fake_engine_factory(profile, auto_advance=False, schedule_ticks=1, archive_ticks=2)
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        engine.advance()

    client = Client(engine.url, sleep=sleep, clock=lambda: float(len(slept)))
    job_id = client.submit(batch_job()).job_id
    engine.advance(4)
    early = client.job_info(job_id)
    assert early.status is JobStatus.FINISHED and early.finish_time is None
    # WHEN the client waits for FINISHED
    done = client.wait(job_id, {JobStatus.FINISHED}, timeout=60, interval=1.0)
    # THEN it returns the history record, with its finish time, two polls later
    assert done.status is JobStatus.FINISHED
    assert done.finish_time is not None
    assert len(slept) == 2


def test_wait_returns_the_running_record_of_an_ended_job_at_the_deadline(
    fake_engine_factory: Callable[..., FakeEngine],
) -> None:
    engine = fake_engine_factory("latest", auto_advance=False, archive_ticks=1000)
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        engine.advance()

    client = Client(engine.url, sleep=sleep, clock=lambda: sum(slept))
    job_id = client.submit(batch_job()).job_id
    done = client.wait(job_id, {JobStatus.RUNNING, JobStatus.FINISHED}, timeout=30)
    assert done.status is JobStatus.RUNNING
    # an ended job is final: past the deadline its running record is the answer, not a timeout
    done = client.wait(job_id, {JobStatus.FINISHED}, timeout=10, interval=1.0)
    assert done.status is JobStatus.FINISHED
    assert done.finish_time is None
    assert sum(slept) >= 10


# versions ------------------------------------------------------------------------------------


def test_features_the_server_lacks_are_refused_or_adapted(
    manual_engine: FakeEngine, client_for: ClientFor
) -> None:
    client = client_for(manual_engine)
    job_id = client.submit(streaming_job()).job_id
    if manual_engine.profile == "2.3.8":
        # HOCON is converted here and sent as JSON, with a note saying why
        sent = client.submit(streaming_job("as-json"), fmt="hocon")
        assert "format" not in manual_engine.requests[-1].query
        assert sent.submission.fmt == "json"
        assert any("2.3.8, which has no format=hocon" in note for note in sent.notes)
        assert client.job_info(sent.job_id).job_name == "as-json"
        with pytest.raises(UnsupportedByServer, match="force"):
            client.stop(job_id, force=True)
        assert manual_engine.job(job_id) is not None
        assert not [r for r in manual_engine.requests if r.path == "/stop-job"]
    else:
        hocon = client.submit(streaming_job("as-hocon"), fmt="hocon")
        assert manual_engine.requests[-1].query["format"] == "hocon"
        assert manual_engine.requests[-1].headers["content-type"].startswith("text/plain")
        assert client.job_info(hocon.job_id).job_name == "as-hocon"
        assert client.stop(job_id, force=True) == job_id


# settings and TLS ----------------------------------------------------------------------------


def test_settings_precedence(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.stconfig]\nmaster = "http://from-pyproject:8080"\nuser = "py"\n'
    )
    nested = tmp_path / "jobs"
    nested.mkdir()
    from_file = resolve_settings(environ={}, start=nested)
    assert (from_file.master, from_file.user) == ("http://from-pyproject:8080", "py")
    env = {"STCONFIG_MASTER": "http://env:1/", "STCONFIG_USER": "u", "STCONFIG_PASSWORD": "p"}
    from_env = resolve_settings(environ=env, start=nested)
    assert (from_env.master, from_env.user, from_env.password) == ("http://env:1", "u", "p")
    flags = resolve_settings(master="https://flag:2", user="f", environ=env, start=nested)
    assert (flags.master, flags.user, flags.password) == ("https://flag:2", "f", "p")
    default = resolve_settings(environ={}, start=Path("/"))
    assert default.master == "http://127.0.0.1:8080"
    (nested / "pyproject.toml").write_text("[project]\nname = 'jobs'\n")
    assert resolve_settings(environ={}, start=nested).user == "py"


@pytest.mark.parametrize(
    ("pyproject", "kwargs", "message"),
    [
        ('[tool.stconfig]\npassword = "x"\n', {}, "password is refused"),
        ("[tool.stconfig]\nmaster = 8080\n", {}, "must be a string"),
        ("", {"master": "localhost:8080"}, "must start with http"),
        ("", {"password": "x"}, "without a user"),
        ('[tool]\nstconfig = "x"\n', {}, "must be a table"),
    ],
)
def test_bad_settings(tmp_path: Path, pyproject: str, kwargs: dict[str, str], message: str) -> None:
    (tmp_path / "pyproject.toml").write_text(pyproject)
    with pytest.raises(UsageError, match=message):
        resolve_settings(
            environ={}, start=tmp_path, master=kwargs.get("master"), password=kwargs.get("password")
        )


def test_tls_verification_is_on_unless_disabled() -> None:
    assert ssl_context(True).verify_mode is ssl.CERT_REQUIRED
    insecure = ssl_context(False)
    assert insecure.verify_mode is ssl.CERT_NONE and not insecure.check_hostname


def test_an_unusable_ca_bundle_is_a_usage_error(tmp_path: Path) -> None:
    bundle = tmp_path / "ca.pem"
    bundle.write_text("not a certificate")
    with pytest.raises(UsageError, match="not a usable CA bundle"):
        Client("https://127.0.0.1:8443", verify=str(bundle))


def test_overview_tags_filter_workers(manual_engine: FakeEngine, client_for: ClientFor) -> None:
    client = client_for(manual_engine)
    assert client.overview({"zone": "b"}).workers == 0
    assert client.overview().workers == 1


def test_a_port_that_does_not_speak_http() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]

        def answer_garbage() -> None:
            connection, _ = listener.accept()
            with connection:
                connection.recv(4096)
                connection.sendall(b"\x00\x01binary hazelcast protocol\r\n\r\n")

        thread = threading.Thread(target=answer_garbage)
        thread.start()
        with pytest.raises(UnexpectedResponse, match="did not answer in HTTP"):
            Client(f"http://127.0.0.1:{port}", timeout=2).overview()
        thread.join()


def test_a_malformed_page_is_unexpected(
    manual_engine: FakeEngine, client_for: ClientFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(manual_engine, "_page", lambda jobs, query: {"data": None, "total": 1})
    with pytest.raises(UnexpectedResponse, match="malformed"):
        client_for(manual_engine).running_jobs(page=1)


# a pre-release server ------------------------------------------------------------------------


@pytest.fixture
def snapshot_server() -> Iterator[Server]:
    """A server that says it is 2.3.9-SNAPSHOT (the 15431c9 tree) and accepts any submit."""

    def handle(request: Request, connection: socket.socket) -> None:
        if request.target.startswith("/overview"):
            answer({"projectVersion": "2.3.9-SNAPSHOT", "gitCommitAbbrev": "15431c9"})(
                request, connection
            )
        elif request.target.startswith("/submit-job"):
            answer({"jobId": "7", "jobName": "snap"})(request, connection)
        else:
            answer({"jobId": "7"})(request, connection)

    for start in serving():
        yield start(handle)


def test_a_pre_release_gets_json_instead_of_hocon(snapshot_server: Server, tmp_path: Path) -> None:
    # GIVEN a 2.3.9-SNAPSHOT server, older than 2.3.9 where format=hocon came
    job = tmp_path / "job.conf"
    job.write_text(
        'env { job.mode = "BATCH" }\n'
        'source { FakeSource { result_table_name = "t", schema { fields { id = bigint } } } }\n'
        'sink { Console { source_table_name = "t" } }\n'
    )
    # WHEN a job is submitted as HOCON
    result = run_cli(
        "submit", str(job), "--format", "hocon", "--no-lint", "--master", snapshot_server.url
    )
    # THEN it goes as JSON, and stderr says why
    assert result.exit_code == 0, result.output
    assert result.stdout == "7\n"
    assert (
        "note: the server runs SeaTunnel 2.3.9-SNAPSHOT, which has no format=hocon (it came in "
        "2.3.9): sending the job as JSON, converted here"
    ) in result.stderr
    (sent,) = [r for r in snapshot_server.requests if r.target.startswith("/submit-job")]
    assert "format" not in sent.target
    assert sent.headers["content-type"].startswith("application/json")
    assert json.loads(sent.body)["sink"] == [{"plugin_name": "Console", "source_table_name": "t"}]


def test_a_pre_release_lacks_what_its_release_added(snapshot_server: Server) -> None:
    client = Client(snapshot_server.url)
    assert str(client.server_version()) == "2.3.9-SNAPSHOT"
    assert not client.supports("format_hocon")
    assert not client.supports("plugin_output_keys")
    assert client.supports("rest_v2")
    with pytest.raises(UnsupportedByServer, match=r"2\.3\.9-SNAPSHOT, which has no force"):
        client.stop("7", force=True)
