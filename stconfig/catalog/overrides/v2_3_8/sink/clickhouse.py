"""Clickhouse sink (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.sink.clickhouse import ClickhouseSink as _Generated


class ClickhouseSink(_Generated):
    """Writes to a ClickHouse table; `username` and `password` go together."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "host": "ch:8123",
            "database": "shop",
            "table": "orders",
            "username": "default",
            "password": "",
            "bulk_size": 20000,
        },
    )


__all__ = ["ClickhouseSink"]
