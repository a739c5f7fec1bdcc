"""stconfig: read, convert, lint and submit Apache SeaTunnel job files.

The public API is imported lazily, so `import stconfig` stays cheap for the command line.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "load": "stconfig.reader",
    "loads": "stconfig.reader",
    "lint": "stconfig.lint",
    "Diagnostic": "stconfig.lint.diagnostic",
    "Job": "stconfig.model.job",
    "Plugin": "stconfig.model.job",
    "StconfigError": "stconfig.errors",
    "ParseError": "stconfig.errors",
    "FileReadError": "stconfig.errors",
    "UnresolvedVariableError": "stconfig.errors",
    "VariableError": "stconfig.errors",
    "EmitError": "stconfig.errors",
}

if TYPE_CHECKING:
    from stconfig.errors import (
        EmitError,
        FileReadError,
        ParseError,
        StconfigError,
        UnresolvedVariableError,
        VariableError,
    )
    from stconfig.lint import lint
    from stconfig.lint.diagnostic import Diagnostic
    from stconfig.model.job import Job, Plugin
    from stconfig.reader import load, loads


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'stconfig' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


__all__ = [
    "Diagnostic",
    "EmitError",
    "FileReadError",
    "Job",
    "ParseError",
    "Plugin",
    "StconfigError",
    "UnresolvedVariableError",
    "VariableError",
    "__version__",
    "lint",
    "load",
    "loads",
]
