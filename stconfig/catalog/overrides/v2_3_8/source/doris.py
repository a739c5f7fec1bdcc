"""Doris source (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.source.doris import DorisSource as _Generated


class DorisSource(_Generated):
    """Reads a Doris table: `fenodes`, `username`, `password`, `database`, `table` are required."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "fenodes": "doris-fe:8030",
            "username": "root",
            "password": "",
            "database": "shop",
            "table": "orders",
        },
    )


__all__ = ["DorisSource"]
