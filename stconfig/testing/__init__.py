"""Test helpers for code that talks to a SeaTunnel engine over REST v2.

`FakeEngine` is an in-process fake of the engine's REST API. `EngineMaster` is the small
interface lifecycle tests are written against, so the same test functions can run against the
fake or a real engine: a real engine provides `url` and `credentials`, lets time pass in
`advance`, and lists in `hooks` only the test hooks it can honour (a test needing another one
calls `require_hook`, which the pytest plugin turns into a skip).

With pytest, the fixtures `fake_engine`, `fake_engine_factory` and `engine_master` come from the
`stconfig.testing.fake_plugin` plugin (registered through the `pytest11` entry point).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from stconfig._lazy import lazy_attributes

if TYPE_CHECKING:
    from stconfig.testing.fake_engine import HOOKS, FakeEngine, RecordedRequest

_LAZY = {
    name: "stconfig.testing.fake_engine" for name in ("HOOKS", "FakeEngine", "RecordedRequest")
}
"""Loaded on first use: the pytest plugin imports this package in every test run."""


class HookUnavailable(Exception):
    """The engine under test cannot perform a test hook (a real engine cannot fail on cue)."""


@runtime_checkable
class EngineMaster(Protocol):
    """A SeaTunnel master under test: where it listens and how a test may steer it."""

    @property
    def url(self) -> str: ...

    @property
    def credentials(self) -> tuple[str, str] | None: ...

    @property
    def profile(self) -> str:
        """The fake profile whose behaviour to expect: "2.3.8", "2.3.9-snapshot" or "latest"."""
        ...

    @property
    def hooks(self) -> frozenset[str]:
        """The test hooks this engine honours, among `HOOKS`."""
        ...

    def advance(self, ticks: int = 1) -> None:
        """Let `ticks` seconds of engine time pass (a real engine may simply sleep)."""
        ...

    def fail_job(self, job_id: str | int, message: str = ...) -> None:
        """Make a running job fail; engines without the hook raise `HookUnavailable`."""
        ...


def require_hook(engine: EngineMaster, hook: str) -> None:
    """Raise `HookUnavailable` when the engine cannot perform `hook`."""
    if hook not in engine.hooks:
        raise HookUnavailable(f"the engine under test has no {hook!r} hook")


__getattr__ = lazy_attributes(__name__, _LAZY, globals())


__all__ = [
    "HOOKS",
    "EngineMaster",
    "FakeEngine",
    "HookUnavailable",
    "RecordedRequest",
    "require_hook",
]
