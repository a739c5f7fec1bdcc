"""Jdbc source (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import Field

from stconfig.catalog._generated.v2_3_8.source.jdbc import JdbcSource as _Generated
from stconfig.catalog.types import AtLeast, SeaTunnelType


class JdbcSource(_Generated):
    """Reads tables or queries over JDBC (MySQL, PostgreSQL, Oracle and the other dialects).

    `url` and `driver` are required; read with `query`, or with `table_path` / `table_list`.
    `partition_column` with `partition_num` splits the read.
    """

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "url": "jdbc:mysql://db:3306/shop",
            "driver": "com.mysql.cj.jdbc.Driver",
            "user": "st",
            "password": "secret",
            "query": "select * from orders",
        },
        {
            "url": "jdbc:postgresql://pg:5432/shop",
            "driver": "org.postgresql.Driver",
            "user": "st",
            "table_path": "shop.public.orders",
            "partition_column": "id",
            "partition_num": 4,
        },
    )

    fetch_size: Annotated[int | None, SeaTunnelType("int"), AtLeast(0)] = Field(
        0, alias="fetch_size"
    )


__all__ = ["JdbcSource"]
