"""Clickhouse source (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.source.clickhouse import ClickhouseSource as _Generated


class ClickhouseSource(_Generated):
    """Reads the result of a ClickHouse `sql` query."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "host": "ch:8123",
            "database": "shop",
            "sql": "select * from orders",
            "username": "default",
            "password": "",
        },
    )


__all__ = ["ClickhouseSource"]
