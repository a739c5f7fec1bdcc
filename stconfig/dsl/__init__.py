"""A Python DSL for SeaTunnel jobs, in the spirit of hera: builders, `with`, and `>>` wiring.

    from stconfig.dsl import Job, Sink, Source, Transform

    with Job("fake_to_console", mode="BATCH") as job:
        Source("FakeSource", {"row.num": 16}) >> Sink("Console")

`job.to_json()`, `job.to_hocon()` and `job.lint()` go through the same job model, emitters
and linter as files read from disk; `stconfig build` writes them, `stconfig import` writes
this code from an existing job.
"""

from __future__ import annotations

from stconfig.dsl.document import JobDocument
from stconfig.dsl.env import Env, Mode
from stconfig.dsl.errors import DslError, WiringError
from stconfig.dsl.job import Job, TableKeys
from stconfig.dsl.plugins import Input, Plugin, Sink, Source, Transform
from stconfig.dsl.restore import Restore
from stconfig.dsl.variables import Secret, Var

__all__ = [
    "DslError",
    "Env",
    "Input",
    "Job",
    "JobDocument",
    "Mode",
    "Plugin",
    "Restore",
    "Secret",
    "Sink",
    "Source",
    "TableKeys",
    "Transform",
    "Var",
    "WiringError",
]
