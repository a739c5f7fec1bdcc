"""Job bodies and a raw HTTP helper shared by the client tests."""

from __future__ import annotations

import http.client
import json
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from stconfig.testing import FakeEngine


def streaming_job(name: str = "orders", env: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A small STREAMING job: FakeSource -> Console through table `fake`.

    Valid for a real engine too: FakeSource has its schema, and the table links use the
    2.3.8 key names, which later versions still accept as fallbacks.
    """
    return {
        "env": {
            "job.mode": "STREAMING",
            "job.name": name,
            "checkpoint.interval": 1000,
            **(env or {}),
        },
        "source": [
            {
                "plugin_name": "FakeSource",
                "result_table_name": "fake",
                "row.num": 10,
                "schema": {"fields": {"name": "string", "age": "int"}},
            }
        ],
        "sink": [{"plugin_name": "Console", "source_table_name": "fake"}],
    }


def batch_job(name: str = "nightly") -> dict[str, Any]:
    job = streaming_job(name)
    job["env"]["job.mode"] = "BATCH"
    return job


@dataclass(frozen=True)
class Raw:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body)


def raw(
    engine: FakeEngine,
    method: str,
    path: str,
    body: str | bytes | None = None,
    headers: dict[str, str] | None = None,
    query: dict[str, str] | None = None,
    in_context: bool = True,
) -> Raw:
    """One HTTP exchange with nothing in between, for wire-level contract assertions."""
    target = (engine.context_path if in_context else "") + path
    if query:
        target += "?" + urllib.parse.urlencode(query)
    connection = http.client.HTTPConnection("127.0.0.1", engine.port, timeout=5)
    try:
        data = body.encode() if isinstance(body, str) else body
        sent = {"Content-Type": "application/json", **(headers or {})}
        connection.request(method, target, body=data, headers=sent)
        answer = connection.getresponse()
        return Raw(answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read())
    finally:
        connection.close()


__all__ = ["Raw", "batch_job", "raw", "streaming_job"]
