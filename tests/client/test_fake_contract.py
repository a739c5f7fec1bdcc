"""Contract tests: the fake engine answers as rest-api-v2.md says the engine does.

One test (or one parametrised case) per row of the reference's error and type tables, at the
wire level, so the fake cannot drift into agreeing with our own client.
"""

from __future__ import annotations

import base64
import http.client
import json
from collections.abc import Callable
from typing import Any

import pytest

from stconfig.testing import FakeEngine
from stconfig.testing.fake_cluster import PROFILES
from tests.client.helpers import batch_job, raw, streaming_job


@pytest.fixture(params=PROFILES)
def profile(request: pytest.FixtureRequest) -> str:
    """Every profile, "2.3.9-snapshot" included (the client tests cover the other two)."""
    value: str = request.param
    return value


@pytest.fixture
def manual_engine(fake_engine_factory: Callable[..., FakeEngine], profile: str) -> FakeEngine:
    """A fake whose clock moves only through `advance`, one tick per state step in every
    profile, so tick counts mean the same; the 15431c9 timing has tests of its own."""
    return fake_engine_factory(profile, auto_advance=False, schedule_ticks=1, stop_ticks=1)


def submit(engine: FakeEngine, job: dict[str, Any] | None = None, **query: str) -> str:
    answer = raw(engine, "POST", "/submit-job", json.dumps(job or streaming_job()), query=query)
    assert answer.status == 200, answer.text
    job_id: str = answer.json()["jobId"]
    return job_id


def info(engine: FakeEngine, job_id: str) -> dict[str, Any]:
    data: dict[str, Any] = raw(engine, "GET", f"/job-info/{job_id}").json()
    return data


def fail(answer: Any, status: int, fragment: str) -> None:
    """The error envelope, matched by substring as clients must."""
    assert answer.status == status
    assert answer.headers["content-type"].startswith("application/json")
    envelope = answer.json()
    assert envelope["status"] == "fail"
    assert fragment in envelope["message"]


# transport -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/no-such-endpoint", 404),
        ("GET", "/hazelcast/rest/maps/running-jobs", 404),
        ("GET", "/submit-job", 405),
        ("POST", "/overview", 405),
        ("POST", "/job-info/1", 405),
    ],
)
def test_routing_errors_are_jetty_html_pages(
    manual_engine: FakeEngine, method: str, path: str, status: int
) -> None:
    answer = raw(manual_engine, method, path, "{}" if method == "POST" else None)
    assert answer.status == status
    assert answer.headers["content-type"].startswith("text/html")
    assert "<html>" in answer.text


def test_servlet_prefix_matching(manual_engine: FakeEngine) -> None:
    answer = raw(manual_engine, "POST", "/submit-job/", json.dumps(streaming_job()))
    assert answer.status == 200
    assert raw(manual_engine, "GET", f"/running-job/{answer.json()['jobId']}").status == 200


def test_context_path_moves_every_endpoint(
    fake_engine_factory: Callable[..., FakeEngine],
) -> None:
    engine = fake_engine_factory("latest", context_path="/seatunnel")
    assert engine.url.endswith("/seatunnel")
    assert raw(engine, "GET", "/overview").status == 200
    assert raw(engine, "GET", "/overview", in_context=False).status == 404


def _basic(user: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer admin"},
        _basic("admin", "wrong"),
        _basic("Admin", "pa:ss"),
        {"Authorization": "Basic !!!"},
    ],
    ids=["missing", "bearer", "wrong-password", "user-case", "garbage"],
)
@pytest.mark.parametrize("path", ["/overview", "/", "/running-jobs"])
def test_basic_auth_refuses_with_401_and_the_realm(
    fake_engine_factory: Callable[..., FakeEngine], headers: dict[str, str], path: str
) -> None:
    engine = fake_engine_factory("latest", auth=("admin", "pa:ss"))
    answer = raw(engine, "GET", path, headers=headers)
    assert answer.status == 401
    assert answer.headers["www-authenticate"] == 'Basic realm="SeaTunnel Web UI"'
    assert not answer.headers["content-type"].startswith("application/json")


def test_basic_auth_password_may_hold_a_colon(
    fake_engine_factory: Callable[..., FakeEngine],
) -> None:
    engine = fake_engine_factory("latest", auth=("admin", "pa:ss"))
    assert raw(engine, "GET", "/overview", headers=_basic("admin", "pa:ss")).status == 200


def test_profile_2_3_8_has_no_basic_auth() -> None:
    with pytest.raises(ValueError, match=r"2\.3\.11"):
        FakeEngine("2.3.8", auth=("admin", "admin"))


