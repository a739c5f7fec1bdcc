"""Http sink (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.sink.http import HttpSink as _Generated


class HttpSink(_Generated):
    """Posts every row as JSON to `url`."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {"url": "http://api/ingest", "headers": {"token": "t"}},
    )


__all__ = ["HttpSink"]
