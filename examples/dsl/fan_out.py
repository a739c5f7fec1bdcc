"""Batch: one source written to two sinks, an archive file and the console."""

from stconfig.dsl import Job, Sink, Source

with Job("events-fan-out", mode="BATCH", parallelism=2) as job:
    events = Source(
        "FakeSource",
        {"row.num": 1000, "schema": {"fields": {"id": "bigint", "payload": "string"}}},
    )
    archive = Sink(
        "LocalFile",
        {"path": "/data/archive/events", "file_format_type": "parquet"},
    )
    events >> [archive, Sink("Console")]
