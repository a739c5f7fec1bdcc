"""Every lifecycle command through click against the fake engine, exit codes included."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from stconfig.cli import submitting
from stconfig.client import (
    Client,
    JobAlreadyRunning,
    JobInfo,
    JobStatus,
    Submission,
    SubmittedJob,
)
from stconfig.lint.presubmit import LintTarget, choose_target
from stconfig.model.job import Job
from stconfig.testing import EngineMaster, FakeEngine
from tests.client.helpers import batch_job, streaming_job
from tests.conftest import run_cli

WriteJob = Callable[..., Path]
FAST = ("--poll-interval", "0.001")


@pytest.fixture(autouse=True)
def _no_ambient_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("STCONFIG_MASTER", "STCONFIG_USER", "STCONFIG_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


def cli(engine: FakeEngine, *args: str) -> Result:
    return run_cli(*args, "--master", engine.url)


def running_job(engine: FakeEngine, job: dict[str, Any] | None = None) -> str:
    client = Client(engine.url, sleep=lambda _: None)
    job_id = client.submit(job or streaming_job()).job_id
    client.wait(job_id, {JobStatus.RUNNING}, interval=0.001)
    return job_id


def state(engine: FakeEngine, job_id: str) -> JobStatus:
    return Client(engine.url).job_info(job_id).status


# submit --------------------------------------------------------------------------------------


def test_submit_prints_the_job_id(fake_engine: FakeEngine, write_job: WriteJob) -> None:
    result = cli(fake_engine, "submit", str(write_job(streaming_job())))
    assert result.exit_code == 0, result.stderr
    job_id = result.stdout.strip()
    assert fake_engine.job(job_id) is not None
    sent = fake_engine.requests[-1]
    assert sent.headers["content-type"].startswith("application/json")
    assert json.loads(sent.body) == streaming_job()


def test_submit_a_hocon_file_with_variables(fake_engine: FakeEngine, write_job: WriteJob) -> None:
    conf = write_job(
        'env { job.mode = "STREAMING", job.name = ${name} }\n'
        'source { FakeSource { plugin_output = "fake", schema { fields { id = bigint } } } }\n'
        'sink { Console { plugin_input = "fake" } }\n',
        "job.conf",
    )
    result = cli(fake_engine, "submit", str(conf), "--var", "name=nightly", "--output", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["jobName"] == "nightly"


@pytest.mark.parametrize(
    ("job", "final"), [(streaming_job(), "RUNNING"), (batch_job(), "FINISHED")]
)
def test_submit_wait(
    fake_engine: FakeEngine, write_job: WriteJob, job: dict[str, Any], final: str
) -> None:
    result = cli(fake_engine, "submit", str(write_job(job)), "--wait", *FAST)
    assert result.exit_code == 0, result.stderr
    assert f"is {final}" in result.stderr


def test_submit_wait_fails_when_the_job_fails(
    fake_engine_factory: Callable[..., FakeEngine],
    write_job: WriteJob,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = fake_engine_factory("latest", batch_ticks=50)
    path = str(write_job(batch_job()))
    original = engine.cluster.advance

    def advance_and_fail(ticks: int = 1) -> None:
        original(ticks)
        for job in list(engine.cluster.running.values()):
            if job.status is JobStatus.RUNNING:
                engine.cluster.fail(job.job_id, "disk full\n\tat Writer")

    monkeypatch.setattr(engine.cluster, "advance", advance_and_fail)
    result = cli(engine, "submit", path, "--wait", *FAST)
    assert result.exit_code == 1
    assert "is FAILED: disk full" in result.stderr


def test_bulk_submit_with_rate_and_progress(fake_engine: FakeEngine, write_job: WriteJob) -> None:
    paths = [str(write_job(streaming_job(f"job{i}"), f"job{i}.json")) for i in range(3)]
    result = cli(fake_engine, "submit", *paths, "--rate", "500")
    assert result.exit_code == 0, result.stderr
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert [path for _, path in lines] == paths
    assert "submitting" in result.stderr
    runs = [fake_engine.job(job_id) for job_id, _ in lines]
    assert {run.name for run in runs if run is not None} == {"job0", "job1", "job2"}


def test_bulk_submit_goes_on_after_a_refusal(fake_engine: FakeEngine, write_job: WriteJob) -> None:
    good = str(write_job(streaming_job(), "good.json"))
    no_env = str(write_job({"source": [], "sink": []}, "no_env.json"))
    result = cli(fake_engine, "submit", no_env, good, "--output", "json", "--no-lint")
    assert result.exit_code == 1
    assert "no_env.json" in result.stderr and "key 'env'" in result.stderr
    (sent,) = json.loads(result.stdout)
    assert sent["path"] == good


def test_bulk_submit_prints_what_was_sent_when_the_engine_goes_away(
    fake_engine: FakeEngine, write_job: WriteJob, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [str(write_job(streaming_job(), f"job{i}.json")) for i in range(3)]
    url = fake_engine.url
    send = Client.send

    def send_then_vanish(self: Client, submission: Submission) -> SubmittedJob:
        sent = send(self, submission)
        fake_engine.stop()
        return sent

    monkeypatch.setattr(Client, "send", send_then_vanish)
    result = run_cli("submit", *paths, "--master", url)
    assert result.exit_code == 2
    (line,) = result.stdout.splitlines()
    assert line.split("\t")[1] == paths[0]
    assert "cannot reach" in result.stderr


def test_a_bad_file_sends_nothing(fake_engine: FakeEngine, write_job: WriteJob) -> None:
    good = str(write_job(streaming_job(), "good.json"))
    broken = str(write_job('env { job.mode = "BATCH"\n', "broken.conf"))
    result = cli(fake_engine, "submit", good, broken)
    assert result.exit_code == 2
    assert "broken.conf:" in result.stderr
    assert fake_engine.requests == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["a.json", "b.json", "--job-id", "1"], "one job file"),
        (["job.py"], "job.py: defines no job"),
        (["job.json", "--job-id", "x"], "Java long"),
    ],
)
def test_submit_usage_errors(
    fake_engine: FakeEngine, write_job: WriteJob, args: list[str], message: str
) -> None:
    for name in ("a.json", "b.json", "job.json", "job.py"):
        write_job(streaming_job(), name)
    folder = write_job(streaming_job()).parent
    resolved = [str(folder / arg) if arg.endswith((".json", ".py")) else arg for arg in args]
    result = cli(fake_engine, "submit", *resolved)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_cookbook_env_restore_through_submit_is_a_real_restore(
    fake_master: FakeEngine, write_job: WriteJob
) -> None:
    """The cookbook's recipe 6.1/6.2 reaches the server as query parameters, not a new job."""
    job_id = running_job(fake_master)
    assert cli(fake_master, "stop", job_id, "--savepoint", "--wait", *FAST).exit_code == 0
    recipe = streaming_job(
        env={
            "job.id": job_id,
            "restore.mode": "savepoint",
            "savepoint.path": f"/seatunnel/checkpoint/savepoint/{job_id}/1717000000",
        }
    )
    result = cli(fake_master, "submit", str(write_job(recipe)), "--wait", *FAST)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == job_id
    assert "not SeaTunnel options" in result.stderr
    (sent,) = [r for r in fake_master.requests if r.path == "/submit-job"][-1:]
    assert sent.query == {"jobId": job_id, "isStartWithSavePoint": "true"}
    body_env = json.loads(sent.body)["env"]
    assert not {"job.id", "restore.mode", "savepoint.path"} & set(body_env)
    info = Client(fake_master.url).job_info(job_id)
    assert info.status is JobStatus.RUNNING and info.is_start_with_savepoint is True
    run = fake_master.job(job_id)
    assert run is not None and run.resumed_from is not None


