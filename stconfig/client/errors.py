"""Typed errors of the REST v2 client, each with one line a user can act on.

`exit_code` follows the command line's contract: 1 when the server answered and said no,
2 when the request never reached a working endpoint (address, port, credentials, usage).
"""

from __future__ import annotations

from stconfig.errors import StconfigError
from stconfig.secrets import mask_url


class ClientError(StconfigError):
    """Base of every error the client raises; `str()` is the one line to show."""

    exit_code = 2


class EngineUnreachable(ClientError):
    """Nothing answered: the engine is down, or its HTTP server is not enabled on that port."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(
            f"cannot reach {url} ({reason}): is the engine running with enable-http: true, "
            "on this port?"
        )
        self.url = url
        self.reason = reason


class EndpointNotFound(ClientError):
    """404: a wrong port, a missing `context-path`, or a v1 path on the v2 server.

    `v1_master` is set when the same port answers SeaTunnel's older Hazelcast REST API (v1,
    the only one 2.3.8 has) under `/hazelcast/rest/maps`: that is the master to use.
    """

    def __init__(self, url: str, v1_master: str | None = None) -> None:
        if v1_master is not None:
            message = (
                f"no REST v2 at {url}: this port serves SeaTunnel's Hazelcast REST API (v1, "
                f"SeaTunnel 2.3.8 and older), not REST v2; use --master {v1_master}"
            )
        else:
            message = (
                f"404 for {url}: wrong port or context-path (seatunnel.engine.http.context-path), "
                "or a v1 /hazelcast/rest/maps path on a REST v2 server"
            )
        super().__init__(message)
        self.url = url
        self.v1_master = v1_master


class AuthenticationRequired(ClientError):
    """401: the server has basic auth on and the credentials are missing or wrong."""

    def __init__(self, url: str, sent_credentials: bool) -> None:
        hint = (
            "the user or password was refused"
            if sent_credentials
            else "basic auth is on: pass --user/--password or set STCONFIG_USER/STCONFIG_PASSWORD"
        )
        super().__init__(f"401 from {url}: {hint}")
        self.url = url
        self.sent_credentials = sent_credentials


class UnexpectedResponse(ClientError):
    """An answer that is not what a SeaTunnel REST v2 server sends (a proxy, a wrong service)."""


class AnswerTooLarge(UnexpectedResponse):
    """An answer longer than any SeaTunnel sends; reading stops at the cap."""

    def __init__(self, url: str, limit: int) -> None:
        super().__init__(
            f"{url} sent more than {limit >> 20} MiB; stopped reading (no SeaTunnel answer is "
            "that long: is this the engine's REST port?)"
        )
        self.url = url
        self.limit = limit


class RedirectRefused(ClientError):
    """A redirect to another scheme, host or port: not followed, so neither the credentials
    nor the job (which may hold passwords of its own) leave the master's origin."""

    def __init__(self, url: str, target: str) -> None:
        shown = mask_url(target)
        super().__init__(
            f"{url} redirected to {shown}, another origin: not followed, so credentials and "
            "job files stay with the master; if the engine moved there, pass that as --master"
        )
        self.url = url
        self.target = shown


class RequestTimeout(ClientError):
    """The server accepted the connection but did not answer in time."""

    def __init__(self, url: str, timeout: float) -> None:
        super().__init__(
            f"no answer from {url} within {timeout:g}s; raise --timeout if the engine is busy"
        )
        self.url = url
        self.timeout = timeout


class ServerRefused(ClientError):
    """The server's `{"status": "fail", "message": ...}` envelope (400 or 500).

    The engine's message can be a multi-line Java stack trace, so `str()` keeps the first line
    and `message` keeps it all; callers should match it by substring.
    """

    exit_code = 1

    def __init__(self, status: int, message: str, url: str) -> None:
        first = next((line.strip() for line in message.splitlines() if line.strip()), "")
        super().__init__(f"the server refused ({status}): {first or '(no message)'}")
        self.status = status
        self.message = message
        self.url = url


class UnknownJob(ClientError):
    """The engine does not know the id: never submitted, or its history has expired."""

    exit_code = 1

    def __init__(self, job_id: str) -> None:
        super().__init__(
            f"unknown or expired job {job_id}: never submitted here, or its history expired "
            "(history-job-expire-minutes, 1440 by default)"
        )
        self.job_id = job_id


class JobAlreadyRunning(ClientError):
    """A submit under the id of an active job: the engine answers 200 and ignores it."""

    exit_code = 1

    def __init__(self, job_id: str, status: str) -> None:
        super().__init__(
            f"job {job_id} is {status}: the engine ignores a submit under the id of an active "
            "job and keeps running the old config, so nothing was sent; stop it first "
            f"(`stconfig stop {job_id} --savepoint`, then `stconfig restore {job_id} PATH` "
            "resumes it with the new config), or submit without --job-id"
        )
        self.job_id = job_id
        self.status = status


class UnsupportedByServer(ClientError):
    """A feature the connected server's version lacks; sending it would be silently ignored."""


class WaitTimeout(ClientError):
    """A job did not reach the awaited state before the deadline."""

    exit_code = 1

    def __init__(self, job_id: str, wanted: str, last: str, seconds: float) -> None:
        super().__init__(
            f"job {job_id} did not reach {wanted} within {seconds:g}s (last state {last})"
        )
        self.job_id = job_id
        self.last = last


class UsageError(ClientError):
    """A request that cannot be made as asked (a bad job id, conflicting restore settings)."""


__all__ = [
    "AnswerTooLarge",
    "AuthenticationRequired",
    "ClientError",
    "EndpointNotFound",
    "EngineUnreachable",
    "JobAlreadyRunning",
    "RedirectRefused",
    "RequestTimeout",
    "ServerRefused",
    "UnexpectedResponse",
    "UnknownJob",
    "UnsupportedByServer",
    "UsageError",
    "WaitTimeout",
]
