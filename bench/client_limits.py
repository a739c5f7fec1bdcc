"""The REST client against hostile servers: memory stays at the answer cap, time at the timeout.

Usage: python bench/client_limits.py [--cap-mib N] [--timeout S]
Prints, for an endless chunked answer read with three caps, the client's peak traced memory
as a multiple of the cap (constant: memory is linear in the cap, not in what the server
sends); and for a server that sends one byte every 50 ms, the wall time until the client gives
up as a multiple of `--timeout`.
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import threading
import time
import tracemalloc
from collections.abc import Callable

from stconfig.client import AnswerTooLarge, Client, RequestTimeout
from stconfig.client import client as client_module


def serve_once(send: Callable[[socket.socket], None]) -> tuple[int, threading.Thread]:
    """A one-connection server on 127.0.0.1 that runs `send` until the client leaves."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def run() -> None:
        with listener:
            listener.settimeout(10)
            connection, _ = listener.accept()
            with connection:
                connection.recv(65536)
                with contextlib.suppress(OSError):
                    send(connection)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return port, thread


def endless(connection: socket.socket) -> None:
    connection.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"10000\r\n" + b" " * 0x10000 + b"\r\n"
    for _ in range(1 << 16):  # at most 4 GiB, far past any cap
        connection.sendall(chunk)


def peak_reading(cap: int) -> tuple[int, int]:
    """(bytes allowed, peak traced bytes) for one endless answer read with `cap`."""
    client_module.MAX_ANSWER_BYTES = cap
    port, thread = serve_once(endless)
    tracemalloc.start()
    with contextlib.suppress(AnswerTooLarge):
        Client(f"http://127.0.0.1:{port}", timeout=60).overview()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    thread.join(10)
    return cap, peak


TRICKLE_BODY = b'{"projectVersion": "2.3.9-SNAPSHOT"}' * 10
TRICKLE = f"HTTP/1.1 200 OK\r\nContent-Length: {len(TRICKLE_BODY)}\r\n\r\n".encode() + TRICKLE_BODY


def trickle(connection: socket.socket) -> None:
    for byte in TRICKLE:
        time.sleep(0.05)
        connection.sendall(bytes([byte]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cap-mib", type=int, default=64)
    parser.add_argument("--timeout", type=float, default=3.0)
    options = parser.parse_args()
    for mib in (options.cap_mib // 4, options.cap_mib // 2, options.cap_mib):
        cap, peak = peak_reading(mib << 20)
        print(
            f"endless answer, cap {cap >> 20:4d} MiB: peak traced memory "
            f"{peak / (1 << 20):7.1f} MiB ({peak / cap:.2f} x the cap)"
        )
    port, thread = serve_once(trickle)
    started = time.monotonic()
    try:
        Client(f"http://127.0.0.1:{port}", timeout=options.timeout).overview()
        outcome = "answered"
    except RequestTimeout:
        outcome = "RequestTimeout"
    elapsed = time.monotonic() - started
    thread.join(10)
    print(
        f"one byte per 50 ms, --timeout {options.timeout:g}: {outcome} after {elapsed:.2f} s "
        f"({elapsed / options.timeout:.2f} x the timeout; the whole answer would take "
        f"{len(TRICKLE) * 0.05:.0f} s)"
    )


if __name__ == "__main__":
    main()
