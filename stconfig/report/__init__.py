"""Output formats for findings; each renders a sorted list of diagnostics to text."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from stconfig.lint.diagnostic import Diagnostic

Renderer = Callable[[list[Diagnostic]], str]

REPORTER_BY_NAME: dict[str, str] = {
    "full": "stconfig.report.full",
    "concise": "stconfig.report.concise",
    "json": "stconfig.report.json",
    "sarif": "stconfig.report.sarif",
    "github": "stconfig.report.github",
}
"""Format name -> module with a `render` function (imported only when that format is used)."""


def renderer(name: str) -> Renderer:
    render: Renderer = import_module(REPORTER_BY_NAME[name]).render
    return render


__all__ = ["REPORTER_BY_NAME", "Renderer", "renderer"]
