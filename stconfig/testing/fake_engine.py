"""An in-process fake of the SeaTunnel Zeta REST API v2, for tests of submission code.

`FakeEngine` serves on 127.0.0.1 on an ephemeral port and answers like the engine does
(rest-api-v2.md, checklist in §10): the same routes and servlet-style prefix matching, the
`{"status":"fail","message":...}` envelope with 400 for argument errors and 500 for the rest,
Jetty's HTML pages for 401/404/405, string job ids (numbers only in the `stop-jobs` echo),
string metric and overview values, basic auth, and the job state machine of `FakeCluster`.

Three version profiles (`profile_for_version` picks one for a real engine's `/overview`):
- "2.3.8": the 2.3.8 release's REST v1 servlets at the v2 paths (JSON bodies only, `format`,
  `page`/`rows` and `force` ignored, no basic auth, an ended job's DAG as JSON text);
- "2.3.9-snapshot": the 15431c9 dev tree (`2.3.9-SNAPSHOT`), the first REST v2 engine, held to
  the real one by tests/contract: like 2.3.8 but with Jetty's answers (a form-encoded submit is
  a 500 "STREAMED"), PENDING first after a submit or restore, DOING_SAVEPOINT and CANCELING
  lasting two ticks, per-table byte metrics, connector jars in `pluginJarsUrls`, the full
  node metrics of `system-monitoring-information`;
- "latest" (2026 dev, modelled from the reference: `format=hocon`, pagination, `force`,
  `pendingJobs`, `startTime`, committed metrics, `restoreMode`, the restore guards).

Time moves only when the test says so (`advance`), or by one tick per request with
`auto_advance=True`, so polling code sees jobs progress without sleeping.
"""

from __future__ import annotations

import argparse
import base64
import email.parser
import email.policy
import html
import itertools
import json
import signal
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NoReturn

from stconfig.client.models import JobStatus
from stconfig.testing.fake_checks import refusal
from stconfig.testing.fake_cluster import (
    PROFILES,
    FakeCluster,
    FakeJob,
    FakeRefusal,
    bad_argument,
    parse_long,
)

VERSIONS = {
    "2.3.8": ("2.3.8", "15431c9"),
    "2.3.9-snapshot": ("2.3.9-SNAPSHOT", "15431c9"),
    "latest": ("3.1.0", "0071e8f"),
}
"""What each profile's `/overview` reports: `projectVersion`, `gitCommitAbbrev`."""

_SLOW_STEPS = {"2.3.9-snapshot": 2}
"""Ticks PENDING, DOING_SAVEPOINT and CANCELING last by default: long enough that a client's
first poll sees them, as it does on the real 15431c9 engine (they last 1-4 s there)."""

_CONNECTOR_HOME = "/opt/seatunnel/connectors"
"""Where the fake says its connector jars are (`pluginJarsUrls`)."""

_NODE_METRICS = (
    "physical.memory.free",
    "swap.space.total",
    "swap.space.free",
    "heap.memory.free",
    "heap.memory.total",
    "heap.memory.max",
    "heap.memory.used/total",
    "heap.memory.used/max",
    "minor.gc.count",
    "minor.gc.time",
    "major.gc.count",
    "major.gc.time",
    "load.process",
    "load.system",
    "load.systemAverage",
    "thread.peakCount",
    "cluster.timeDiff",
    "event.q.size",
    "executor.q.async.size",
    "executor.q.client.size",
    "executor.q.client.query.size",
    "executor.q.client.blocking.size",
    "executor.q.query.size",
    "executor.q.scheduled.size",
    "executor.q.io.size",
    "executor.q.system.size",
    "executor.q.operations.size",
    "executor.q.priorityOperation.size",
    "operations.completed.count",
    "executor.q.mapLoad.size",
    "executor.q.mapLoadAllKeys.size",
    "executor.q.cluster.size",
    "executor.q.response.size",
    "operations.running.count",
    "operations.pending.invocations.percentage",
    "operations.pending.invocations.count",
    "proxy.count",
    "clientEndpoint.count",
    "connection.active.count",
    "client.connection.count",
    "connection.count",
)
"""The Hazelcast node metrics the 15431c9 engine adds to `system-monitoring-information`."""
HOOKS = frozenset({"advance", "fail_job", "hang_savepoint", "expire_history"})
_REALM = 'Basic realm="SeaTunnel Web UI"'
_JSON = "application/json"
_ERROR_JSON = "application/json;charset=UTF-8"


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One request as the fake received it, for assertions on what a client really sent."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: str


@dataclass(frozen=True, slots=True)
class _Reply:
    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def _json_reply(data: Any, content_type: str = _JSON) -> _Reply:
    return _Reply(200, content_type, json.dumps(data).encode("utf-8"))


def _envelope(status: int, message: str) -> _Reply:
    body = json.dumps({"status": "fail", "message": message}).encode("utf-8")
    return _Reply(status, _ERROR_JSON, body)


