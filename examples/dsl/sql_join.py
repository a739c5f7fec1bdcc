"""Batch: two sources joined by a Sql transform that reads both tables by name."""

from stconfig.dsl import Job, Sink, Source, Transform

with Job("orders-with-customers", mode="BATCH") as job:
    customers = Source(
        "FakeSource",
        {"row.num": 10, "schema": {"fields": {"customer_id": "bigint", "name": "string"}}},
        plugin_output="customers",
    )
    orders = Source(
        "FakeSource",
        {
            "row.num": 100,
            "schema": {
                "fields": {"order_id": "bigint", "customer_id": "bigint", "amount": "double"}
            },
        },
        plugin_output="orders",
    )
    joined = Transform(
        "Sql",
        {
            "query": "select o.order_id, c.name, o.amount from orders o "
            "join customers c on o.customer_id = c.customer_id"
        },
        plugin_output="orders_named",
    )
    [orders, customers] >> joined >> Sink("Console")
