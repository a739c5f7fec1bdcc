"""HTTP for the client: one exchange at a time, bounded in time and size, credentials kept
to the master's origin.

Standard library only. Basic auth is sent pre-emptively (the engine never asks first) and only
to the origin it was given for; redirects are followed on that origin alone, and never in a
way that would drop a request body; the whole exchange, redirects included, ends within its
deadline (a watchdog shuts a socket that trickles); an answer is read up to a cap; TLS
certificates are checked unless told not to. Every failure is one typed `ClientError`.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import urllib.parse
from dataclasses import dataclass

from stconfig.client.errors import (
    AnswerTooLarge,
    ClientError,
    EngineUnreachable,
    RedirectRefused,
    RequestTimeout,
    UnexpectedResponse,
    UsageError,
)
from stconfig.secrets import mask_url

MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    content_type: str
    body: bytes
    location: str | None = None

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


class ConnectionClosed(EngineUnreachable):
    """The server closed the connection without answering (2.3.8's Hazelcast port does this
    on paths it does not serve, so the client checks for the v1 API then)."""

    def __init__(self, url: str) -> None:
        super().__init__(url, "the server closed the connection without answering")


class Transport:
    """Exchanges with the master's origin: `auth` is the `Authorization` header sent there."""

    def __init__(self, *, auth: str | None, verify: bool | str) -> None:
        self.auth = auth
        self._context = ssl_context(verify)

    def exchange(
        self,
        method: str,
        url: str,
        data: bytes | None,
        headers: dict[str, str],
        wait: float,
        limit: int,
    ) -> Response:
        """One exchange with same-origin redirects followed, within `wait` seconds in all, its
        answer read up to `limit` bytes; any status comes back (the caller judges it)."""
        deadline = time.monotonic() + wait
        origin = _origin(url)
        for _ in range(MAX_REDIRECTS + 1):
            sent = dict(headers)
            if self.auth is not None and _origin(url) == origin:
                sent["Authorization"] = self.auth
            answer = self._once(method, url, data, sent, deadline, wait, limit)
            if answer.status not in _REDIRECTS:
                return answer
            target = _redirect_target(url, answer.location)
            if _origin(target) != origin:
                raise RedirectRefused(url, target)
            if answer.status not in (307, 308) and method != "GET":
                raise UnexpectedResponse(
                    f"{url} answered {answer.status} to a {method}: a redirect that would "
                    "drop the request body is not followed"
                )
            url = target
        raise UnexpectedResponse(f"{url}: more than {MAX_REDIRECTS} redirects")

    def _once(
        self,
        method: str,
        url: str,
        data: bytes | None,
        headers: dict[str, str],
        deadline: float,
        wait: float,
        limit: int,
    ) -> Response:
        """One HTTP exchange; a watchdog closes the socket when the call's time is up."""
        parts = urllib.parse.urlsplit(url)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise RequestTimeout(url, wait)
        host = parts.hostname or ""
        connection: http.client.HTTPConnection
        if parts.scheme == "https":
            connection = http.client.HTTPSConnection(
                host, parts.port, timeout=remaining, context=self._context
            )
        else:
            connection = http.client.HTTPConnection(host, parts.port, timeout=remaining)
        watchdog = _Watchdog(remaining)
        response: http.client.HTTPResponse | None = None
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        try:
            connection.connect()
            watchdog.watch(connection.sock)
            connection.request(method, target, body=data, headers=headers)
            response = connection.getresponse()
            declared = response.getheader("Content-Length")
            if declared is not None and declared.strip().isdigit() and int(declared) > limit:
                raise AnswerTooLarge(url, limit)
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise AnswerTooLarge(url, limit)
                chunks.append(chunk)
            if watchdog.fired:
                raise RequestTimeout(url, wait)
            return Response(
                response.status,
                response.headers.get_content_type(),
                b"".join(chunks),
                response.getheader("Location"),
            )
        except ClientError:
            raise
        except ssl.SSLError as error:
            if watchdog.fired:
                raise RequestTimeout(url, wait) from None
            raise EngineUnreachable(url, f"TLS: {error}") from None
        except TimeoutError:
            raise RequestTimeout(url, wait) from None
        except http.client.RemoteDisconnected:
            if watchdog.fired:
                raise RequestTimeout(url, wait) from None
            raise ConnectionClosed(url) from None
        except http.client.HTTPException as error:
            if watchdog.fired:
                raise RequestTimeout(url, wait) from None
            raise UnexpectedResponse(
                f"{url} did not answer in HTTP ({type(error).__name__}): is this the REST v2 "
                "port (not Hazelcast's 5801)?"
            ) from None
        except OSError as error:
            if watchdog.fired:
                raise RequestTimeout(url, wait) from None
            raise EngineUnreachable(
                url, error.strerror or str(error) or type(error).__name__
            ) from None
        finally:
            watchdog.cancel()
            if response is not None:
                response.close()
            connection.close()


def _origin(url: str) -> tuple[str, str, int | None]:
    """Scheme, host and port, the default port filled in: what credentials are bound to."""
    parts = urllib.parse.urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = -1
    default = 443 if parts.scheme.lower() == "https" else 80
    return parts.scheme.lower(), (parts.hostname or "").lower(), port or default


def _redirect_target(url: str, location: str | None) -> str:
    """The absolute target of a redirect, without any userinfo it carried."""
    if not location:
        raise UnexpectedResponse(f"{url} answered a redirect without a Location")
    try:
        parts = urllib.parse.urlsplit(urllib.parse.urljoin(url, location.strip()))
    except ValueError:
        raise UnexpectedResponse(
            f"{url} redirected to a malformed URL {mask_url(location)!r}"
        ) from None
    return urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


class _Watchdog:
    """Shuts the socket down at the call's deadline: socket timeouts bound each read, not the
    whole answer, so a server sending a byte a second would never time out otherwise."""

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._done = False
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket | None) -> None:
        """The connected socket (http.client drops its own reference once the answer is
        being read); shut at once when the deadline has already passed."""
        with self._lock:
            self._sock = sock
            fired = self.fired
        if fired:
            self._shut()

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.fired = True
        self._shut()

    def _shut(self) -> None:
        if self._sock is not None:
            with contextlib.suppress(OSError):
                self._sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        with self._lock:
            self._done = True
        self._timer.cancel()


def ssl_context(verify: bool | str) -> ssl.SSLContext:
    """TLS as asked: certificates checked (against `verify` when it is a CA bundle path), or
    not at all for `verify=False`."""
    if verify is False:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    if isinstance(verify, str):
        try:
            return ssl.create_default_context(cafile=verify)
        except (OSError, ssl.SSLError) as error:
            raise UsageError(f"{verify}: not a usable CA bundle ({error})") from None
    return ssl.create_default_context()


__all__ = ["MAX_REDIRECTS", "ConnectionClosed", "Response", "Transport", "ssl_context"]