def _jetty_page(status: int, message: str, uri: str, servlet: str = "default") -> _Reply:
    """Jetty 9.4's `ErrorHandler` page: title and heading carry the message."""
    text = html.escape(message)
    page = (
        "<html>\n<head>\n"
        '<meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/>\n'
        f"<title>Error {status} {text}</title>\n</head>\n"
        f"<body><h2>HTTP ERROR {status} {text}</h2>\n<table>\n"
        f"<tr><th>URI:</th><td>{html.escape(uri)}</td></tr>\n"
        f"<tr><th>STATUS:</th><td>{status}</td></tr>\n"
        f"<tr><th>MESSAGE:</th><td>{text}</td></tr>\n"
        f"<tr><th>SERVLET:</th><td>{html.escape(servlet)}</td></tr>\n"
        "</table>\n<hr/>Jetty (stconfig fake engine)<hr/>\n\n</body>\n</html>\n"
    )
    return _Reply(
        status,
        "text/html;charset=iso-8859-1",
        page.encode("iso-8859-1", "replace"),
        (("Cache-Control", "must-revalidate,no-cache,no-store"),),
    )


def profile_for_version(version: str) -> str:
    """The fake profile that models an engine reporting `version` in its `/overview`:
    before REST v2 "2.3.8", the 15431c9 pre-release "2.3.9-snapshot", anything newer "latest"."""
    from stconfig.versions import Version

    parsed = Version.parse(version)
    snapshot = Version.parse(VERSIONS["2.3.9-snapshot"][0])
    if parsed < snapshot:
        return "2.3.8"
    return "2.3.9-snapshot" if parsed == snapshot else "latest"


_NO_LOG = _Reply(400, "", b"")
"""The log servlets' answer for a missing file or log folder: 400, no type, no body."""


