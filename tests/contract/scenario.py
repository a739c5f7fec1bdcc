"""One fixed conversation with a REST v2 engine, reduced to what a client can rely on.

`converse(url)` sends the same requests in the same order to any engine (every endpoint, the
job lifecycle, and bad inputs) and returns one `Exchange` per step: the status code, the
content type, the shape of the answer (key sets, not values) and its message with ids, times
and addresses replaced by placeholders. Two engines agree when their lists are equal.

Job states are polled the way a client does; the fake (with `auto_advance`) moves one tick per
request, the real engine in real time, so a "first state" is the first one a client sees.
"""

from __future__ import annotations

import http.client
import json
import re
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

from tests.client.helpers import batch_job, streaming_job

TIMEOUT = 90.0
"""Upper bound of any wait for a state (a real streaming job takes seconds)."""

_ID = re.compile(r"\b\d{8,20}\b")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?")
_ADDRESS = re.compile(r"127\.0\.0\.1:\d+")


def normalise(text: str) -> str:
    """Ids, times and addresses as placeholders; only the first line of a stack trace."""
    first = text.split("\n", 1)[0]
    return _ADDRESS.sub("<host:port>", _ID.sub("<id>", _TIME.sub("<time>", first))).strip()


_MAPS = ("envOptions", "pipelineEdges")
"""Objects keyed by data (option names, pipeline numbers), like the `Table*` metrics (keyed by
table names): their shape is that of one value, whatever the keys."""


def shape(value: Any, own: frozenset[str] = frozenset(), key: str = "") -> Any:
    """The keys of an answer, recursively: objects as sorted keys with their values' shapes,
    lists as the shape of their first element (of a job list: the first of this
    conversation's own jobs when it has one, so other jobs on a shared engine do not matter),
    scalars as their JSON type."""
    if isinstance(value, dict):
        if key in _MAPS or key.startswith("Table"):
            return {"*": shape(next(iter(value.values())), own)} if value else {}
        return {name: shape(item, own, name) for name, item in sorted(value.items())}
    if isinstance(value, list):
        if own and value and all(isinstance(item, dict) and "jobId" in item for item in value):
            value = [item for item in value if str(item["jobId"]) in own] or value
        return [shape(value[0], own)] if value else []
    if value is None:
        return "null"
    return type(value).__name__


@dataclass(frozen=True)
class Exchange:
    """What one step of the conversation showed, engine-independent."""

    step: str
    status: int
    content_type: str
    shape: Any = None
    message: str | None = None
    job_status: str | None = None


@dataclass
class Conversation:
    """The steps so far, and the ids the engine handed out."""

    url: str
    exchanges: list[Exchange] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)

    def send(
        self,
        step: str,
        method: str,
        path: str,
        *,
        body: bytes | str | None = None,
        query: dict[str, str] | None = None,
        content_type: str = "application/json",
        record: bool = True,
    ) -> tuple[int, Any]:
        """One request; records its `Exchange` (unless `record` is False); the status and
        the decoded JSON answer (None when it is not JSON)."""
        split = urllib.parse.urlsplit(self.url)
        target = split.path + path + ("?" + urllib.parse.urlencode(query) if query else "")
        connection = http.client.HTTPConnection(split.hostname or "", split.port, timeout=30)
        try:
            data = body.encode() if isinstance(body, str) else body
            headers = {"Content-Type": content_type} if data is not None else {}
            connection.request(method, target, body=data, headers=headers)
            answer = connection.getresponse()
            raw = answer.read()
            status, kind = answer.status, answer.getheader("Content-Type") or ""
        finally:
            connection.close()
        decoded: Any = None
        if "json" in kind:
            try:
                decoded = json.loads(raw)
            except ValueError:
                decoded = None
        if record:
            message = None
            if isinstance(decoded, dict) and isinstance(decoded.get("message"), str):
                message = normalise(decoded["message"])
            elif decoded is None:
                message = _page_title(raw) if raw else ""
            job_status = decoded.get("jobStatus") if isinstance(decoded, dict) else None
            self.exchanges.append(
                Exchange(
                    step,
                    status,
                    kind.replace(" ", "").lower(),
                    shape(decoded, frozenset(self.ids.values())) if decoded is not None else None,
                    message,
                    job_status,
                )
            )
        return status, decoded

    def submit(self, step: str, job: dict[str, Any], **query: str) -> str:
        status, answer = self.send(
            step, "POST", "/submit-job", body=json.dumps(job), query={"jobName": step, **query}
        )
        if status != 200:
            raise AssertionError(f"{step}: submit answered {status}: {answer}")
        self.ids[step] = str(answer["jobId"])
        return self.ids[step]

    def info(self, step: str, job_id: str) -> Any:
        return self.send(step, "GET", f"/job-info/{job_id}")[1]

    def wait(self, step: str, job_id: str, state: str) -> None:
        """Poll job-info until `state` (not recorded: how many polls it takes varies); then
        record the job-info in that state.

        An ended job is awaited until it answers with `finishTime`: the real engine reports
        the final state for a moment while the job is still in its running map (and answers
        in the running shape); a client waiting for the end sees both."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            _, answer = self.send(step, "GET", f"/job-info/{job_id}", record=False)
            seen = answer.get("jobStatus") if isinstance(answer, dict) else None
            settled = state == "RUNNING" or "finishTime" in answer
            if seen == state and settled:
                self.info(step, job_id)
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"{step}: job {job_id} still {seen}, not {state}")
            time.sleep(0.1)

    def stop(self, step: str, job_id: str, savepoint: bool = False) -> None:
        body = {"jobId": job_id, "isStopWithSavePoint": savepoint}
        self.send(step, "POST", "/stop-job", body=json.dumps(body))


def _page_title(raw: bytes) -> str:
    """A non-JSON answer by what it is: Jetty's error page title, or text."""
    text = raw.decode("iso-8859-1")
    found = re.search(r"<title>(.*?)</title>", text)
    return f"page: {found.group(1)}" if found else "text"


