"""Kafka source (SeaTunnel 2.3.8), refined by hand over the generated model."""

from __future__ import annotations

from typing import Any, ClassVar

from stconfig.catalog._generated.v2_3_8.source.kafka import KafkaSource as _Generated


class KafkaSource(_Generated):
    """Reads records from Kafka topics.

    `bootstrap.servers` is required, and exactly one of `topic` or `table_list`.
    `start_mode = "timestamp"` needs `start_mode.timestamp`; `"specific_offsets"` needs
    `start_mode.offsets`. Client settings go under `kafka.config`.
    """

    examples: ClassVar[tuple[dict[str, Any], ...]] = (
        {
            "bootstrap.servers": "kafka:9092",
            "topic": "orders",
            "consumer.group": "st",
            "format": "json",
            "schema": {"fields": {"id": "bigint", "name": "string"}},
        },
        {
            "bootstrap.servers": "kafka:9092",
            "topic": "orders",
            "start_mode": "timestamp",
            "start_mode.timestamp": 1700000000000,
            "kafka.config": {"max.poll.records": 500},
        },
    )


__all__ = ["KafkaSource"]
