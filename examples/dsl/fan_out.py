"""Batch: one source written to two sinks, an archive of Parquet files and the console.

No table names are given: the job names the source's table itself (`fake_source`).
"""

from stconfig.dsl import Console, FakeSource, Job, LocalFileSink

with Job("events-fan-out", mode="BATCH", parallelism=2) as job:
    events = FakeSource(row_num=1000, schema_={"fields": {"id": "bigint", "payload": "string"}})
    archive = LocalFileSink(path="/data/archive/events", file_format_type="PARQUET")
    events >> [archive, Console()]
