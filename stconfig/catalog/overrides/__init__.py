"""Hand-written plugin models that refine the generated ones; they win on lookup.

Each override subclasses the generated model of its SeaTunnel version, keeps every option,
and adds clearer documentation, precise types and validated examples. `OVERRIDES` maps
(version, kind, plugin name) to `module:class`.
"""

from __future__ import annotations

OVERRIDES: dict[tuple[str, str, str], str] = {}

__all__ = ["OVERRIDES"]
