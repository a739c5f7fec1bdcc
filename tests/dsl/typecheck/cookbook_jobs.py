"""The cookbook's two jobs (§2.1 MySQL-CDC -> Console, §2.2 FakeSource -> FieldMapper -> Filter
-> Console) written with the typed classes: type checkers must find nothing to report."""

from stconfig.dsl import Console, FakeSource, FieldMapper, Filter, Job, MySQLCDC, Secret

with Job("my-cdc-job", mode="STREAMING", checkpoint_interval=30000) as cdc:
    orders = MySQLCDC(
        plugin_output="mysql_cdc_result",
        base_url="jdbc:mysql://localhost:3306/mydb",
        username="cdc_user",
        password=Secret("MYSQL_PASSWORD"),
        database_names=["mydb"],
        table_names=["mydb.orders"],
        startup_mode="initial",
        server_id="5400-5404",
    )
    orders >> Console()

with Job("etl-with-transforms", mode="BATCH") as etl:
    fake = FakeSource(
        plugin_output="fake",
        row_num=100,
        schema_={"fields": {"id": "int", "name": "string", "amount": "double"}},
    )
    mapped = FieldMapper(
        plugin_input=fake,
        plugin_output="after_field_map",
        field_mapper={"id": "user_id", "name": "user_name"},
    )
    kept = Filter(
        plugin_input=mapped,
        plugin_output="filtered",
        include_fields=["user_id", "user_name", "amount"],
    )
    kept >> Console()
    legacy = Filter(plugin_input=mapped, fields=["user_id"])
    legacy >> Console()
