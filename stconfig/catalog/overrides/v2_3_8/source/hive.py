"""Hive source (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.source.hive import HiveSource as _Generated


class HiveSource(_Generated):
    """Reads a Hive table through its metastore (`table_name` as `db.table`, `metastore_uri`)."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {"table_name": "default.orders", "metastore_uri": "thrift://metastore:9083"},
    )


__all__ = ["HiveSource"]
