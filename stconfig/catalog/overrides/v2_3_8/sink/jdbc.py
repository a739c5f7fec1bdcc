"""Jdbc sink (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import Field

from stconfig.catalog._generated.v2_3_8.sink.jdbc import JdbcSink as _Generated
from stconfig.catalog.types import AtLeast, SeaTunnelType


class JdbcSink(_Generated):
    """Writes rows over JDBC, with a generated or a given SQL statement.

    `generate_sink_sql = true` needs `database` (and `table`); otherwise `query` is required.
    `is_exactly_once = true` needs `xa_data_source_class_name`.
    """

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "url": "jdbc:mysql://db:3306/shop",
            "driver": "com.mysql.cj.jdbc.Driver",
            "user": "st",
            "password": "secret",
            "query": "insert into orders(id, name) values(?, ?)",
        },
        {
            "url": "jdbc:mysql://db:3306/shop",
            "driver": "com.mysql.cj.jdbc.Driver",
            "generate_sink_sql": True,
            "database": "shop",
            "table": "orders",
            "primary_keys": ["id"],
        },
    )

    batch_size: Annotated[int | None, SeaTunnelType("int"), AtLeast(1)] = Field(
        1000, alias="batch_size"
    )


__all__ = ["JdbcSink"]