def test_content_type_is_ignored_except_the_form_pitfall(manual_engine: FakeEngine) -> None:
    body = json.dumps(streaming_job())
    as_text = raw(manual_engine, "POST", "/submit-job", body, {"Content-Type": "text/plain"})
    assert as_text.status == 200
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    answer = raw(manual_engine, "POST", "/submit-job", body, form)
    if manual_engine.profile == "2.3.9-snapshot":
        fail(answer, 500, "STREAMED")  # seen on the real 15431c9 engine
    else:
        fail(answer, 400, "Request body is empty.")


# submit-job ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "query", "status", "fragment"),
    [
        ("", {}, 400, "Request body is empty."),
        ("{not json", {}, 400, "Invalid JSON format in request body."),
        (None, {"isStartWithSavePoint": "true"}, 400, "Please provide jobId when start with"),
        (None, {"jobId": "abc"}, 400, 'For input string: "abc"'),
        (None, {"jobId": "99999999999999999999"}, 400, "For input string"),
        ('{"source": [], "sink": []}', {}, 500, "No configuration setting found for key 'env'"),
    ],
    ids=["empty", "bad-json", "savepoint-without-id", "non-numeric-id", "id-overflow", "no-env"],
)
def test_submit_job_errors(
    manual_engine: FakeEngine, body: str | None, query: dict[str, str], status: int, fragment: str
) -> None:
    text = json.dumps(streaming_job()) if body is None else body
    fail(raw(manual_engine, "POST", "/submit-job", text, query=query), status, fragment)


def test_dry_run_is_refused_on_latest_and_ignored_on_2_3_8(manual_engine: FakeEngine) -> None:
    answer = raw(
        manual_engine, "POST", "/submit-job", json.dumps(streaming_job()), query={"dryRun": "1"}
    )
    if manual_engine.profile == "latest":
        fail(answer, 400, "Dry-run is only supported via CLI")
    else:
        assert answer.status == 200


def test_hocon_body_needs_format_and_a_recent_server(manual_engine: FakeEngine) -> None:
    text = 'env { job.mode = "STREAMING" }\n'
    text += 'source { FakeSource { plugin_output = "fake", schema { fields { id = int } } } }\n'
    text += 'sink { Console { plugin_input = "fake" } }\n'
    answer = raw(manual_engine, "POST", "/submit-job", text, query={"format": "hocon"})
    if manual_engine.profile == "latest":
        assert answer.status == 200
        assert info(manual_engine, answer.json()["jobId"])["envOptions"]["job.mode"] == "STREAMING"
    else:
        fail(answer, 400, "Invalid JSON format in request body.")


def test_unparsable_hocon_is_a_500(fake_engine_factory: Callable[..., FakeEngine]) -> None:
    engine = fake_engine_factory("latest", auto_advance=False)
    answer = raw(engine, "POST", "/submit-job", "env { job.mode = ", query={"format": "hocon"})
    fail(answer, 500, "HOCON")


def test_unknown_format_falls_back_to_json(manual_engine: FakeEngine) -> None:
    submit(manual_engine, format="yaml")


def test_submit_answers_string_ids_and_the_job_is_pending(manual_engine: FakeEngine) -> None:
    answer = raw(manual_engine, "POST", "/submit-job", json.dumps(streaming_job()))
    data = answer.json()
    assert data == {"jobId": data["jobId"], "jobName": "orders"}
    assert isinstance(data["jobId"], str) and len(data["jobId"]) == 18
    assert info(manual_engine, data["jobId"])["jobStatus"] == "PENDING"


@pytest.mark.parametrize(
    ("query", "env_name", "expected"),
    [({"jobName": "from-query"}, "from-env", "from-query"), ({}, "from-env", "from-env")],
)
def test_job_name_resolution(
    manual_engine: FakeEngine, query: dict[str, str], env_name: str, expected: str
) -> None:
    answer = raw(
        manual_engine, "POST", "/submit-job", json.dumps(streaming_job(env_name)), query=query
    )
    assert answer.json()["jobName"] == expected


def test_job_name_defaults_to_seatunnel_job(manual_engine: FakeEngine) -> None:
    job = streaming_job()
    del job["env"]["job.name"]
    answer = raw(manual_engine, "POST", "/submit-job", json.dumps(job))
    assert answer.json()["jobName"] == "SeaTunnel_Job"


def test_active_duplicate_id_is_a_silent_no_op(manual_engine: FakeEngine) -> None:
    job_id = submit(manual_engine, jobId="123456789012345678")
    answer = raw(
        manual_engine,
        "POST",
        "/submit-job",
        json.dumps(streaming_job("other")),
        query={"jobId": job_id},
    )
    assert answer.status == 200
    assert answer.json() == {"jobId": job_id, "jobName": "other"}
    assert info(manual_engine, job_id)["jobName"] == "orders"


