"""A Python DSL for SeaTunnel jobs, in the spirit of hera: builders, `with`, and `>>` wiring.

    from stconfig.dsl import Console, FakeSource, Job

    with Job("fake_to_console", mode="BATCH") as job:
        FakeSource(row_num=16) >> Console()

Typed plugins (`FakeSource`, `FieldMapper`, `Console`, ...) are the plugin catalog's models,
imported on first use from `stconfig.dsl.connectors`; `Source`, `Transform` and `Sink` take
any plugin by name with free options.

`stconfig.dsl.load(path)` reads an existing job file into these objects.
`job.to_json()`, `job.to_hocon()` and `job.lint()` go through the same job model, emitters
and linter as files read from disk; `stconfig build` writes them, `stconfig import` writes
this code from an existing job.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from stconfig.dsl.document import JobDocument
from stconfig.dsl.env import Env, Mode
from stconfig.dsl.errors import DslError, WiringError
from stconfig.dsl.job import Job, TableKeys
from stconfig.dsl.plugins import Input, Plugin, Sink, Source, Transform, Wired
from stconfig.dsl.restore import Restore
from stconfig.dsl.variables import Secret, Var

if TYPE_CHECKING:
    from stconfig.dsl.connectors import *  # noqa: F403
    from stconfig.dsl.importer import load


def __getattr__(name: str) -> Any:
    """Typed plugin classes (from `stconfig.dsl.connectors`) and `load`, imported on first use."""
    if name == "load":
        return import_module("stconfig.dsl.importer").load
    connectors = import_module("stconfig.dsl.connectors")
    if name not in connectors.MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(connectors, name)
    globals()[name] = value
    return value


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
    "Wired",
    "WiringError",
    "load",
]