def _first_log_name(answer: Any) -> str | None:
    if isinstance(answer, list) and answer and isinstance(answer[0], dict):
        return str(answer[0].get("logName"))
    return None


def converse(url: str) -> list[Exchange]:
    """The whole conversation against the engine at `url`."""
    talk = Conversation(url.rstrip("/"))
    talk.send("overview", "GET", "/overview")

    # a batch job, start to end
    batch = talk.submit("submit batch", batch_job("contract-batch"))
    talk.info("batch first state", batch)
    talk.wait("batch finished", batch, "FINISHED")
    talk.send("finished-jobs FINISHED", "GET", "/finished-jobs/FINISHED")

    # a streaming job: savepoint, restore, cancel
    stream = talk.submit("submit streaming", streaming_job("contract-stream"))
    talk.info("streaming first state", stream)
    talk.wait("streaming running", stream, "RUNNING")
    talk.send("running-jobs", "GET", "/running-jobs")
    talk.send("running-job", "GET", f"/running-job/{stream}")
    talk.send(
        "resubmit of a running id",
        "POST",
        "/submit-job",
        body=json.dumps(streaming_job("contract-stream")),
        query={"jobId": stream, "jobName": "again"},
    )
    talk.info("running id after the resubmit", stream)
    _wait_reading(talk, stream)
    talk.stop("stop with savepoint", stream, savepoint=True)
    talk.info("state after stop with savepoint", stream)
    talk.wait("savepoint done", stream, "SAVEPOINT_DONE")
    talk.submit(
        "restore", streaming_job("contract-stream"), jobId=stream, isStartWithSavePoint="true"
    )
    talk.info("restored first state", stream)
    talk.wait("restored running", stream, "RUNNING")
    talk.stop("cancel", stream)
    talk.info("state after cancel", stream)
    talk.wait("canceled", stream, "CANCELED")
    talk.stop("stop of an ended job", stream)
    talk.info("ended job after a stop", stream)
    talk.send(
        "restore without state",
        "POST",
        "/submit-job",
        body=json.dumps(streaming_job("contract-stream")),
        query={"jobId": stream, "isStartWithSavePoint": "true", "jobName": "again"},
    )
    if talk.exchanges[-1].status == 200:  # accepted: it runs again; end it
        talk.wait("restored without state running", stream, "RUNNING")
        talk.stop("cancel the rerun", stream)
        talk.wait("rerun canceled", stream, "CANCELED")
    talk.send(
        "reused FINISHED id",
        "POST",
        "/submit-job",
        body=json.dumps(batch_job("contract-batch")),
        query={"jobId": batch},
    )

    # bad inputs
    talk.send("bad JSON", "POST", "/submit-job", body="{not json")
    talk.send("empty body", "POST", "/submit-job", body="")
    unknown = batch_job("contract-unknown")
    unknown["source"][0]["plugin_name"] = "NoSuchSource"
    talk.send("unknown plugin", "POST", "/submit-job", body=json.dumps(unknown))
    talk.send(
        "cookbook §2.2 job (plugin_output keys)", "POST", "/submit-job", body=json.dumps(_etl())
    )
    old_keys = json.dumps(_etl()).replace("plugin_output", "result_table_name")
    old_keys = old_keys.replace("plugin_input", "source_table_name")
    talk.send("cookbook §2.2 job (old key names)", "POST", "/submit-job", body=old_keys)
    talk.send(
        "form-encoded submit",
        "POST",
        "/submit-job",
        body=urllib.parse.urlencode({"config": json.dumps(batch_job())}),
        content_type="application/x-www-form-urlencoded",
    )
    talk.send(
        "restore without a job id",
        "POST",
        "/submit-job",
        body=json.dumps(batch_job()),
        query={"isStartWithSavePoint": "true"},
    )
    talk.send("job-info of an unknown id", "GET", "/job-info/1234567890123")
    talk.send("job-info of an ill-formed id", "GET", "/job-info/abc")
    talk.send("job-info without an id", "GET", "/job-info")
    talk.send("stop of an unknown id", "POST", "/stop-job", body='{"jobId": "1234567890123"}')
    talk.send("stop of an ill-formed id", "POST", "/stop-job", body='{"jobId": "abc"}')
    talk.send("stop without an id", "POST", "/stop-job", body="{}")
    talk.send(
        "stop-jobs of an unknown id",
        "POST",
        "/stop-jobs",
        body='[{"jobId": 1234567890123456, "isStopWithSavePoint": false}]',
    )
    talk.send("stop-jobs of a string id", "POST", "/stop-jobs", body='[{"jobId": "12345"}]')
    # what later versions added, sent to this one: ignored or not routed
    talk.send(
        "format=hocon (added in 2.3.9)",
        "POST",
        "/submit-job",
        body="env { job.mode = BATCH }",
        query={"format": "hocon"},
        content_type="text/plain",
    )
    talk.send("pagination (added later)", "GET", "/running-jobs", query={"page": "1", "rows": "1"})
    talk.send(
        "force stop (added later)",
        "POST",
        "/stop-job",
        body='{"jobId": "1234567890123", "force": true}',
    )
    talk.send("upload (added later)", "POST", "/submit-job/upload", body="{}")
    talk.send("unknown path", "GET", "/no-such-endpoint")
    talk.send("wrong method", "GET", "/submit-job")

    # the other endpoints
    talk.send("finished-jobs", "GET", "/finished-jobs")
    talk.send("system-monitoring-information", "GET", "/system-monitoring-information")
    talk.send("thread-dump", "GET", "/thread-dump")
    talk.send("running-threads", "GET", "/running-threads")
    talk.send(
        "encrypt-config",
        "POST",
        "/encrypt-config",
        body=json.dumps({**batch_job(), "env": {"shade.identifier": "base64"}}),
    )
    talk.send("update-tags", "POST", "/update-tags", body="{}")
    talk.send(
        "submit-jobs",
        "POST",
        "/submit-jobs",
        body=json.dumps([{**batch_job("contract-many"), "params": {"jobName": "many"}}]),
    )
    _, listed = talk.send("logs", "GET", "/logs", query={"format": "json"})
    name = _first_log_name(listed)
    if name is not None:
        talk.send("a log file", "GET", f"/logs/{name}")
    talk.send("a missing log file", "GET", "/logs/no-such-file.log")
    talk.send("get-all-log-name", "GET", "/get-all-log-name")
    talk.send("log (this node)", "GET", "/log")
    talk.send("a missing log file (this node)", "GET", "/log/no-such-file.log")
    return talk.exchanges


