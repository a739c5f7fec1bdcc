"""One line per finding: `path:line:col: CODE message [name]`."""

from __future__ import annotations

from stconfig.lint.diagnostic import Diagnostic


def render(diagnostics: list[Diagnostic]) -> str:
    return "".join(f"{d}\n" for d in diagnostics)


__all__ = ["render"]
