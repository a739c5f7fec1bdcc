"""A client for the SeaTunnel Zeta REST API v2 (rest-api-v2.md), standard library only.

It gives each call a timeout suited to it (a submit blocks until the coordinator has queued
the job) and a size cap suited to its answer, reads SeaTunnel's answers and refusals into
typed results and typed errors, and finds a 2.3.8 engine's v1 API when pointed at it. The
HTTP itself (auth, redirects, deadlines, size caps, TLS) is `stconfig.client.transport`.
"""

from __future__ import annotations

import base64
import json
import time
import urllib.parse
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import ValidationError

from stconfig.client.errors import (
    AuthenticationRequired,
    ClientError,
    EndpointNotFound,
    JobAlreadyRunning,
    ServerRefused,
    UnexpectedResponse,
    UnknownJob,
    UnsupportedByServer,
    UsageError,
    WaitTimeout,
)
from stconfig.client.models import (
    JobInfo,
    JobPage,
    JobStatus,
    LogFile,
    Overview,
    SubmitResponse,
)
from stconfig.client.settings import ClientSettings
from stconfig.client.submission import (
    Format,
    JobSource,
    Submission,
    check_job_id,
    prepare_submission,
)
from stconfig.client.transport import MAX_REDIRECTS, ConnectionClosed, Response, Transport
from stconfig.client.urls import check_timeout, split_master
from stconfig.versions import FEATURES, Version, has

V1_PREFIX = "/hazelcast/rest/maps"
"""Where SeaTunnel 2.3.8 and older serve their REST API (v1, on the Hazelcast port); the
endpoint names match v2's, so the client works there with this prefix on the master."""

READ_TIMEOUT = 10.0
SUBMIT_TIMEOUT = 120.0
"""A submit returns only once the JobMaster is built and the job queued: allow for big jobs."""
STOP_TIMEOUT = 30.0
PROBE_TIMEOUT = 2.0
PROBE_LIMIT = 1 << 20

MAX_ANSWER_BYTES = 64 << 20
"""The most the client reads of a JSON answer. The largest real one is a long finished-jobs
list with its DAGs (a few MB); a body past this is not a SeaTunnel answer, and is refused
before it can fill the memory."""
MAX_LOG_BYTES = 512 << 20
"""The most the client reads of one log file (the engine serves whole files, no tail)."""


@dataclass(frozen=True, slots=True)
class SubmittedJob:
    """The server's answer to a submit, and the notes about what was repaired on the way."""

    job_id: str
    job_name: str
    submission: Submission

    @property
    def notes(self) -> tuple[str, ...]:
        return self.submission.notes

    @property
    def restored(self) -> bool:
        return self.submission.start_with_savepoint


