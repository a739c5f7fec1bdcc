"""Console sink (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.sink.console import ConsoleSink as _Generated


class ConsoleSink(_Generated):
    """Prints every row to the engine's log; for trying a pipeline."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {"plugin_input": ["fake"]},
        {"log.print.data": False, "log.print.delay.ms": 100},
    )


__all__ = ["ConsoleSink"]
