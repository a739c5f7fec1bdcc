"""Batch: two sources joined by a Sql transform that reads both tables by name."""

from stconfig.dsl import Console, FakeSource, Job, Sql

with Job("orders-with-customers", mode="BATCH") as job:
    customers = FakeSource(
        row_num=10,
        schema_={"fields": {"customer_id": "bigint", "name": "string"}},
        plugin_output="customers",
    )
    orders = FakeSource(
        row_num=100,
        schema_={"fields": {"order_id": "bigint", "customer_id": "bigint", "amount": "double"}},
        plugin_output="orders",
    )
    joined = Sql(
        query="select o.order_id, c.name, o.amount from orders o "
        "join customers c on o.customer_id = c.customer_id",
        plugin_output="orders_named",
    )
    [orders, customers] >> joined >> Console()
