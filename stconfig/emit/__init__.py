"""Writers for the job model: `job.json` (REST v2 body) and SeaTunnel-dialect HOCON."""

from stconfig.emit.hocon import emit_hocon
from stconfig.emit.json import emit_json

__all__ = ["emit_hocon", "emit_json"]