# restore -------------------------------------------------------------------------------------


def test_restore_after_a_savepoint(fake_master: FakeEngine, write_job: WriteJob) -> None:
    job_id = running_job(fake_master)
    assert cli(fake_master, "stop", job_id, "--savepoint", "--wait", *FAST).exit_code == 0
    result = cli(fake_master, "restore", job_id, str(write_job(streaming_job())), "--wait", *FAST)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == job_id
    assert "restoring from its savepoint" in result.stderr
    (sent,) = [r for r in fake_master.requests if r.path == "/submit-job"][-1:]
    assert sent.query == {"jobId": job_id, "isStartWithSavePoint": "true"}


def test_restore_refuses_an_active_job(fake_engine: FakeEngine, write_job: WriteJob) -> None:
    job_id = running_job(fake_engine)
    result = cli(fake_engine, "restore", job_id, str(write_job(streaming_job())))
    assert result.exit_code == 1
    assert f"stconfig stop {job_id} --savepoint" in result.stderr
    assert not [r for r in fake_engine.requests if r.path == "/submit-job" and r.query]


def test_restore_refuses_a_canceled_job(fake_master: FakeEngine, write_job: WriteJob) -> None:
    job_id = running_job(fake_master)
    assert cli(fake_master, "stop", job_id, "--wait", *FAST).exit_code == 0
    result = cli(fake_master, "restore", job_id, str(write_job(streaming_job())))
    assert result.exit_code == 1
    assert "deleted its checkpoints" in result.stderr