def test_finished_duplicate_id_without_savepoint_flag_is_a_500_trace(
    manual_engine: FakeEngine,
) -> None:
    job_id = submit(manual_engine, batch_job())
    manual_engine.advance(10)
    assert info(manual_engine, job_id)["jobStatus"] == "FINISHED"
    answer = raw(
        manual_engine, "POST", "/submit-job", json.dumps(batch_job()), query={"jobId": job_id}
    )
    fail(answer, 500, "has already been submitted and is not starting with a savepoint")
    assert "\n" in answer.json()["message"]


def test_cookbook_env_restore_keys_have_no_effect(manual_engine: FakeEngine) -> None:
    old = submit(manual_engine)
    job = streaming_job(env={"job.id": old, "restore.mode": "savepoint", "savepoint.path": "/x"})
    fresh = submit(manual_engine, job)
    assert fresh != old
    data = info(manual_engine, fresh)
    assert data["isStartWithSavePoint"] is False
    assert data["envOptions"]["job.id"] == old
    assert data["envOptions"]["savepoint.path"] == "/x"


# stop-job and stop-jobs ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("", "Request body is empty."),
        ("{", "Invalid JSON format in request body."),
        ('{"isStopWithSavePoint": true}', "jobId cannot be empty."),
        ('{"jobId": "x1"}', 'For input string: "x1"'),
    ],
)
def test_stop_job_errors(manual_engine: FakeEngine, body: str, fragment: str) -> None:
    fail(raw(manual_engine, "POST", "/stop-job", body), 400, fragment)


def test_stop_job_returns_before_the_state_changes(manual_engine: FakeEngine) -> None:
    job_id = submit(manual_engine)
    manual_engine.advance(3)
    answer = raw(manual_engine, "POST", "/stop-job", json.dumps({"jobId": int(job_id)}))
    assert answer.json() == {"jobId": job_id}
    assert info(manual_engine, job_id)["jobStatus"] == "CANCELING"
    manual_engine.advance()
    assert info(manual_engine, job_id)["jobStatus"] == "CANCELED"


def test_stop_accepts_a_string_id_and_unknown_ids_are_a_no_op(manual_engine: FakeEngine) -> None:
    answer = raw(manual_engine, "POST", "/stop-job", '{"jobId": "123"}')
    assert answer.status == 200
    assert answer.json() == {"jobId": "123"}


def test_savepoint_goes_through_doing_savepoint(manual_engine: FakeEngine) -> None:
    job_id = submit(manual_engine)
    manual_engine.advance(3)
    body = json.dumps({"jobId": int(job_id), "isStopWithSavePoint": True})
    raw(manual_engine, "POST", "/stop-job", body)
    assert info(manual_engine, job_id)["jobStatus"] == "DOING_SAVEPOINT"
    manual_engine.advance()
    assert info(manual_engine, job_id)["jobStatus"] == "SAVEPOINT_DONE"


def test_force_ends_a_stuck_savepoint_only_on_latest(manual_engine: FakeEngine) -> None:
    job_id = submit(manual_engine)
    manual_engine.advance(3)
    manual_engine.hang_savepoint(job_id)
    raw(
        manual_engine,
        "POST",
        "/stop-job",
        json.dumps({"jobId": int(job_id), "isStopWithSavePoint": True}),
    )
    manual_engine.advance(5)
    assert info(manual_engine, job_id)["jobStatus"] == "DOING_SAVEPOINT"
    raw(manual_engine, "POST", "/stop-job", json.dumps({"jobId": int(job_id), "force": True}))
    manual_engine.advance()
    expected = "CANCELED" if manual_engine.profile == "latest" else "DOING_SAVEPOINT"
    assert info(manual_engine, job_id)["jobStatus"] == expected


def test_force_is_a_plain_cancel_on_2_3_8(
    fake_engine_factory: Callable[..., FakeEngine],
) -> None:
    engine = fake_engine_factory("2.3.8", auto_advance=False)
    job_id = submit(engine)
    engine.advance(3)
    raw(engine, "POST", "/stop-job", json.dumps({"jobId": int(job_id), "force": True}))
    assert info(engine, job_id)["jobStatus"] == "CANCELING"


def test_stop_jobs_echoes_numbers_and_fails_after_stopping_a_string_id(
    manual_engine: FakeEngine,
) -> None:
    first, second = submit(manual_engine), submit(manual_engine)
    manual_engine.advance(3)
    answer = raw(manual_engine, "POST", "/stop-jobs", json.dumps([{"jobId": int(first)}]))
    assert answer.json() == [{"jobId": int(first)}]
    answer = raw(manual_engine, "POST", "/stop-jobs", json.dumps([{"jobId": second}]))
    fail(answer, 500, "java.lang.String cannot be cast to class java.lang.Long")
    assert info(manual_engine, second)["jobStatus"] == "CANCELING"
    small = raw(manual_engine, "POST", "/stop-jobs", json.dumps([{"jobId": 12345}]))
    fail(small, 500, "java.lang.Integer cannot be cast to class java.lang.Long")


