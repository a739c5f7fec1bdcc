"""Doris sink (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.sink.doris import DorisSink as _Generated


class DorisSink(_Generated):
    """Writes to Doris with Stream Load; `doris.config` holds the load properties (format)."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "fenodes": "doris-fe:8030",
            "username": "root",
            "password": "",
            "database": "shop",
            "table": "orders",
            "sink.label-prefix": "st",
            "sink.enable-2pc": True,
            "doris.config": {"format": "json", "read_json_by_line": "true"},
        },
    )


__all__ = ["DorisSink"]