def _etl() -> dict[str, Any]:
    """The cookbook's §2.2 job as written: FakeSource -> FieldMapper -> Filter -> Console."""
    return {
        "env": {"job.name": "etl-with-transforms", "job.mode": "BATCH"},
        "source": [
            {
                "plugin_name": "FakeSource",
                "plugin_output": "fake",
                "row.num": 100,
                "schema": {"fields": {"id": "int", "name": "string", "amount": "double"}},
            }
        ],
        "transform": [
            {
                "plugin_name": "FieldMapper",
                "plugin_input": ["fake"],
                "plugin_output": "after_field_map",
                "field_mapper": {"id": "user_id", "name": "user_name"},
            },
            {
                "plugin_name": "Filter",
                "plugin_input": ["after_field_map"],
                "plugin_output": "filtered",
                "fields": ["user_id", "user_name", "amount"],
            },
        ],
        "sink": [{"plugin_name": "Console", "plugin_input": ["filtered"]}],
    }


def _wait_reading(talk: Conversation, job_id: str) -> None:
    """Until the job has read rows: a savepoint before its tasks are ready is lost (see
    tests/client/test_lifecycle.py)."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        _, answer = talk.send("reading", "GET", f"/job-info/{job_id}", record=False)
        metrics = answer.get("metrics", {}) if isinstance(answer, dict) else {}
        if str(metrics.get("SourceReceivedCount", "0")) != "0":
            return
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} read nothing in {TIMEOUT} s")


def main() -> None:
    """`python -m tests.contract.scenario URL`: print the conversation, one step per line."""
    import sys

    for exchange in converse(sys.argv[1]):
        print(json.dumps(exchange.__dict__, sort_keys=True))


if __name__ == "__main__":
    main()