def test_submit_jobs_answers_string_ids_and_rolls_nothing_back(manual_engine: FakeEngine) -> None:
    good = {**streaming_job("one"), "params": {"jobName": "first"}}
    bad = {**streaming_job("two"), "params": {"jobId": "abc"}}
    answer = raw(manual_engine, "POST", "/submit-jobs", json.dumps([good, "skipped"]))
    assert answer.status == 200
    (entry,) = answer.json()
    assert isinstance(entry["jobId"], str) and entry["jobName"] == "first"
    answer = raw(manual_engine, "POST", "/submit-jobs", json.dumps([good, bad]))
    fail(answer, 400, "For input string")
    assert len(manual_engine.cluster.running) == 2


def test_submit_jobs_without_params_is_a_500(manual_engine: FakeEngine) -> None:
    fail(raw(manual_engine, "POST", "/submit-jobs", json.dumps([streaming_job()])), 500, "null")


# job-info, lists, overview -------------------------------------------------------------------


def test_job_info_unknown_id_is_200_with_the_id_only(manual_engine: FakeEngine) -> None:
    answer = raw(manual_engine, "GET", "/job-info/733584788375093248")
    assert answer.status == 200
    assert answer.json() == {"jobId": "733584788375093248"}


def test_job_info_bad_ids(manual_engine: FakeEngine) -> None:
    fail(raw(manual_engine, "GET", "/job-info/abc"), 400, 'For input string: "abc"')
    expected = "must not be empty" if manual_engine.profile != "latest" else 'For input string: ""'
    fail(raw(manual_engine, "GET", "/job-info/"), 400, expected)


def test_running_and_terminal_job_info_shapes(manual_engine: FakeEngine) -> None:
    job_id = submit(manual_engine)
    manual_engine.advance(4)
    running = info(manual_engine, job_id)
    assert {"envOptions", "isStartWithSavePoint", "createTime"} <= set(running)
    assert not {"errorMsg", "finishTime"} & set(running)
    assert running["envOptions"]["checkpoint.interval"] == "1000"
    assert ("startTime" in running) == (manual_engine.profile == "latest")
    manual_engine.fail_job(job_id, "boom\n\tat Somewhere.java:1")
    manual_engine.advance()
    final = info(manual_engine, job_id)
    assert final["jobStatus"] == "FAILED"
    assert final["errorMsg"].startswith("boom")
    assert {"finishTime", "errorMsg"} <= set(final)
    assert not {"envOptions", "isStartWithSavePoint"} & set(final)


def test_an_ended_job_answers_from_the_running_record_until_archived(
    fake_engine_factory: Callable[..., FakeEngine], profile: str
) -> None:
    """The window the real engines show (`JobInfoServlet` reads the running-job map first)."""
    engine = fake_engine_factory(profile, auto_advance=False, schedule_ticks=1, archive_ticks=1)
    job_id = submit(engine, batch_job())
    engine.advance(4)
    ended = info(engine, job_id)
    assert ended["jobStatus"] == "FINISHED"
    assert "envOptions" in ended and not {"finishTime", "errorMsg"} & set(ended)
    running = raw(engine, "GET", "/running-jobs").json()
    assert job_id in json.dumps(running)
    assert raw(engine, "POST", "/stop-job", json.dumps({"jobId": int(job_id)})).status == 200
    engine.advance()
    archived = info(engine, job_id)
    assert archived["jobStatus"] == "FINISHED" and archived["finishTime"]
    assert "envOptions" not in archived


def test_value_types(manual_engine: FakeEngine) -> None:
    job_id = submit(manual_engine)
    manual_engine.advance(4)
    data = info(manual_engine, job_id)
    metrics = data["metrics"]
    assert metrics["SourceReceivedCount"] == "10"
    assert all(isinstance(v, str) for k, v in metrics.items() if not k.startswith("Table"))
    assert metrics["TableSinkWriteCount"] == {"fake": "10"}
    assert ("SinkCommittedCount" in metrics) == (manual_engine.profile == "latest")
    dag = data["jobDag"]
    assert dag["jobId"] == job_id
    assert [v["vertexId"] for v in dag["vertexInfoMap"]] == [1, 2]
    assert dag["pipelineEdges"] == {"1": [{"inputVertexId": "1", "targetVertexId": "2"}]}
    assert all(isinstance(v, str) for v in dag["envOptions"].values())
    (thread,) = raw(manual_engine, "GET", "/thread-dump").json()
    assert isinstance(thread["threadId"], int)
    (member,) = raw(manual_engine, "GET", "/system-monitoring-information").json()
    assert {"host", "port", "isMaster"} <= set(member)
    assert all(isinstance(value, str) for value in member.values())


