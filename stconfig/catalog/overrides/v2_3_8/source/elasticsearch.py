"""Elasticsearch source (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.source.elasticsearch import (
    ElasticsearchSource as _Generated,
)


class ElasticsearchSource(_Generated):
    """Reads documents from an Elasticsearch index (`index`, or several through `index_list`)."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {"hosts": ["http://es:9200"], "index": "orders", "source": ["id", "name"]},
    )


__all__ = ["ElasticsearchSource"]
