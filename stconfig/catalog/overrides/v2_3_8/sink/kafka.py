"""Kafka sink (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.sink.kafka import KafkaSink as _Generated


class KafkaSink(_Generated):
    """Writes rows to a Kafka topic; `topic` and `bootstrap.servers` are required."""

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "bootstrap.servers": "kafka:9092",
            "topic": "orders_out",
            "format": "json",
            "kafka.config": {"acks": "all"},
        },
    )


__all__ = ["KafkaSink"]
