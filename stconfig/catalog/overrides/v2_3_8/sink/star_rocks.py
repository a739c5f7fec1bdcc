"""StarRocks sink (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.sink.star_rocks import StarRocksSink as _Generated


class StarRocksSink(_Generated):
    """Writes to StarRocks with Stream Load; `base-url` is the FE JDBC address."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "nodeUrls": ["sr-fe:8030"],
            "base-url": "jdbc:mysql://sr-fe:9030/",
            "username": "root",
            "password": "",
            "database": "shop",
            "table": "orders",
        },
    )


__all__ = ["StarRocksSink"]