def test_restore_of_a_forgotten_job_per_profile(
    fake_master: FakeEngine, write_job: WriteJob
) -> None:
    result = cli(fake_master, "restore", "733584788375093248", str(write_job(streaming_job())))
    assert "not in the engine's history" in result.stderr
    if fake_master.profile == "latest":
        assert result.exit_code == 1
        assert "No checkpoint found" in result.stderr
    else:
        assert result.exit_code == 0
        assert result.stdout.strip() == "733584788375093248"


def test_restore_with_a_conflicting_env_job_id(
    fake_engine: FakeEngine, write_job: WriteJob
) -> None:
    path = write_job(streaming_job(env={"job.id": "5"}))
    result = cli(fake_engine, "restore", "6", str(path))
    assert result.exit_code == 2
    assert "conflicting job ids" in result.stderr


# stop ----------------------------------------------------------------------------------------


def test_stop_without_savepoint_warns_then_cancels(fake_master: FakeEngine) -> None:
    job_id = running_job(fake_master)
    result = cli(fake_master, "stop", job_id, "--wait", *FAST)
    assert result.exit_code == 0, result.stderr
    assert "CANCELS it" in result.stderr and "deletes its checkpoints" in result.stderr
    assert f"job {job_id} is CANCELED" in result.stderr
    assert fake_master.stored_state(job_id) is None


def test_stop_with_savepoint_output_json(fake_master: FakeEngine) -> None:
    job_id = running_job(fake_master)
    result = cli(fake_master, "stop", job_id, "--savepoint", "--wait", *FAST, "--output", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "jobId": job_id,
        "requested": "savepoint",
        "status": "SAVEPOINT_DONE",
    }


def test_stop_force_per_profile(fake_master: FakeEngine) -> None:
    job_id = running_job(fake_master)
    result = cli(fake_master, "stop", job_id, "--force", "--savepoint", "--wait", *FAST)
    if fake_master.profile == "latest":
        assert result.exit_code == 0, result.stderr
        assert "--force wins over --savepoint" in result.stderr
        assert "is CANCELED" in result.stderr
    else:
        assert result.exit_code == 2
        assert "which has no force on stop-job" in result.stderr
        assert state(fake_master, job_id) is JobStatus.RUNNING


def test_stop_refusals(fake_engine: FakeEngine) -> None:
    unknown = cli(fake_engine, "stop", "733584788375093248")
    assert unknown.exit_code == 1 and "unknown or expired job" in unknown.stderr
    job_id = running_job(fake_engine)
    assert cli(fake_engine, "stop", job_id, "--wait", *FAST).exit_code == 0
    again = cli(fake_engine, "stop", job_id)
    assert again.exit_code == 1 and "already ended CANCELED" in again.stderr


def test_savepoint_needs_a_running_job(
    fake_engine_factory: Callable[..., FakeEngine],
) -> None:
    engine = fake_engine_factory("latest", auto_advance=False)
    job_id = Client(engine.url).submit(streaming_job()).job_id
    result = cli(engine, "stop", job_id, "--savepoint")
    assert result.exit_code == 1
    assert "is PENDING: a savepoint needs a RUNNING job" in result.stderr


# status, jobs, logs --------------------------------------------------------------------------