def test_overview_counts_are_strings_and_savepoints_are_not_counted(
    manual_engine: FakeEngine,
) -> None:
    stopped = submit(manual_engine)
    submit(manual_engine, batch_job())
    submit(manual_engine)
    manual_engine.advance(3)
    raw(
        manual_engine,
        "POST",
        "/stop-job",
        json.dumps({"jobId": int(stopped), "isStopWithSavePoint": True}),
    )
    manual_engine.advance(3)
    overview = raw(manual_engine, "GET", "/overview").json()
    assert all(isinstance(value, str) for value in overview.values())
    assert overview["workers"] == "1"
    assert overview["runningJobs"] == "1"
    assert overview["finishedJobs"] == "1"
    assert overview["cancelledJobs"] == "0"
    assert ("pendingJobs" in overview) == (manual_engine.profile == "latest")


def test_overview_tags_filter_workers_only(manual_engine: FakeEngine) -> None:
    answer = raw(manual_engine, "POST", "/update-tags", '{"zone": "a"}')
    expected = {"status": "success"}
    if manual_engine.profile == "latest":
        expected["message"] = "update node tags done."
    assert answer.json() == expected
    assert raw(manual_engine, "GET", "/overview", query={"zone": "b"}).json()["workers"] == "0"
    assert raw(manual_engine, "GET", "/overview", query={"zone": "a"}).json()["workers"] == "1"


def test_finished_jobs_filter_and_order(manual_engine: FakeEngine) -> None:
    first = submit(manual_engine, batch_job())
    manual_engine.advance(10)
    second = submit(manual_engine, batch_job())
    manual_engine.advance(10)
    listed = [job["jobId"] for job in raw(manual_engine, "GET", "/finished-jobs/finished").json()]
    expected = [second, first] if manual_engine.profile == "latest" else [first, second]
    assert listed == expected
    assert raw(manual_engine, "GET", "/finished-jobs/NOPE").json() == []
    assert len(raw(manual_engine, "GET", "/finished-jobs/").json()) == 2


def test_pagination_only_on_latest(manual_engine: FakeEngine) -> None:
    for _ in range(3):
        submit(manual_engine)
    answer = raw(manual_engine, "GET", "/running-jobs", query={"page": "2", "rows": "2"})
    if manual_engine.profile != "latest":
        assert len(answer.json()) == 3
        return
    data = answer.json()
    assert data["total"] == 3 and len(data["data"]) == 1
    fail(
        raw(manual_engine, "GET", "/running-jobs", query={"page": "0"}),
        400,
        "Page number must be greater than 0",
    )
    fail(
        raw(manual_engine, "GET", "/running-jobs", query={"page": "3", "rows": "2"}),
        400,
        "Page number exceeds total pages",
    )
    fail(
        raw(manual_engine, "GET", "/finished-jobs", query={"page": "1"}),
        400,
        "Page number exceeds total pages",
    )
    fail(raw(manual_engine, "GET", "/running-jobs", query={"page": "x"}), 400, "For input string")


# stored state, history, restore --------------------------------------------------------------


@pytest.mark.parametrize(
    ("end", "kept"),
    [("cancel", False), ("savepoint", True), ("fail", True), ("finish", False)],
)
def test_stored_state_survives_only_failure_and_savepoint(
    manual_engine: FakeEngine, end: str, kept: bool
) -> None:
    job_id = submit(manual_engine, batch_job() if end == "finish" else streaming_job())
    manual_engine.advance(3)
    if end == "fail":
        manual_engine.fail_job(job_id)
    elif end in ("cancel", "savepoint"):
        body = {"jobId": int(job_id), "isStopWithSavePoint": end == "savepoint"}
        raw(manual_engine, "POST", "/stop-job", json.dumps(body))
    manual_engine.advance(5)
    assert info(manual_engine, job_id)["jobStatus"] in {
        "CANCELED",
        "SAVEPOINT_DONE",
        "FAILED",
        "FINISHED",
    }
    assert (manual_engine.stored_state(job_id) is not None) is kept


