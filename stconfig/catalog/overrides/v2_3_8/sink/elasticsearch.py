"""Elasticsearch sink (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.sink.elasticsearch import ElasticsearchSink as _Generated


class ElasticsearchSink(_Generated):
    """Writes documents to an Elasticsearch index."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {"hosts": ["http://es:9200"], "index": "orders", "primary_keys": ["id"]},
    )


__all__ = ["ElasticsearchSink"]
