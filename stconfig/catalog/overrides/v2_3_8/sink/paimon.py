"""Paimon sink (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.sink.paimon import PaimonSink as _Generated


class PaimonSink(_Generated):
    """Writes to a Paimon table; `catalog_type = "hive"` also needs `catalog_uri`."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "warehouse": "hdfs:///paimon",
            "database": "shop",
            "table": "orders",
            "catalog_type": "hive",
            "catalog_uri": "thrift://metastore:9083",
        },
    )


__all__ = ["PaimonSink"]
