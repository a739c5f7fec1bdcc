"""Http source (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.source.http import HttpSource as _Generated


class HttpSource(_Generated):
    """Reads from an HTTP API; `format = "json"` needs a `schema` (the default is text)."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "url": "http://api/orders",
            "method": "GET",
            "format": "json",
            "schema": {"fields": {"id": "bigint"}},
        },
        {"url": "http://api/orders", "format": "text"},
    )


__all__ = ["HttpSource"]
