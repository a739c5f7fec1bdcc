"""MySQL-CDC source (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.source.mysql_cdc import MySQLCDCSource as _Generated


class MySQLCDCSource(_Generated):
    """Reads a MySQL binlog: a snapshot of the tables, then their changes (streaming jobs).

    `base-url`, `username` and `password` are required, and exactly one of `table-names`
    (`db.table` names) or `table-pattern`. `startup.mode = "specific"` needs
    `startup.specific-offset.file` and `startup.specific-offset.pos`.
    """

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "base-url": "jdbc:mysql://db:3306/shop",
            "username": "st",
            "password": "secret",
            "table-names": ["shop.orders"],
            "startup.mode": "initial",
        },
        {
            "base-url": "jdbc:mysql://db:3306/shop",
            "username": "st",
            "password": "secret",
            "table-pattern": "shop\\..*",
            "startup.mode": "specific",
            "startup.specific-offset.file": "binlog.000003",
            "startup.specific-offset.pos": 4,
        },
    )


__all__ = ["MySQLCDCSource"]
