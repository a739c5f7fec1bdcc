"""A scripted HTTP server on 127.0.0.1 for client tests: it answers each request with a
handler that writes raw bytes (so it can misbehave), records what it received, and stops
when the test ends. Every loop in it is bounded."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field


@dataclass
class Request:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes


Handler = Callable[[Request, socket.socket], None]


@dataclass
class Server:
    """Answers each request with `handler(request, connection)`; records what it received."""

    handler: Handler
    requests: list[Request] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        port: int = self._listener.getsockname()[1]
        return port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while not self._stopped.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with connection:
                connection.settimeout(5)
                try:
                    request = _read_request(connection)
                    if request is None:
                        continue
                    self.requests.append(request)
                    self.handler(request, connection)
                except OSError:
                    continue

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join(10)
        self._listener.close()


def _read_request(connection: socket.socket) -> Request | None:
    data = b""
    while b"\r\n\r\n" not in data and len(data) < 65536:
        chunk = connection.recv(4096)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return Request(method, target, headers, body)


def head(status: int = 200, headers: dict[str, str] | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status} X", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def answer(body: bytes | str | object, status: int = 200, **headers: str) -> Handler:
    data = (
        body
        if isinstance(body, bytes)
        else body.encode()
        if isinstance(body, str)
        else json.dumps(body).encode()
    )

    def handle(_: Request, connection: socket.socket) -> None:
        sent = {"Content-Type": "application/json", "Content-Length": str(len(data))}
        sent.update({k.replace("_", "-"): v for k, v in headers.items()})
        connection.sendall(head(status, sent) + data)

    return handle


ServeFn = Callable[[Handler], Server]


def serving() -> Iterator[ServeFn]:
    """The body of a `serve` fixture: start servers, stop them all when the test ends."""
    started: list[Server] = []

    def start(handler: Handler) -> Server:
        server = Server(handler)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


__all__ = ["Handler", "Request", "ServeFn", "Server", "answer", "head", "serving"]
