"""stconfig: read, convert, lint and submit Apache SeaTunnel job files.

The public API is imported lazily, so `import stconfig` stays cheap for the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stconfig._lazy import lazy_attributes

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "load": "stconfig.reader",
    "loads": "stconfig.reader",
    "lint": "stconfig.lint",
    "format_text": "stconfig.format",
    "diff": "stconfig.jobdiff",
    "JobDiff": "stconfig.jobdiff",
    "emit_json": "stconfig.emit",
    "emit_hocon": "stconfig.emit",
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
    from stconfig.emit import emit_hocon, emit_json
    from stconfig.errors import (
        EmitError,
        FileReadError,
        ParseError,
        StconfigError,
        UnresolvedVariableError,
        VariableError,
    )
    from stconfig.format import format_text
    from stconfig.jobdiff import JobDiff, diff
    from stconfig.lint import lint
    from stconfig.lint.diagnostic import Diagnostic
    from stconfig.model.job import Job, Plugin
    from stconfig.reader import load, loads


__getattr__ = lazy_attributes(__name__, _EXPORTS, globals())


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


__all__ = [
    "Diagnostic",
    "EmitError",
    "FileReadError",
    "Job",
    "JobDiff",
    "ParseError",
    "Plugin",
    "StconfigError",
    "UnresolvedVariableError",
    "VariableError",
    "__version__",
    "diff",
    "emit_hocon",
    "emit_json",
    "format_text",
    "lint",
    "load",
    "loads",
]
