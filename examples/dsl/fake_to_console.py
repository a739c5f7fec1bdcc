"""The cookbook's batch job: generated rows, renamed fields, a filter, printed to the console."""

from stconfig.dsl import Console, FakeSource, FieldMapper, Filter, Job

with Job("fake-to-console", mode="BATCH", parallelism=1) as job:
    fake = FakeSource(
        row_num=100,
        schema_={"fields": {"id": "bigint", "name": "string", "age": "int"}},
        plugin_output="fake",
    )
    renamed = FieldMapper(
        field_mapper={"id": "id", "name": "user_name", "age": "age"},
        plugin_output="renamed",
    )
    filtered = Filter(include_fields=["id", "user_name"], plugin_output="filtered")
    fake >> renamed >> filtered >> Console()