def test_restore_after_savepoint_reuses_the_id(manual_engine: FakeEngine) -> None:
    job_id = submit(manual_engine)
    manual_engine.advance(3)
    raw(
        manual_engine,
        "POST",
        "/stop-job",
        json.dumps({"jobId": int(job_id), "isStopWithSavePoint": True}),
    )
    manual_engine.advance()
    again = submit(manual_engine, jobId=job_id, isStartWithSavePoint="TRUE")
    assert again == job_id
    manual_engine.advance(2)
    data = info(manual_engine, job_id)
    assert data["jobStatus"] == "RUNNING" and data["isStartWithSavePoint"] is True


def test_restore_after_cancel_starts_fresh_or_is_refused(manual_engine: FakeEngine) -> None:
    job_id = submit(manual_engine)
    manual_engine.advance(3)
    raw(manual_engine, "POST", "/stop-job", json.dumps({"jobId": int(job_id)}))
    manual_engine.advance()
    answer = raw(
        manual_engine,
        "POST",
        "/submit-job",
        json.dumps(streaming_job()),
        query={"jobId": job_id, "isStartWithSavePoint": "true"},
    )
    if manual_engine.profile == "latest":
        fail(answer, 400, f"No checkpoint found for jobId={job_id}")
    else:
        assert answer.status == 200
        run = manual_engine.job(job_id)
        assert run is not None and run.resumed_from is None


def test_restore_of_an_active_job(manual_engine: FakeEngine) -> None:
    job_id = submit(manual_engine)
    manual_engine.advance(3)
    answer = raw(
        manual_engine,
        "POST",
        "/submit-job",
        json.dumps(streaming_job()),
        query={"jobId": job_id, "isStartWithSavePoint": "true"},
    )
    if manual_engine.profile == "latest":
        fail(answer, 400, f"restoreSourceJobId={job_id}")
        assert "checkpoint state" in answer.json()["message"]
    else:
        assert answer.status == 200


def test_history_expiry_forgets_the_job_but_not_its_state(manual_engine: FakeEngine) -> None:
    job_id = submit(manual_engine)
    manual_engine.advance(3)
    manual_engine.fail_job(job_id)
    manual_engine.advance()
    manual_engine.expire_history()
    assert info(manual_engine, job_id) == {"jobId": job_id}
    assert manual_engine.stored_state(job_id) is not None
    assert submit(manual_engine, jobId=job_id, isStartWithSavePoint="true") == job_id
    run = manual_engine.job(job_id)
    assert run is not None and run.resumed_from is not None


def test_history_expires_with_time(fake_engine_factory: Callable[..., FakeEngine]) -> None:
    engine = fake_engine_factory("latest", auto_advance=False, history_expire_minutes=1)
    job_id = submit(engine, batch_job())
    engine.advance(10)
    assert info(engine, job_id)["jobStatus"] == "FINISHED"
    engine.advance(60)
    assert info(engine, job_id) == {"jobId": job_id}
    assert submit(engine, batch_job(), jobId=job_id) == job_id


def test_retain_after_cancel_keeps_state_on_latest(manual_engine: FakeEngine) -> None:
    job = streaming_job(env={"checkpoint.retain-after-job-cancelled": True})
    job_id = submit(manual_engine, job)
    manual_engine.advance(3)
    raw(manual_engine, "POST", "/stop-job", json.dumps({"jobId": int(job_id)}))
    manual_engine.advance()
    kept = manual_engine.stored_state(job_id) is not None
    assert kept is (manual_engine.profile == "latest")


def test_restore_mode_checkpoint_makes_a_new_job_from_a_failed_one(
    fake_engine_factory: Callable[..., FakeEngine],
) -> None:
    engine = fake_engine_factory("latest", auto_advance=False)
    source = submit(engine)
    engine.advance(3)
    query = {"restoreMode": "CHECKPOINT", "restoreSourceJobId": source}
    fail(
        raw(engine, "POST", "/submit-job", json.dumps(streaming_job()), query=query),
        400,
        f"restoreSourceJobId={source}",
    )
    engine.fail_job(source)
    engine.advance()
    new = submit(engine, None, **query)
    assert new != source
    run = engine.job(new)
    assert run is not None and run.resumed_from == engine.stored_state(source)
    fail(
        raw(
            engine,
            "POST",
            "/submit-job",
            json.dumps(streaming_job()),
            query={**query, "jobId": source},
        ),
        400,
        "must differ",
    )


# logs ----------------------------------------------------------------------------------------


