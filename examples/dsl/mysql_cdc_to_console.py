"""The cookbook's streaming job: MySQL-CDC change events printed to the console.

The password is a secret reference: the file holds "${MYSQL_PASSWORD}", and the value is
given when the job is submitted (`stconfig submit --var MYSQL_PASSWORD=...`, or
`seatunnel.sh -i MYSQL_PASSWORD=...`).
"""

from stconfig.dsl import Job, Secret, Sink, Source

with Job("my-cdc-job", mode="STREAMING", parallelism=1, checkpoint_interval=30000) as job:
    orders = Source(
        "MySQL-CDC",
        {
            "base-url": "jdbc:mysql://mysql:3306/shop",
            "username": "seatunnel",
            "password": Secret("MYSQL_PASSWORD"),
            "table-names": ["shop.orders"],
            "startup.mode": "initial",
        },
        plugin_output="orders",
    )
    orders >> Sink("Console")