class Client:
    """One master URL, optional basic auth, typed answers and typed errors."""

    def __init__(
        self,
        master: str,
        *,
        user: str | None = None,
        password: str | None = None,
        verify: bool | str = True,
        timeout: float | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.master, url_user, url_password = split_master(master)
        if url_user is not None:
            if user is not None and user != url_user:
                raise UsageError("two users given: one in the master URL and one apart")
            user = url_user
            password = url_password if url_password is not None else password
        self.timeout = check_timeout(timeout)
        auth = None
        if user is not None:
            token = base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
            auth = f"Basic {token}"
        self._transport = Transport(auth=auth, verify=verify)
        self._sleep = sleep
        self._clock = clock
        self._overview: Overview | None = None

    @classmethod
    def from_settings(cls, settings: ClientSettings) -> Client:
        return cls(
            settings.master,
            user=settings.user,
            password=settings.password,
            verify=settings.verify,
            timeout=settings.timeout,
        )

    # requests ------------------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        query: dict[str, str] | None = None,
        body: str | None = None,
        content_type: str = "application/json",
        timeout: float = READ_TIMEOUT,
        limit: int | None = None,
    ) -> Response:
        """Send one request; any answer other than a 200 becomes a typed error.

        The whole exchange, redirects included, ends within the timeout, and the answer is
        read up to `limit` bytes (default `MAX_ANSWER_BYTES`): a server that trickles or
        never stops cannot hold us.
        """
        url = self.master + path
        if query:
            url += "?" + urllib.parse.urlencode(query)
        data = None if body is None else body.encode("utf-8")
        headers = {"Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = f"{content_type}; charset=utf-8"
        wait = self.timeout if self.timeout is not None else timeout
        cap = MAX_ANSWER_BYTES if limit is None else limit
        try:
            answer = self._transport.exchange(method, url, data, headers, wait, cap)
        except ConnectionClosed as closed:
            # 2.3.8's Hazelcast port closes the connection on paths it does not serve
            v1_master = self._v1_master()
            raise (closed if v1_master is None else EndpointNotFound(url, v1_master)) from None
        if answer.status != 200:
            raise self._http_error(url, answer.status, answer.body)
        return answer

    def _http_error(self, url: str, status: int, body: bytes) -> Exception:
        if status == 401:
            return AuthenticationRequired(url, self._transport.auth is not None)
        if status == 404:
            return EndpointNotFound(url, self._v1_master())
        if status == 405:
            return UnexpectedResponse(f"405 for {url}: that method is not allowed on this path")
        if status in (400, 500):
            envelope = _loads(body) if body else {}
            if isinstance(envelope, dict) and (not body or envelope.get("status") == "fail"):
                message = envelope.get("message")
                return ServerRefused(status, "" if message is None else str(message), url)
        return UnexpectedResponse(f"HTTP {status} from {url}: not a SeaTunnel REST v2 answer")

    def _v1_master(self) -> str | None:
        """The master with the v1 prefix, when this port answers the Hazelcast REST API."""
        if self.master.endswith(V1_PREFIX):
            return None
        url = self.master + V1_PREFIX + "/overview"
        try:
            answer = self._transport.exchange("GET", url, None, {}, PROBE_TIMEOUT, PROBE_LIMIT)
        except ClientError:
            return None
        overview = _loads(answer.body) if answer.status == 200 else None
        return self.master + V1_PREFIX if isinstance(overview, dict) else None

    def _json(self, response: Response, url_path: str) -> Any:
        try:
            return json.loads(response.text)
        except RecursionError:
            raise UnexpectedResponse(
                f"{url_path} answered JSON nested too deeply to be a SeaTunnel answer"
            ) from None
        except json.JSONDecodeError:
            raise UnexpectedResponse(
                f"{url_path} answered {response.content_type}, not JSON: is this a SeaTunnel "
                "REST v2 port?"
            ) from None

    def _get(self, path: str, query: dict[str, str] | None = None) -> Any:
        return self._json(self.request("GET", path, query=query), path)

    # version -------------------------------------------------------------------------------

    def overview(self, tags: dict[str, str] | None = None) -> Overview:
        """Cluster versions, slots, workers and job counters (`GET /overview`)."""
        overview = _parse(Overview, self._get("/overview", tags), "/overview")
        if not tags:
            self._overview = overview
        return overview

    def project_version(self) -> str:
        """The version text the server reports (`projectVersion` of the overview, asked once)."""
        overview = self._overview or self.overview()
        return overview.project_version

    def server_version(self) -> Version | None:
        """The engine version from the overview (asked once), None when it is unreadable."""
        try:
            return Version.parse(self.project_version())
        except ValueError:
            return None

    def supports(self, feature: str) -> bool:
        """Whether the server's version has a feature of `stconfig.versions.FEATURES`.

        A pre-release orders before its release (2.3.9-SNAPSHOT lacks what 2.3.9 added);
        an unreadable version passes, since refusing would block every unknown build.
        """
        version = self.server_version()
        return version is None or has(version, feature)

    def require(self, feature: str) -> None:
        """Refuse, with the reason, a feature the server would silently ignore."""
        if not self.supports(feature):
            raise UnsupportedByServer(self._lacks(feature))

    def _lacks(self, feature: str) -> str:
        known = FEATURES[feature]
        assert self._overview is not None
        return (
            f"the server runs SeaTunnel {self._overview.project_version}, which has no "
            f"{known.description} (needs {known.since} or later)"
        )

    def unused_credentials(self) -> str | None:
        """Why the credentials are pointless on this server, or None when they may be needed."""
        if self._transport.auth is None or self.supports("basic_auth"):
            return None
        assert self._overview is not None
        return (
            f"the server runs SeaTunnel {self._overview.project_version}, which has no basic "
            f"authentication (it came in {FEATURES['basic_auth'].since}); the credentials are "
            "not used"
        )

    def adapt(self, submission: Submission) -> Submission:
        """The submission as this server can take it: HOCON becomes JSON for servers without
        `format=hocon` (they would refuse the body), with a note saying so."""
        if submission.fmt != "hocon" or self.supports("format_hocon"):
            return submission
        assert self._overview is not None
        return submission.as_json(
            f"the server runs SeaTunnel {self._overview.project_version}, which has no "
            f"format=hocon (it came in {FEATURES['format_hocon'].since}): sending the job as "
            "JSON, converted here"
        )

    def check_not_running(self, job_id: str) -> None:
        """Refuse a submit under the id of an active job: the engine answers 200 and keeps
        running the old config ("is currently running; no need to submit again")."""
        try:
            info = self.job_info(job_id)
        except UnknownJob:
            return
        if not info.terminal:
            raise JobAlreadyRunning(job_id, info.status.value)

    # jobs ----------------------------------------------------------------------------------

    def submit(
        self,
        job: JobSource,
        *,
        job_id: str | int | None = None,
        name: str | None = None,
        start_with_savepoint: bool = False,
        fmt: Format = "json",
        variables: Mapping[str, str] | None = None,
    ) -> SubmittedJob:
        """Submit one job; returns once the engine has queued it (PENDING), not when it runs."""
        submission = prepare_submission(
            job,
            job_id=job_id,
            name=name,
            start_with_savepoint=start_with_savepoint,
            fmt=fmt,
            variables=variables,
        )
        return self.send(submission)

    def send(self, submission: Submission) -> SubmittedJob:
        """Send a prepared submission (see `prepare_submission`).

        HOCON goes as JSON to servers without `format=hocon` (see `adapt`), and an id that
        names an active job is refused with `JobAlreadyRunning` before anything is sent.
        """
        submission = self.adapt(submission)
        if submission.job_id is not None:
            self.check_not_running(submission.job_id)
        response = self.request(
            "POST",
            "/submit-job",
            query=submission.query(),
            body=submission.body,
            content_type="application/json" if submission.fmt == "json" else "text/plain",
            timeout=SUBMIT_TIMEOUT,
        )
        answer = _parse(SubmitResponse, self._json(response, "/submit-job"), "/submit-job")
        return SubmittedJob(answer.job_id, answer.job_name, submission)

    def submit_many(self, jobs: Sequence[JobSource | Submission]) -> list[SubmitResponse]:
        """Submit several jobs in one `/submit-jobs` request (JSON only).

        The engine submits them one by one and rolls nothing back: when job k fails, jobs
        1..k-1 are already running and the error does not say so (rest-api-v2.md §2.8).
        """
        elements: list[dict[str, Any]] = []
        for job in jobs:
            submission = job if isinstance(job, Submission) else prepare_submission(job)
            if submission.fmt != "json":
                raise UsageError("/submit-jobs takes JSON jobs only")
            if submission.job_id is not None:
                self.check_not_running(submission.job_id)
            element = json.loads(submission.body)
            params = {k: v for k, v in submission.query().items() if k != "format"}
            element["params"] = params
            elements.append(element)
        response = self.request(
            "POST", "/submit-jobs", body=json.dumps(elements), timeout=SUBMIT_TIMEOUT * 2
        )
        data = self._json(response, "/submit-jobs")
        if not isinstance(data, list):
            raise UnexpectedResponse("/submit-jobs did not answer with a list")
        return [_parse(SubmitResponse, item, "/submit-jobs") for item in data]

    def job_info(self, job_id: str | int) -> JobInfo:
        """One job, running or finished; `UnknownJob` when the engine has no record of it."""
        checked = check_job_id(job_id)
        path = f"/job-info/{checked}"
        data = self._get(path)
        if isinstance(data, dict) and set(data) == {"jobId"}:
            raise UnknownJob(checked)
        return _parse(JobInfo, data, path)

    def running_jobs(self, *, page: int | None = None, rows: int | None = None) -> JobPage:
        """Every job not yet in a final state (PENDING through CANCELING)."""
        return self._list("/running-jobs", page, rows)

    def finished_jobs(
        self,
        state: JobStatus | str | None = None,
        *,
        page: int | None = None,
        rows: int | None = None,
    ) -> JobPage:
        """Jobs in a final state still in history, optionally of one state."""
        path = "/finished-jobs"
        if state is not None:
            text = str(state).upper()
            if text not in JobStatus.__members__ or not JobStatus(text).terminal:
                finals = ", ".join(s.value for s in JobStatus if s.terminal)
                raise UsageError(f"{state!r} is not a final job state; use one of {finals}")
            path += f"/{text}"
        return self._list(path, page, rows)

    def _list(self, path: str, page: int | None, rows: int | None) -> JobPage:
        """Both list shapes: the bare array, and `{data, total}` when the server pages."""
        if page is None and rows is not None:
            page = 1
        if page is not None and page < 1:
            raise UsageError("page numbers start at 1")
        if rows is not None and rows < 1:
            raise UsageError("rows must be at least 1")
        query = None
        if page is not None:
            query = {"page": str(page), "rows": str(rows or 10)}
        try:
            data = self._get(path, query)
        except ServerRefused as error:
            if page is None or "exceeds total pages" not in error.message:
                raise
            known = 0 if page == 1 else self._list(path, 1, 1).total
            return JobPage(jobs=[], total=known, page=page, rows=rows or 10)
        if isinstance(data, dict) and "data" in data:
            items, count = data["data"], data.get("total")
            if not isinstance(items, list) or not isinstance(count, int):
                raise UnexpectedResponse(f"{path} answered a malformed {{data, total}} page")
            return JobPage(
                jobs=_parse_list(items, path),
                total=count,
                page=page,
                rows=None if page is None else rows or 10,
            )
        if not isinstance(data, list):
            raise UnexpectedResponse(f"{path} answered neither a list nor {{data, total}}")
        jobs = _parse_list(data, path)
        if page is None:
            return JobPage(jobs=jobs, total=len(jobs))
        size = rows or 10
        start = (page - 1) * size
        return JobPage(jobs=jobs[start : start + size], total=len(jobs), page=page, rows=size)

    def stop(self, job_id: str | int, *, savepoint: bool = False, force: bool = False) -> str:
        """Ask the engine to stop a job; the state changes later, so follow with `wait`.

        Without a savepoint the engine *cancels*: the job ends CANCELED and its checkpoints
        are deleted (`CheckpointManager.clearCheckpointIfNeed`). `force` wins over `savepoint`.
        """
        checked = check_job_id(job_id)
        if force:
            self.require("force_stop")
        payload: dict[str, Any] = {"jobId": int(checked), "isStopWithSavePoint": savepoint}
        if force:
            payload["force"] = True
        response = self.request("POST", "/stop-job", body=json.dumps(payload), timeout=STOP_TIMEOUT)
        data = self._json(response, "/stop-job")
        if not isinstance(data, dict) or "jobId" not in data:
            raise UnexpectedResponse("/stop-job did not echo the job id")
        return str(data["jobId"])

    def wait(
        self,
        job_id: str | int,
        until: Collection[JobStatus],
        *,
        timeout: float = 300.0,
        interval: float = 0.5,
        max_interval: float = 5.0,
    ) -> JobInfo:
        """Poll `job-info` with backoff until the job is in one of `until` or final.

        A final state ends the wait even when it is not wanted (it can never change); the
        caller compares `info.status`. An ended job is first reported from the running-job
        record, with its final state but no finish time, until the engine moves it into
        history a moment later (seen on 2.3.8 and 15431c9); the wait goes on until the
        history record answers, or returns the running one at the deadline.
        `WaitTimeout` after `timeout` seconds without a wanted or final state.
        """
        deadline = self._clock() + timeout
        delay = interval
        while True:
            info = self.job_info(job_id)
            remaining = deadline - self._clock()
            if info.terminal:
                if info.finish_time is not None or remaining <= 0:
                    return info
            elif info.status in until:
                return info
            elif remaining <= 0:
                wanted = " or ".join(sorted(s.value for s in until))
                raise WaitTimeout(str(job_id), wanted, info.status.value, timeout)
            self._sleep(min(delay, remaining))
            delay = min(delay * 1.5, max_interval)

    def log_files(self, job_id: str | int | None = None) -> list[LogFile]:
        """Log files on every node, those whose name contains the job id when one is given.

        The files exist per job only when log4j2 routes job logs to their own files.
        """
        path = "/logs" if job_id is None else f"/logs/{check_job_id(job_id)}"
        try:
            data = self._get(path, {"format": "json"})
        except ServerRefused as error:
            if not error.message:
                raise ServerRefused(
                    400, "the engine has no log directory configured (400, empty body)", path
                ) from None
            raise
        if not isinstance(data, list):
            raise UnexpectedResponse(f"{path} did not answer with a list")
        return [_parse(LogFile, item, path) for item in data]

    def log(self, name: str) -> str:
        """The whole content of one log file (the engine has no tail or size option)."""
        if ".log" not in name or "/" in name:
            raise UsageError(f"{name!r} is not a log file name such as job-<id>.log")
        path = "/logs/" + urllib.parse.quote(name)
        try:
            return self.request("GET", path, limit=MAX_LOG_BYTES).text
        except ServerRefused as error:
            if not error.message:
                raise ServerRefused(
                    400, f"no log file {name!r} on the node that answered", path
                ) from None
            raise


def _loads(body: bytes) -> Any:
    """JSON or None; nesting deep enough to exhaust the stack is no answer either."""
    try:
        return json.loads(body.decode("utf-8", errors="replace"))
    except (ValueError, RecursionError):
        return None


_M = TypeVar("_M", SubmitResponse, JobInfo, Overview, LogFile)


def _parse(model: type[_M], data: Any, path: str) -> _M:
    try:
        return model.model_validate(data)
    except RecursionError:
        raise UnexpectedResponse(f"{path} answered JSON nested too deeply") from None
    except ValidationError as error:
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"])
        raise UnexpectedResponse(
            f"{path} answered an unexpected shape ({where}: {problem['msg']})"
        ) from None


def _parse_list(items: Iterable[Any], path: str) -> list[JobInfo]:
    return [_parse(JobInfo, item, path) for item in items]


__all__ = [
    "MAX_ANSWER_BYTES",
    "MAX_LOG_BYTES",
    "MAX_REDIRECTS",
    "READ_TIMEOUT",
    "STOP_TIMEOUT",
    "SUBMIT_TIMEOUT",
    "Client",
    "Response",
    "SubmittedJob",
]
