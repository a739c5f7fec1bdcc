"""Sql transform (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.transform.sql import SqlTransform as _Generated


class SqlTransform(_Generated):
    """Transforms rows with one SQL `query` over its input table (`select ... from dual`)."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "plugin_input": ["fake"],
            "plugin_output": "adults",
            "query": "select id, name from dual where age >= 18",
        },
    )


__all__ = ["SqlTransform"]
