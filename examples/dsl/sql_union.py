"""Batch: one Sql transform reads two tables of the same row type, and names its first input.

SeaTunnel's Sql transform works row by row on its input: no JOIN (2.3.8 refuses it with
"Unsupported table join syntax"). Fed two tables, it reads both as one stream, which the engine
only allows when their row types are equal; the query names the first input after FROM.
"""

from stconfig.dsl import Console, FakeSource, Job, SchemaDict, Sql

ORDER: SchemaDict = {"fields": {"order_id": "bigint", "customer_id": "bigint", "amount": "double"}}

with Job("orders-in-cents", mode="BATCH") as job:
    europe = FakeSource(row_num=10, schema_=ORDER, plugin_output="orders_eu")
    america = FakeSource(row_num=20, schema_=ORDER, plugin_output="orders_us")
    cents = Sql(
        query="select order_id, customer_id, amount * 100 as amount_cents "
        "from orders_eu where amount > 0",
        plugin_output="orders_in_cents",
    )
    [europe, america] >> cents >> Console()
