"""The cookbook's streaming job: MySQL-CDC change events printed to the console.

The password is a secret reference: the file holds "${MYSQL_PASSWORD}", and the value is
given when the job runs: `seatunnel.sh -i MYSQL_PASSWORD=...`, or
`stconfig submit mysql_cdc_to_console.json --var MYSQL_PASSWORD=...` (the engine fills
nothing in a REST body, so stconfig fills it before sending).
"""

from stconfig.dsl import Console, Job, MySQLCDC, Secret

with Job("my-cdc-job", mode="STREAMING", parallelism=1, checkpoint_interval=30000) as job:
    orders = MySQLCDC(
        base_url="jdbc:mysql://mysql:3306/shop",
        username="seatunnel",
        password=Secret("MYSQL_PASSWORD"),
        table_names=["shop.orders"],
        plugin_output="orders",
    )
    orders >> Console()
