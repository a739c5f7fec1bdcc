"""Hive sink (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.sink.hive import HiveSink as _Generated


class HiveSink(_Generated):
    """Writes into a Hive table; `table_name` (`db.table`) and `metastore_uri` are required."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {"table_name": "default.orders", "metastore_uri": "thrift://metastore:9083"},
    )


__all__ = ["HiveSink"]