def test_status_text_and_json(fake_master: FakeEngine) -> None:
    job_id = running_job(fake_master)
    fake_master.advance(3)
    text = cli(fake_master, "status", job_id)
    assert text.exit_code == 0
    assert "state      RUNNING" in text.stdout
    assert "source     " in text.stdout and "rows/s" in text.stdout
    assert "  out fake: " in text.stdout
    data = json.loads(cli(fake_master, "status", job_id, "--output", "json").stdout)
    assert data["job_id"] == job_id and data["status"] == "RUNNING"
    assert isinstance(data["metrics"]["sink_write_count"], int)
    assert data["terminal"] is False


SECRET_ENV = {
    "fs.s3a.secret.key": "s3-Secret-Value-42",
    "checkpoint.storage.password": "hunter2hunter2",
    "hive.url": "jdbc:hive2://app:Url-Pass-99@db:10000/x",
}


def test_status_and_jobs_json_mask_the_secrets_the_engine_echoes(
    fake_master: FakeEngine,
) -> None:
    # GIVEN a running job whose env holds secrets, which the engine sends back as envOptions
    job_id = running_job(fake_master, streaming_job(env=SECRET_ENV))
    for args in (["status", job_id], ["jobs"]):
        # WHEN its status or the job list is printed as JSON
        result = cli(fake_master, *args, "--output", "json")
        assert result.exit_code == 0, result.stderr
        # THEN no secret is printed, every other env option is, and secret keys stay
        for value in ("s3-Secret-Value-42", "hunter2hunter2", "Url-Pass-99"):
            assert value not in result.stdout
        data = json.loads(result.stdout)
        info = data if args[0] == "status" else data["jobs"][0]
        env = info["env_options"]
        assert env["fs.s3a.secret.key"] == env["checkpoint.storage.password"] == "******"
        assert env["hive.url"] == "jdbc:hive2://app:******@db:10000/x"
        assert env["job.name"] == "orders" and env["job.mode"] == "STREAMING"


def test_a_failed_jobs_error_is_masked_in_status(fake_master: FakeEngine) -> None:
    # GIVEN a job the engine failed with a message holding a JDBC URL with its password
    job_id = running_job(fake_master)
    fake_master.fail_job(
        job_id, "java.sql.SQLException: jdbc:mysql://app:Pass-In-Error-7@db/x refused"
    )
    for output in ("text", "json"):
        # WHEN its status is printed
        result = cli(fake_master, "status", job_id, "--output", output)
        # THEN the password is masked and the rest of the message stays
        assert result.exit_code == 0, result.stderr
        assert "Pass-In-Error-7" not in result.stdout
        assert "jdbc:mysql://app:******@db/x refused" in result.stdout


def test_status_of_an_unknown_job(fake_engine: FakeEngine) -> None:
    result = cli(fake_engine, "status", "42")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "error: unknown or expired job 42: never submitted here, or its history expired "
        "(history-job-expire-minutes, 1440 by default)"
    )


def test_jobs_running_and_finished(fake_master: FakeEngine) -> None:
    alive = running_job(fake_master)
    stopped = running_job(fake_master)
    cli(fake_master, "stop", stopped, "--wait", *FAST)
    running = cli(fake_master, "jobs")
    assert running.exit_code == 0
    assert running.stdout.splitlines()[0].split() == [
        "JOB",
        "ID",
        "STATE",
        "CREATED",
        "FINISHED",
        "NAME",
    ]
    assert alive in running.stdout and stopped not in running.stdout
    finished = cli(fake_master, "jobs", "--finished", "canceled", "--output", "json")
    data = json.loads(finished.stdout)
    assert [job["job_id"] for job in data["jobs"]] == [stopped]
    assert (
        json.loads(cli(fake_master, "jobs", "--finished", "FAILED", "--output", "json").stdout)[
            "jobs"
        ]
        == []
    )
    assert stopped in cli(fake_master, "jobs", "--finished").stdout


def test_jobs_pages_on_every_version(fake_master: FakeEngine) -> None:
    for _ in range(3):
        running_job(fake_master)
    result = cli(fake_master, "jobs", "--running", "--page", "2", "--rows", "2", "--output", "json")
    data = json.loads(result.stdout)
    assert (len(data["jobs"]), data["total"], data["page"], data["rows"]) == (1, 3, 2, 2)
    text = cli(fake_master, "jobs", "--page", "1", "--rows", "2")
    assert "page 1, 2 of 3 jobs" in text.stderr


