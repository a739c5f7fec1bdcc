"""StarRocks source (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.source.star_rocks import StarRocksSource as _Generated


class StarRocksSource(_Generated):
    """Reads a StarRocks table through its BE nodes; `nodeUrls` are FE HTTP addresses."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "nodeUrls": ["sr-fe:8030"],
            "username": "root",
            "password": "",
            "database": "shop",
            "table": "orders",
            "schema": {"fields": {"id": "bigint", "name": "string"}},
        },
    )


__all__ = ["StarRocksSource"]
