"""Streaming: JSON order events from Kafka into a Doris table, checkpointed every 10 s.

Doris commits with two-phase commit at each checkpoint, so the interval is also the
end-to-end latency; the label prefix must be unique per job.
"""

from stconfig.dsl import Job, Secret, Sink, Source, Var

with Job(
    "orders-kafka-to-doris",
    mode="STREAMING",
    parallelism=4,
    checkpoint_interval=10000,
    checkpoint_timeout=60000,
) as job:
    events = Source(
        "Kafka",
        {
            "bootstrap.servers": Var("KAFKA_BROKERS", "kafka:9092"),
            "topic": "orders",
            "consumer.group": "seatunnel-orders",
            "start_mode": "group_offsets",
            "format": "json",
            "schema": {
                "fields": {
                    "order_id": "bigint",
                    "customer_id": "bigint",
                    "amount": "decimal(10, 2)",
                    "created_at": "timestamp",
                }
            },
        },
        plugin_output="order_events",
    )
    doris = Sink(
        "Doris",
        {
            "fenodes": "doris-fe:8030",
            "username": "seatunnel",
            "password": Secret("DORIS_PASSWORD"),
            "database": "shop",
            "table": "orders",
            "sink.label-prefix": "orders-kafka",
            "sink.enable-2pc": True,
            "doris.config": {"format": "json", "read_json_by_line": "true"},
        },
    )
    events >> doris