def test_jobs_usage(fake_engine: FakeEngine) -> None:
    both = cli(fake_engine, "jobs", "--running", "--finished")
    assert both.exit_code == 2 and "not both" in both.stderr
    bad_state = cli(fake_engine, "jobs", "--finished", "RUNNING")
    assert bad_state.exit_code == 2 and "not a final job state" in bad_state.stderr


def test_logs_list_and_print(fake_engine: FakeEngine) -> None:
    job_id = running_job(fake_engine)
    listing = cli(fake_engine, "logs", job_id)
    assert listing.exit_code == 0
    assert listing.stdout.startswith(f"job-{job_id}.log\t127.0.0.1:")
    content = cli(fake_engine, "logs", job_id, "--file", f"job-{job_id}.log")
    assert content.exit_code == 0 and "submitted" in content.stdout
    as_json = json.loads(cli(fake_engine, "logs", job_id, "--output", "json").stdout)
    assert as_json[0]["logName"] == f"job-{job_id}.log"


def test_logs_errors(fake_engine: FakeEngine) -> None:
    job_id = running_job(fake_engine)
    # a missing file is exit 1, as --help says, whatever its name
    for name in ("job-1.log", "nosuch.log"):
        other = cli(fake_engine, "logs", job_id, "--file", name)
        assert other.exit_code == 1, other.output
        (line,) = other.stderr.splitlines()
        assert "no log file" in line and f"`stconfig logs {job_id}`" in line
    not_a_name = cli(fake_engine, "logs", job_id, "--file", "../etc/passwd")
    assert not_a_name.exit_code == 2
    fake_engine.cluster.logs.clear()
    missing = cli(fake_engine, "logs", job_id, "--file", f"job-{job_id}.log")
    assert missing.exit_code == 1 and "no log file" in missing.stderr
    empty = cli(fake_engine, "logs", job_id)
    assert empty.exit_code == 0 and "routing appender" in empty.stderr


# connection problems and help ----------------------------------------------------------------


def test_connection_refused_is_exit_2_in_one_line() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_cli("status", "1", "--master", f"http://127.0.0.1:{port}")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "enable-http: true" in line


