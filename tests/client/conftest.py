"""Fixtures for the client, fake-engine and lifecycle-command tests.

The fake-engine fixtures come from `stconfig.testing.fake_plugin`; they are imported here too so
these tests run before the plugin's entry point is installed. `engine_master` is overridden to
run every lifecycle test against the fake (every version profile) and both real engines (2.3.8
with REST v1, 15431c9 with REST v2); the real cases carry the `engine` marker and skip (or fail
under `STCONFIG_ENGINE=1`) like the other real-engine tests.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from stconfig.client import Client
from stconfig.testing import EngineMaster, FakeEngine
from stconfig.testing.fake_cluster import PROFILES
from stconfig.testing.fake_plugin import fake_engine, fake_engine_factory

__all__ = ["fake_engine", "fake_engine_factory"]


@pytest.fixture(params=["2.3.8", "latest"])
def profile(request: pytest.FixtureRequest) -> str:
    value: str = request.param
    return value


@pytest.fixture
def fake_master(fake_engine_factory: Callable[..., FakeEngine], profile: str) -> FakeEngine:
    """A started fake with time moving per request, once per version profile."""
    return fake_engine_factory(profile)


REAL_ENGINES = {"real-2.3.8-v1": "seatunnel_master", "real-15431c9-v2": "seatunnel_v2_master"}
"""The session fixtures of the real engines, by test id."""


@pytest.fixture(
    params=[
        *(pytest.param(name, id=f"fake-{name}") for name in PROFILES),
        *(pytest.param(name, id=name, marks=pytest.mark.engine) for name in REAL_ENGINES),
    ]
)
def engine_master(
    request: pytest.FixtureRequest, fake_engine_factory: Callable[..., FakeEngine]
) -> EngineMaster:
    """The engine lifecycle tests run against: the fake per version profile, then the real
    engines. Their profile comes from the version their `/overview` reports.

    The real engines are the session's `seatunnel_master` and `seatunnel_v2_master`
    (registered by the `stconfig` pytest plugin, so tests/engine, tests/contract and
    tests/client share one engine of each kind).
    """
    if request.param in REAL_ENGINES:
        real: EngineMaster = request.getfixturevalue(REAL_ENGINES[request.param])
        return real
    return fake_engine_factory(request.param)


@pytest.fixture
def manual_engine(fake_engine_factory: Callable[..., FakeEngine], profile: str) -> FakeEngine:
    """A fake whose clock moves only through `advance`, for exact state assertions."""
    return fake_engine_factory(profile, auto_advance=False)


@pytest.fixture
def client_for() -> Callable[..., Client]:
    """A client for an engine that never really sleeps while polling."""

    def make(engine: FakeEngine, **options: Any) -> Client:
        if engine.credentials is not None:
            options.setdefault("user", engine.credentials[0])
            options.setdefault("password", engine.credentials[1])
        return Client(engine.url, sleep=lambda _: None, **options)

    return make


@pytest.fixture
def write_job(tmp_path: Path) -> Callable[..., Path]:
    """Write a job dict as a .json file (or any text under any name)."""

    def write(job: dict[str, Any] | str, name: str = "job.json") -> Path:
        path = tmp_path / name
        path.write_text(job if isinstance(job, str) else json.dumps(job), encoding="utf-8")
        return path

    return write
