"""The cookbook's batch job: generated rows, renamed fields, a filter, printed to the console."""

from stconfig.dsl import Job, Sink, Source, Transform

with Job("fake-to-console", mode="BATCH", parallelism=1) as job:
    fake = Source(
        "FakeSource",
        {
            "row.num": 100,
            "schema": {"fields": {"id": "bigint", "name": "string", "age": "int"}},
        },
        plugin_output="fake",
    )
    renamed = Transform(
        "FieldMapper",
        {"field_mapper": {"id": "id", "name": "user_name", "age": "age"}},
        plugin_output="renamed",
    )
    filtered = Transform(
        "Filter", {"include_fields": ["id", "user_name"]}, plugin_output="filtered"
    )
    fake >> renamed >> filtered >> Sink("Console")