def test_logs_listing_content_and_missing_file(manual_engine: FakeEngine) -> None:
    job_id = submit(manual_engine)
    listing = raw(manual_engine, "GET", f"/logs/{job_id}", query={"format": "json"}).json()
    assert listing == [
        {
            "node": f"127.0.0.1:{manual_engine.port}",
            "logLink": f"{manual_engine.url}/logs/job-{job_id}.log",
            "logName": f"job-{job_id}.log",
        }
    ]
    html_listing = raw(manual_engine, "GET", "/logs")
    assert html_listing.headers["content-type"].startswith("text/html")
    content = raw(manual_engine, "GET", f"/logs/job-{job_id}.log")
    assert content.headers["content-type"] == "text/plain;charset=iso-8859-1"
    assert job_id in content.text
    missing = raw(manual_engine, "GET", "/logs/nope.log")
    assert (missing.status, missing.body) == (400, b"")
    assert "content-type" not in missing.headers
    assert raw(manual_engine, "GET", "/get-all-log-name").json() == [f"job-{job_id}.log"]


def test_logs_without_a_log_directory_are_400_empty(
    fake_engine_factory: Callable[..., FakeEngine],
) -> None:
    engine = fake_engine_factory("2.3.8", log_dir=False)
    answer = raw(engine, "GET", "/logs", query={"format": "json"})
    assert (answer.status, answer.body) == (400, b"")


def test_encrypt_config_encodes_credentials_with_base64(manual_engine: FakeEngine) -> None:
    job = streaming_job(env={"shade.identifier": "base64"})
    job["source"][0].update(username="seatunnel", password="secret")
    data = raw(manual_engine, "POST", "/encrypt-config", json.dumps(job)).json()
    assert data["source"][0]["username"] == "c2VhdHVubmVs"


def _multipart(filename: str, content: str) -> tuple[bytes, dict[str, str]]:
    boundary = "stconfig-boundary"
    body = (
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="config_file"; filename="{filename}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
        f"{content}\r\n--{boundary}--\r\n"
    ).encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def test_upload_picks_the_format_from_the_extension(manual_engine: FakeEngine) -> None:
    body, headers = _multipart("job.json", json.dumps(streaming_job("uploaded")))
    answer = raw(manual_engine, "POST", "/submit-job/upload", body, headers, {"jobName": "up"})
    if manual_engine.profile != "latest":
        fail(answer, 400, "Invalid JSON format")
        return
    assert answer.status == 200 and answer.json()["jobName"] == "up"
    conf = 'env { job.mode = "BATCH" }\nsource { FakeSource { schema { fields { id = int } } } }\n'
    conf += "sink { Console {} }\n"
    body, headers = _multipart("job.conf", conf)
    assert raw(manual_engine, "POST", "/submit-job/upload", body, headers).status == 200
    body, headers = _multipart("job.yaml", "x: 1")
    fail(raw(manual_engine, "POST", "/submit-job/upload", body, headers), 400, "job.yaml")


def test_any_other_servlet_failure_is_a_500_envelope(
    manual_engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*_: object, **__: object) -> None:
        raise RuntimeError("coordinator gone")

    monkeypatch.setattr(manual_engine.cluster, "submit", explode)
    answer = raw(manual_engine, "POST", "/submit-job", json.dumps(streaming_job()))
    fail(answer, 500, "RuntimeError: coordinator gone")


def test_a_chunked_body_is_read(manual_engine: FakeEngine) -> None:
    payload = json.dumps(streaming_job("chunked")).encode()
    connection = http.client.HTTPConnection("127.0.0.1", manual_engine.port, timeout=5)
    try:
        connection.request(
            "POST",
            "/submit-job",
            body=iter([payload[:10], payload[10:]]),
            headers={"Content-Type": "application/json"},
            encode_chunked=True,
        )
        answer = connection.getresponse()
        assert answer.status == 200
        assert json.loads(answer.read())["jobName"] == "chunked"
    finally:
        connection.close()


def test_a_worker_node_surfaces_a_failed_savepoint(
    fake_engine_factory: Callable[..., FakeEngine],
) -> None:
    engine = fake_engine_factory("2.3.8", auto_advance=False, worker_node=True)
    job_id = submit(engine)
    body = json.dumps({"jobId": int(job_id), "isStopWithSavePoint": True})
    fail(raw(engine, "POST", "/stop-job", body), 500, f"The job with id '{job_id}' not running")
    engine.advance(3)
    assert raw(engine, "POST", "/stop-job", body).status == 200
    assert info(engine, job_id)["jobStatus"] == "DOING_SAVEPOINT"


def test_ended_job_dag_is_json_text_on_2_3_8(
    fake_engine_factory: Callable[..., FakeEngine],
) -> None:
    """Seen on the real 2.3.8 engine: an ended job's jobDag is a JSON string (v1 history)."""
    engine = fake_engine_factory("2.3.8", auto_advance=False)
    job_id = submit(engine, batch_job())
    assert isinstance(info(engine, job_id)["jobDag"], dict)
    engine.advance(20)
    data = info(engine, job_id)
    assert data["jobStatus"] == "FINISHED"
    dag = json.loads(data["jobDag"])
    assert dag["jobId"] == int(job_id)
    assert dag["pipelineEdges"] == {"1": [{"inputVertexId": 1, "targetVertexId": 2}]}
    assert {key: vertex["type"] for key, vertex in dag["vertexInfoMap"].items()} == {
        "1": "SOURCE",
        "2": "SINK",
    }
    assert dag["vertexInfoMap"]["1"]["connectorType"] == "pipeline-1 [Source[0]-FakeSource]"


