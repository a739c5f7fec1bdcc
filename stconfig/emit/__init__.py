"""Writers for the job model: `job.json` (REST v2 body) and SeaTunnel-dialect HOCON.

Each writer is imported on first use: `stconfig convert` to JSON never loads the HOCON one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stconfig._lazy import lazy_attributes

if TYPE_CHECKING:
    from stconfig.emit.hocon import emit_hocon
    from stconfig.emit.json import emit_json

_EXPORTS = {"emit_hocon": "stconfig.emit.hocon", "emit_json": "stconfig.emit.json"}

__getattr__ = lazy_attributes(__name__, _EXPORTS, globals())

__all__ = ["emit_hocon", "emit_json"]