class FakeEngine:
    """A fake SeaTunnel master. Use as a context manager, or `start()` / `stop()`.

    Options: `auth` turns basic auth on ("latest" only), `context_path` moves every endpoint,
    `log_dir=False` makes the log endpoints answer 400 with an empty body, `form_pitfall`
    makes a form-encoded submit fail as on Jetty (the body is consumed as form parameters:
    "2.3.9-snapshot" answers 500 "STREAMED", the others see an empty body), `worker_node`
    answers as a non-master node (awaited savepoints), `check_jobs=False` accepts jobs the
    engine would refuse (unknown plugins, broken wiring or options: `fake_checks`), and the
    tick counts shape the state machine (`FakeCluster`; `schedule_ticks` and `stop_ticks`
    default to the profile's; `archive_ticks` > 0 keeps an ended job in the running-job map
    that long, as the real engines do for a moment). `port` 0 picks a free port on 127.0.0.1.
    """

    hooks = HOOKS

    def __init__(
        self,
        profile: str = "latest",
        *,
        auth: tuple[str, str] | None = None,
        context_path: str = "",
        auto_advance: bool = False,
        log_dir: bool = True,
        form_pitfall: bool = True,
        schedule_ticks: int | None = None,
        stop_ticks: int | None = None,
        batch_ticks: int = 3,
        rows_per_tick: int = 5,
        archive_ticks: int = 0,
        history_expire_minutes: int = 1440,
        retain_after_cancel: bool = False,
        worker_node: bool = False,
        check_jobs: bool = True,
        seed: int = 0,
        port: int = 0,
    ) -> None:
        if profile not in PROFILES:
            raise ValueError(f"unknown profile {profile!r}; use one of {PROFILES}")
        if auth is not None and profile == "2.3.8":
            raise ValueError("SeaTunnel 2.3.8 has no basic auth (it came in 2.3.11)")
        if context_path and not context_path.startswith("/"):
            raise ValueError("context_path must start with '/'")
        self.profile = profile
        self.auth = auth
        self.context_path = context_path.rstrip("/")
        self.auto_advance = auto_advance
        self.log_dir = log_dir
        self.form_pitfall = form_pitfall
        self.check_jobs = check_jobs
        slow = _SLOW_STEPS.get(profile, 1)
        self.cluster = FakeCluster(
            profile=profile,
            schedule_ticks=slow if schedule_ticks is None else schedule_ticks,
            stop_ticks=slow if stop_ticks is None else stop_ticks,
            batch_ticks=batch_ticks,
            rows_per_tick=rows_per_tick,
            archive_ticks=archive_ticks,
            history_expire_minutes=history_expire_minutes,
            retain_after_cancel=retain_after_cancel,
            worker_node=worker_node,
            seed=seed,
        )
        self.tags: dict[str, str] = {}
        self.requests: list[RecordedRequest] = []
        self._lock = threading.RLock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._requested_port = port

    # lifecycle -----------------------------------------------------------------------------

    def start(self) -> FakeEngine:
        if self._server is not None:
            return self
        engine = self

        class Handler(_Handler):
            fake = engine

        self._server = ThreadingHTTPServer(("127.0.0.1", self._requested_port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        assert self._thread is not None
        self._thread.join()
        self._server = None
        self._thread = None

    def __enter__(self) -> FakeEngine:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the fake engine is not started")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """The master URL a client should use, context path included."""
        return f"http://127.0.0.1:{self.port}{self.context_path}"

    @property
    def credentials(self) -> tuple[str, str] | None:
        return self.auth

    # test hooks ----------------------------------------------------------------------------

    def advance(self, ticks: int = 1) -> None:
        """Move engine time on by `ticks` seconds, stepping every job."""
        with self._lock:
            self.cluster.advance(ticks)

    def fail_job(self, job_id: str | int, message: str = "injected failure") -> None:
        """Make a running job fail: FAILING now, FAILED at the next tick, state kept."""
        with self._lock:
            self.cluster.fail(int(job_id), message)

    def hang_savepoint(self, job_id: str | int) -> None:
        """Keep the job in DOING_SAVEPOINT once a savepoint starts (only `force` ends it)."""
        with self._lock:
            self.cluster.hang_savepoint(int(job_id))

    def expire_history(self) -> None:
        """Forget finished jobs now, as after `history-job-expire-minutes`."""
        with self._lock:
            self.cluster.expire_history()

    def add_log(self, name: str, text: str) -> None:
        with self._lock:
            self.cluster.logs[name] = text

    def job(self, job_id: str | int) -> FakeJob | None:
        """The current run of a job id (running or in history), for assertions."""
        with self._lock:
            return self.cluster.find(int(job_id))

    def stored_state(self, job_id: str | int) -> int | None:
        """Rows covered by the job's stored checkpoint state, None when there is none."""
        with self._lock:
            return self.cluster.stored_state.get(int(job_id))

    # request handling ----------------------------------------------------------------------

    def handle(self, method: str, raw_path: str, headers: dict[str, str], body: bytes) -> _Reply:
        """Context path, then basic auth, then the servlet; a repeated query parameter keeps
        its last value, as `BaseServlet.getParameterMap` does."""
        split = urllib.parse.urlsplit(raw_path)
        path = urllib.parse.unquote(split.path)
        query = {k: v[-1] for k, v in urllib.parse.parse_qs(split.query, True).items()}
        with self._lock:
            self.requests.append(
                RecordedRequest(method, path, query, headers, body.decode("utf-8", "replace"))
            )
            if self.context_path:
                if path != self.context_path and not path.startswith(self.context_path + "/"):
                    return _jetty_page(404, "Not Found", path)
                path = path[len(self.context_path) :] or "/"
            if self.auth is not None and not self._authorised(headers.get("authorization")):
                reply = _jetty_page(401, "Unauthorized", path)
                return _Reply(
                    reply.status, reply.content_type, reply.body, (("WWW-Authenticate", _REALM),)
                )
            if self.auto_advance:
                self.cluster.advance(1)
            return self._route(method, path, query, headers, body)

    def _authorised(self, header: str | None) -> bool:
        """`BasicAuthFilter`: Basic only, split at the first colon, exact comparison."""
        assert self.auth is not None
        if header is None or not header.startswith("Basic "):
            return False
        try:
            decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            return False
        user, colon, password = decoded.partition(":")
        return bool(colon) and (user, password) == self.auth

    def _routes(self) -> list[tuple[str, str, Any]]:
        routes: list[tuple[str, str, Any]] = [
            ("GET", "/overview", self._overview),
            ("GET", "/running-jobs", self._running_jobs),
            ("GET", "/job-info", self._job_info),
            ("GET", "/running-job", self._job_info),
            ("GET", "/finished-jobs", self._finished_jobs),
            ("GET", "/system-monitoring-information", self._monitoring),
            ("GET", "/thread-dump", self._thread_dump),
            ("GET", "/running-threads", self._running_threads),
            ("GET", "/logs", self._logs),
            ("GET", "/log", self._current_node_log),
            ("GET", "/get-all-log-name", self._all_log_names),
            ("POST", "/submit-job", self._submit_job),
            ("POST", "/submit-jobs", self._submit_jobs),
            ("POST", "/stop-job", self._stop_job),
            ("POST", "/stop-jobs", self._stop_jobs),
            ("POST", "/encrypt-config", self._encrypt_config),
            ("POST", "/update-tags", self._update_tags),
        ]
        if self.profile == "latest":
            routes += [
                ("POST", "/submit-job/upload", self._submit_upload),
                ("GET", "/metrics", self._metrics_text),
                ("GET", "/openmetrics", self._metrics_text),
            ]
        return routes

    def _route(
        self, method: str, path: str, query: dict[str, str], headers: dict[str, str], body: bytes
    ) -> _Reply:
        matches = [
            route for route in self._routes() if path == route[1] or path.startswith(route[1] + "/")
        ]
        if not matches:
            return _jetty_page(404, "Not Found", path)
        prefix = max(len(route[1]) for route in matches)
        servlet = [route for route in matches if len(route[1]) == prefix]
        handler = next((route[2] for route in servlet if route[0] == method), None)
        if handler is None:
            # `HttpServlet.doGet`/`doPost` of a servlet without that method
            name = servlet[0][2].__name__.strip("_").title().replace("_", "") + "Servlet"
            return _jetty_page(
                405, f"HTTP method {method} is not supported by this URL", path, name
            )
        suffix = path[prefix + 1 :]
        try:
            reply: _Reply = handler(suffix, query, headers, body)
        except FakeRefusal as refusal:
            return _envelope(refusal.status, refusal.message)
        except Exception as error:
            # `ExceptionHandlingFilter`: whatever else a servlet throws is a 500 envelope.
            return _envelope(500, f"{type(error).__name__}: {error}")
        return reply

    def _ok(self, data: Any) -> _Reply:
        content_type = _JSON if self.profile != "latest" else "application/json; charset=UTF-8"
        return _json_reply(data, content_type)

    # bodies --------------------------------------------------------------------------------

    @staticmethod
    def _body_json(body: bytes) -> Any:
        """`BaseServlet.requestHandle`: empty and unparsable bodies are 400s."""
        text = body.decode("utf-8", errors="replace")
        if not text.strip():
            raise bad_argument("Request body is empty.")
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            raise bad_argument("Invalid JSON format in request body.") from None

    def _check_config(self, config: Any) -> dict[str, Any]:
        """What the engine's config building needs before it can plan a job (500s). The
        15431c9 engine looks for the sources, then the sinks (a NullPointerException each),
        before `env`, as the real one answers."""
        if not isinstance(config, dict):
            raise FakeRefusal(500, "Config is not a JSON object")
        if self.profile == "2.3.9-snapshot":
            for key, variable in (("source", "sources"), ("sink", "sinks")):
                if key not in config:
                    raise FakeRefusal(
                        500,
                        f'Cannot invoke "java.util.List.isEmpty()" because "{variable}" is null',
                    )
        for key in ("env", "source", "sink"):
            if key not in config:
                raise FakeRefusal(500, f"No configuration setting found for key '{key}'")
        if not isinstance(config["env"], dict):
            raise FakeRefusal(500, "env has type list rather than object")
        return config

    def _hocon_config(self, text: str) -> dict[str, Any]:
        import stconfig

        if not text.strip():
            raise bad_argument("Request body is empty.")
        try:
            job = stconfig.loads(text, fmt="hocon")
        except stconfig.StconfigError as error:
            raise FakeRefusal(500, f"HOCON parse error: {error}") from None
        return self._check_config(job.to_dict())

    # job views -----------------------------------------------------------------------------

    def _metrics(self, job: FakeJob) -> dict[str, Any]:
        """`BaseServlet.getJobMetrics`: every value a string, per-table maps by table name."""
        rows = job.rows
        live = job.status is JobStatus.RUNNING
        rate = f"{float(self.cluster.rows_per_tick if live else 0)}"
        metrics: dict[str, Any] = {
            "SourceReceivedCount": str(rows),
            "SinkWriteCount": str(rows),
            "SourceReceivedBytes": str(rows * 100),
            "SinkWriteBytes": str(rows * 100),
            "SourceReceivedQPS": rate,
            "SinkWriteQPS": rate,
            "SourceReceivedBytesPerSeconds": f"{float(rate) * 100}",
            "SinkWriteBytesPerSeconds": f"{float(rate) * 100}",
            "TableSourceReceivedCount": {t: str(rows) for t in job.source_tables},
            "TableSinkWriteCount": {t: str(rows) for t in job.sink_tables},
            "TableSourceReceivedQPS": {t: rate for t in job.source_tables},
            "TableSinkWriteQPS": {t: rate for t in job.sink_tables},
        }
        if self.profile == "2.3.9-snapshot":
            per_second = f"{float(rate) * 100}"
            metrics["TableSourceReceivedBytes"] = {t: str(rows * 100) for t in job.source_tables}
            metrics["TableSinkWriteBytes"] = {t: str(rows * 100) for t in job.sink_tables}
            metrics["TableSourceReceivedBytesPerSeconds"] = {
                t: per_second for t in job.source_tables
            }
            metrics["TableSinkWriteBytesPerSeconds"] = {t: per_second for t in job.sink_tables}
            if rows == 0:  # the real one has its per-table maps empty until the first row
                for name in [key for key in metrics if key.startswith("Table")]:
                    metrics[name] = {}
        if self.profile == "latest":
            metrics["SinkCommittedCount"] = str(job.committed)
            metrics["SinkCommittedBytes"] = str(job.committed * 100)
            metrics["SinkCommittedQPS"] = rate
            metrics["SinkCommittedBytesPerSeconds"] = f"{float(rate) * 100}"
            metrics["IntermediateQueueSize"] = "0"
        return metrics

    def _dag(self, job: FakeJob) -> dict[str, Any]:
        """`JobDAGInfo`: vertexInfoMap is an array, vertex ids numbers, edge ids strings."""
        vertices: list[dict[str, Any]] = []
        for kind, label in (("source", "Source"), ("transform", "Transform"), ("sink", "Sink")):
            for index, plugin in enumerate(job.plugins(kind)):
                vertex_id = len(vertices) + 1
                name = plugin.get("plugin_name", "unknown")
                vertices.append(
                    {
                        "vertexId": vertex_id,
                        "type": kind,
                        "vertexName": f"pipeline-1 [{label}[{index}]-{name}]",
                        "tablePaths": job.sink_tables if kind == "sink" else job.source_tables,
                    }
                )
        edges = [
            {"inputVertexId": str(a["vertexId"]), "targetVertexId": str(b["vertexId"])}
            for a, b in itertools.pairwise(vertices)
        ]
        return {
            "jobId": str(job.job_id),
            "pipelineEdges": {"1": edges},
            "envOptions": job.env_options,
            "vertexInfoMap": vertices,
        }

    def _history_dag(self, job: FakeJob) -> dict[str, Any]:
        """2.3.8's v1 `job-info` of an ended job (seen on the real engine): `JobDAGInfo` from
        the history map, which the servlet sends as JSON-encoded text. Here the job id and edge
        ids are numbers and vertexInfoMap is an object keyed by vertex id, upper-case types."""
        vertices = self._dag(job)["vertexInfoMap"]
        return {
            "jobId": job.job_id,
            "pipelineEdges": {
                "1": [
                    {"inputVertexId": a["vertexId"], "targetVertexId": b["vertexId"]}
                    for a, b in itertools.pairwise(vertices)
                ]
            },
            "vertexInfoMap": {
                str(vertex["vertexId"]): {
                    "vertexId": vertex["vertexId"],
                    "type": vertex["type"].upper(),
                    "connectorType": vertex["vertexName"],
                }
                for vertex in vertices
            },
        }

    def _job_json(self, job: FakeJob) -> dict[str, Any]:
        """The running and terminal shapes of `job-info` (rest-api-v2.md §2.3)."""
        data: dict[str, Any] = {
            "jobId": str(job.job_id),
            "jobName": job.name,
            "jobStatus": job.status.value,
        }
        archived = self.cluster.archived(job)
        if archived:
            data["errorMsg"] = job.error_msg
            data["createTime"] = self.cluster.time_text(job.created)
            data["finishTime"] = self.cluster.time_text(job.finished)
        else:
            data["envOptions"] = job.env_options
            data["createTime"] = self.cluster.time_text(job.created)
        if self.profile == "latest":
            data["startTime"] = self.cluster.time_text(job.started)
        if archived and self.profile == "2.3.8":
            data["jobDag"] = json.dumps(self._history_dag(job), separators=(",", ":"))
        else:
            data["jobDag"] = self._dag(job)
        data["pluginJarsUrls"] = self._plugin_jars(job)
        if not archived:
            data["isStartWithSavePoint"] = job.start_with_savepoint
        data["metrics"] = self._metrics(job)
        return data

    def _plugin_jars(self, job: FakeJob) -> list[dict[str, str]]:
        """The connector jars of a running job, as "2.3.9-snapshot" lists them (sorted, one per
        connector); an ended job and the other profiles list none."""
        if self.profile != "2.3.9-snapshot" or self.cluster.archived(job):
            return []
        from stconfig.catalog.registry import plugin_spec

        artifacts = set()
        for kind in ("source", "sink"):
            for plugin in job.plugins(kind):
                try:
                    spec = plugin_spec(kind, str(plugin.get("plugin_name", "")), version="2.3.8")
                except (KeyError, ValueError):
                    continue
                if spec.artifact:
                    artifacts.add(spec.artifact)
        return [
            {"jarPath": f"file:{_CONNECTOR_HOME}/{artifact}-2.3.8.jar"}
            for artifact in sorted(artifacts)
        ]

    def _page(self, jobs: list[FakeJob], query: dict[str, str]) -> Any:
        """`PageBaseServlet` ("latest" only): `{data, total}` when `page` is present."""
        if self.profile != "latest" or "page" not in query:
            return [self._job_json(job) for job in jobs]
        page = _parse_int(query["page"])
        rows = _parse_int(query.get("rows", "10"))
        if page < 1:
            raise bad_argument("Page number must be greater than 0")
        start = (page - 1) * rows
        if start >= len(jobs):
            raise bad_argument("Page number exceeds total pages")
        chosen = jobs[start : start + rows]
        return {"data": [self._job_json(job) for job in chosen], "total": len(jobs)}

    # GET servlets --------------------------------------------------------------------------

    def _overview(self, _: str, query: dict[str, str], *__: Any) -> _Reply:
        version, commit = VERSIONS[self.profile]
        finished = list(self.cluster.finished.values())
        matches = all(self.tags.get(key) == value for key, value in query.items())

        def count(status: JobStatus) -> str:
            return str(sum(job.status is status for job in finished))

        data = {
            "projectVersion": version,
            "gitCommitAbbrev": commit,
            "totalSlot": "0",
            "unassignedSlot": "0",
            "workers": "1" if matches else "0",
            "runningJobs": str(len(self.cluster.running)),
            "finishedJobs": count(JobStatus.FINISHED),
            "failedJobs": count(JobStatus.FAILED),
            "cancelledJobs": count(JobStatus.CANCELED),
        }
        if self.profile == "latest":
            pending = sum(j.status is JobStatus.PENDING for j in self.cluster.running.values())
            data["pendingJobs"] = str(pending)
        return self._ok(data)

    def _running_jobs(self, _: str, query: dict[str, str], *__: Any) -> _Reply:
        jobs = list(self.cluster.running.values())
        if self.profile == "latest":
            jobs.sort(key=lambda job: job.created, reverse=True)
        return self._ok(self._page(jobs, query))

    def _job_info(self, suffix: str, *_: Any) -> _Reply:
        if not suffix:
            if self.profile != "latest":
                raise bad_argument("The jobId must not be empty.")
            raise bad_argument('For input string: ""')
        job_id = parse_long(suffix)
        job = self.cluster.find(job_id)
        return self._ok({"jobId": str(job_id)} if job is None else self._job_json(job))

    def _finished_jobs(self, suffix: str, query: dict[str, str], *_: Any) -> _Reply:
        state = suffix.strip("/").upper()
        jobs = [
            job for job in self.cluster.finished.values() if not state or job.status.value == state
        ]
        jobs.sort(key=lambda job: job.finished or 0, reverse=self.profile == "latest")
        return self._ok(self._page(jobs, query))

    def _monitoring(self, *_: Any) -> _Reply:
        node = {
            "processors": "2",
            "physical.memory.total": "8G",
            "heap.memory.used": "256M",
            "thread.count": "64",
            "host": "127.0.0.1",
            "port": "5801",
            "isMaster": "true",
        }
        if self.profile == "2.3.9-snapshot":
            node.update(dict.fromkeys(_NODE_METRICS, "0"))
        return self._ok([node])

    def _thread_dump(self, *_: Any) -> _Reply:
        thread = {
            "threadName": "main",
            "threadId": 1,
            "threadState": "RUNNABLE",
            "stackTrace": "java.lang.Thread.run(Thread.java:750)",
        }
        return self._ok([thread])

    def _running_threads(self, *_: Any) -> _Reply:
        return self._ok([{"threadName": "main", "classLoader": "AppClassLoader"}])

    def _metrics_text(self, *_: Any) -> _Reply:
        return _Reply(200, "text/plain", b"")

    def _log_names(self, job_filter: str) -> list[str]:
        return sorted(name for name in self.cluster.logs if job_filter in name)

    def _logs(self, suffix: str, query: dict[str, str], *_: Any) -> _Reply:
        """`AllNodeLogServlet`: a listing unless the parameter names a `.log` file."""
        if not self.log_dir:
            return _NO_LOG
        if ".log" in suffix:
            return self._log_content(suffix)
        node = f"127.0.0.1:{self.port}"
        entries = [
            {"node": node, "logLink": f"{self.url}/logs/{name}", "logName": name}
            for name in self._log_names(suffix)
        ]
        if query.get("format", "").lower() == "json":
            return self._ok(entries)
        items = "".join(
            f'<li><a href="{html.escape(e["logLink"])}">{html.escape(e["node"])}-'
            f"{html.escape(e['logName'])}</a></li>"
            for e in entries
        )
        page = f"<html><body><ul>{items}</ul></body></html>".encode()
        return _Reply(200, "text/html; charset=UTF-8", page)

    def _log_content(self, name: str) -> _Reply:
        """A log file as Jetty serves it: ISO-8859-1 text; a missing one a bare 400."""
        text = self.cluster.logs.get(name) if self.log_dir else None
        if text is None:
            return _NO_LOG
        return _Reply(200, "text/plain;charset=iso-8859-1", text.encode("iso-8859-1", "replace"))

    def _current_node_log(self, suffix: str, *_: Any) -> _Reply:
        """`CurrentNodeLogServlet`: a "Seatunnel log" page listing this node's files."""
        if not self.log_dir:
            return _NO_LOG
        if suffix:
            return self._log_content(suffix)
        items = "".join(
            f'<li><a href="log/{html.escape(name)}">{html.escape(name)}</a></li>\n'
            for name in self._log_names("")
        )
        page = (
            "<html><head><title>Seatunnel log</title></head>\n<body>\n"
            f" <h2>Seatunnel log</h2>\n <ul>\n{items} </ul>\n</body></html>"
        )
        return _Reply(200, "text/html;charset=utf-8", page.encode())

    def _all_log_names(self, *_: Any) -> _Reply:
        if not self.log_dir:
            return _NO_LOG
        return self._ok(self._log_names(""))

    # POST servlets -------------------------------------------------------------------------

    def _submit_job(
        self, suffix: str, query: dict[str, str], headers: dict[str, str], body: bytes
    ) -> _Reply:
        """`SubmitJobServlet`: flag check, body, config, then the coordinator's rules."""
        start_with_savepoint = query.get("isStartWithSavePoint", "").lower() == "true"
        if start_with_savepoint and "jobId" not in query:
            raise bad_argument("Please provide jobId when start with save point.")
        if self.profile == "latest" and "dryRun" in query:
            raise bad_argument("Dry-run is only supported via CLI")
        content_type = headers.get("content-type", "").lower()
        if self.form_pitfall and content_type.startswith("application/x-www-form-urlencoded"):
            if self.profile == "2.3.9-snapshot":
                # Jetty read the body as form parameters; the servlet's getReader() then fails
                raise FakeRefusal(500, "STREAMED")
            body = b""
        fmt = query.get("format", "json").lower() if self.profile == "latest" else "json"
        if fmt == "hocon":
            config = self._hocon_config(body.decode("utf-8", errors="replace"))
        elif fmt == "sql":
            raise FakeRefusal(500, "the fake engine does not parse SeaTunnel SQL")
        else:
            config = self._check_config(self._body_json(body))
        return self._ok(self._submit_config(config, query))

    def _submit_config(self, config: dict[str, Any], params: dict[str, str]) -> dict[str, str]:
        if self.check_jobs:
            refused = refusal(config, new_table_keys=self.profile == "latest")
            if refused is not None:
                raise refused
        job_id_text = params.get("jobId", "")
        job_id = parse_long(job_id_text) if job_id_text.strip() else None
        mode = source = None
        if self.profile == "latest" and params.get("restoreMode"):
            mode = params["restoreMode"]
            source_text = params.get("restoreSourceJobId", "")
            source = parse_long(source_text) if source_text else None
        new_id, name = self.cluster.submit(
            config,
            job_id=job_id,
            job_name=params.get("jobName") or None,
            start_with_savepoint=params.get("isStartWithSavePoint", "").lower() == "true",
            restore_mode=mode,
            restore_source=source,
        )
        return {"jobId": str(new_id), "jobName": name}

    def _submit_upload(
        self, suffix: str, query: dict[str, str], headers: dict[str, str], body: bytes
    ) -> _Reply:
        """`SubmitJobByUploadFileServlet`: multipart field `config_file`, format by extension."""
        raw = f"Content-Type: {headers.get('content-type', '')}\r\n\r\n".encode() + body
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
        if not message.is_multipart():
            raise bad_argument("Request body is not multipart/form-data")
        part = next(
            (
                p
                for p in message.iter_parts()
                if p.get_param("name", header="content-disposition") == "config_file"
            ),
            None,
        )
        if part is None:
            raise bad_argument("config_file is required")
        filename = str(part.get_filename() or "")
        payload = part.get_payload(decode=True)
        text = payload.decode("utf-8") if isinstance(payload, bytes) else ""
        if filename.endswith(".json"):
            config = self._check_config(self._body_json(text.encode("utf-8")))
        elif filename.endswith((".conf", ".config")):
            config = self._hocon_config(text)
        else:
            raise bad_argument(f"Unsupported file format: {filename}")
        return self._ok(self._submit_config(config, query))

    def _submit_jobs(self, _: str, __: dict[str, str], ___: dict[str, str], body: bytes) -> _Reply:
        """`SubmitJobsServlet`: one by one, no rollback; non-object elements skipped."""
        data = self._body_json(body)
        if not isinstance(data, list):
            raise bad_argument("Invalid JSON format in request body.")
        answers = []
        for element in data:
            if not isinstance(element, dict):
                continue
            params = element.pop("params", None)
            if not isinstance(params, dict):
                raise FakeRefusal(500, "null")
            text_params = {str(k): str(v) for k, v in params.items()}
            if text_params.get("isStartWithSavePoint", "").lower() == "true" and (
                "jobId" not in text_params
            ):
                raise bad_argument("Please provide jobId when start with save point.")
            answers.append(self._submit_config(self._check_config(element), text_params))
        return self._ok(answers)

    @staticmethod
    def _stop_request(item: Any) -> tuple[int, bool, bool]:
        if not isinstance(item, dict):
            raise bad_argument("Invalid JSON format in request body.")
        if item.get("jobId") is None or str(item.get("jobId")).strip() == "":
            raise bad_argument("jobId cannot be empty.")
        job_id = parse_long(str(item["jobId"]))
        savepoint = str(item.get("isStopWithSavePoint", "false")).lower() == "true"
        force = str(item.get("force", "false")).lower() == "true"
        return job_id, savepoint, force

    def _stop_job(self, _: str, __: dict[str, str], ___: dict[str, str], body: bytes) -> _Reply:
        """`StopJobServlet`: returns at once, the state changes at a later tick."""
        job_id, savepoint, force = self._stop_request(self._body_json(body))
        self.cluster.stop(job_id, savepoint=savepoint, force=force)
        return self._ok({"jobId": str(job_id)})

    def _stop_jobs(self, _: str, __: dict[str, str], ___: dict[str, str], body: bytes) -> _Reply:
        """`StopJobsServlet`: numeric echo; a string or small id is a 500 after the stop."""
        data = self._body_json(body)
        if not isinstance(data, list):
            raise bad_argument("Invalid JSON format in request body.")
        echo = []
        for item in data:
            job_id, savepoint, force = self._stop_request(item)
            self.cluster.stop(job_id, savepoint=savepoint, force=force)
            raw = item["jobId"]
            if isinstance(raw, str) or (isinstance(raw, int) and -(2**31) <= raw < 2**31):
                kind = "String" if isinstance(raw, str) else "Integer"
                message = f"class java.lang.{kind} cannot be cast to class java.lang.Long"
                if self.profile == "2.3.9-snapshot":  # as the real one says it on Java 9+
                    message += (
                        f" (java.lang.{kind} and java.lang.Long are in module java.base of "
                        "loader 'bootstrap')"
                    )
                raise FakeRefusal(500, message)
            echo.append({"jobId": job_id})
        return self._ok(echo)

    def _encrypt_config(
        self, _: str, __: dict[str, str], ___: dict[str, str], body: bytes
    ) -> _Reply:
        """`EncryptConfigServlet` with the base64 shade: `username` and `password` encoded."""
        config = self._body_json(body)
        if not isinstance(config, dict):
            raise bad_argument("Invalid JSON format in request body.")
        env = config.get("env")
        env = env if isinstance(env, dict) else {}
        if str(env.get("shade.identifier", "")).lower() == "base64":
            for kind in ("source", "sink"):
                for plugin in config.get(kind, []):
                    if not isinstance(plugin, dict):
                        continue
                    for key in ("username", "password"):
                        if isinstance(plugin.get(key), str):
                            plugin[key] = base64.b64encode(plugin[key].encode()).decode()
        return self._ok(config)

    def _update_tags(self, _: str, __: dict[str, str], ___: dict[str, str], body: bytes) -> _Reply:
        tags = self._body_json(body)
        if not isinstance(tags, dict):
            raise bad_argument("Invalid JSON format in request body.")
        self.tags = {str(k): str(v) for k, v in tags.items()}
        if self.profile == "latest":
            return self._ok({"status": "success", "message": "update node tags done."})
        return self._ok({"status": "success"})


def _parse_int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise bad_argument(f'For input string: "{text}"') from None


class _Handler(BaseHTTPRequestHandler):
    """Adapts http.server to `FakeEngine.handle`; quiet, HTTP/1.1 with explicit lengths."""

    fake: FakeEngine
    protocol_version = "HTTP/1.1"

    def _body(self) -> bytes:
        """The request body, sent with a length or in chunks (as streaming clients do)."""
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline().strip():
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _serve(self) -> None:
        body = self._body()
        headers = {key.lower(): value for key, value in self.headers.items()}
        reply = self.fake.handle(self.command, self.path, headers, body)
        self.send_response(reply.status)
        if reply.content_type:
            self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        for key, value in reply.headers:
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    do_GET = do_POST = do_PUT = do_DELETE = _serve

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the default access log on stderr."""


def _credentials(text: str) -> tuple[str, str]:
    user, colon, password = text.partition(":")
    if not colon or not user:
        raise argparse.ArgumentTypeError(f"{text!r} is not USER:PASSWORD")
    return user, password


class OneLineErrors(argparse.ArgumentParser):
    """An argument parser whose errors are one line (no usage block) and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def main(argv: list[str] | None = None) -> int:
    """`python -m stconfig.testing.fake_engine`: serve a fake on 127.0.0.1 until stopped, so
    `stconfig submit/status/stop/logs` can be tried without a cluster."""
    parser = OneLineErrors(
        prog="python -m stconfig.testing.fake_engine",
        description="Serve a fake SeaTunnel REST v2 engine on 127.0.0.1 until Ctrl-C or SIGTERM.",
    )
    parser.add_argument("--port", type=int, default=0, help="port to listen on (default: free)")
    parser.add_argument(
        "--profile",
        choices=PROFILES,
        default="latest",
        help="which engine to model (default: latest; 2.3.9-snapshot is the 15431c9 engine)",
    )
    parser.add_argument(
        "--basic-auth",
        type=_credentials,
        metavar="USER:PASSWORD",
        help="require these credentials (SeaTunnel 2.3.11+, so not with --profile 2.3.8)",
    )
    parser.add_argument(
        "--clock",
        choices=("wall", "request"),
        default="wall",
        help="engine time: one tick per second (wall, default) or per request",
    )
    options = parser.parse_args(argv)
    if options.basic_auth is not None and options.profile == "2.3.8":
        parser.error("--basic-auth: SeaTunnel 2.3.8 has no basic auth (it came in 2.3.11)")
    engine = FakeEngine(
        options.profile,
        auth=options.basic_auth,
        auto_advance=options.clock == "request",
        port=options.port,
    )
    try:
        engine.start()
    except OSError as error:
        print(
            f"error: cannot listen on 127.0.0.1:{options.port}: {error.strerror}", file=sys.stderr
        )
        return 1
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        print(f"fake SeaTunnel {VERSIONS[options.profile][0]} ({options.profile}) at {engine.url}")
        print("Ctrl-C or SIGTERM stops it", flush=True)
        while True:
            time.sleep(1.0)  # a signal interrupts the sleep at once
            if options.clock == "wall":
                engine.advance(1)
    except KeyboardInterrupt:
        pass
    finally:
        engine.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = [
    "HOOKS",
    "VERSIONS",
    "FakeEngine",
    "OneLineErrors",
    "RecordedRequest",
    "main",
    "profile_for_version",
]
