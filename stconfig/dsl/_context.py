"""The stack of open `with Job(...)` blocks, so plugins created inside one join that job.

A ContextVar (not a global list) keeps concurrent builds in threads or tasks apart, as in
hera's `workflows/_context.py`.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stconfig.dsl.job import Job

_OPEN: ContextVar[tuple[Job, ...]] = ContextVar("stconfig_dsl_open_jobs", default=())


def enter(job: Job) -> None:
    _OPEN.set((*_OPEN.get(), job))


def leave(job: Job) -> None:
    stack = _OPEN.get()
    if not stack or stack[-1] is not job:
        raise RuntimeError("`with Job(...)` blocks were closed out of order")
    _OPEN.set(stack[:-1])


def current() -> Job | None:
    """The innermost open job, or None outside any `with Job(...)` block."""
    stack = _OPEN.get()
    return stack[-1] if stack else None


__all__ = ["current", "enter", "leave"]
