"""Paimon source (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.source.paimon import PaimonSource as _Generated


class PaimonSource(_Generated):
    """Reads a Paimon table from a warehouse; a Hive catalog also needs `catalog_uri`."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {"warehouse": "hdfs:///paimon", "database": "shop", "table": "orders"},
    )


__all__ = ["PaimonSource"]