def test_auth_from_the_environment(
    fake_engine_factory: Callable[..., FakeEngine], monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = fake_engine_factory("latest", auth=("ops", "pw"))
    refused = run_cli("jobs", "--master", engine.url)
    assert refused.exit_code == 2 and "pass --user/--password" in refused.stderr
    monkeypatch.setenv("STCONFIG_MASTER", engine.url)
    monkeypatch.setenv("STCONFIG_USER", "ops")
    monkeypatch.setenv("STCONFIG_PASSWORD", "pw")
    assert run_cli("jobs").exit_code == 0


def test_wrong_context_path_is_exit_2(fake_engine: FakeEngine) -> None:
    result = run_cli("jobs", "--master", fake_engine.url + "/seatunnel")
    assert result.exit_code == 2 and "404" in result.stderr


def test_verbose_shows_the_whole_server_message(
    fake_engine: FakeEngine, write_job: WriteJob
) -> None:
    path = str(write_job(batch_job()))
    job_id = cli(fake_engine, "submit", path, "--wait", *FAST).stdout.strip()
    short = cli(fake_engine, "submit", path, "--job-id", job_id)
    assert short.exit_code == 1
    assert "Caused by" not in short.stderr and "--verbose" in short.stderr
    full = cli(fake_engine, "submit", path, "--job-id", job_id, "--verbose")
    assert full.exit_code == 1 and "Caused by" in full.stderr


@pytest.mark.parametrize("command", ["submit", "restore", "stop", "status", "jobs", "logs"])
def test_help_documents_the_exit_codes(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Exit codes: 0" in text and ", 1 " in text and ", 2 " in text


def test_credentials_for_a_server_without_basic_auth(fake_master: FakeEngine) -> None:
    result = cli(fake_master, "jobs", "--user", "ops", "--password", "pw")
    assert result.exit_code == 0
    noted = "which has no basic authentication" in result.stderr
    assert noted is (fake_master.profile == "2.3.8")


def test_a_hanging_savepoint_points_to_force(fake_engine: FakeEngine) -> None:
    job_id = running_job(fake_engine)
    fake_engine.hang_savepoint(job_id)
    result = cli(
        fake_engine, "stop", job_id, "--savepoint", "--wait", *FAST, "--wait-timeout", "0.05"
    )
    assert result.exit_code == 1
    assert "last state DOING_SAVEPOINT" in result.stderr
    assert f"stconfig stop {job_id} --force" in result.stderr


def test_submit_from_standard_input(fake_engine: FakeEngine) -> None:
    text = (
        'env { job.mode = "BATCH" }\n'
        "source { FakeSource { schema { fields { id = bigint } } } }\n"
        "sink { Console {} }\n"
    )
    result = run_cli("submit", "-", "--master", fake_engine.url, input=text)
    assert result.exit_code == 0, result.stderr
    assert fake_engine.job(result.stdout.strip()) is not None


def test_the_pre_submit_check_seam_stops_everything(
    fake_engine: FakeEngine, write_job: WriteJob, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def refuse_second(job: Job, path: str, target: LintTarget) -> bool:
        seen.append(path)
        versions.append(target.version)
        return len(seen) < 2

    versions: list[str | None] = []
    monkeypatch.setattr(submitting, "PRE_SUBMIT_CHECK", refuse_second)
    paths = [str(write_job(streaming_job(), f"job{i}.json")) for i in range(3)]
    result = cli(fake_engine, "submit", *paths)
    assert result.exit_code == 1
    assert seen == paths  # every job is checked, so every finding is shown
    # only the server's version was asked, nothing was sent
    assert {r.path for r in fake_engine.requests} == {"/overview"}
    restore = cli(fake_engine, "restore", "1", paths[2])
    assert restore.exit_code == 1
    assert seen[-1] == paths[2]
    assert {r.path for r in fake_engine.requests} == {"/overview"}
    assert None not in versions


def test_cookbook_recipe_through_submit_gets_the_restore_checks(
    fake_engine: FakeEngine, write_job: WriteJob
) -> None:
    active = running_job(fake_engine)
    recipe = str(write_job(streaming_job(env={"job.id": active}), "recipe.json"))
    plain = str(write_job(streaming_job(), "plain.json"))
    result = cli(fake_engine, "submit", recipe, plain)
    assert result.exit_code == 1
    assert f"job {active} is RUNNING: stop it first" in result.stderr
    (line,) = result.stdout.splitlines()
    assert line.endswith(plain)
    restores = [r for r in fake_engine.requests if r.query.get("isStartWithSavePoint")]
    assert restores == []


def test_the_whole_lifecycle_through_the_cli(fake_master: FakeEngine, write_job: WriteJob) -> None:
    path = str(write_job(streaming_job("walk")))
    submitted = cli(fake_master, "submit", path, "--wait", *FAST)
    assert submitted.exit_code == 0, submitted.stderr
    job_id = submitted.stdout.strip()
    assert "is RUNNING" in submitted.stderr

    paused = cli(fake_master, "stop", job_id, "--savepoint", "--wait", *FAST)
    assert paused.exit_code == 0 and "is SAVEPOINT_DONE" in paused.stderr

    resumed = cli(fake_master, "restore", job_id, path, "--wait", *FAST)
    assert resumed.exit_code == 0 and resumed.stdout.strip() == job_id
    assert "restored   yes" in cli(fake_master, "status", job_id).stdout

    canceled = cli(fake_master, "stop", job_id, "--wait", *FAST)
    assert canceled.exit_code == 0 and "is CANCELED" in canceled.stderr

    refused = cli(fake_master, "restore", job_id, path)
    assert refused.exit_code == 1 and "nothing to restore" in refused.stderr
    finished = json.loads(cli(fake_master, "jobs", "--finished", "--output", "json").stdout)
    assert [(job["job_id"], job["status"]) for job in finished["jobs"]] == [(job_id, "CANCELED")]


def test_lint_errors_stop_the_submit_before_anything_is_sent(
    fake_engine: FakeEngine, write_job: WriteJob
) -> None:
    good = str(write_job(streaming_job(), "good.json"))
    no_env = str(write_job({"source": [], "sink": []}, "no_env.json"))
    result = cli(fake_engine, "submit", good, no_env)
    assert result.exit_code == 1
    assert "no_env.json" in result.stderr and "ST101" in result.stderr
    assert result.stdout == ""
    assert not [r for r in fake_engine.requests if r.path.startswith("/submit-job")]


def test_submit_a_dsl_file_sends_the_job_it_builds(fake_engine: FakeEngine) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "dsl" / "fake_to_console.py"
    result = cli(fake_engine, "submit", str(example), "--output", "json")
    assert result.exit_code == 0, result.stderr
    sent = [r for r in fake_engine.requests if r.path.startswith("/submit-job")]
    assert len(sent) == 1
    assert json.loads(sent[0].body) == json.loads(example.with_suffix(".json").read_text())
    assert json.loads(result.stdout)["path"] == str(example)


# issue 11: the client made true to the real v2 engine ----------------------------------------


def _client(engine: EngineMaster) -> Client:
    user, password = engine.credentials or (None, None)
    return Client(engine.url, user=user, password=password)


def _master(engine: EngineMaster) -> list[str]:
    args = ["--master", engine.url]
    if engine.credentials is not None:
        args += ["--user", engine.credentials[0], "--password", engine.credentials[1]]
    return args


def test_a_submit_under_the_id_of_a_running_job_is_never_a_silent_success(
    engine_master: EngineMaster, write_job: WriteJob
) -> None:
    # GIVEN a running job
    client = _client(engine_master)
    job_id = client.submit(streaming_job("first")).job_id
    client.wait(job_id, {JobStatus.RUNNING}, timeout=60, interval=0.01, max_interval=0.5)
    sent_before = _posts(engine_master)
    try:
        # WHEN a new config is submitted under its id THEN it is refused before sending
        path = str(write_job(streaming_job("second")))
        result = run_cli("submit", path, "--job-id", job_id, *_master(engine_master))
        assert result.exit_code == 1, result.output
        assert result.stdout == ""
        line = result.stderr.splitlines()[-1]
        assert f"job {job_id} is RUNNING: the engine ignores a submit" in line
        assert f"stconfig stop {job_id} --savepoint" in line
        assert f"stconfig restore {job_id} PATH" in line
        # AND the Python API raises the typed error
        with pytest.raises(JobAlreadyRunning) as caught:
            client.submit(streaming_job("second"), job_id=job_id)
        assert (caught.value.job_id, caught.value.status, caught.value.exit_code) == (
            job_id,
            "RUNNING",
            1,
        )
        assert _posts(engine_master) == sent_before
        assert client.job_info(job_id).job_name == "first"
    finally:
        client.stop(job_id)


def _posts(engine: EngineMaster) -> int | None:
    """How many submits a fake received (a real engine does not tell)."""
    requests = getattr(engine, "requests", None)
    if requests is None:
        return None
    return sum(1 for r in requests if r.path == "/submit-job")


def test_an_ended_job_shows_its_env_options(engine_master: EngineMaster) -> None:
    client = _client(engine_master)
    job = batch_job("env-kept")
    job_id = client.submit(job).job_id
    client.wait(job_id, {JobStatus.FINISHED}, timeout=60, interval=0.01, max_interval=0.5)
    result = run_cli("status", job_id, "--output", "json", *_master(engine_master))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["terminal"] is True
    if engine_master.profile == "2.3.8":
        # 2.3.8's v1 job-info of an ended job has no env anywhere (its DAG is the history's)
        assert data["env_options"] is None
    else:
        assert data["env_options"]["job.mode"] == "BATCH"
        assert data["env_options"]["job.name"] == "env-kept"


def test_env_options_come_from_the_dag_when_the_top_level_has_none() -> None:
    # the shape of an ended job's job-info on 15431c9 (BaseServlet.getJobInfoJson)
    info = JobInfo.model_validate(
        {
            "jobId": "1",
            "jobName": "x",
            "jobStatus": "FINISHED",
            "jobDag": {"jobId": "1", "envOptions": {"job.mode": "BATCH", "parallelism": 2}},
        }
    )
    assert info.env_options == {"job.mode": "BATCH", "parallelism": 2}
    running = JobInfo.model_validate(
        {
            "jobId": "1",
            "jobName": "x",
            "jobStatus": "RUNNING",
            "envOptions": {"job.mode": "STREAMING"},
            "jobDag": {"envOptions": {"job.mode": "BATCH"}},
        }
    )
    assert running.env_options == {"job.mode": "STREAMING"}


NEW_KEYS_JOB = {
    "env": {"job.mode": "BATCH"},
    "source": [
        {
            "plugin_name": "FakeSource",
            "plugin_output": "fake",
            "schema": {"fields": {"id": "bigint"}},
        }
    ],
    "sink": [{"plugin_name": "Console", "plugin_input": "fake"}],
}


def test_the_lint_before_a_submit_uses_the_servers_version(
    fake_engine_factory: Callable[..., FakeEngine], write_job: WriteJob
) -> None:
    # GIVEN a 2.3.8 server and a job written with 2.3.9's table keys
    engine = fake_engine_factory("2.3.8")
    path = str(write_job(NEW_KEYS_JOB))
    # WHEN it is submitted THEN the lint checks it as 2.3.8 (not as the keys suggest) and says so
    result = cli(engine, "submit", path)
    assert result.exit_code == 1, result.output
    assert "ST402" in result.stderr
    assert "note: linting for SeaTunnel 2.3.8, the server's version" in result.stderr
    assert _posts(engine) == 0
    # AND with --no-lint a warning still says the server will refuse the keys
    unlinted = cli(engine, "submit", path, "--no-lint")
    assert "warning: " in unlinted.stderr
    assert "2.3.8, which does not read plugin_input / plugin_output" in unlinted.stderr
    assert "is not configured with 'result_table_name' option" in unlinted.stderr


def test_a_configured_target_that_differs_from_the_server_is_a_warning(
    fake_engine_factory: Callable[..., FakeEngine],
    write_job: WriteJob,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = fake_engine_factory("2.3.8")
    path = str(write_job(streaming_job()))
    flag = cli(engine, "submit", path, "--target-version", "2.3.12")
    assert flag.exit_code == 0, flag.output
    assert (
        "warning: --target-version 2.3.12 differs from the server's version 2.3.8; "
        "checking for the server's"
    ) in flag.stderr
    (tmp_path / "pyproject.toml").write_text('[tool.stconfig]\ntarget-version = "2.3.10"\n')
    monkeypatch.chdir(tmp_path)
    configured = cli(engine, "submit", path)
    assert configured.exit_code == 0, configured.output
    assert "[tool.stconfig] target-version 2.3.10 differs" in configured.stderr
    same = cli(engine, "submit", path, "--target-version", "2.3.8")
    assert "warning" not in same.stderr


@pytest.mark.parametrize(
    ("server", "linted", "note"),
    [
        ("2.3.9-SNAPSHOT", "2.3.9-SNAPSHOT", "the server's version"),
        ("2.3.9", "2.3.9", "the server's version"),
        ("3.1.0", "2.3.12", "the server runs 3.1.0"),
        ("2.2.0", "2.3.0", "the server runs 2.2.0"),
    ],
)
def test_choose_target_orders_pre_releases_before_their_release(
    server: str, linted: str, note: str
) -> None:
    target = choose_target(server, None)
    assert target.version == linted
    assert note in target.note and target.warning is None


def test_choose_target_without_a_readable_server_version() -> None:
    assert choose_target("dev-build", "2.3.10").version == "2.3.10"
    assert "not one stconfig can read" in choose_target("dev-build", "2.3.10").note
    assert choose_target(None, None).version is None


def test_a_submit_of_several_files_lints_them_all_and_says_nothing_was_sent(
    fake_engine: FakeEngine, write_job: WriteJob
) -> None:
    first = str(write_job({"source": [], "sink": []}, "first.json"))
    good = str(write_job(streaming_job(), "good.json"))
    second = str(write_job({"source": [], "sink": []}, "second.json"))
    result = cli(fake_engine, "submit", first, good, second)
    assert result.exit_code == 1
    assert "first.json" in result.stderr and "second.json" in result.stderr
    assert "nothing submitted: lint errors in 2 of 3 jobs" in result.stderr
    assert "--no-lint" in result.stderr
    assert not [r for r in fake_engine.requests if r.path.startswith("/submit-job")]
