"""pytest fixtures for the fake and the real engine (entry point `pytest11`: `stconfig`).

- `fake_engine_factory(profile=..., **options)` starts fakes, all stopped at teardown;
- `fake_engine`: one started fake, "latest" profile, time moving one tick per request;
- `engine_master`: the engine lifecycle tests run against. It is the fake here; a conftest or
  another plugin can override it to yield a real engine implementing `EngineMaster`.
- `seatunnel_master` (REST v1, 2.3.8), `seatunnel_v2_master` (REST v2, 15431c9),
  `seatunnel_master_url`, `seatunnel_tools`: the real-engine fixtures of
  `stconfig.testing.engine`. They are registered here, once for the whole run, so that every
  test directory shares one session engine of each kind.

A test that needs a hook the engine lacks is skipped (`HookUnavailable` becomes a skip).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from typing import TYPE_CHECKING, Any

import pytest

from stconfig.testing import EngineMaster, HookUnavailable
from stconfig.testing.engine import (
    seatunnel_master,
    seatunnel_master_url,
    seatunnel_tools,
    seatunnel_v2_master,
)

if TYPE_CHECKING:
    from stconfig.testing.fake_engine import FakeEngine


@pytest.fixture
def fake_engine_factory() -> Iterator[Callable[..., FakeEngine]]:
    """Start fakes with any `FakeEngine` options; every one is stopped after the test."""
    from stconfig.testing.fake_engine import FakeEngine

    started: list[FakeEngine] = []

    def start(profile: str = "latest", **options: Any) -> FakeEngine:
        options.setdefault("auto_advance", True)
        engine = FakeEngine(profile, **options).start()
        started.append(engine)
        return engine

    yield start
    for engine in started:
        engine.stop()


@pytest.fixture
def fake_engine(fake_engine_factory: Callable[..., FakeEngine]) -> FakeEngine:
    """A started fake engine, "latest" profile, one tick of engine time per request."""
    return fake_engine_factory()


@pytest.fixture
def engine_master(fake_engine: FakeEngine) -> EngineMaster:
    """The engine lifecycle tests use; override it to run them against a real engine."""
    return fake_engine


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    """Turn `HookUnavailable` into a skip, so one test body serves fake and real engines."""
    try:
        return (yield)
    except HookUnavailable as error:
        pytest.skip(str(error))


__all__ = [
    "engine_master",
    "fake_engine",
    "fake_engine_factory",
    "seatunnel_master",
    "seatunnel_master_url",
    "seatunnel_tools",
    "seatunnel_v2_master",
]
