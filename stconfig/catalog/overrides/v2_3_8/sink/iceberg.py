"""Iceberg sink (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.sink.iceberg import IcebergSink as _Generated


class IcebergSink(_Generated):
    """Writes to an Iceberg table; `iceberg.catalog.config` holds the catalog settings."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "catalog_name": "lake",
            "namespace": "shop",
            "table": "orders",
            "iceberg.catalog.config": {"type": "hadoop", "warehouse": "hdfs:///iceberg"},
        },
    )


__all__ = ["IcebergSink"]