# the 15431c9 engine (profile "2.3.9-snapshot"), as seen on the real one ----------------------


def test_snapshot_first_states_and_slow_steps_are_seen_by_a_polling_client(
    fake_engine_factory: Callable[..., FakeEngine],
) -> None:
    # GIVEN the 15431c9 fake with time moving per request, as a client polls it
    engine = fake_engine_factory("2.3.9-snapshot")
    job_id = submit(engine)
    # THEN the first poll after a submit sees PENDING (the real engine queues the job first)
    assert info(engine, job_id)["jobStatus"] == "PENDING"
    while info(engine, job_id)["jobStatus"] != "RUNNING":
        pass
    # AND a stop with savepoint and a cancel are seen in their in-between states
    raw(engine, "POST", "/stop-job", json.dumps({"jobId": job_id, "isStopWithSavePoint": True}))
    assert info(engine, job_id)["jobStatus"] == "DOING_SAVEPOINT"
    while info(engine, job_id)["jobStatus"] != "SAVEPOINT_DONE":
        pass
    submit(engine, jobId=job_id, isStartWithSavePoint="true")
    assert info(engine, job_id)["jobStatus"] == "PENDING"
    while info(engine, job_id)["jobStatus"] != "RUNNING":
        pass
    raw(engine, "POST", "/stop-job", json.dumps({"jobId": job_id}))
    assert info(engine, job_id)["jobStatus"] == "CANCELING"


def test_snapshot_reused_finished_id_names_the_job_exception_first(
    fake_engine_factory: Callable[..., FakeEngine],
) -> None:
    engine = fake_engine_factory("2.3.9-snapshot", auto_advance=False)
    job_id = submit(engine, batch_job())
    engine.advance(10)
    answer = raw(engine, "POST", "/submit-job", json.dumps(batch_job()), query={"jobId": job_id})
    exception = "org.apache.seatunnel.engine.common.exception.JobException"
    fail(answer, 500, f"{exception}: {exception}: The job id {job_id} has already been")
    assert answer.json()["message"].startswith(exception)


def test_jetty_pages_carry_the_servlet_message(manual_engine: FakeEngine) -> None:
    wrong = raw(manual_engine, "GET", "/submit-job")
    assert wrong.status == 405
    assert "<title>Error 405 HTTP method GET is not supported by this URL</title>" in wrong.text
    assert wrong.headers["content-type"] == "text/html;charset=iso-8859-1"
    missing = raw(manual_engine, "GET", "/no-such-endpoint")
    assert "<title>Error 404 Not Found</title>" in missing.text


def test_snapshot_lists_the_connector_jars_of_a_running_job(
    fake_engine_factory: Callable[..., FakeEngine],
) -> None:
    engine = fake_engine_factory("2.3.9-snapshot", auto_advance=False)
    job_id = submit(engine)
    jars = [entry["jarPath"] for entry in info(engine, job_id)["pluginJarsUrls"]]
    assert [jar.rsplit("/", 1)[-1] for jar in jars] == [
        "connector-console-2.3.8.jar",
        "connector-fake-2.3.8.jar",
    ]
    metrics = info(engine, job_id)["metrics"]
    assert {"TableSourceReceivedBytes", "TableSinkWriteBytesPerSeconds"} <= set(metrics)


def test_the_this_node_log_page_links_each_file(manual_engine: FakeEngine) -> None:
    job_id = submit(manual_engine)
    page = raw(manual_engine, "GET", "/log")
    assert page.headers["content-type"] == "text/html;charset=utf-8"
    assert "<title>Seatunnel log</title>" in page.text
    assert f'<a href="log/job-{job_id}.log">' in page.text


@pytest.mark.parametrize(
    ("version", "profile_name"),
    [
        ("2.3.8", "2.3.8"),
        ("2.3.5", "2.3.8"),
        ("2.3.9-SNAPSHOT", "2.3.9-snapshot"),
        ("2.3.9", "latest"),
        ("2.3.12", "latest"),
    ],
)
def test_a_real_engine_version_picks_the_profile_that_models_it(
    version: str, profile_name: str
) -> None:
    from stconfig.testing.fake_engine import profile_for_version

    assert profile_for_version(version) == profile_name
