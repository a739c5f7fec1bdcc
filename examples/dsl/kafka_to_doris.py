"""Streaming: JSON order events from Kafka into a Doris table, checkpointed every 10 s.

Doris commits with two-phase commit at each checkpoint, so the interval is also the
end-to-end latency; the label prefix must be unique per job.
"""

from stconfig.dsl import DorisSink, Job, KafkaSource, Secret, Var

with Job(
    "orders-kafka-to-doris",
    mode="STREAMING",
    parallelism=4,
    checkpoint_interval=10000,
    checkpoint_timeout=60000,
) as job:
    events = KafkaSource(
        bootstrap_servers=Var("KAFKA_BROKERS", "kafka:9092"),
        topic="orders",
        consumer_group="seatunnel-orders",
        start_mode="GROUP_OFFSETS",
        format="JSON",
        db_schema={
            "fields": {
                "order_id": "bigint",
                "customer_id": "bigint",
                "amount": "decimal(10, 2)",
                "created_at": "timestamp",
            }
        },
        plugin_output="order_events",
    )
    doris = DorisSink(
        fenodes="doris-fe:8030",
        username="seatunnel",
        password=Secret("DORIS_PASSWORD"),
        database="shop",
        table="orders",
        sink_label_prefix="orders-kafka",
        sink_enable_2pc=True,
        doris_config={"format": "json", "read_json_by_line": "true"},
    )
    events >> doris
